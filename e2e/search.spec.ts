// A reader searches from the header: "/" focuses the box, results appear while typing, tags narrow them.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect as baseExpect, expectNoAxeViolations } from './fixtures';
import { getArticle, getArticles } from '../lib/content';
import { articlePath } from '../lib/paths';
import { formatDate } from '../lib/dates';
import { site } from '../lib/site';
import { STATIC_PORT } from '../playwright.config';
import { HEAVY_WORD_ARTICLES, scoresFileOf } from '../lib/search-answers';
import { PAGEFIND_OPTIONS, SHORT_WORD_PAUSE_MS, toSearchHit } from '../lib/search';

// "GGUF" appears only in the body of the llama.cpp tutorial; "Nano" only in the draft about Gemini.
const BODY_WORD = 'GGUF';
const BODY_ARTICLE = 'running-llama-2-locally-with-llama-cpp';
const DRAFT_WORD = 'Nano';
const DRAFT_FILE = 'content/posts/gemini-first-look.md';

test.beforeAll(() => {
  // The words must mean what the tests assume, whatever else is published.
  const article = getArticle(BODY_ARTICLE)!;
  expect(article.title + article.description).not.toMatch(new RegExp(BODY_WORD, 'i'));
  expect(getArticles().filter((a) => new RegExp(BODY_WORD, 'i').test(a.body)).map((a) => a.slug)).toEqual([BODY_ARTICLE]);
  const draft = fs.readFileSync(DRAFT_FILE, 'utf8');
  expect(draft).toMatch(/^draft: true$/m);
  expect(draft).toContain(DRAFT_WORD);
  expect(getArticles().some((a) => a.body.includes(DRAFT_WORD) || a.title.includes(DRAFT_WORD))).toBe(false);
});

// The first search loads Pagefind's WebAssembly and index; on a busy two-core machine that takes seconds.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 90_000 });

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' });

/** Keys pressed before React has hydrated the box go nowhere; press "/" until the box has the focus. */
async function focusWithSlash(page: Page) {
  await expect(async () => {
    await page.keyboard.press('/');
    await baseExpect(searchBox(page)).toBeFocused({ timeout: 1_000 });
  }).toPass();
}

/** Types a query once the box reacts (the status line appears), for the same reason. */
async function searchFor(page: Page, text: string) {
  await expect(async () => {
    await searchBox(page).fill('');
    await searchBox(page).fill(text);
    await baseExpect(page.getByRole('status')).toBeVisible({ timeout: 2_000 });
  }).toPass();
}

test('"/" focuses the search box, and a word found only in an article’s body finds it', async ({ page }) => {
  const article = getArticle(BODY_ARTICLE)!;
  await page.goto('/tags');
  await focusWithSlash(page);
  // The focus shows as every control's does (the site's :focus-visible ring), not as a faint border.
  await expect(searchBox(page)).toHaveCSS('outline-style', 'solid');
  await expect(searchBox(page)).toHaveCSS('outline-width', '3px');
  await page.keyboard.type(BODY_WORD.toLowerCase(), { delay: 40 });

  const results = page.getByRole('list', { name: 'Search results' });
  const first = results.getByRole('link').first();
  await expect(first).toContainText(article.title);
  await expect(first).toHaveAttribute('href', articlePath(BODY_ARTICLE));
  await expect(first.locator('mark').first()).toHaveText(new RegExp(BODY_WORD, 'i'));
  await expect(first.locator('time')).toHaveAttribute('datetime', article.date);
  await expect(first.locator('time')).toHaveText(formatDate(article.date, site.locale));
  await expect(first).toContainText(article.tags.map((tag) => tag.name).join(', '));
  await expect(page.getByRole('status')).toContainText('1 article for');

  await first.click();
  await expect(page).toHaveURL(articlePath(BODY_ARTICLE));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
});

test('a draft is never found', async ({ page }) => {
  await page.goto('/tags');
  // Pagefind also matches parts of words ("Nano" finds a `-n` flag elsewhere): what matters is that the draft
  // itself is never among the results.
  await searchFor(page, DRAFT_WORD);
  await expect(page.getByRole('status')).toContainText(`“${DRAFT_WORD}”`);
  await expect(page.locator('a[href="/posts/gemini-first-look"]')).toHaveCount(0);
  await searchFor(page, 'Gemini');
  await expect(page.getByRole('status')).toHaveText('No articles match “Gemini”.');
});

test('a short word such as "EU" is searched once the reader pauses on it', async ({ page }) => {
  // Words of up to three letters wait for a pause (they are prefixes of much of a large index); typed and left,
  // they are searched like any other.
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('eu', { delay: 40 });
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: /European Parliament adopts its position on the AI Act/ })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('for “eu”');
});

