// Search at scale: indexes N synthetic article pages (the article page's indexed markup: title, description,
// body, the hidden facts), serves them with the built site under `next start`, and has Chromium type queries
// into the header box from a cold cache, measuring the bytes the first query downloads and the time from the
// last keystroke to the results on screen.
// Usage: npm run build, then npx tsx scripts/bench-search.mts [articles=10000] [port=3605]
// The synthetic index is kept in .bench/search-index-<articles>/ and reused by later runs (indexing 10,000
// articles takes minutes); REINDEX=1 builds it again, with the stored answers for the common words
// (lib/search-answers.ts); REANSWER=1 only those. BENCH_REPS=0 stops there, to time the two. BENCH_VERBOSE=1 or 2
// lists the search's marks and files; BENCH_TRACE=<file prefix> writes a Chromium trace of each query's typing;
// BENCH_AGREE=1 checks that the results shown are Pagefind's own answer to the query, in its order, excerpts included;
// BENCH_STATIC=1 serves the static export (npm run build:static) from scripts/serve-static.mjs instead.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import rehypeSlug from 'rehype-slug';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { chromium, type Page } from '@playwright/test';
import { close, createIndex } from 'pagefind';
import { indexContent } from '../lib/content';
import { SEARCH_INDEX_CONFIG, searchUrlOf } from '../lib/search-index';
import { COMMON_ANSWERS_DIR, COMMON_ANSWERS_INDEX, COMMON_WORDS_LIMIT, COMPOUND_PHRASES_LIMIT, IndexedTextCounter, PHRASE_CANDIDATES } from '../lib/search-answers';
import { writeCommonAnswers } from '../lib/search-answers-build';
import { withoutRepeatedWords } from '../lib/search-combine';
import { PAGEFIND_OPTIONS, isSearchable, toSearchHit, type PagefindResultData } from '../lib/search';
import { SearchIndexFacts } from '../components/search-index-facts';
import { random, syntheticArticle } from './synthetic-articles';

const [count = 10_000, port = 3605] = process.argv.slice(2, 4).map(Number);
const root = process.cwd();
const site = path.join(root, '.bench', 'search-site');
const kept = path.join(root, '.bench', `search-index-${count}`);
/** The synthetic pages' words, most common first, as the build ranks them (lib/search-answers.ts). */
const rankingFile = path.join(root, '.bench', `search-words-${count}.json`);
/** Their most common two-word phrases (lib/search-answers.ts, PhraseCounter). */
const phrasesFile = path.join(root, '.bench', `search-phrases-${count}.json`);
/** Their most common compound words of three or four parts, as phrases (lib/search-answers.ts, compoundPhrasesOf). */
const compoundsFile = path.join(root, '.bench', `search-compounds-${count}.json`);
// A common word (long posting lists), words of middling frequency, a rare long-tail word, two words, two of the
// heaviest words (Pagefind's slowest search); then (added in main) the most common word the build stores no
// answer for, the slowest single word left to Pagefind.
const QUERIES = process.env.BENCH_QUERIES?.split(',') ?? (process.env.BENCH_SAMPLE ? sampledQueries(Number(process.env.BENCH_SAMPLE)) : ['model', 'attention', 'licence', 'luxvel', 'open weights', 'language model']);
const TYPING_DELAY_MS = 120;

/**
 * BENCH_SAMPLE=N: N different queries nobody chose, drawn from the synthetic articles' titles with a fixed seed
 * (BENCH_SEED, 0x5eed unless set: the hundred that guided the work since session 20; another seed draws fresh ones):
 * one to five words in a row, as many of each length, as a reader types what they remember of a headline. The
 * chosen queries above cover each kind of query the box answers differently; these say how often a query of any
 * kind meets the targets.
 */
function sampledQueries(n: number): string[] {
  const next = random(process.env.BENCH_SEED ? Number(process.env.BENCH_SEED) : 0x5eed);
  const queries = new Set<string>();
  while (queries.size < n) {
    const length = 1 + (queries.size % 5);
    const { source } = syntheticArticle(Math.floor(next() * count));
    const words = (/^title: '(.*)'$/m.exec(source)?.[1] ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const from = Math.floor(next() * Math.max(1, words.length - length + 1));
    const query = words.slice(from, from + length).join(' ');
    // A query the box does not search ("a" alone) shows no results to time.
    if (words.length >= length && isSearchable(query)) queries.add(query);
  }
  return [...queries];
}

// Headings get their ids and "#" links as on the site (lib/markdown.ts): Pagefind lists a heading with an id in
// the page's fragment, and the box's excerpts for several words read its weight from there (lib/search-combine.ts).
const markdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, { behavior: 'append', properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 }, content: { type: 'text', value: '#' } })
  .use(rehypeStringify);

