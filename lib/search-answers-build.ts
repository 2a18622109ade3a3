// The build's side of lib/search-answers.ts: asks the Pagefind index just written for each common word, with
// the same Pagefind script, WebAssembly and options the box's worker uses, and writes the answers beside it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMON_ANSWERS_DIR, commonAnswerFiles, pairsToAnswer, phrasesToAnswer, type CommonAnswer } from './search-answers';
import { CombineBuilder, PAIR_FILE_PREFIX, checkCombined, queriesToCheck, type CheckedQuery, type CombineCheck, type CombineFiles, type FullResult } from './search-combine-build';
import { RESULTS_SHOWN, startPagefind, tagChoices, type Pagefind, type PagefindResultData } from './search';
import { addsUp, addsUpAsPair, areIndependentWords, pairParts, resolveChunks, type PairPostings, type WordPostings } from './search-combine';

/**
 * Pagefind's browser script fetches its files by URL. Node's fetch has no `file:` URLs, so while the script
 * runs here the global fetch reads the bundle's files from disk; any other URL is refused (the build makes
 * no network requests).
 */
export async function withBundleFetch<T>(bundleDir: string, run: (bundleUrl: string) => Promise<T>): Promise<T> {
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

/**
 * Which copy of Pagefind's module new instances come from (renewPagefindModule). Every instance's index lives
 * in its module's one WebAssembly memory, which Pagefind never gives back, even once the instance is
 * destroyed: at 10,000 articles, the ~450 instances of a build (two per common word, and the checks) filled it
 * ("memory access out of bounds"). A new copy of the module, once the old one's instances are done, starts with
 * a memory of its own, and the old one is collected.
 */
let moduleCopy = 0;

/**
 * Starts a new copy of the module, with one instance first: instances started together on a fresh copy would
 * each load its WebAssembly, and the last one loaded replaces the others' under them (empty answers, or
 * "memory access out of bounds").
 */
async function renewPagefindModule(bundleUrl: string): Promise<void> {
  moduleCopy++;
  const first = await loadPagefind(bundleUrl);
  await first.destroy?.();
}

async function loadPagefind(bundleUrl: string, { filters = true } = {}): Promise<Pagefind> {
  const script = new URL('pagefind.js', bundleUrl);
  script.search = `copy=${moduleCopy}`;
  const instance = await startPagefind(await import(/* webpackIgnore: true */ script.href), bundleUrl);
  if (!instance) throw new Error(`${script.pathname} is not Pagefind’s script`);
  // Loaded so that every answer carries its counts by tag, as the box's tag worker would count them.
  if (filters) await instance.filters();
  return instance;
}

/** `run` for every item, `size` at a time, `beforeBatch` before each; the results in the items' order. */
async function mapInBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>, beforeBatch: () => Promise<void>): Promise<R[]> {
  const results: R[] = [];
  for (let from = 0; from < items.length; from += size) {
    await beforeBatch();
    results.push(...(await Promise.all(items.slice(from, from + size).map(run))));
  }
  return results;
}

/** Only what the box reads of a result (lib/search.ts, toSearchHit). */
function keptData({ url, excerpt, meta, filters }: PagefindResultData): PagefindResultData {
  return { url, excerpt, meta: { title: meta.title, date: meta.date, date_text: meta.date_text }, filters: { tag: filters.tag } };
}

/** Pagefind's answer for each word that has results. */
export async function answerCommonWords(bundleDir: string, words: readonly string[]): Promise<Map<string, CommonAnswer>> {
  return (await buildCommonAnswers(bundleDir, words, false)).answers;
}

/** `pairs`: how many of the answers are to two words (phrasesToAnswer, pairsToAnswer); `addedPairs`: how many of those add up with a third word. */
type Built = { answers: Map<string, CommonAnswer>; combine?: CombineFiles; checks: CombineCheck[]; dropped?: string; pairs?: number; addedPairs?: number };

/** How many stored pairs the build checks with a third word against Pagefind (each pair is exact by construction). */
const PAIRS_CHECKED = 6;