test('while the next results are on their way, the last ones stay on screen, marked busy', async ({ page }) => {
  await page.goto('/tags');
  await searchFor(page, BODY_WORD.toLowerCase());
  const status = page.getByRole('status');
  await expect(status).toHaveText(`1 article for “${BODY_WORD.toLowerCase()}”`);
  // The next query's excerpt is held back, as on a slow connection.
  let releaseExcerpts = () => {};
  const held = new Promise<void>((resolve) => (releaseExcerpts = resolve));
  await page.route('**/pagefind/fragment/**', async (route) => {
    await held;
    await route.continue();
  });
  await searchBox(page).fill('sdxl');
  await expect(status).toHaveText('Searching…');
  const list = page.getByRole('list', { name: 'Search results' });
  await expect(list).toHaveAttribute('data-search-query', BODY_WORD.toLowerCase());
  await expect(page.locator('[aria-busy="true"]')).toContainText(getArticle(BODY_ARTICLE)!.title);
  releaseExcerpts();
  await expect(status).toHaveText('1 article for “sdxl”');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(list.getByRole('link')).toHaveAttribute('href', articlePath('stable-diffusion-xl-1-0'));
});

test('when part of the index cannot be fetched, the box says so instead of searching for ever', async ({ page }) => {
  // The results' excerpts cannot arrive (the connection dropped after the search itself).
  await page.route('**/pagefind/fragment/**', (route) => route.abort('internetdisconnected'));
  await page.goto('/tags');
  await searchFor(page, BODY_WORD.toLowerCase());
  await expect(page.getByRole('status')).toHaveText('Search could not load part of its index. Check the connection and type again.');
});

/** The rows of the results list as a reader reads them: where each goes, its title and its excerpt. */
async function shownResults(page: Page) {
  const rows = page.getByRole('list', { name: 'Search results' }).getByRole('link');
  return Promise.all(
    (await rows.all()).map(async (row) => ({
      href: await row.getAttribute('href'),
      text: (await row.innerText()).replace(/\s+/g, ' ').trim(),
      marks: await row.locator('mark').allInnerTexts(),
    })),
  );
}

/** The box's performance marks ("search:common Model"): where each query's results came from. */
function searchMarks(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('mark').map((mark) => `${mark.name} ${String((mark as PerformanceMark).detail)}`));
}

/** Pagefind's own answer for `query`, asked in the page with the box's options: what the box must show. */
async function pagefindsOwnAnswer(page: Page, query: string) {
  return page.evaluate(
    `(async ([query, options]) => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options(options);
      await pagefind.filters();
      const response = await pagefind.search(query);
      const data = await Promise.all(response.results.slice(0, 8).map((result) => result.data()));
      return { total: response.results.length, urls: data.map((d) => d.url), titles: data.map((d) => d.meta.title),
        excerpts: data.map((d) => d.excerpt),
        tags: Object.entries(response.totalFilters.tag).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8).map(([name, n]) => name + ' ' + n) };
    })(${JSON.stringify([query, PAGEFIND_OPTIONS])})`,
  ) as Promise<{ total: number; urls: string[]; titles: string[]; excerpts: string[]; tags: string[] }>;
}

