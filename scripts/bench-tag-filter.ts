// Benchmarks the tag filter at 10,000 articles: the size of the index the browser fetches, and the time
// from a click on a tag to the updated list on screen, in Chromium against a production build.
//
//   npm run bench:tags                       sizes, compute times, and clicks in the browser
//   npm run bench:tags -- --sizes-only       sizes and compute times only (no build, ~1 min)
//   npm run bench:tags -- --articles 2000 --port 3405
//   npm run bench:tags -- --keep-scratch, then --reuse <folder> to click again without rebuilding
//
// The browser part copies the site to a scratch folder with synthetic articles, builds the routes the
// filter uses (home, /tags, the index and chunks; not the 10,000 article pages), and clicks tags on
// the home page. The baseline is this checkout's own build (`npm run build` first), clicked the same
// way in the same run, so the ratio says what ten thousand articles cost over a handful.
//
// Two clocks per click. "wall" ends in the frame after the list changed, on the page's main thread
// (requestAnimationFrame, then a task). "To pixels" is the browser's own Event Timing duration for the
// click, the measure behind Interaction to Next Paint: it ends when that frame is presented, after it has
// been rasterised, which on this machine (no GPU) adds 20–30 ms to a click that redraws the list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { indexContent, readSources, type SourceFile } from '../lib/content';
import { buildTagFilter, decodeTagFilter, filterArticles } from '../lib/tag-filter-index';

const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    tags: { type: 'string', default: '400' },
    port: { type: 'string', default: '3405' },
    clicks: { type: 'string', default: '40' },
    /** Fresh page loads per site and run whose first click is timed: one sample says little. */
    'first-clicks': { type: 'string', default: '5' },
    'sizes-only': { type: 'boolean', default: false },
    'keep-scratch': { type: 'boolean', default: false },
    /** A scratch folder kept by an earlier run with --keep-scratch: clicks again without rebuilding. */
    reuse: { type: 'string' },
  },
});
const ARTICLES = Number(options.articles);
const TAGS = Number(options.tags);
const PORT = Number(options.port);
const CLICKS = Number(options.clicks);
const FIRST_CLICKS = Math.max(1, Number(options['first-clicks']));
const ROOT = process.cwd();
const CHROMIUM = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

/** A small deterministic generator, so every run benchmarks the same site. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Articles shaped like the real ones: titles and summaries drawn from the words of content/posts,
 * 2 to 6 tags each from a vocabulary whose use follows Zipf's law (a few tags on thousands of
 * articles, most on a handful), one article every eight hours, a cover on two in three.
 */
export function syntheticSources(count: number, tagCount: number, seed = 1): SourceFile[] {
  const next = random(seed);
  const words = [
    ...new Set(
      readSources(ROOT)
        .sources.map((source) => source.raw.replace(/^---[\s\S]*?---/, ''))
        .join(' ')
        .toLowerCase()
        .match(/[a-z]{3,}/g) ?? [],
    ),
  ];
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  const tagNames = [...new Set(Array.from({ length: tagCount * 3 }, () => {
    const name = Array.from({ length: 1 + Math.floor(next() * 2) }, () => capitalise(pick(words))).join(' ');
    return name;
  }))].slice(0, tagCount);
  const harmonic = tagNames.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);
  const zipfTag = () => {
    let target = next() * harmonic;
    for (let rank = 0; rank < tagNames.length; rank++) {
      target -= 1 / (rank + 1);
      if (target <= 0) return tagNames[rank]!;
    }
    return tagNames.at(-1)!;
  };
  const start = Date.UTC(2016, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const title = capitalise(Array.from({ length: 5 + Math.floor(next() * 7) }, () => pick(words)).join(' '));
    const summary = capitalise(Array.from({ length: 18 + Math.floor(next() * 20) }, () => pick(words)).join(' ')) + '.';
    const tags = new Set<string>();
    const wanted = 2 + Math.floor(next() * 5);
    while (tags.size < wanted) tags.add(zipfTag());
    const date = new Date(start + i * 8 * 3600_000).toISOString().slice(0, 16) + 'Z';
    const cover = next() < 0.67 ? `image: 'https://pbs.twimg.com/media/bench-${i}.jpg'\n` : '';
    const slug = `${title.toLowerCase().split(' ').slice(0, 6).join('-')}-${i}`;
    return {
      file: `content/posts/${slug}.md`,
      raw:
        `---\ntitle: '${title}'\ndate: ${date}\ndescription: '${summary}'\n${cover}` +
        `tags: [${[...tags].map((tag) => `'${tag}'`).join(', ')}]\n---\n\n${summary}\n`,
    };
  });
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? NaN;
const ms = (value: number) => `${value < 1 ? value.toFixed(2) : value.toFixed(1)} ms`;