/**
 * The answers, and with `combine`, the files that add common words up (lib/search-combine.ts), checked against
 * Pagefind. When the check finds a difference, the files are dropped (`dropped` says why): queries of several
 * words then go to Pagefind, as they did before these files existed.
 */
async function buildCommonAnswers(bundleDir: string, words: readonly string[], combine: boolean, others: readonly string[] = [], phrases: readonly string[] = [], compounds: readonly string[] = []): Promise<Built> {
  return withBundleFetch(bundleDir, async (bundleUrl) => {
    // A new Pagefind for each word, as a reader's browser has for a first query (see checkCombined). Each new
    // one idles 50 ms before its first search (Pagefind polls for its own start), so words go sixteen at a time.
    const fresh = () => loadPagefind(bundleUrl, { filters: false });
    const builder = combine ? CombineBuilder.create(bundleDir, fresh) : undefined;
    /** Pagefind's answer to the query, as the box shows it, and `then` done with its results while it is open. */
    const answerOf = async <T,>(query: string, then: (results: FullResult[]) => Promise<T>) => {
      const pagefind = await loadPagefind(bundleUrl);
      try {
        const response = await pagefind.search(query);
        if (!response || response.results.length === 0) return undefined;
        const results = await Promise.all(response.results.slice(0, RESULTS_SHOWN).map(async (result) => keptData(await result.data())));
        const answer: CommonAnswer = { total: response.results.length, results, tags: tagChoices(response.totalFilters, undefined) };
        return { answer, then: await then(response.results as unknown as FullResult[]) };
      } finally {
        await pagefind.destroy?.();
      }
    };
    const answered = await mapInBatches(words, 16, (word) => answerOf(word, async (results) => builder?.measure(word, results)), () => renewPagefindModule(bundleUrl));
    /** Files read back as the box reads them: the word files and pages' tags from memory, Pagefind's own files from disk. */
    const readFrom = (files: CombineFiles) => async (file: string) => {
      const name = file.startsWith(`${COMMON_ANSWERS_DIR}/`) ? file.slice(COMMON_ANSWERS_DIR.length + 1) : undefined;
      if (name !== undefined && files.files.has(name)) return files.files.get(name);
      try {
        return new Uint8Array(await fs.promises.readFile(path.join(bundleDir, file)));
      } catch {
        return undefined;
      }
    };
    /**
     * Adds the answers to the phrases and pairs the box cannot add up (lib/search-answers.ts, phrasesToAnswer and
     * pairsToAnswer) and to the compound words' phrases (compoundPhrasesOf); `postings`: the words' stored scores,
     * when kept. A pair of two such words is measured too, to add up with a third word (PairPostings), unless its
     * check against Pagefind fails.
     */
    const withPairs = async (built: Built, postings?: Map<string, WordPostings>): Promise<Built> => {
      const scored = words.filter((word) => postings?.has(word)).map((word) => ({ word, postings: postings!.get(word)! }));
      const common = phrasesToAnswer(phrases, (word) => postings?.get(word));
      const queries = [...new Set([...common, ...pairsToAnswer(scored).map((pair) => pair.join(' ')), ...compounds])];
      const measure = async (query: string, results: FullResult[]) => {
        const pair = query.split(' ');
        // Only two words have parts to add up with another word: a longer phrase is shown as it is stored.
        return builder && pair.length === 2 && postings?.has(pair[0]!) && postings.has(pair[1]!) ? builder.measurePair(pair as [string, string], results) : undefined;
      };
      const done = await mapInBatches(queries, 16, (query) => answerOf(query, (results) => measure(query, results)), () => renewPagefindModule(bundleUrl));
      const parts = new Map<string, PairPostings>();
      for (const [i, query] of queries.entries()) {
        const measured = done[i]?.then;
        const files = measured && (await builder!.pairFiles(measured));
        if (!measured || !files) continue;
        // Each word's pages and partners as the pair matched it: "an" beside "and" matches "another" too.
        const inPair = (k: 0 | 1): WordPostings => ({ ...postings!.get(measured.words[k])!, pages: measured.each[k].entries.length, partners: measured.each[k].partners });
        parts.set(query, pairParts(measured.words, [inPair(0), inPair(1)], files));
      }
      const checks = built.combine && parts.size > 0 ? await checkPairs(parts, built.combine, postings!) : [];
      // A pair that failed is answered as a pair only, and its files are not written (unless a kept pair's too).
      for (const failed of new Set(checks.flatMap((check) => (check.problem ? [check.pair] : [])))) parts.delete(failed);
      const kept = new Set([...parts.values()].flat().map((part) => part.file));
      for (const name of [...(built.combine?.files.keys() ?? [])]) if (name.startsWith(`${PAIR_FILE_PREFIX}-`) && !kept.has(name)) built.combine!.files.delete(name);
      let stored = 0;
      queries.forEach((query, i) => {
        const pair = parts.get(query);
        // A pair of words beginning alike is there to add up with other words; without parts, and not a phrase or
        // compound of the text, it would only weigh on its group ("data dataset": "data" matches "dataset" in its chunk too).
        if (!done[i] || (!pair && !common.includes(query) && !compounds.includes(query) && !areIndependentWords(query.split(' ')))) return;
        built.answers.set(query, pair ? { ...done[i].answer, pair } : done[i].answer);
        stored++;
      });
      return { ...built, checks: [...built.checks, ...checks], pairs: stored, addedPairs: parts.size };
    };
    /**
     * Checks stored pairs added up with a third word against Pagefind: the first PAIRS_CHECKED and every pair of
     * words beginning alike, each with the most common word that adds up with it, and the first three with a word
     * that is not common.
     */
    const checkPairs = async (parts: Map<string, PairPostings>, files: CombineFiles, postings: Map<string, WordPostings>): Promise<(CombineCheck & { pair: string })[]> => {
      const queries: (CheckedQuery & { pair: string })[] = [];
      let withOther = 0;
      // Every pair of words beginning alike too: nothing but the check says their parts add up (addsUpAsPair).
      const toCheck = [...parts].filter(([pair], i) => i < PAIRS_CHECKED || !areIndependentWords(pair.split(' ')));
      for (const [pair, [first, second]] of toCheck) {
        const [a, b] = pair.split(' ') as [string, string];
        const addsUpWith = (word: string, scores?: WordPostings) => addsUpAsPair([{ word: a, postings: first }, { word: b, postings: second }, { word, postings: scores }], 0, 1);
        const third = [...postings].find(([word, scores]) => addsUpWith(word, scores));
        if (third) queries.push({ pair, words: [a, b, third[0]], postings: [first, second, third[1]] });
        const other = withOther < 3 ? others.find((word) => addsUpWith(word)) : undefined;
        if (other !== undefined) {
          queries.push({ pair, words: [a, b], others: [other], postings: [first, second] });
          withOther++;
        }
      }
      await renewPagefindModule(bundleUrl);
      const checked = await checkCombined(() => loadPagefind(bundleUrl), files, COMMON_ANSWERS_DIR, readFrom(files), queries, RESULTS_SHOWN);
      return checked.map((check, i) => ({ ...check, pair: queries[i]!.pair }));
    };
    const answers = new Map<string, CommonAnswer>();
    words.forEach((word, i) => {
      const done = answered[i];
      if (!done) return;
      answers.set(word, done.answer);
      builder?.keep(word, done.then);
    });
    // Each word's scores with the chunk of another word fetched too, where its forms may be (resolveChunks).
    const variants = builder?.variantsToMeasure() ?? [];
    const measured = await mapInBatches(variants, 16, ({ word, chunk }) => builder!.measureVariant(word, chunk), () => renewPagefindModule(bundleUrl));
    variants.forEach(({ word, chunk }, i) => builder!.keepVariant(word, chunk, measured[i]));
    const files = await builder?.finish();
    if (!files) return combine ? withPairs({ answers, checks: [], dropped: builder?.unusable }) : { answers, checks: [] };
    const kept = words.filter((word) => files.postings.has(word));
    const boxAddsUp = (query: string[]) => addsUp(query.map((word) => ({ word, postings: files.postings.get(word) })));
    await renewPagefindModule(bundleUrl);
    const checks = await checkCombined(() => loadPagefind(bundleUrl), files, COMMON_ANSWERS_DIR, readFrom(files), queriesToCheck(kept, [...others], boxAddsUp, withVariants(kept, files.postings, 3)), RESULTS_SHOWN);
    const failed = checks.find((check) => check.problem);
    if (failed) return withPairs({ answers, checks, dropped: `“${failed.query}”: ${failed.problem}` });
    for (const [word, postings] of files.postings) answers.set(word, { ...answers.get(word)!, combine: postings });
    return withPairs({ answers, combine: files, checks }, files.postings);
  });
}