/** The synthetic articles' pages, with the same indexed markup as app/posts/[slug]/page.tsx (the rest of that
 * page is outside data-pagefind-body). */
async function* syntheticPages(): AsyncGenerator<{ url: string; content: string }> {
  const sources = Array.from({ length: count }, (_, i) => {
    const { slug, source } = syntheticArticle(i);
    return { file: `content/posts/${slug}.md`, raw: source };
  });
  const { articles } = indexContent(sources, { includeDrafts: false });
  for (const article of articles) {
    const content =
      `<html lang="en"><body><article data-pagefind-body><header><h1>${article.title}</h1><p>${article.description ?? ''}</p></header>` +
      `<div class="prose-article">${String(await markdown.process(article.body))}</div>` +
      `${renderToStaticMarkup(createElement(SearchIndexFacts, { article }))}</article></body></html>`;
    yield { url: searchUrlOf(article.slug), content };
  }
}

/** Indexes the pages as scripts/build-search-index.mts does, ranking their words on the way. */
async function buildIndex(): Promise<{ seconds: number; files: number; bytes: number }> {
  const started = performance.now();
  const { index } = await createIndex(SEARCH_INDEX_CONFIG);
  if (!index) throw new Error('Pagefind did not start');
  const counted = new IndexedTextCounter();
  for await (const page of syntheticPages()) {
    counted.add(page.content);
    await index.addHTMLFile(page);
  }
  const outputPath = kept;
  fs.rmSync(outputPath, { recursive: true, force: true });
  await index.writeFiles({ outputPath });
  await close();
  saveRanking(counted);
  const files = fs.readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const bytes = files.reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
  return { seconds: (performance.now() - started) / 1000, files: files.length, bytes };
}

/** Keeps the ranking for later runs: the stored answers' words and the ones after them, the phrases and the compounds. */
function saveRanking({ words, phrases, compounds }: IndexedTextCounter): void {
  fs.writeFileSync(rankingFile, JSON.stringify(words.mostCommon(COMMON_WORDS_LIMIT * 2)));
  fs.writeFileSync(phrasesFile, JSON.stringify(phrases.mostCommon(PHRASE_CANDIDATES)));
  fs.writeFileSync(compoundsFile, JSON.stringify(compounds.mostCommon(COMPOUND_PHRASES_LIMIT)));
}

/** The ranking saved by the last indexing, or made again from the pages (an index kept from before it was saved). */
async function ranking(): Promise<{ words: string[]; phrases: string[]; compounds: string[] }> {
  if (![rankingFile, phrasesFile, compoundsFile].every((file) => fs.existsSync(file))) {
    const counted = new IndexedTextCounter();
    for await (const page of syntheticPages()) counted.add(page.content);
    saveRanking(counted);
  }
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
  return { words: read(rankingFile), phrases: read(phrasesFile), compounds: read(compoundsFile) };
}

/** The built site, served from a folder whose public/ holds the big index instead of the real one. */
function prepareSite() {
  fs.mkdirSync(path.join(site, 'public'), { recursive: true });
  for (const file of ['package.json', 'next.config.ts']) fs.copyFileSync(path.join(root, file), path.join(site, file));
  for (const entry of fs.readdirSync(path.join(root, 'public'))) {
    if (entry !== 'pagefind') fs.cpSync(path.join(root, 'public', entry), path.join(site, 'public', entry), { recursive: true });
  }
  fs.rmSync(path.join(site, '.next'), { force: true });
  fs.symlinkSync(path.join(root, '.next'), path.join(site, '.next'));
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: site, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'ignore', detached: true,
  });
  return serving(server);
}

