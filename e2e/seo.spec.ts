// Search engines and link previews: a sitemap and robots.txt, a title, description and canonical URL on
// every page, and for articles OpenGraph, Twitter cards, JSON-LD and a picture to share.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { getArticle, getArticles } from '../lib/content';
import { articlePath } from '../lib/paths';

const WITH_COVER = 'mistral-7b-sliding-window-attention';
const WITHOUT_COVER = 'claude-2-long-context';
const pathOf = (url: string) => new URL(url).pathname;

const meta = (page: Page, attribute: 'name' | 'property', key: string) =>
  page.locator(`head meta[${attribute}="${key}"]`).first().getAttribute('content');

function pngSize(bytes: Buffer) {
  return { signature: bytes.subarray(1, 4).toString('latin1'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the sitemap lists every article with its last change, the tag pages and the listing pages', async ({ page, request }) => {
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  await page.goto('/tags', { waitUntil: 'domcontentloaded' });
  const entries = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return null;
    return [...doc.getElementsByTagName('url')].map((url) => ({
      loc: url.getElementsByTagName('loc')[0]?.textContent ?? '',
      lastmod: url.getElementsByTagName('lastmod')[0]?.textContent ?? '',
    }));
  }, await response.text());
  expect(entries).not.toBeNull();
  for (const entry of entries!) expect(entry.loc).toMatch(/^https?:\/\//);
  const byPath = new Map(entries!.map((entry) => [decodeURIComponent(pathOf(entry.loc)), entry.lastmod]));

  for (const article of getArticles()) {
    expect(byPath.get(articlePath(article.slug)), article.slug).toBe(article.updated ?? article.date);
  }
  for (const path of ['/', '/page/2', '/tags', '/tags/ai', '/tags/ai/page/2', '/tags/c-plus-plus', '/tags/机器学习']) {
    expect(byPath.has(path), path).toBe(true);
  }
  expect(byPath.has('/posts/gemini-first-look')).toBe(false);
});

test('robots.txt allows crawling and names the sitemap by its absolute URL', async ({ request }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toMatch(/User-Agent: \*/i);
  expect(text).toMatch(/^Sitemap: https?:\/\/[^\s]+\/sitemap\.xml$/m);
});

test('every kind of page has a title, a description and an absolute canonical URL', async ({ page, request }) => {
  await page.goto('/tags', { waitUntil: 'domcontentloaded' });
  for (const path of ['/', '/page/2', '/tags', '/tags/ai', '/tags/ai/page/2', articlePath(WITH_COVER)]) {
    const head = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return {
        title: doc.title,
        description: doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
        canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
      };
    }, await (await request.get(path)).text());
    expect(head.title, path).toMatch(/Frontier Notes/);
    expect(head.description.length, path).toBeGreaterThan(20);
    expect(head.canonical, path).toMatch(/^https?:\/\//);
    expect(pathOf(head.canonical), path).toBe(path);
  }
});

test('an article with a cover shares the cover, as an OpenGraph article with its dates and tags', async ({ page }) => {
  const article = getArticle(WITH_COVER)!;
  await page.goto(articlePath(WITH_COVER), { waitUntil: 'domcontentloaded' });
  expect(await meta(page, 'property', 'og:type')).toBe('article');
  expect(await meta(page, 'property', 'og:title')).toBe(article.title);
  expect(await meta(page, 'property', 'article:published_time')).toBe(article.date);
  expect(await meta(page, 'property', 'article:modified_time')).toBe(article.updated ?? article.date);
  const tags = await page.locator('head meta[property="article:tag"]').evaluateAll((els) => els.map((el) => el.getAttribute('content')));
  expect(tags).toEqual(article.tags.map((tag) => tag.name));
  const image = await meta(page, 'property', 'og:image');
  expect(image).toMatch(/^https?:\/\//);
  expect(pathOf(image!)).toBe(article.image);
  expect(await meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
  expect(await meta(page, 'name', 'twitter:image')).toBe(image);
});

test('an article without a cover shares its generated card, a 1200×630 PNG', async ({ page, request }) => {
  await page.goto(articlePath(WITHOUT_COVER), { waitUntil: 'domcontentloaded' });
  const image = await meta(page, 'property', 'og:image');
  expect(pathOf(image!)).toBe(`/posts/${WITHOUT_COVER}/social-card.png`);
  expect(await meta(page, 'property', 'og:image:width')).toBe('1200');
  expect(await meta(page, 'property', 'og:image:height')).toBe('630');
  expect(await meta(page, 'name', 'twitter:image')).toBe(image);

  const response = await request.get(pathOf(image!));
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(pngSize(await response.body())).toEqual({ signature: 'PNG', width: 1200, height: 630 });
});

test('articles with a cover get no generated card', async ({ request }) => {
  expect((await request.get(`/posts/${WITH_COVER}/social-card.png`)).status()).toBe(404);
});

test('the JSON-LD parses and describes the article, with its date, and a breadcrumb', async ({ page }) => {
  const article = getArticle(WITHOUT_COVER)!;
  await page.goto(articlePath(WITHOUT_COVER), { waitUntil: 'domcontentloaded' });
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts).toHaveLength(1);
  const data: { '@context': string; '@graph': Record<string, unknown>[] } = JSON.parse(scripts[0]!);
  expect(data['@context']).toBe('https://schema.org');
  const posting = data['@graph'].find((node) => node['@type'] === 'BlogPosting');
  expect(posting).toMatchObject({
    headline: article.title,
    description: article.summary,
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    keywords: article.tags.map((tag) => tag.name),
    author: { '@type': 'Organization' },
  });
  expect(String((posting!.image as string[])[0])).toMatch(/social-card\.png$/);
  const breadcrumb = data['@graph'].find((node) => node['@type'] === 'BreadcrumbList');
  const steps = (breadcrumb?.itemListElement ?? []) as { position: number; item: string }[];
  expect(steps.map((step) => pathOf(step.item))).toEqual(['/', `/tags/${article.tags[0]!.slug}`, articlePath(article.slug)]);
});