/** The end of `title` (two words or more, or all of it) that `text` begins with, followed by a full stop. */
function titleWordsBeginning(title: string, text: string): string | undefined {
  const words = title.split(' ');
  for (let first = 0; first < words.length - 1; first++) {
    const tail = words.slice(first).join(' ');
    if (text.toLowerCase().startsWith(`${tail.toLowerCase()}.`)) return tail;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The highlighted words of each result as the box shows Pagefind's excerpts (without the title they repeat). */
function marksShownOf({ urls, titles, excerpts }: { urls: string[]; titles: string[]; excerpts: string[] }): string[][] {
  return excerpts.map((excerpt, i) =>
    toSearchHit({ url: urls[i]!, excerpt, meta: { title: titles[i] }, filters: {} })
      .excerpt.filter((part) => part.match)
      .map((part) => part.text),
  );
}

test('a common word shows the answer stored at build time, the one Pagefind itself gives', async ({ page }) => {
  // "model" is among the words found in the most articles, answered by the build (lib/search-answers.ts).
  // Excerpts and tag data: what a search fetches once it has run. (Index chunks may be fetched while the word
  // is typed, for a rarer word it might turn into.)
  const searchFiles: string[] = [];
  page.on('request', (request) => {
    if (/\/pagefind\/(fragment|filter)\//.test(request.url())) searchFiles.push(request.url());
  });
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('Model', { delay: 40 });
  const status = page.getByRole('status');
  await expect(status).toContainText(/^\d+ articles for “Model”$/);
  const stored = await shownResults(page);
  const tags = await page.getByRole('group', { name: 'Narrow by tag' }).getByRole('button').allInnerTexts();
  // Shown without a search: the box marks where each query's results come from, and nothing a search needs
  // was fetched.
  const marks = await searchMarks(page);
  expect(marks).toContain('search:common Model');
  expect(marks).not.toContain('search:start Model');
  expect(searchFiles).toEqual([]);
  expect(stored.length).toBeGreaterThan(1);
  expect(tags.length).toBeGreaterThan(1);

  const pagefind = await pagefindsOwnAnswer(page, 'model');
  await expect(status).toHaveText(`${pagefind.total} articles for “Model”`);
  expect(stored.map((row) => row.href)).toEqual(pagefind.urls);
  stored.forEach((row, i) => expect(row.text).toContain(pagefind.titles[i]));
  // Pagefind's excerpts near the top of an article begin with its title, or its last words (the h1 is indexed):
  // the box does not repeat them under the title.
  const repeated = pagefind.excerpts.map((excerpt, i) => titleWordsBeginning(pagefind.titles[i]!, excerpt.replace(/<\/?mark>/g, '')));
  expect(repeated.filter(Boolean)).not.toHaveLength(0);
  stored.forEach((row, i) => {
    if (repeated[i]) expect(row.text.slice(pagefind.titles[i]!.length).trim()).not.toMatch(new RegExp(`^${escapeRegExp(repeated[i])}`, 'i'));
  });
  expect(stored.map((row) => row.marks)).toEqual(marksShownOf(pagefind));
  expect(tags).toEqual(pagefind.tags);

  // Narrowed to a tag, Pagefind answers (with the tag's own counts), and the stored answer is back once the tag is unchosen.
  const openSource = page.getByRole('group', { name: 'Narrow by tag' }).getByRole('button', { name: /^Open Source \d+$/ });
  const inOpenSource = Number((await openSource.innerText()).match(/(\d+)$/)![1]);
  await openSource.click();
  await expect(status).toHaveText(`${inOpenSource} ${inOpenSource === 1 ? 'article' : 'articles'} for “Model” in Open Source`);
  expect(searchFiles.length).toBeGreaterThan(0);
  await openSource.click();
  await expect(status).toHaveText(`${pagefind.total} articles for “Model”`);
  expect(await shownResults(page)).toEqual(stored);
});

/**
 * Serves the stored answers with the `heavy` words made heavy (HEAVY_WORD_ARTICLES: at this site's size no
 * word is, as at 10,000 articles "open" and "model" are) and, with `scores: false`, without the scores that let
 * the box add words up (lib/search-combine.ts).
 */
async function serveAsHeavy(page: Page, heavy: string[], { scores }: { scores: boolean }) {
  await page.route('**/pagefind/common/*.json', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as Record<string, { total?: number; combine?: unknown }>;
    if (!scores) for (const entry of Object.values(json)) delete entry.combine;
    for (const word of heavy) if (json[word]) json[word].total = HEAVY_WORD_ARTICLES;
    await route.fulfill({ response, json });
  });
}

test('a short common word after another has its scores fetched with its group, not once the group has come', async ({ page }) => {
  // The index names the scores of the common words of one or two characters ("ai"), whose group only the second
  // character can ask for: a request fewer between the last key and the results.
  const index = (await (await page.request.get('/pagefind/common/index.json')).json()) as { shards: Record<string, string>; short?: Record<string, { file: string }>; scores?: boolean };
  const scores = `/pagefind/common/${index.short!.ai!.file}`;
  // After another word, a word needs only its group's scores, not the stored answers it shows alone.
  expect(index.scores).toBe(true);
  const whole = `/pagefind/common/${index.shards.ai}`;
  const group = scoresFileOf(whole);
  const events: string[] = [];
  page.on('request', (request) => events.push(`asked ${new URL(request.url()).pathname}`));
  page.on('requestfinished', (request) => events.push(`came ${new URL(request.url()).pathname}`));
  await page.goto('/tags');
  await searchFor(page, 'model ai');
  await expect(page.getByRole('status')).toContainText(/^\d+ articles? for “model ai”$/);
  expect(await searchMarks(page)).toContain('search:combined model ai');
  expect(events).toContain(`asked ${scores}`);
  expect(events).toContain(`came ${group}`);
  expect(events.indexOf(`asked ${scores}`)).toBeLessThan(events.indexOf(`came ${group}`));
  expect(events).not.toContain(`asked ${whole}`);
});

test('after a common word and a space, the pages’ tags come while the next word is typed, for counting its answer', async ({ page }) => {
  // Fetched and decoded after the last key, they held the first results back; the scores of "open" come meanwhile too.
  const index = (await (await page.request.get('/pagefind/common/index.json')).json()) as { combine: { tags: string } };
  const tagsFile = `/pagefind/common/${index.combine.tags}`;
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('open ', { delay: 40 });
  await expect.poll(() => asked.includes(tagsFile)).toBe(true);
  await page.keyboard.type('model', { delay: 40 });
  await expect(page.getByRole('status')).toContainText(/^\d+ articles? for “open model”$/);
  expect(await searchMarks(page)).toContain('search:combined open model');
  const pagefind = await pagefindsOwnAnswer(page, 'open model');
  await expect.poll(() => page.getByRole('group', { name: 'Narrow by tag' }).getByRole('button').allInnerTexts()).toEqual(pagefind.tags);
});

test('several common words are added up from their stored scores, and that is Pagefind’s own answer', async ({ page }) => {
  await serveAsHeavy(page, ['open', 'model'], { scores: true });
  const fetched: { path: string; at: number }[] = [];
  page.on('request', (request) => fetched.push({ path: new URL(request.url()).pathname, at: Date.now() }));
  await page.goto('/tags');
  // At once: typed key by key on a busy machine, a pause between two keys would rightly search "open m".
  await searchFor(page, 'open model');
  const status = page.getByRole('status');
  await expect(status).toContainText(/^\d+ articles? for “open model”$/);
  const shownAt = Date.now();
  // No search: neither Pagefind's index chunks nor a guess searched ahead. The words' scores and the first
  // results' pages were fetched instead; the pages are named from Pagefind's metadata, with no table of ours.
  const marks = await searchMarks(page);
  expect(marks).toContain('search:combined open model');
  expect(marks.filter((mark) => /^search:(start|ahead) open m/.test(mark))).toEqual([]);
  const before = fetched.filter((entry) => entry.at <= shownAt).map((entry) => entry.path);
  expect(before.filter((path) => path.startsWith('/pagefind/index/'))).toEqual([]);
  expect(before.filter((path) => /^\/pagefind\/common\/word-[0-9a-f]+\.bin$/.test(path))).toHaveLength(2);
  expect(before.filter((path) => path.startsWith('/pagefind/fragment/')).length).toBeGreaterThan(0);
  // The tags to narrow by come with the results, counted from the pages' stored tags: no filter data either,
  // then or later.
  const tagButtons = page.getByRole('group', { name: 'Narrow by tag' }).getByRole('button');
  const tagsShown = await tagButtons.allInnerTexts();
  await page.waitForTimeout(1500);
  expect(fetched.filter((entry) => /^\/pagefind\/(index|filter)\//.test(entry.path))).toEqual([]);

  const pagefind = await pagefindsOwnAnswer(page, 'open model');
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “open model”`);
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
  const shown = await shownResults(page);
  shown.forEach((row, i) => expect(row.text).toContain(pagefind.titles[i]));
  expect(shown.map((row) => row.marks)).toEqual(marksShownOf(pagefind));
  expect(tagsShown).toEqual(pagefind.tags);
});

test('a word typed twice is searched once: the words without the repeat, added up, and Pagefind’s answer to them', async ({ page }) => {
  await serveAsHeavy(page, ['open', 'model'], { scores: true });
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/tags');
  await searchFor(page, 'Open open model');
  const status = page.getByRole('status');
  // Named as searched; without the repeat the two common words add up, where the whole query went to Pagefind.
  await expect(status).toContainText(/^\d+ articles? for “Open model”$/);
  expect(await searchMarks(page)).toContain('search:combined Open model');
  expect(fetched.filter((path) => path.startsWith('/pagefind/index/'))).toEqual([]);
  const pagefind = await pagefindsOwnAnswer(page, 'open model');
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “Open model”`);
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
});

test('a word being typed again is not searched on the way: only the words without the repeat are answered', async ({ page }) => {
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.evaluate(() => {
    const keys: number[] = [];
    (window as unknown as { keyTimes: number[] }).keyTimes = keys;
    document.addEventListener('keydown', () => keys.push(performance.now()), true);
  });
  await page.keyboard.type('model model open', { delay: 40 });
  const status = page.getByRole('status');
  await expect(status).toContainText(/^\d+ articles? for “model open”$/);
  // "model mode" begins the word typed again: the box waits for the next key rather than have Pagefind search it at
  // once. On a machine busy enough for a key to come after the pause, it is searched then, never before.
  const { keys, starts } = await page.evaluate(() => ({
    keys: (window as unknown as { keyTimes: number[] }).keyTimes,
    starts: performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name === 'search:start' && /^model mod/.test(String((mark as PerformanceMark).detail)))
      .map((mark) => mark.startTime),
  }));
  for (const at of starts) expect(at - Math.max(...keys.filter((key) => key <= at))).toBeGreaterThanOrEqual(SHORT_WORD_PAUSE_MS - 5);
  const marks = await searchMarks(page);
  expect(marks).toContain('search:combined model open');
  const pagefind = await pagefindsOwnAnswer(page, 'model open');
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
});

test('while the last of several common words is typed, what adding it up needs is fetched, and its last key only adds up', async ({ page }) => {
  // At this site's size no word is heavy, so no guess is searched ahead; "mod" most likely becomes "model".
  const fetched: { path: string; at: number }[] = [];
  page.on('request', (request) => fetched.push({ path: new URL(request.url()).pathname, at: Date.now() }));
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('open mod', { delay: 40 });
  const status = page.getByRole('status');
  await expect(status).toContainText(/ for “open mod”$/);
  const wordFiles = () => fetched.filter((entry) => /^\/pagefind\/common\/word-[0-9a-f]+\.bin$/.test(entry.path));
  // "open"'s scores, and "model"'s, the word the reader is on the way to (the page and its worker may each ask
  // for one; the second comes from the browser's cache).
  await expect.poll(() => new Set(wordFiles().map((entry) => entry.path)).size).toBe(2);
  const pausedAt = Date.now();
  await page.keyboard.type('el');
  await expect(status).toContainText(/^\d+ articles? for “open model”$/);
  expect(await searchMarks(page)).toContain('search:combined open model');
  // No other word's scores were needed.
  const seenBefore = new Set(wordFiles().filter((entry) => entry.at <= pausedAt).map((entry) => entry.path));
  expect(wordFiles().filter((entry) => !seenBefore.has(entry.path))).toEqual([]);
  const pagefind = await pagefindsOwnAnswer(page, 'open model');
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
});

test('a common word with one that is not: Pagefind searches only that one, and the answer is Pagefind’s own', async ({ page }) => {
  // At this site's size "model" is a common word with stored scores; served here without them, it is the other
  // word of "open model", which the worker asks Pagefind alone and ranks with "open"'s scores.
  await page.route('**/pagefind/common/*.json', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as Record<string, { combine?: unknown }>;
    if (json.model) delete json.model.combine;
    await route.fulfill({ response, json });
  });
  const filterData: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/filter/')) filterData.push(request.url());
  });
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('open model', { delay: 40 });
  const status = page.getByRole('status');
  await expect(status).toContainText(/^\d+ articles? for “open model”$/);
  await expect.poll(() => searchMarks(page)).toContain('search:scores open model');
  // Its counts by tag came with it, from the stored tags: Pagefind's filter data is not needed, then or later.
  const tagsShown = await page.getByRole('group', { name: 'Narrow by tag' }).getByRole('button').allInnerTexts();
  await page.waitForTimeout(1500);
  expect(filterData).toEqual([]);
  const pagefind = await pagefindsOwnAnswer(page, 'open model');
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “open model”`);
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
  const shown = await shownResults(page);
  expect(shown.map((row) => row.marks)).toEqual(marksShownOf(pagefind));
  expect(tagsShown).toEqual(pagefind.tags);
});

test('a common word with two that are not: Pagefind searches each of them alone, and the answer is Pagefind’s own', async ({ page }) => {
  // Served without their stored scores, "weights" and "meta" are the other words of "open weights meta". The
  // group of "meta" comes late, as on a slow network: once "weights" is known to have no scores the words cannot
  // add up, but they wait for it rather than go to Pagefind whole (which happened in 2 of 8 runs, typed fast).
  await page.route('**/pagefind/common/*.json', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as Record<string, { combine?: unknown }>;
    for (const word of ['weights', 'meta']) if (json[word]) delete json[word].combine;
    if (json.meta) await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.fulfill({ response, json });
  });
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('open weights meta', { delay: 40 });
  const status = page.getByRole('status');
  await expect(status).toContainText(/^\d+ articles? for “open weights meta”$/);
  await expect.poll(() => searchMarks(page)).toContain('search:scores open weights meta');
  const pagefind = await pagefindsOwnAnswer(page, 'open weights meta');
  expect(pagefind.total).toBeGreaterThan(0);
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “open weights meta”`);
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
  const shown = await shownResults(page);
  // Each word's places marked, as in Pagefind's excerpts.
  expect(shown.map((row) => row.marks)).toEqual(marksShownOf(pagefind));
  expect(await page.getByRole('group', { name: 'Narrow by tag' }).getByRole('button').allInnerTexts()).toEqual(pagefind.tags);
});

