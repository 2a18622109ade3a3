// A reader narrows the article list by combining tags, on the home page and on tag pages.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { formatDate } from '../lib/dates';
import { site } from '../lib/site';

/** Opens a page without waiting for its images, which the server resizes on first request: slow on a busy machine. */
const open = (page: Page, path: string) => page.goto(path, { waitUntil: 'domcontentloaded' });

// Each test opens several pages; on a machine shared by parallel builds that can outlast the default 30 s.
test.describe.configure({ timeout: 60_000 });

const INDEX_URL = '/tag-filter/index.json';

/**
 * Article paths listed under a tag, read from the server-rendered tag pages (following rel="next").
 * Fetched as HTML rather than opened in the browser: it is the oracle, not what is being tested.
 */
async function articlesTagged(page: Page, slug: string): Promise<string[]> {
  const found: string[] = [];
  let next: string | undefined = `/tags/${encodeURIComponent(slug)}`;
  while (next) {
    const html = await (await page.request.get(next)).text();
    const list = /<ol[^>]*data-testid="article-list"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    found.push(...[...list.matchAll(/<h2[^>]*><a[^>]*href="(\/posts\/[^"]+)"/g)].map((match) => match[1]!));
    next = /<a[^>]*rel="next"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="next"/.exec(html)?.slice(1).find(Boolean);
  }
  return found;
}

async function listedArticles(page: Page): Promise<string[]> {
  return page.getByTestId('article-list').locator('article h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

const filter = (page: Page) => page.getByTestId('tag-filter');
const chip = (page: Page, name: string) => filter(page).getByRole('button', { name: new RegExp(`^${escape(name)} \\(\\d+ articles?\\)$`) });
const status = (page: Page) => page.getByTestId('tag-filter-status');
// The first filtering fetches the index and a chunk of cards, which can queue behind cover images.
const expectSoon = expect.configure({ timeout: 15_000 });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function openMoreTags(page: Page) {
  const more = filter(page).locator('details');
  if ((await more.count()) > 0 && !(await more.evaluate((d: HTMLDetailsElement) => d.open))) await more.locator('summary').click();
}

test.describe('tag filter', () => {
  test('the long tail of tags, opened before the page is hydrated, stays open with its chips', async ({ page }) => {
    // The page's scripts (not its styles) are held back: the reader opens "more tags" in the server's HTML, as on
    // a slow phone.
    const scripts = /\/_next\/static\/chunks\/.*\.js$/;
    const held: (() => void)[] = [];
    await page.route(scripts, (route) => new Promise<void>((release) => held.push(release)).then(() => route.continue()));
    // Deferred scripts hold back DOMContentLoaded too: the page is used as soon as it is drawn.
    await page.goto('/', { waitUntil: 'commit' });
    const more = filter(page).locator('details');
    await more.locator('summary').click();
    await expect(more).toHaveAttribute('open', '');
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.unroute(scripts);
    for (const release of held) release();
    // Hydrated: the status line exists only then, and the chips are buttons.
    await expect(status(page)).toBeAttached();
    await expect(chip(page, 'Image Generation')).toBeVisible();
    await expect(more).toHaveAttribute('open', '');
  });

  test('combining two tags by clicking shows exactly the articles carrying both', async ({ page }) => {
    const ai = await articlesTagged(page, 'ai');
    const models = await articlesTagged(page, 'language-models');
    const both = ai.filter((path) => models.includes(path));
    expect(both.length).toBeGreaterThan(1);
    expect(both.length).toBeLessThan(ai.length);

    await open(page, '/');
    await chip(page, 'AI').click();
    await expect(page).toHaveURL(/\/\?tags=ai$/);
    await expectSoon(status(page)).toHaveText(`${ai.length} articles tagged AI`);
    await chip(page, 'Language Models').click();
    await expect(page).toHaveURL(/\/\?tags=ai,language-models$/);
    await expectSoon(status(page)).toHaveText(`${both.length} articles tagged AI and Language Models`);
    expect(await listedArticles(page)).toEqual(both);
    // The cards' dates come formatted by the build (the browser loads no locale data), worded as the server's.
    const dates = await page.getByTestId('article-list').locator('article time').evaluateAll((times) => times.map((time) => [time.getAttribute('datetime') ?? '', time.textContent ?? '']));
    expect(dates).toHaveLength(both.length);
    for (const [iso, text] of dates) expect(text).toBe(formatDate(iso!, site.locale));
    await expect(chip(page, 'AI')).toHaveAttribute('aria-pressed', 'true');
    await expect(chip(page, 'Language Models')).toHaveAttribute('aria-pressed', 'true');
    // The server's pagination belongs to the unfiltered list.
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('a filtered card looks exactly like the same article\'s card in the server\'s list', async ({ page }) => {
    // What a reader sees of each card: its picture (cover, else the body's first image, with the same box and
    // preview), or the panel standing in for one; then its date line, title, summary and tags.
    const cards = () =>
      page.getByTestId('article-list').locator('article').evaluateAll((articles) =>
        articles.map((article) => {
          const frame = article.querySelector<HTMLElement>('.img-frame');
          const image = frame?.querySelector('img');
          return {
            title: article.querySelector('h2 a')?.getAttribute('href'),
            picture: image ? [image.getAttribute('src'), image.getAttribute('srcset'), image.getAttribute('width'), image.getAttribute('height'), frame?.style.backgroundImage] : null,
            panel: frame ? null : (article.querySelector('[aria-hidden="true"]')?.textContent ?? null),
            text: (article as HTMLElement).innerText,
          };
        }),
      );
    await open(page, '/tags/language-models');
    const server = await cards();
    // The tag covers a local cover, a remote one, and articles whose picture is their body's first image.
    expect(server.length).toBeGreaterThanOrEqual(4);
    expect(server.every((card) => card.picture !== null)).toBe(true);
    expect(server.some((card) => card.picture?.[0]?.startsWith('https://'))).toBe(true);

    await open(page, '/?tags=language-models');
    await expectSoon(status(page)).toHaveText(`${server.length} articles tagged Language Models`);
    expect(await cards()).toEqual(server);
  });

  test('opening a ?tags= URL shows the filtered list, and a reload keeps it', async ({ page }) => {
    const ai = await articlesTagged(page, 'ai');
    const models = await articlesTagged(page, 'language-models');
    const both = ai.filter((path) => models.includes(path));

    await open(page, '/?tags=language-models,ai');
    await expectSoon(status(page)).toHaveText(`${both.length} articles tagged Language Models and AI`);
    expect(await listedArticles(page)).toEqual(both);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expectSoon(status(page)).toHaveText(`${both.length} articles tagged Language Models and AI`);
    expect(await listedArticles(page)).toEqual(both);
  });

  test('counts follow the selection, and a tag that would leave nothing is disabled', async ({ page }) => {
    const imageGeneration = await articlesTagged(page, 'image-generation');
    const meta = await articlesTagged(page, 'meta');
    expect(imageGeneration.filter((path) => meta.includes(path))).toEqual([]);

    await open(page, '/');
    await openMoreTags(page);
    await expect(chip(page, 'Image Generation')).toHaveAccessibleName(`Image Generation (${imageGeneration.length} article${imageGeneration.length === 1 ? '' : 's'})`);
    await chip(page, 'Image Generation').click();
    await expectSoon(status(page)).toHaveText(`${imageGeneration.length} article${imageGeneration.length === 1 ? '' : 's'} tagged Image Generation`);
    // Every article tagged Image Generation is tagged AI here, so AI's count becomes theirs.
    await expect(chip(page, 'AI')).toHaveAccessibleName(`AI (${imageGeneration.length} article${imageGeneration.length === 1 ? '' : 's'})`);

    const metaChip = chip(page, 'Meta');
    await expect(metaChip).toBeDisabled();
    await expect(metaChip).toHaveAccessibleName('Meta (0 articles)');
    await metaChip.click({ force: true });
    await expect(page).toHaveURL(/\?tags=image-generation$/);
    await expect(metaChip).toHaveAttribute('aria-pressed', 'false');
  });

  test('Back and Forward step through selections; the clear control resets', async ({ page }) => {
    await open(page, '/');
    const unfiltered = await listedArticles(page);
    await chip(page, 'AI').click();
    await expect(page).toHaveURL(/\?tags=ai$/);
    // The URL changes at once; the list once the index has arrived.
    await expectSoon(status(page)).toHaveText(/ tagged AI$/);
    const aiOnly = await listedArticles(page);
    await chip(page, 'Open Source').click();
    await expect(page).toHaveURL(/\?tags=ai,open-source$/);
    await expectSoon(status(page)).toHaveText(/ tagged AI and Open Source$/);
    const both = await listedArticles(page);
    expect(both.length).toBeLessThan(aiOnly.length);

    await page.goBack();
    await expect(page).toHaveURL(/\?tags=ai$/);
    await expect(chip(page, 'Open Source')).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => listedArticles(page)).toEqual(aiOnly);
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(() => listedArticles(page)).toEqual(unfiltered);
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeVisible();
    await page.goForward();
    await page.goForward();
    await expect(page).toHaveURL(/\?tags=ai,open-source$/);
    await expect.poll(() => listedArticles(page)).toEqual(both);

    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(() => listedArticles(page)).toEqual(unfiltered);
    await expect(chip(page, 'AI')).toHaveAttribute('aria-pressed', 'false');
    await expect(chip(page, 'AI')).toBeFocused();
  });

  test('the index is fetched on first use, not carried by the page', async ({ page }) => {
    const fetched: string[] = [];
    // Requests started and finished, in order: the newest cards must not wait for the index to arrive.
    const events: string[] = [];
    page.on('request', (request) => {
      if (!request.url().includes('/tag-filter/')) return;
      fetched.push(new URL(request.url()).pathname);
      events.push(`start ${new URL(request.url()).pathname}`);
    });
    page.on('requestfinished', (request) => {
      if (request.url().includes('/tag-filter/')) events.push(`end ${new URL(request.url()).pathname}`);
    });
    const response = await open(page, '/');
    const html = (await response?.text()) ?? '';
    expect(html).not.toContain('"articleCount"');
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);

    await chip(page, 'AI').click();
    await expect(status(page)).toContainText('tagged AI');
    expect(fetched).toContain(INDEX_URL);
    // One round trip, not two: the page knows the data's version, so the first chunk is asked for with the index.
    const firstChunk = events.indexOf('start /tag-filter/articles-0.json');
    expect(firstChunk).toBeGreaterThanOrEqual(0);
    expect(firstChunk).toBeLessThan(events.indexOf(`end ${INDEX_URL}`));
  });

  test('on a tag page, the filter narrows that tag’s articles', async ({ page }) => {
    const ai = await articlesTagged(page, 'ai');
    const openSource = await articlesTagged(page, 'open-source');
    const both = ai.filter((path) => openSource.includes(path));

    await open(page, '/tags/ai');
    await expect(filter(page).getByRole('heading')).toHaveText('Combine AI with another tag');
    await expect(chip(page, 'AI')).toHaveCount(0);
    await chip(page, 'Open Source').click();
    await expect(page).toHaveURL(/\/tags\/ai\?tags=open-source$/);
    await expectSoon(status(page)).toHaveText(`${both.length} articles tagged AI and Open Source`);
    expect(await listedArticles(page)).toEqual(both);
  });

  test('filtering from a later page starts the results from the first', async ({ page }) => {
    await open(page, '/page/2');
    await chip(page, 'Open Source').click();
    await expect(page).toHaveURL(/\/\?tags=open-source$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest articles');
    // The address and heading change first; the filtered list follows once the cards are fetched.
    const tagged = await articlesTagged(page, 'open-source');
    await expectSoon.poll(() => listedArticles(page)).toEqual(tagged);
  });

  test('"Show more" reveals the rest of a long result', async ({ page }) => {
    const ai = await articlesTagged(page, 'ai');
    await open(page, '/?tags=ai');
    await expectSoon(status(page)).toHaveText(`${ai.length} articles tagged AI`);
    const first = await listedArticles(page);
    expect(first.length).toBeLessThan(ai.length);
    await page.getByRole('button', { name: 'Show more articles' }).click();
    await expect.poll(() => listedArticles(page)).toEqual(ai);
    await expect(page.getByRole('button', { name: 'Show more articles' })).toHaveCount(0);
  });

  test('tags outside the Latin alphabet filter too', async ({ page }) => {
    const tagged = await articlesTagged(page, '机器学习');
    await open(page, `/?tags=${encodeURIComponent('机器学习')}`);
    await expectSoon(status(page)).toHaveText(`${tagged.length} article${tagged.length === 1 ? '' : 's'} tagged 机器学习`);
    expect(await listedArticles(page)).toEqual(tagged);
  });
});

test.describe('tag filter on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the row of tags fades out at each side that has more to scroll to', async ({ page }) => {
    await open(page, '/');
    const row = filter(page).getByRole('list').first();
    // The fade is a mask as wide as these, following the scroll (app/globals.css, scroll-fade-x).
    const fades = () => row.evaluate((list) => [getComputedStyle(list).getPropertyValue('--fade-start'), getComputedStyle(list).getPropertyValue('--fade-end')]);
    expect(await row.evaluate((list) => list.scrollWidth > list.clientWidth)).toBe(true);
    expect(await row.evaluate((list) => getComputedStyle(list).maskImage)).toContain('linear-gradient');
    await expect.poll(fades).toEqual(['0px', '40px']);
    await row.evaluate((list) => list.scrollTo({ left: list.scrollWidth / 2 }));
    await expect.poll(fades).toEqual(['40px', '40px']);
    await row.evaluate((list) => list.scrollTo({ left: list.scrollWidth }));
    await expect.poll(fades).toEqual(['40px', '0px']);
    // On a desktop the tags wrap: nothing to scroll to, nothing faded.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(fades).toEqual(['0px', '0px']);
  });
});

test.describe('tag filter without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the tags are plain links to their pages', async ({ page }) => {
    await open(page, '/');
    const ai = filter(page).getByRole('link', { name: /^AI \(\d+ articles?\)$/ });
    await expect(ai).toHaveAttribute('href', '/tags/ai');
    await expect(filter(page).getByRole('button')).toHaveCount(0);
    await ai.click();
    await expect(page).toHaveURL(/\/tags\/ai$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI');
    await expect(filter(page).getByRole('link', { name: /^Open Source / })).toHaveAttribute('href', '/tags/open-source');
  });
});