/** Up to `limit` pairs of the words that add up only with a word's scores for the other's chunk (resolveChunks), to check those too. */
function withVariants(words: string[], postings: Map<string, WordPostings>, limit: number): string[][] {
  const pairs: string[][] = [];
  for (const [i, a] of words.entries()) {
    for (const b of words.slice(i + 1)) {
      const stored = [postings.get(a)!, postings.get(b)!];
      const resolved = addsUp([a, b].map((word, k) => ({ word, postings: stored[k] }))) ? resolveChunks(stored) : undefined;
      if (resolved?.some((word, k) => word.file !== stored[k]!.file)) pairs.push([a, b]);
      if (pairs.length === limit) return pairs;
    }
  }
  return pairs;
}

export type WrittenAnswers = {
  /** Answers stored: to one word (`words`) and to several (`pairs`: phrases, pairs and compound words' phrases). */
  words: number;
  pairs: number;
  files: number;
  bytes: number;
  /**
   * Words whose scores can be added up, their files' bytes, the queries checked against Pagefind; `pairs`: the
   * stored pairs that add up with a third word (PairPostings), `pairsFailed`: those a check against Pagefind refused;
   * `unstable`: the queries checked with a page Pagefind itself scores by the order of the words (CombineCheck);
   * `weighed`: the files that store the pages' weights rather than their scores (CombineFiles).
   */
  combined: {
    words: number;
    bytes: number;
    checked: number;
    skipped: string[];
    dropped?: string;
    pairs: number;
    pairsFailed: string[];
    unstable: string[];
    weighed: CombineFiles['weighed'];
  };
};