test('words that are parts of one compound word ("open-source") get the answer the build stored for the pair, Pagefind’s own', async ({ page }) => {
  // Pagefind scores a place both words match once, so "open source" is not the sum of the two words' answers:
  // the build asked Pagefind for the pair itself.
  expect(getArticles().some((article) => /open-source/i.test(article.body))).toBe(true);
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/tags');
  await searchFor(page, 'Open Source');
  const status = page.getByRole('status');
  await expect(status).toContainText(/^\d+ articles? for “Open Source”$/);
  const shown = await shownResults(page);
  const marks = await searchMarks(page);
  expect(marks).toContain('search:common Open Source');
  expect(marks.filter((mark) => /^search:(start|combined) /.test(mark))).toEqual([]);
  expect(fetched.filter((path) => path.startsWith('/pagefind/index/'))).toEqual([]);
  const pagefind = await pagefindsOwnAnswer(page, 'open source');
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “Open Source”`);
  expect(shown.map((row) => row.href)).toEqual(pagefind.urls);
  expect(shown.map((row) => row.marks)).toEqual(marksShownOf(pagefind));
});

/**
 * Types `query` and checks that the box added it up from the stored scores, without asking Pagefind for the words
 * or ahead for them (shorter beginnings may be, when the machine is slow enough for a pause on them: that is what
 * a pause is for), and that what it shows is Pagefind's own answer: count, order and marked words.
 */
async function expectAddedUpAsPagefind(page: Page, query: string) {
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type(query, { delay: 60 });
  const status = page.getByRole('status');
  await expect(status).toContainText(new RegExp(`^\\d+ articles? for “${query}”$`));
  const marks = await searchMarks(page);
  expect(marks).toContain(`search:combined ${query}`);
  expect(marks.filter((mark) => mark === `search:start ${query}` || mark === `search:ahead ${query}`)).toEqual([]);
  const pagefind = await pagefindsOwnAnswer(page, query);
  expect(pagefind.total).toBeGreaterThan(0);
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “${query}”`);
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
  expect((await shownResults(page)).map((row) => row.marks)).toEqual(marksShownOf(pagefind));
}

