// The build's side of lib/search-answers.ts: asks the Pagefind index just written for each common word, with
// the same Pagefind script, WebAssembly and options the box's worker uses, and writes the answers beside it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMON_ANSWERS_DIR, commonAnswerFiles, type CommonAnswer } from './search-answers';
import { RESULTS_SHOWN, startPagefind, tagChoices, type Pagefind, type PagefindResultData } from './search';

/**
 * Pagefind's browser script fetches its files by URL. Node's fetch has no `file:` URLs, so while the script
 * runs here the global fetch reads the bundle's files from disk; any other URL is refused (the build makes
 * no network requests).
 */
async function withBundleFetch<T>(bundleDir: string, run: (bundleUrl: string) => Promise<T>): Promise<T> {
  const bundleUrl = pathToFileURL(path.resolve(bundleDir) + path.sep).href;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), bundleUrl);
    if (url.protocol !== 'file:') throw new Error(`The search index build fetched ${url.href}`);
    try {
      return new Response(await fs.promises.readFile(fileURLToPath(url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
  try {
    return await run(bundleUrl);
  } finally {
    globalThis.fetch = realFetch;
  }
}

async function loadPagefind(bundleUrl: string): Promise<Pagefind> {
  const script = new URL('pagefind.js', bundleUrl);
  const instance = await startPagefind(await import(/* webpackIgnore: true */ script.href), bundleUrl);
  if (!instance) throw new Error(`${script.pathname} is not Pagefind’s script`);
  // Loaded so that every answer carries its counts by tag, as the box's tag worker would count them.
  await instance.filters();
  return instance;
}

/** Only what the box reads of a result (lib/search.ts, toSearchHit). */
function keptData({ url, excerpt, meta, filters }: PagefindResultData): PagefindResultData {
  return { url, excerpt, meta: { title: meta.title, date: meta.date, date_text: meta.date_text }, filters: { tag: filters.tag } };
}

/** Pagefind's answer for each word that has results. */
export async function answerCommonWords(bundleDir: string, words: readonly string[]): Promise<Map<string, CommonAnswer>> {
  return withBundleFetch(bundleDir, async (bundleUrl) => {
    const pagefind = await loadPagefind(bundleUrl);
    const answers = new Map<string, CommonAnswer>();
    for (const word of words) {
      const response = await pagefind.search(word);
      if (!response || response.results.length === 0) continue;
      const results = await Promise.all(response.results.slice(0, RESULTS_SHOWN).map(async (result) => keptData(await result.data())));
      answers.set(word, { total: response.results.length, results, tags: tagChoices(response.totalFilters, undefined) });
    }
    return answers;
  });
}

/** Answers the words and writes the answers into the bundle; returns what it wrote. */
export async function writeCommonAnswers(bundleDir: string, words: readonly string[]): Promise<{ words: number; files: number; bytes: number }> {
  const answers = await answerCommonWords(bundleDir, words);
  const dir = path.join(bundleDir, COMMON_ANSWERS_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const files = commonAnswerFiles(answers, (text) => createHash('sha256').update(text).digest('hex').slice(0, 16));
  for (const [name, text] of files) {
    fs.writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { words: answers.size, files: files.size, bytes };
}