/** The server, once it serves the index. */
async function serving(server: ChildProcess): Promise<ChildProcess> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/pagefind/pagefind-entry.json`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error('the server did not come up');
}

/**
 * BENCH_STATIC=1: the static export (`npm run build:static`, out/) with the big index, served by the plain static
 * server the e2e tests use (scripts/serve-static.mjs), instead of `next start`: to tell the host's share of a
 * request's time from the box's.
 */
function startStaticServer(): Promise<ChildProcess> {
  const dir = path.join(root, '.bench', 'search-static');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'out'), dir, { recursive: true, filter: (source) => !source.startsWith(path.join(root, 'out', 'pagefind')) });
  fs.cpSync(kept, path.join(dir, 'pagefind'), { recursive: true });
  return serving(spawn('node', [path.join(root, 'scripts', 'serve-static.mjs'), dir, String(port)], { stdio: 'ignore', detached: true }));
}

/** npx starts next, which starts the server: the whole process group this script started goes. */
function stopServer(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
}

/** From the last keystroke: waiting for an engine (a stale search, Pagefind starting), Pagefind's search,
 * loading the excerpts of the results shown, React committing them. */
type Breakdown = { waitMs: number; searchMs: number; excerptsMs: number; renderMs: number; sinceShownMs?: number; stored?: boolean; combined?: boolean; ahead?: boolean };

type Measure = {
  query: string; latencyMs: number; bytesAtResults: number; searchBytes: number; totalBytes: number; requests: number; warmLatencyMs: number;
  byKind: Record<string, number>; pagefindSearchMs: number[]; latencies?: number[]; breakdown: Breakdown;
};

/**
 * Types the query and returns the time from its last keydown to the first animation frame whose page holds
 * its results, seen by a requestAnimationFrame loop in the page itself. (Playwright's own `waitForFunction`
 * with `polling: 'raf'` answered 100–150 ms after that frame: the first measurements here were that late.)
 */
async function typeAndWait(page: Page, query: string): Promise<number> {
  await page.evaluate(`(() => {
    window.seenAt = {};
    if (window.benchInstalled) return;
    window.benchInstalled = true;
    document.addEventListener('keydown', () => (window.lastKey = performance.now()), true);
    const watch = () => {
      const q = document.querySelector('ul[data-search-query]')?.getAttribute('data-search-query')
        ?? /“(.+)”/.exec(document.querySelector('[role="status"]')?.textContent ?? '')?.[1];
      if (q && !(q in window.seenAt)) window.seenAt[q] = performance.now() - window.lastKey;
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    // Long tasks, for BENCH_VERBOSE: whether the main thread was busy between the keys and the results.
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => [Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask' });
  })()`);
  // Playwright injects its own script (330 kB) into the page the first time it waits for a function: done now, not
  // on the page's main thread between the last key and the results (a trace showed 12 ms of it there).
  await page.waitForFunction('true');
  await page.keyboard.type(query, { delay: TYPING_DELAY_MS });
  try {
    // The box names its results by the words it searched, a repeated word left out.
    const handle = await page.waitForFunction(`window.seenAt[${JSON.stringify(withoutRepeatedWords(query))}]`, undefined, { polling: 50, timeout: 30_000 });
    return Number(await handle.jsonValue());
  } catch (error) {
    // What the page shows, to tell a box that never answered from keys that never reached it.
    console.error(await page.evaluate(`JSON.stringify({ box: document.querySelector('input[type=search]')?.value,
      status: document.querySelector('[role=status]')?.textContent,
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('search:')).map((m) => m.name + ' ' + m.detail) })`));
    throw error;
  }
}

async function measure(query: string): Promise<Measure> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/tags`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  // `size`: what came over the network (a response from the browser's cache counts 0). `started`, `ended`: when
  // the request left and its response ended, on the page's clock (ms since the epoch).
  const bytes: { url: string; size: number; at: number; started: number; ended: number }[] = [];
  page.on('requestfinished', async (request) => {
    const at = Date.now();
    const sizes = await request.sizes();
    const timing = request.timing();
    bytes.push({ url: request.url(), size: sizes.responseBodySize + sizes.responseHeadersSize, at, started: timing.startTime, ended: timing.startTime + timing.responseEnd });
  });
  // A key pressed before React has hydrated the box goes nowhere: "/" until the box has the focus.
  for (let i = 0; i < 50; i++) {
    await page.keyboard.press('/');
    if (await page.evaluate(`document.activeElement?.getAttribute('type') === 'search'`)) break;
    await page.waitForTimeout(100);
  }
  // BENCH_TRACE=<file prefix>: a Chromium trace of the typing, to see where the main thread's time goes.
  if (process.env.BENCH_TRACE) {
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];
    await browser.startTracing(page, { path: `${process.env.BENCH_TRACE}-${query.replaceAll(' ', '-')}-${Date.now()}.json`, categories });
  }
  const latencyMs = await typeAndWait(page, query);
  const resultsAt = Date.now();
  if (process.env.BENCH_TRACE) {
    await page.waitForTimeout(300);
    await browser.stopTracing();
  }
  // Where the time went, from the search box's performance marks for the final query. A string: tsx would
  // wrap the named helpers of a function with one the page does not have.
  const breakdown = await page.evaluate<Breakdown>(`(() => {
    const q = ${JSON.stringify(query)};
    const marks = (name) => performance.getEntriesByName('search:' + name).filter((m) => m.detail === q);
    const [start, searched, excerpts] = ['start', 'searched', 'excerpts'].map((name) => marks(name).at(-1)?.startTime ?? NaN);
    // The first results shown after the excerpts: the rest of the eight follow later.
    const shown = marks('shown').find((m) => m.startTime >= excerpts)?.startTime ?? NaN;
    // Answered from what the build stored (search:common): no search, so no wait, search or excerpts.
    const stored = marks('common').some((m) => m.startTime >= window.lastKey);
    // Several common words added up from their stored scores (search:combined): no Pagefind search either.
    const combined = marks('combined').some((m) => m.startTime >= window.lastKey);
    // Searched while the last word was typed (search:ahead): the search column is only the wait for it.
    const ahead = marks('ahead').some((m) => m.startTime >= window.lastKey);
    return { waitMs: start - window.lastKey, searchMs: searched - start, excerptsMs: excerpts - searched, renderMs: shown - excerpts, sinceShownMs: performance.now() - shown, stored, combined, ahead };
  })()`);
  if (process.env.BENCH_VERBOSE) {
    // All the marks with BENCH_VERBOSE=2, to tell which key's search fetched what; the last twelve otherwise.
    const shownMarks = process.env.BENCH_VERBOSE === '2' ? 0 : -12;
    console.log(await page.evaluate(`(() => {
      const rel = (t) => Math.round(t - window.lastKey);
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('search:')).map((m) => rel(m.startTime) + ' ' + m.name + ' ' + m.detail);
      return 'marks (ms from last key): ' + marks.slice(${shownMarks}).join(', ') + ' | long tasks [start from last key, duration]: ' + JSON.stringify(window.longTasks.map(([t, d]) => [rel(t), d]).filter(([t]) => t > -1500));
    })()`));
  }
  // What arrives after the results (the tag counts, loaded when the browser is idle) is counted separately.
  await page.waitForTimeout(2000);
  const bytesAtResults = bytes.filter((entry) => entry.at <= resultsAt && entry.url.includes('/pagefind/')).reduce((sum, entry) => sum + entry.size, 0);
  const searchBytes = bytes.filter((entry) => entry.url.includes('/pagefind/')).reduce((sum, entry) => sum + entry.size, 0);
  const totalBytes = bytes.reduce((sum, entry) => sum + entry.size, 0);
  if (process.env.BENCH_VERBOSE === '2') {
    // Each file of the search, from the request to the end of its response, in ms from the last key.
    const lastKeyAt = Number(await page.evaluate('performance.timeOrigin + window.lastKey'));
    const since = (at: number) => Math.round(at - lastKeyAt);
    console.log(bytes.filter((entry) => entry.url.includes('/pagefind/')).map((entry) => `${since(entry.started)} → ${since(entry.ended)} ms ${entry.url.replace(/.*\/pagefind\//, '')} ${entry.size}`).join('\n'));
  }
  const byKind: Record<string, number> = {};
  for (const entry of bytes) {
    const kind = /\/(index|fragment|filter)\//.exec(entry.url)?.[1] ?? path.basename(new URL(entry.url).pathname).replace(/_[0-9a-f]+\./, '.');
    byKind[kind] = (byKind[kind] ?? 0) + entry.size;
  }
  // BENCH_AGREE=1: whether the box shows what Pagefind answers, in its order, with its excerpts: the box answers most
  // queries from what the build stored or from each word's answer alone, and this checks it at full scale, where
  // the tests' small site cannot (their index is one chunk). An excerpt is compared as shown, its marks in brackets.
  if (process.env.BENCH_AGREE) {
    const shown = await page.locator('ul[data-search-query] > li > a[href]').evaluateAll((links) =>
      links.map((link) => {
        const excerpt = link.children[1]!;
        const text = Array.from(excerpt.children, (part) => (part.tagName === 'MARK' ? `[${part.textContent}]` : part.textContent)).join('');
        return `${new URL((link as HTMLAnchorElement).href).pathname} ${text}`;
      }),
    );
    const answered = await page.evaluate(async ({ q, count, options }) => {
      const url = '/pagefind/pagefind.js';
      const api = (await import(/* webpackIgnore: true */ url)) as {
        options: (options: object) => Promise<void>;
        search: (term: string) => Promise<{ results: { score: number; data: () => Promise<PagefindResultData> }[] }>;
      };
      // The box's options: its excerpts are shorter than Pagefind's own.
      await api.options(options);
      const { results } = await api.search(q);
      return Promise.all(results.slice(0, count).map(async (result) => ({ data: await result.data(), score: result.score.toFixed(4) })));
    }, { q: withoutRepeatedWords(query), count: shown.length, options: PAGEFIND_OPTIONS });
    const pagefind = answered.map(({ data }) => {
      const hit = toSearchHit(data);
      return `${hit.url} ${hit.excerpt.map((part) => (part.match ? `[${part.text}]` : part.text)).join('')}`;
    });
    const agrees = shown.length > 0 && pagefind.length === shown.length && pagefind.every((entry, i) => entry === shown[i]);
    const listed = (entries: string[]) => entries.map((entry, i) => `\n    ${entry}${answered[i] ? ` (${answered[i].score})` : ''}`).join('');
    console.log(`agree ${agrees ? 'yes' : 'NO '} (${shown.length} results) ${query}${agrees ? '' : `\n  box:${listed(shown)}\n  pagefind:${listed(pagefind)}`}`);
  }
  // A second query on the same page: Pagefind and the index chunks it needs are loaded by now.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const warmStart = Date.now();
  const warmLatencyMs = await typeAndWait(page, query === 'model' ? 'benchmark' : 'model');
  if (process.env.BENCH_VERBOSE) {
    console.log(bytes.filter((entry) => entry.at >= warmStart).map((entry) => `${entry.at - warmStart} ms ${entry.url.replace(/.*\/pagefind\//, '')} ${entry.size}`).join('\n'));
  }
  // Pagefind's own search call for the query, everything loaded: the floor under any search box.
  const pagefindSearchMs = await page.evaluate(async (q) => {
    const url = '/pagefind/pagefind.js';
    const api = (await import(/* webpackIgnore: true */ url)) as { search: (term: string) => Promise<unknown> };
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await api.search(q);
      times.push(Math.round(performance.now() - started));
    }
    return times;
  }, query);
  await browser.close();
  return { query, latencyMs, bytesAtResults, searchBytes, totalBytes, requests: bytes.length, warmLatencyMs, byKind, pagefindSearchMs, breakdown };
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('run `npm run build` first');
  if (process.env.REINDEX === '1' || !fs.existsSync(path.join(kept, 'pagefind-entry.json'))) {
    const index = await buildIndex();
    console.log(`index: ${count} articles in ${index.seconds.toFixed(1)} s, ${index.files} files, ${(index.bytes / 1e6).toFixed(1)} MB`);
  } else {
    console.log(`index: reusing ${path.relative(root, kept)} (REINDEX=1 builds it again)`);
  }
  const { words, phrases, compounds } = await ranking();
  if (process.env.REINDEX === '1' || process.env.REANSWER === '1' || !fs.existsSync(path.join(kept, COMMON_ANSWERS_DIR, COMMON_ANSWERS_INDEX))) {
    const started = performance.now();
    const written = await writeCommonAnswers(kept, words.slice(0, COMMON_WORDS_LIMIT), words.slice(COMMON_WORDS_LIMIT, COMMON_WORDS_LIMIT + 8), phrases, compounds);
    console.log(
      `answers: ${written.words} common words and ${written.pairs} phrases and pairs in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `${written.files} files, ${(written.bytes / 1000).toFixed(0)} kB; scores of ${written.combined.words} words to add up ` +
        `(${(written.combined.bytes / 1000).toFixed(0)} kB, ${written.combined.weighed.files} files of weights for ${written.combined.weighed.words} words, ` +
        `${written.combined.weighed.scoredPages} of their ${written.combined.weighed.pages} pages stored as scores, ${written.combined.checked} queries checked against Pagefind, ` +
        `${written.combined.pairs} pairs to add up with a third word${written.combined.pairsFailed.length ? `, refused: ${written.combined.pairsFailed.join('; ')}` : ''}` +
        `${written.combined.unstable.length ? `, scored by word order by Pagefind on: ${written.combined.unstable.join('; ')}` : ''}` +
        `${written.combined.skipped.length ? `, left out: ${written.combined.skipped.join(' ')}` : ''}` +
        `${written.combined.dropped ? `; DROPPED: ${written.combined.dropped}` : ''})`,
    );
  }
  const uncached = words[COMMON_WORDS_LIMIT];
  if (!process.env.BENCH_QUERIES && !process.env.BENCH_SAMPLE && uncached) QUERIES.push(uncached);
  // BENCH_REPS=0: only the index and the stored answers, to time building them.
  const reps = Number(process.env.BENCH_REPS ?? 3);
  if (reps === 0) return;
  if (!process.env.BENCH_STATIC) {
    prepareSite();
    fs.cpSync(kept, path.join(site, 'public', 'pagefind'), { recursive: true });
  }
  const server = process.env.BENCH_STATIC ? await startStaticServer() : await startServer();
  try {
    // Each query several times, each in a fresh browser; the table gives medians (single runs vary by 2x).
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const results: Measure[] = [];
    for (const query of QUERIES) {
      const runs: Measure[] = [];
      for (let i = 0; i < reps; i++) {
        const run = await measure(query);
        runs.push(run);
        console.log(JSON.stringify(run));
      }
      results.push({
        ...runs[0]!,
        latencyMs: median(runs.map((r) => r.latencyMs)),
        bytesAtResults: median(runs.map((r) => r.bytesAtResults)),
        searchBytes: median(runs.map((r) => r.searchBytes)),
        warmLatencyMs: median(runs.map((r) => r.warmLatencyMs)),
        pagefindSearchMs: runs.flatMap((r) => r.pagefindSearchMs),
        breakdown: {
          waitMs: median(runs.map((r) => r.breakdown.waitMs)),
          searchMs: median(runs.map((r) => r.breakdown.searchMs)),
          excerptsMs: median(runs.map((r) => r.breakdown.excerptsMs)),
          renderMs: median(runs.map((r) => r.breakdown.renderMs)),
          stored: runs.every((r) => r.breakdown.stored),
          combined: runs.every((r) => r.breakdown.combined),
          ahead: runs.every((r) => r.breakdown.ahead),
        },
        latencies: runs.map((r) => Math.round(r.latencyMs)),
      });
    }
    console.log(`\nload average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} cores\n`);
    console.log('| first query (cold cache), median of runs | kB when the results show | kB with the tag counts | last keystroke → results, ms (each run) | of which: waiting / search / excerpts / React, ms | second query, ms | Pagefind search() alone, median ms |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const b = r.breakdown;
      const where = b.stored ? 'stored answer' : b.combined ? 'added up from stored scores' : [b.waitMs, b.searchMs, b.excerptsMs, b.renderMs].map((n) => n.toFixed(0)).join(' / ') + (b.ahead ? ' (searched ahead)' : '');
      const label = r.query === uncached ? `${r.query} (the most common word without a stored answer)` : r.query;
      console.log(`| ${label} | ${(r.bytesAtResults / 1000).toFixed(0)} | ${(r.searchBytes / 1000).toFixed(0)} | ${r.latencyMs.toFixed(0)} (${r.latencies?.join(', ')}) | ${where} | ${r.warmLatencyMs.toFixed(0)} | ${median(r.pagefindSearchMs)} |`);
    }
    const within = results.filter((r) => r.bytesAtResults <= 300_000).length;
    const fast = results.filter((r) => r.latencyMs <= 100).length;
    console.log(`\n${within} of ${results.length} queries at most 300 kB when their results show; ${fast} of ${results.length} within 100 ms of the last key`);
  } finally {
    stopServer(server);
    fs.rmSync(site, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