// The third word after the pair, or between its words: Pagefind's answer does not depend on where it is.
for (const query of ['open source model', 'open model source']) {
  test(`a compound word’s parts with a third word ("${query}") are added up from the pair’s stored scores: Pagefind’s answer`, async ({ page }) => {
    await expectAddedUpAsPagefind(page, query);
  });
}

test('two forms of one word with a third ("open model models") are added up from their stored pair: Pagefind’s answer', async ({ page }) => {
  await expectAddedUpAsPagefind(page, 'open model models');
});

test('five common words are added up from their stored scores, without Pagefind: its answer', async ({ page }) => {
  await expectAddedUpAsPagefind(page, 'open language model training data');
});

test('a common phrase of the articles ("Llama 2") gets the answer the build stored for it, Pagefind’s own', async ({ page }) => {
  // "2" is a word of one character, which has no stored scores to add up: the build asked Pagefind for the phrase.
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('Llama 2', { delay: 60 });
  const status = page.getByRole('status');
  await expect(status).toContainText(/^\d+ articles? for “Llama 2”$/);
  expect(await searchMarks(page)).toContain('search:common Llama 2');
  const shown = await shownResults(page);
  const pagefind = await pagefindsOwnAnswer(page, 'llama 2');
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “Llama 2”`);
  expect(shown.map((row) => row.href)).toEqual(pagefind.urls);
  expect(shown.map((row) => row.marks)).toEqual(marksShownOf(pagefind));
});

test('when the stored scores cannot be fetched, Pagefind answers several words', async ({ page }) => {
  await page.route('**/pagefind/common/word-*.bin', (route) => route.abort('internetdisconnected'));
  await page.goto('/tags');
  await searchFor(page, 'open model');
  const pagefind = await pagefindsOwnAnswer(page, 'open model');
  await expect(page.getByRole('status')).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “open model”`);
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
  expect(await searchMarks(page)).toContain('search:start open model');
});

