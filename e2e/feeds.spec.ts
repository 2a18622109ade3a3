// Feed readers subscribe from any page and get every published article, in full, with links that work
// outside the site.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { getArticles, getArticlesByTag, getTags } from '../lib/content';
import { articlePath, tagPath } from '../lib/paths';

const DRAFT = '/posts/gemini-first-look';
const published = () => getArticles().map((article) => articlePath(article.slug));
const pathOf = (url: string) => new URL(url).pathname;

type ParsedFeed = { wellFormed: boolean; links: string[]; html: string[]; selfLink: string | null };

/** Parses a feed with the browser's own XML parser, which reports any well-formedness error. */
async function parseXmlFeed(page: Page, xml: string, kind: 'rss' | 'atom'): Promise<ParsedFeed> {
  return page.evaluate(
    ([text, feedKind]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length > 0) return { wellFormed: false, links: [], html: [], selfLink: null };
      const ATOM = 'http://www.w3.org/2005/Atom';
      if (feedKind === 'rss') {
        const items = [...doc.querySelectorAll('channel > item')];
        return {
          wellFormed: true,
          links: items.map((item) => item.querySelector('link')?.textContent ?? ''),
          html: items.map((item) => item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent ?? ''),
          selfLink: doc.getElementsByTagNameNS(ATOM, 'link')[0]?.getAttribute('href') ?? null,
        };
      }
      const entries = [...doc.getElementsByTagNameNS(ATOM, 'entry')];
      return {
        wellFormed: true,
        links: entries.map((entry) => [...entry.getElementsByTagNameNS(ATOM, 'link')].find((link) => link.getAttribute('rel') !== 'enclosure')?.getAttribute('href') ?? ''),
        html: entries.map((entry) => entry.getElementsByTagNameNS(ATOM, 'content')[0]?.textContent ?? ''),
        selfLink: [...doc.documentElement.children].find((el) => el.localName === 'link' && el.getAttribute('rel') === 'self')?.getAttribute('href') ?? null,
      };
    },
    [xml, kind] as const,
  );
}

/** Every href and src inside article HTML, as a reader would resolve them. */
async function urlsInHtml(page: Page, html: string[]): Promise<string[]> {
  return page.evaluate((fragments) => {
    const doc = document.implementation.createHTMLDocument('');
    return fragments.flatMap((fragment) => {
      doc.body.innerHTML = fragment;
      return [...doc.body.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
    });
  }, html);
}

function expectAbsolute(urls: string[]) {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url, `${url} should be absolute`).toMatch(/^(https?:|mailto:)/);
}

test('every page announces the RSS, Atom and JSON feeds', async ({ page }) => {
  for (const path of ['/', '/tags', articlePath(getArticles()[0]!.slug)]) {
    // Only the head matters here; not waiting for images keeps this fast on a busy machine.
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const feeds = await page.locator('head link[rel="alternate"][type*="+"]').evaluateAll((links) =>
      links.map((link) => ({ type: link.getAttribute('type'), href: link.getAttribute('href') ?? '' })),
    );
    expect(feeds.filter((feed) => !feed.href.includes('/tags/')).map((feed) => [feed.type, pathOf(feed.href)])).toEqual([
      ['application/rss+xml', '/feed.xml'],
      ['application/atom+xml', '/atom.xml'],
      ['application/feed+json', '/feed.json'],
    ]);
    expectAbsolute(feeds.map((feed) => feed.href));
  }
});

for (const [path, kind] of [['/feed.xml', 'rss'], ['/atom.xml', 'atom']] as const) {
  test(`${path} is well-formed and lists exactly the published articles, with absolute links`, async ({ page, request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(kind === 'rss' ? 'application/rss+xml' : 'application/atom+xml');
    await page.goto('/tags', { waitUntil: 'domcontentloaded' });
    const feed = await parseXmlFeed(page, await response.text(), kind);
    expect(feed.wellFormed).toBe(true);
    expectAbsolute(feed.links);
    expect(feed.links.map(pathOf)).toEqual(published());
    expect(feed.links.map(pathOf)).not.toContain(DRAFT);
    expect(pathOf(feed.selfLink ?? 'http://x/')).toBe(path);
    // Full article HTML, not a summary, with images and links that resolve outside the site.
    expect(feed.html.every((html) => html.includes('<p>'))).toBe(true);
    expectAbsolute(await urlsInHtml(page, feed.html));
  });
}

test('/feed.json is valid JSON Feed listing exactly the published articles, with absolute links', async ({ page, request }) => {
  const response = await request.get('/feed.json');
  expect(response.headers()['content-type']).toContain('application/feed+json');
  const feed: { version: string; items: { url: string; content_html: string; date_published: string }[] } = await response.json();
  expect(feed.version).toBe('https://jsonfeed.org/version/1');
  expectAbsolute(feed.items.map((item) => item.url));
  expect(feed.items.map((item) => pathOf(item.url))).toEqual(published());
  await page.goto('/tags', { waitUntil: 'domcontentloaded' });
  expectAbsolute(await urlsInHtml(page, feed.items.map((item) => item.content_html)));
});

test('the feeds draw MDX components as plain HTML', async ({ request }) => {
  const rss = await request.get('/feed.xml').then((response) => response.text());
  expect(rss).toContain('<aside class="callout');
  expect(rss).toContain('<figure class="gallery not-prose"><ul class="gallery-grid">');
  expect(rss).not.toContain('<Gallery');
  expect(rss).not.toContain('<Callout');
});

test('a tag page announces its own feed, and a tag feed lists exactly its articles', async ({ page, request }) => {
  await page.goto('/tags', { waitUntil: 'domcontentloaded' });
  for (const tag of getTags()) {
    const html = await (await request.get(tagPath(tag.slug))).text();
    const href = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'text/html');
      return doc.querySelector('head link[rel="alternate"][type="application/rss+xml"][href*="/tags/"]')?.getAttribute('href') ?? null;
    }, html);
    expect(href, `feed link of tag ${tag.name}`).toMatch(/^https?:\/\//);
    const feedPath = pathOf(href!);
    expect(decodeURIComponent(feedPath)).toBe(`/tags/${tag.slug}/feed.xml`);

    const response = await request.get(feedPath);
    expect(response.status()).toBe(200);
    const feed = await parseXmlFeed(page, await response.text(), 'rss');
    expect(feed.wellFormed).toBe(true);
    expect(feed.links.map(pathOf)).toEqual(getArticlesByTag(tag.slug).map((article) => articlePath(article.slug)));
  }
});

test('a tag that only a draft uses has no feed', async ({ request }) => {
  expect((await request.get('/tags/google/feed.xml')).status()).toBe(404);
});