function measureSizes(sources: SourceFile[]) {
  const started = performance.now();
  const content = indexContent(sources, { includeDrafts: false });
  const indexedIn = performance.now() - started;
  const built = buildTagFilter(content.articles, content.tags);
  const json = JSON.stringify(built.index);
  const chunkBytes = built.chunks.map((chunk) => Buffer.byteLength(JSON.stringify(chunk)));
  const chunkGzip = built.chunks.map((chunk) => zlib.gzipSync(JSON.stringify(chunk)).length);

  // What the browser does with the index: decode once, then filter on every click.
  const decodeTimes: number[] = [];
  let data = decodeTagFilter(built.index);
  for (let i = 0; i < 50; i++) filterArticles(data, [i % data.tags.length]); // warm up the JIT
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    data = decodeTagFilter(built.index);
    decodeTimes.push(performance.now() - t);
  }
  const next = random(7);
  const filterTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const selection = Array.from({ length: 1 + Math.floor(next() * 3) }, () => Math.floor(next() ** 2 * Math.min(60, data.tags.length)));
    const t = performance.now();
    filterArticles(data, selection);
    filterTimes.push(performance.now() - t);
  }
  return {
    articles: content.articles.length,
    tags: content.tags.length,
    topTag: content.tags[0],
    indexedIn,
    indexRaw: Buffer.byteLength(json),
    indexGzip: zlib.gzipSync(json).length,
    indexGzip9: zlib.gzipSync(json, { level: 9 }).length,
    indexBrotli: zlib.brotliCompressSync(json).length,
    chunks: built.chunks.length,
    chunkRaw: median(chunkBytes),
    chunkGzip: median(chunkGzip),
    decode: median(decodeTimes),
    filter: median(filterTimes),
    filterMax: Math.max(...filterTimes),
  };
}

function copyForBenchmark(sources: SourceFile[]): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tag-filter-'));
  for (const entry of ['app', 'components', 'lib', 'public', 'next.config.ts', 'package.json', 'postcss.config.mjs', 'tsconfig.json']) {
    fs.cpSync(path.join(ROOT, entry), path.join(scratch, entry), { recursive: true });
  }
  // Hard links: a full node_modules at no cost in space, and no symlink for the bundler to refuse.
  spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules')], { stdio: 'inherit' });
  // Routes the filter does not use; 10,000 article pages would take the build most of an hour here.
  for (const route of ['app/posts', 'app/tags/[tag]', 'app/page']) fs.rmSync(path.join(scratch, route), { recursive: true, force: true });
  fs.mkdirSync(path.join(scratch, 'content/posts'), { recursive: true });
  for (const source of sources) fs.writeFileSync(path.join(scratch, source.file), source.raw);
  return scratch;
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