test('several words: Pagefind answers the guessed query while its last word is typed, and it is Pagefind’s answer', async ({ page }) => {
  // The box guesses only when the last word begins a heavy word, and at this site's size none is: the stored
  // group for "mo" is served saying that "model" is. Without the scores to add words up, Pagefind answers.
  await serveAsHeavy(page, ['model'], { scores: false });
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('open mod', { delay: 40 });
  const status = page.getByRole('status');
  // The reader pauses: the group for "mo" has arrived by the time the unfinished word's results show.
  await expect(status).toContainText(/ for “open mod”$/);
  await page.keyboard.type('e');
  await expect(status).toContainText(/ for “open mode”$/);
  await page.keyboard.type('l');
  await expect(status).toContainText(/^\d+ articles? for “open model”$/);
  const marks = await searchMarks(page);
  expect(marks).toContain('search:ahead open model');
  expect(marks).not.toContain('search:ahead open mode');

  const pagefind = await pagefindsOwnAnswer(page, 'open model');
  await expect(status).toHaveText(`${pagefind.total} ${pagefind.total === 1 ? 'article' : 'articles'} for “open model”`);
  await expect.poll(async () => (await shownResults(page)).map((row) => row.href)).toEqual(pagefind.urls);
});

test('without the stored answers, Pagefind answers the common words too', async ({ page }) => {
  await page.route('**/pagefind/common/**', (route) => route.abort('internetdisconnected'));
  await page.goto('/tags');
  await focusWithSlash(page);
  await page.keyboard.type('model', { delay: 40 });
  await expect(page.getByRole('status')).toContainText(/^\d+ articles for “model”$/);
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first().locator('mark').first()).toHaveText(/model/i);
});