/**
 * Answers the words and writes the answers into the bundle; returns what it wrote. `others`: words that are
 * not among them (the next most common), to check the box's ranking of a common word with one of those;
 * `phrases`: the text's most common two-word phrases, most pages first (lib/search-answers.ts, PhraseCounter);
 * `compounds`: the phrases of compound words of three or four parts to answer (compoundPhrasesOf), all of them.
 */
export async function writeCommonAnswers(bundleDir: string, words: readonly string[], others: readonly string[] = [], phrases: readonly string[] = [], compounds: readonly string[] = []): Promise<WrittenAnswers> {
  const { answers, combine, checks, dropped, pairs = 0, addedPairs = 0 } = await buildCommonAnswers(bundleDir, words, true, others, phrases, compounds);
  const dir = path.join(bundleDir, COMMON_ANSWERS_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const files = commonAnswerFiles(answers, (text) => createHash('sha256').update(text).digest('hex').slice(0, 16), combine?.index);
  for (const [name, text] of files) {
    fs.writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  let combinedBytes = 0;
  for (const [name, data] of combine?.files ?? []) {
    fs.writeFileSync(path.join(dir, name), data);
    combinedBytes += data.byteLength;
  }
  return {
    words: answers.size - pairs,
    pairs,
    files: files.size + (combine?.files.size ?? 0),
    bytes: bytes + combinedBytes,
    combined: {
      words: combine?.postings.size ?? 0,
      bytes: combinedBytes,
      checked: checks.filter((check) => !check.skipped).length,
      skipped: combine?.skipped ?? [],
      dropped,
      pairs: addedPairs,
      pairsFailed: checks.flatMap((check) => (check.problem && 'pair' in check ? [`“${check.query}”: ${check.problem}`] : [])),
      unstable: checks.flatMap((check) => (check.unstable ? [check.query] : [])),
      weighed: combine?.weighed ?? { words: 0, files: 0, pages: 0, scoredPages: 0 },
    },
  };
}