async function answers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/`)).ok;
  } catch {
    return false;
  }
}

async function startServer(cwd: string, port: number): Promise<ChildProcess> {
  if (await answers(port)) throw new Error(`port ${port} is taken: pass another with --port`);
  const server = spawn(path.join(cwd, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  for (let i = 0; i < 120 && server.exitCode === null; i++) {
    if (await answers(port)) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error(`next start on port ${port} did not answer`);
}

function stopServer(server: ChildProcess) {
  if (!server.pid || server.exitCode !== null) return;
  try {
    // The whole process group, in case the server runs in a child of the `next` command.
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    server.kill('SIGKILL');
  }
}

/**
 * One click: wall time from the input event to the updated frame, main-thread CPU spent, chunks fetched,
 * and, when the list changed in the click's own frame, the browser's Event Timing duration for the click:
 * from the click to the frame being presented, which includes rasterising it (16 stands for "under 16 ms",
 * the smallest duration the browser reports; durations come in steps of 8 ms).
 */
type Click = { wall: number; cpu: number; fetched: boolean; painted?: number };

/** Page code: records the Event Timing entries of clicks as [startTime, duration]. */
const RECORD_CLICK_TIMING = `(() => {
  window.__benchClickTiming = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'click') window.__benchClickTiming.push([entry.startTime, entry.duration]);
  }).observe({ type: 'event', durationThreshold: 16 });
})()`;

/** The Event Timing duration of the click at `clickedAt`, or 16 when none came: it took under 16 ms. */
async function eventTiming(page: Page, clickedAt: number): Promise<number> {
  for (let i = 0; i < 15; i++) {
    const entries = await page.evaluate<[number, number][]>('window.__benchClickTiming');
    const entry = entries.find(([start]) => Math.abs(start - clickedAt) < 1);
    if (entry) return entry[1];
    await page.waitForTimeout(20);
  }
  return 16;
}

/**
 * Page code resolving, in the frame after the status has changed from `previous` and nothing is busy,
 * to that moment. A string because tsx would wrap a function with a helper the page does not have.
 */
function waitForUpdate(previous: string): string {
  return `new Promise((resolve) => {
    let waited = false;
    const settled = () => {
      const status = document.querySelector('[data-testid=tag-filter-status]')?.textContent ?? '';
      if (status === 'Filtering…') waited = true;
      return status !== ${JSON.stringify(previous)} && status !== 'Filtering…' && !document.querySelector('[aria-busy=true]');
    };
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve({ at: performance.now(), waited }), 0));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })`;
}

/**
 * Clicks tags on the home page like a reader narrowing down (adding a tag, sometimes removing one).
 * Wall time depends on what else the machine runs; the main thread's CPU time does not, which is why
 * both are kept.
 */
type Run = {
  throttle: number;
  /** How long the pointer rests on a tag before pressing, as a hand does; 0 presses on arrival. */
  dwell: number;
  /**
   * How long the button is held. 0 releases at once, which no hand does: a person's click or tap holds it for
   * something like a tenth of a second (80 ms is on the quick side), and the filter's fetch, started as the
   * pointer arrives, has that head start on the click event.
   */
  press?: number;
};

async function timeClicks(page: Page, url: string, clicks: number, { throttle, dwell, press = 0 }: Run): Promise<{ clicks: Click[]; floor: { wall: number[]; painted: number[] } }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await session.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const threadTime = async () =>
    ((await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000;
  let chunkRequests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/tag-filter/')) chunkRequests++;
  });
  await page.goto(url);
  // Hydrated: the tags have become buttons.
  await page.locator('[data-testid=tag-filter] button').first().waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(`window.addEventListener('click', (event) => { document.body.dataset.lastClick = String(event.timeStamp); }, { capture: true })`);
  await page.evaluate(RECORD_CLICK_TIMING);
  const next = random(11);
  const results: Click[] = [];
  for (let i = 0; i < clicks; i++) {
    const pressed = page.locator('[data-testid=tag-filter] > div > ul button[aria-pressed=true]');
    const enabled = page.locator('[data-testid=tag-filter] > div > ul button[aria-pressed=false]:not([disabled])');
    const remove = (await pressed.count()) >= 3 || ((await pressed.count()) > 0 && next() < 0.3) || (await enabled.count()) === 0;
    const target = remove ? pressed.nth(Math.floor(next() * (await pressed.count()))) : enabled.nth(Math.floor(next() * Math.min(8, await enabled.count())));
    const before = await page.getByTestId('tag-filter-status').textContent();
    const done = page.evaluate<{ at: number; waited: boolean }>(waitForUpdate(before ?? ''));
    // A bare mouse click at a known point: Playwright's own checks before a click would count as CPU.
    const box = await target.boundingBox();
    if (!box) throw new Error('a tag to click is off screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    if (dwell > 0) await page.waitForTimeout(dwell);
    const requestsBefore = chunkRequests;
    const cpuBefore = await threadTime();
    await page.mouse.down();
    if (press > 0) await page.waitForTimeout(press);
    await page.mouse.up();
    const updated = await done;
    const cpu = (await threadTime()) - cpuBefore;
    const clicked = Number(await page.evaluate<string>('document.body.dataset.lastClick'));
    // Event Timing times the click to its next frame: the updated list only when nothing had to be fetched.
    const painted = updated.waited ? undefined : await eventTiming(page, clicked);
    results.push({ wall: updated.at - clicked, cpu, fetched: chunkRequests > requestsBefore, painted });
  }
  const floor = clicks > 1 ? await timeNativeToggle(page, 10) : { wall: [], painted: [] };
  await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return { clicks: results, floor };
}

/**
 * The floor on this machine at this moment: opening and closing a `<details>` the script adds to the page
 * outside React (so no script of ours runs), timed the same way from the click to the next frame.
 */
async function timeNativeToggle(page: Page, clicks: number): Promise<{ wall: number[]; painted: number[] }> {
  await page.evaluate(`(() => {
    const details = document.createElement('details');
    details.id = 'bench-floor';
    details.style.cssText = 'position:fixed;left:8px;bottom:8px;z-index:99;background:white';
    details.innerHTML = '<summary>floor</summary><p>A disclosure that runs no script.</p>';
    document.body.append(details);
  })()`);
  const summary = page.locator('#bench-floor summary');
  const times: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < clicks; i++) {
    const done = page.evaluate<number>(`new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      });
      observer.observe(document.getElementById('bench-floor'), { attributes: true, attributeFilter: ['open'] });
    })`);
    await summary.click();
    const updated = await done;
    const clicked = Number(await page.evaluate<string>('document.body.dataset.lastClick'));
    times.push(updated - clicked);
    painted.push(await eventTiming(page, clicked));
  }
  return { wall: times, painted };
}

function clickRows(
  label: string,
  { throttle, dwell, press = 0 }: Run,
  { clicks, floor, firsts }: { clicks: Click[]; floor: { wall: number[]; painted: number[] }; firsts: Click[] },
): string[] {
  const [first, ...rest] = clicks;
  // The columns every row starts with: which site, and how it was clicked.
  const lead = `| ${label} | ${throttle}× | ${dwell} ms${press > 0 ? `, held ${press} ms` : ''} |`;
  /** Event Timing, for the clicks that updated the list in their own frame: how many of n, median, p95. */
  const toPixels = (list: readonly number[], of: number) =>
    list.length === 0 ? '- | - | -' : `${list.length} of ${of} | ${ms(median(list))} | ${ms(percentile(list, 95))}`;
  const row = (what: string, list: readonly Click[]) => {
    if (list.length === 0) return `${lead} ${what} | 0 | - | - | - | - | - | - | - |`;
    const wall = list.map((click) => click.wall);
    const cpu = list.map((click) => click.cpu);
    const painted = list.flatMap((click) => (click.painted === undefined ? [] : [click.painted]));
    return `${lead} ${what} | ${list.length} | ${ms(median(wall))} | ${ms(percentile(wall, 95))} | ${ms(median(cpu))} | ${ms(percentile(cpu, 95))} | ${toPixels(painted, list.length)} |`;
  };
  return [
    row('first click of a visit (fetches the index)', [...(first ? [first] : []), ...firsts]),
    row('cards already loaded', rest.filter((click) => !click.fetched)),
    row('fetched a chunk of cards', rest.filter((click) => click.fetched)),
    `${lead} floor: open/close a disclosure (no script) | ${floor.wall.length} | ${ms(median(floor.wall))} | ${ms(percentile(floor.wall, 95))} | - | - | ${toPixels(floor.painted, floor.wall.length)} |`,
  ];
}

async function main() {
  console.log(`Generating ${ARTICLES} articles with ${TAGS} tags…`);
  const sources = syntheticSources(ARTICLES, TAGS);
  const sizes = measureSizes(sources);
  console.log(`\n## Sizes and compute (Node ${process.version})\n`);
  console.log(`| | |\n|---|---|`);
  console.log(`| articles, tags | ${sizes.articles}, ${sizes.tags} (most used: ${sizes.topTag?.name} on ${sizes.topTag?.count}) |`);
  console.log(`| index JSON | ${kB(sizes.indexRaw)} raw, **${kB(sizes.indexGzip)} gzip** (level 6; ${kB(sizes.indexGzip9)} at level 9, ${kB(sizes.indexBrotli)} brotli) |`);
  console.log(`| card chunks | ${sizes.chunks} of ${sizes.chunkRaw ? kB(sizes.chunkRaw) : '-'} raw, ${kB(sizes.chunkGzip)} gzip (median) |`);
  console.log(`| content layer over all sources | ${ms(sizes.indexedIn)} |`);
  console.log(`| decode the index | ${ms(sizes.decode)} (median of 20) |`);
  console.log(`| filter and count, 1-3 tags | ${ms(sizes.filter)} median, ${ms(sizes.filterMax)} max (200 selections) |`);
  if (options['sizes-only']) return;

  if (!fs.existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('Run `npm run build` first: its build is the baseline.');
  const scratch = options.reuse ?? copyForBenchmark(sources);
  const buildStart = performance.now();
  if (!options.reuse) {
    console.log(`\nBuilding the ${ARTICLES}-article site in ${scratch}…`);
    // The scratch copy's own Next, so the build and the pages share one copy of React.
    run(path.join(scratch, 'node_modules/.bin/next'), ['build'], scratch);
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;

  const big = await startServer(scratch, PORT);
  const small = await startServer(ROOT, PORT + 1);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--disable-background-networking'] });
  const rows: string[] = [];
  try {
    const runs: Run[] = [{ throttle: 1, dwell: 0 }, { throttle: 1, dwell: 0, press: 80 }, { throttle: 1, dwell: 150 }, { throttle: 4, dwell: 0 }];
    for (const run of runs) {
      const sites: [label: string, url: string][] = [
        [`${ARTICLES} articles`, `http://127.0.0.1:${PORT}/`],
        ['this checkout', `http://127.0.0.1:${PORT + 1}/`],
      ];
      for (const [label, url] of sites) {
        const visit = async (clicks: number) => {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          // Covers are remote and irrelevant to the filter; the network here is closed anyway.
          await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
          const timed = await timeClicks(page, url, clicks, run);
          await context.close();
          return timed;
        };
        const session = await visit(CLICKS);
        const firsts: Click[] = [];
        for (let i = 1; i < FIRST_CLICKS; i++) firsts.push(...(await visit(1)).clicks);
        rows.push(...clickRows(label, run, { ...session, firsts }));
      }
    }
  } finally {
    await browser.close();
    stopServer(big);
    stopServer(small);
    if (options['keep-scratch'] || options.reuse) console.log(`Scratch site kept in ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(
    `\n## Click to updated list (Chromium, ${CLICKS} clicks per site; scratch build ${buildSeconds.toFixed(0)} s; ` +
      `load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} on ${os.cpus().length} cores)\n`,
  );
  console.log(
    '| site | CPU slowdown | pointer rests | clicks | n | wall median | wall p95 | main-thread CPU median | CPU p95 | ' +
      'to pixels (Event Timing): clicks timed | median | p95 |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