/**
 * Searches `text` with the common words' stored scores unreachable, so that Pagefind answers it; returns the times
 * at which Pagefind's filter data (the tag data) was requested, filled in as the page goes on.
 */
async function searchWithoutStoredScores(page: Page, text: string): Promise<number[]> {
  await page.route('**/pagefind/common/word-*.bin', (route) => route.abort('internetdisconnected'));
  const tagDataRequested: number[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/filter/')) tagDataRequested.push(Date.now());
  });
  await page.goto('/tags');
  await searchFor(page, text);
  return tagDataRequested;
}

test('results can be narrowed by tag, and the open results pass axe', async ({ page }) => {
  // Two words without their stored scores: Pagefind answers them. Their counts by tag come with the results,
  // counted from the pages' stored tags; Pagefind's filter data, which slows every search it is loaded for, is
  // fetched only once a tag is chosen.
  const tagDataRequested = await searchWithoutStoredScores(page, 'open model');
  const status = page.getByRole('status');
  await expect(status).toContainText(/\d+ articles for “open model”/);
  const total = Number((await status.textContent())!.match(/(\d+) articles/)![1]);
  expect(await searchMarks(page)).toContain('search:start open model');
  const tags = page.getByRole('group', { name: 'Narrow by tag' });
  const openSource = tags.getByRole('button', { name: /^Open Source \d+$/ });
  await expect(openSource).toBeVisible();
  const tagsShown = await tags.getByRole('button').allInnerTexts();
  await expectNoAxeViolations(page);
  expect(tagDataRequested).toEqual([]);

  const expected = Number((await openSource.textContent())!.match(/(\d+)$/)![1]);
  expect(expected).toBeLessThan(total);
  await openSource.click();
  await expect(openSource).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toContainText(`${expected} ${expected === 1 ? 'article' : 'articles'} for “open model” in Open Source`);
  expect(tagDataRequested.length).toBeGreaterThan(0);
  const rows = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(rows).toHaveCount(Math.min(expected, 8));
  for (const row of await rows.all()) await expect(row).toContainText('Open Source');

  await openSource.click();
  await expect(status).toContainText(`${total} articles for “open model”`);
  // The counts do not depend on the tag chosen: the buttons stay, unpressed.
  await expect(openSource).toHaveAttribute('aria-pressed', 'false');
  await expect(tags.getByRole('button')).not.toHaveCount(0);
  // They are Pagefind's own.
  expect(tagsShown).toEqual((await pagefindsOwnAnswer(page, 'open model')).tags);
});

test('when the stored tags cannot be fetched, Pagefind counts the results by tag once they are on screen', async ({ page }) => {
  await page.route('**/pagefind/common/tags-*.bin', (route) => route.abort('internetdisconnected'));
  const tagDataRequested = await searchWithoutStoredScores(page, 'open model');
  await expect(page.getByRole('status')).toContainText(/\d+ articles for “open model”/);
  const resultsSeenAt = Date.now();
  const tags = page.getByRole('group', { name: 'Narrow by tag' });
  await expect(tags.getByRole('button', { name: /^Open Source \d+$/ })).toBeVisible();
  expect(tagDataRequested.length).toBeGreaterThan(0);
  expect(tagDataRequested.every((at) => at > resultsSeenAt)).toBe(true);
  expect(await tags.getByRole('button').allInnerTexts()).toEqual((await pagefindsOwnAnswer(page, 'open model')).tags);
});

test('a tag chosen stays on screen and can be removed when the words find nothing in it', async ({ page }) => {
  // "Parliament" is in an article, none of them tagged Open Source.
  const withWord = getArticles().filter((article) => /parliament/i.test(article.title + article.body));
  expect(withWord).toHaveLength(1);
  expect(withWord[0]!.tags.map((tag) => tag.name)).not.toContain('Open Source');

  await page.goto('/tags');
  await searchFor(page, 'open model');
  const status = page.getByRole('status');
  await page.getByRole('group', { name: 'Narrow by tag' }).getByRole('button', { name: /^Open Source \d+$/ }).click();
  await expect(status).toContainText('for “open model” in Open Source');
  await searchBox(page).fill('parliament');
  await expect(status).toHaveText('No articles match “parliament” in Open Source.');
  await page.getByRole('button', { name: 'Search all tags' }).click();
  await expect(status).toHaveText('1 article for “parliament”');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link')).toHaveAttribute('href', articlePath(withWord[0]!.slug));
  await expect(page.getByRole('button', { name: 'Search all tags' })).toHaveCount(0);
});

test('Escape closes the results; on a phone the box opens from a button, and a result’s date and tags wrap as one line of text', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/tags');
  await expect(searchBox(page)).toBeHidden();
  const button = page.getByRole('button', { name: 'Search', exact: true });
  await expect(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await baseExpect(searchBox(page)).toBeFocused({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.type('llama');
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
  // A result's date and tags wrap on a phone, and the dot between them never ends a line by itself: the first
  // tag follows it on the date's line.
  await expect(page.getByRole('list', { name: 'Search results' }).locator('time')).not.toHaveCount(0);
  const lines = await page.getByRole('list', { name: 'Search results' }).evaluate((list) =>
    [...list.querySelectorAll('time')].map((time) => {
      const line = time.parentElement!;
      const dot = [...line.querySelectorAll('[aria-hidden="true"]')].find((node) => node.textContent?.includes('·'));
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let afterDot: Text | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (dot && dot.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING && !dot.contains(node) && node.textContent!.trim()) {
          afterDot = node as Text;
          break;
        }
      }
      const firstTag = document.createRange();
      if (afterDot) {
        const start = afterDot.textContent!.search(/\S/);
        firstTag.setStart(afterDot, start);
        firstTag.setEnd(afterDot, start + 1);
      }
      return {
        wraps: line.getBoundingClientRect().height > time.getBoundingClientRect().height * 1.5,
        dotTop: dot?.getBoundingClientRect().top,
        firstTagTop: afterDot ? firstTag.getBoundingClientRect().top : undefined,
      };
    }),
  );
  expect(lines.some((line) => line.wraps)).toBe(true);
  for (const line of lines.filter((line) => line.dotTop !== undefined)) expect(Math.abs(line.firstTagTop! - line.dotTop!)).toBeLessThan(2);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Search results' })).toBeHidden();
});

test.describe('on a static host', () => {
  test.skip(!fs.existsSync('out/pagefind/pagefind.js'), 'needs the static export with its index: STATIC_EXPORT=1 npm run build');
  test.use({ baseURL: `http://127.0.0.1:${STATIC_PORT}` });

  test('the exported site searches from plain files', async ({ page }) => {
    await page.goto('/tags');
    await focusWithSlash(page);
    await page.keyboard.type(BODY_WORD);
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
    await expect(first).toHaveAttribute('href', articlePath(BODY_ARTICLE));
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(getArticle(BODY_ARTICLE)!.title);
  });

  test('the stored answers for common words are plain files too', async ({ page }) => {
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto('/tags');
    await focusWithSlash(page);
    // At once: typed key by key on a busy machine, a pause on "mod" would rightly have Pagefind search it.
    await searchBox(page).fill('model');
    await expect(page.getByRole('status')).toContainText(/^\d+ articles for “model”$/);
    // The index of the answers and the group of "mo", and nothing of Pagefind's.
    expect(fetched.filter((file) => file.startsWith('/pagefind/common/'))).toHaveLength(2);
    expect(fetched.filter((file) => file.startsWith('/pagefind/fragment/'))).toEqual([]);
    // Several common words are added up from plain files too: the words' scores, and the pages' own fragments.
    await page.keyboard.type(' open', { delay: 40 });
    await expect(page.getByRole('status')).toContainText(/^\d+ articles? for “model open”$/);
    expect(await searchMarks(page)).toContain('search:combined model open');
    // The two words' files. The page and the worker may each read one (a pause on "model op" has the worker rank
    // it): in a reader's browser the second read comes from its cache (a server's log shows one request per file),
    // but routing, which these tests use for remote images, turns the browser's cache off, so files are counted once.
    expect(new Set(fetched.filter((file) => /^\/pagefind\/common\/word-[0-9a-f]+\.bin$/.test(file))).size).toBe(2);
    expect(fetched.filter((file) => file.startsWith('/pagefind/fragment/')).length).toBeGreaterThan(0);
  });
});
