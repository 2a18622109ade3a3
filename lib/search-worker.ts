// What the search box's own worker does: it runs Pagefind inside itself (Pagefind's `noWorker` mode) and
// sends the page only the few results it shows, with their excerpts.
//
// The box runs two of these. One answers the reader's queries and never loads Pagefind's filter data:
// with it loaded, every search also counts results by tag, which made searches two to three times slower
// (licence 50 → 153 ms, attention 70 → 155 ms at 10,000 articles). It counts its results by tag from the tags
// the build stored instead. The other loads the filter data and answers the searches narrowed to a tag, and the
// counts by tag when the stored tags are missing, once the reader has paused.
//
// Why not Pagefind's built-in worker: it posts every result of a search to the page, and the page wraps
// each one in an object registered with a FinalizationRegistry. A word found in 9,995 of 10,000 articles
// meant 9,995 results cloned across threads per keystroke, then 9,995 `releaseData` messages back and forth
// once the garbage collector ran. Measured on the 10,000-article index (BENCHMARKS.md): Pagefind's search
// plus four excerpts took 117–263 ms through its worker and 70–139 ms here, for the same query.
import { SHORT_WORD_PAUSE_MS, lastWordOf, tagChoices, toSearchHit, warmTagOrder, type Pagefind, type PagefindResponse, type SearchHit, type TagChoice } from './search';
import { hasScoredLastWord, pagefindWord, type CombineIndex, type WordPostings } from './search-combine';
import { chunkOfStemApart, chunksHoldingPrefix, prefixFitsOneChunk, stemPrefix } from './pagefind-meta';
import { CombinedSearch, dataOfResults, type BundleFetch, type OtherWordData, type OtherWordResult } from './search-combine-client';

/**
 * The results below the first ones are out of sight until the reader scrolls, and their excerpts are requests.
 * Fetched at once, while the reader is still typing, they held the browser's six connections to the site and
 * its main thread when the next key's results needed them: at 10,000 articles the next query's excerpts then
 * took up to 90 ms instead of 1–6 ms. So they wait for the reader to pause, as long as a short word waits for
 * the next key; a key typed meanwhile makes the query stale and they are never fetched.
 */
export const REST_AFTER_MS = 200;

/** How many other words' answers the worker keeps (see otherAnswer in createSearchWorker). */
const OTHER_ANSWERS_KEPT = 8;

/** The page asks. */
export type ToSearchWorker =
  /**
   * `withCounts`: load Pagefind's filter data first, so that the answer carries counts by tag. `combine`: the
   * words are common words with stored scores and `others`: Pagefind searches each of those alone, and their
   * results are ranked with the common words' scores (lib/search-combine-client.ts), instead of a search of all
   * the words, which would fetch the common words' index chunks, the heaviest of the index. `stored`: what the
   * build stored (lib/search-combine.ts), whose tags count any answer by tag without Pagefind's filter data.
   */
  | { kind: 'search'; id: number; text: string; tag?: string; withCounts: boolean; first: number; shown: number; combine?: WithOtherWord; stored?: CombineIndex }
  /** Every search asked before this is stale: the reader typed on. */
  | { kind: 'superseded' }
  /** Counts by tag of a query's results. */
  | { kind: 'counts'; id: number; text: string }
  /**
   * Fetch the index chunks these words need, and search nothing: the reader is still typing them. `warm`: then
   * search them once and drop the answer (see SearchWorkerClient.preload). `stored`: as for a search; with it,
   * a last word still being typed is left out when the word it becomes may be in another chunk (preloadable).
   */
  | { kind: 'preload'; text: string; warm?: boolean; stored?: CombineIndex }
  /**
   * Search these words now and keep the answer, with the excerpts of its `first` results, for when the reader
   * asks for them: the box's guess at the query the next keys make (lib/search-answers.ts, planSearch).
   */
  | { kind: 'ahead'; text: string; first: number }
  /**
   * Fetch and decode these common words' stored scores, and Pagefind's metadata, and search nothing: the reader is
   * typing another word after them, and the search of the words together will rank with them (`combine`).
   */
  | { kind: 'scores'; stored: CombineIndex; words: WordPostings[] };

/** Common words with stored scores, and the words of the query that have none (one or more). */
export type WithOtherWord = { index: CombineIndex; words: WordPostings[]; others: string[] };

/** Times are `performance.timeOrigin + performance.now()` in the worker, comparable across threads. */
export type SearchAnswer = {
  kind: 'answer';
  id: number;
  hits: SearchHit[];
  total: number;
  tags: TagChoice[];
  /** False for the first results, sent before the rest of the excerpts have arrived. */
  done: boolean;
  /** Searched before it was asked for: the box's guess (ToSearchWorker `ahead`) was right. */
  answeredAhead: boolean;
  /** Ranked with common words' stored scores, Pagefind having searched only the other words (`combine`). */
  withScores?: boolean;
  /** `tags` are counts by tag (counted from the stored tags), not empty for want of Pagefind's filter data. */
  counted?: boolean;
  searchedAt: number;
  excerptsAt: number;
};

/** The worker answers. */
export type FromSearchWorker =
  | { kind: 'ready'; ok: boolean }
  | SearchAnswer
  | { kind: 'stale'; id: number }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'counted'; id: number; tags: TagChoice[] };

export type SearchWorkerOptions = {
  loadPagefind: () => Promise<Pagefind | undefined>;
  post: (message: FromSearchWorker) => void;
  /** Lets messages that arrived during a search be read before its excerpts are fetched. */
  yieldToMessages?: () => Promise<void>;
  /** Waits before fetching the excerpts of the results below the first ones (REST_AFTER_MS). */
  pauseBeforeRest?: () => Promise<void>;
  /** Waits for the reader's next key, as long as the box waits after a short word (see stemFetchesApart). */
  pauseForNextKey?: () => Promise<void>;
  now?: () => number;
  /** Reads a file of the search bundle, for the common words' stored scores (`combine`). */
  fetchFile?: BundleFetch;
  /** The folder of the stored scores under the bundle. */
  combineDir?: string;
  /**
   * The index chunks Pagefind has fetched so far (their hashes), which decide its answer to a word: with them, an
   * other word's answer is kept and used again while the chunks that may hold its words stay the same.
   */
  loadedChunks?: () => ReadonlySet<string>;
};

/** A query as Pagefind reads it: case and spacing make no difference. */
function queryKeyOf(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * What of `text` is worth preloading while the reader types on: all of it, or without its last word when that
 * word is unfinished and the word it becomes may be in another index chunk than the one Pagefind would fetch
 * for it now (lib/pagefind-meta.ts, prefixFitsOneChunk). Without Pagefind's metadata, all of it, as before.
 */
export async function preloadable(text: string, stored: CombinedSearch | undefined): Promise<string> {
  const chunks = await stored?.meta().then((meta) => meta.chunks, () => undefined);
  if (!chunks || /\s$/.test(text)) return text;
  const words = text.trim().split(/\s+/);
  const last = pagefindWord(words.at(-1) ?? '');
  return last === '' || prefixFitsOneChunk(chunks, last) ? text : words.slice(0, -1).join(' ');
}

/** Returns the worker's message handler. */
export function createSearchWorker({
  loadPagefind,
  post,
  yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0)),
  pauseBeforeRest = () => new Promise((resolve) => setTimeout(resolve, REST_AFTER_MS)),
  pauseForNextKey = () => new Promise((resolve) => setTimeout(resolve, SHORT_WORD_PAUSE_MS)),
  now = () => performance.timeOrigin + performance.now(),
  fetchFile,
  combineDir = 'common',
  loadedChunks,
}: SearchWorkerOptions): (message: ToSearchWorker) => Promise<void> {
  /** Kept across searches: the words' scores, Pagefind's metadata and the tags are fetched once. */
  let combined: { index: CombineIndex; search: CombinedSearch } | undefined;
  const combinedFor = (index: CombineIndex | undefined) => {
    if (!fetchFile || !index) return undefined;
    if (combined?.index.meta !== index.meta || combined.index.tags !== index.tags) combined = { index, search: new CombinedSearch(index, fetchFile, combineDir) };
    return combined.search;
  };
  const api = loadPagefind().catch(() => undefined);
  void api.then((loaded) => {
    post({ kind: 'ready', ok: loaded !== undefined });
    // The first answer counts its results by tag (tagChoices): that ordering's collation data is loaded now,
    // while the reader types, rather than in the first answer's time.
    warmTagOrder();
  });
  let lastAsked = 0;
  let staleThrough = 0;
  /** Searches asked and not yet answered, by their words; a superseded one is forgotten at once, see below. */
  const unanswered = new Map<number, string | undefined>();
  /**
   * Whether the reader waits for a search (other than one for the words `key`, untagged): then nothing done
   * for a guess goes before it.
   */
  const readerWaits = (key?: string) => [...unanswered].some(([id, asked]) => id > staleThrough && (key === undefined || asked !== key));
  /** The last query searched ahead, by its words as Pagefind reads them; null when it gave way or failed. */
  let ahead: { key: string; response: Promise<PagefindResponse | null> } | undefined;

  function settle(id: number, message: FromSearchWorker & { id: number }) {
    if (!unanswered.has(id)) return;
    if (message.kind !== 'answer' || message.done) unanswered.delete(id);
    post(message);
  }

  /**
   * Sends the first results as soon as their excerpts arrive and, when there are more, the rest after a pause
   * (REST_AFTER_MS), unless the reader typed on meanwhile.
   */
  async function sendResults(
    { id, first, shown }: Extract<ToSearchWorker, { kind: 'search' }>,
    total: number,
    load: (from: number, to: number) => Promise<SearchHit[]>,
    reply: (hits: SearchHit[], done: boolean) => SearchAnswer,
  ) {
    const firstHits = await load(0, first);
    if (total <= first) return settle(id, reply(firstHits, true));
    settle(id, reply(firstHits, false));
    await pauseBeforeRest();
    if (id <= staleThrough) return;
    settle(id, reply([...firstHits, ...(await load(first, shown))], true));
  }

  /**
   * The common words with the other words (WithOtherWord), ranked and ready to send; 'stale' when the reader
   * typed on meanwhile; undefined when this cannot answer it (a file missing, the words' index chunks interact
   * beyond what the stored scores cover, resolveChunks, another word matched a field the scores do not know,
   * or two other words share a place), and all the words are searched as usual.
   */
  async function rankWithOther(pagefind: Pagefind, id: number, shown: number, { index, words: stored, others }: WithOtherWord) {
    const search = combinedFor(index);
    const words = search && (await search.resolveWithOther(stored, others));
    if (!search || !words) return undefined;
    // Each word alone: searched together, Pagefind would not say which of them a page's title holds.
    const results: (OtherWordResult & { data: () => Promise<OtherWordData> })[][] = [];
    for (const other of others) {
      await pagefind.preload(other);
      await yieldToMessages();
      if (id <= staleThrough) return 'stale';
      const response = await otherAnswer(pagefind, search, other);
      if (!response) return undefined;
      results.push(response.results as unknown as (OtherWordResult & { data: () => Promise<OtherWordData> })[]);
    }
    const ranked = await search.rankWithOther(words, results, shown);
    if (!ranked) return undefined;
    const searchedAt = now();
    await yieldToMessages();
    if (id <= staleThrough) return 'stale';
    const tags = await search.tags(ranked.pages);
    const load = (from: number, to: number) =>
      Promise.all(
        ranked.top
          .slice(from, to)
          .map(async (entry) => toSearchHit(await search.otherResultData(words, await dataOfResults(entry.results.map((result, k) => results[k]![result]!))))),
      );
    return { total: ranked.total, tags, searchedAt, load };
  }

  /**
   * Pagefind's answer to an other word alone. A word the reader has finished is searched again with every later
   * key ("a that", "a that company"), and a short one is slow: "a" matches every word it begins, 110–150 ms of
   * Pagefind's search at 10,000 articles. So the answer is kept, and used again while Pagefind holds the same
   * chunks among those that may hold the word's matches (chunksHoldingPrefix of what every stem of it begins
   * with, stemPrefix): its answer depends on nothing else.
   */
  const otherAnswers = new Map<string, { chunks: string; response: PagefindResponse }>();
  async function otherAnswer(pagefind: Pagefind, search: CombinedSearch, other: string): Promise<PagefindResponse | null> {
    const all = loadedChunks && (await search.meta().then(({ chunks }) => chunks, () => undefined));
    const reach = all && chunksHoldingPrefix(all, stemPrefix(other));
    // Those of the chunks that may hold the word's matches that Pagefind holds; undefined when that is not known.
    const held = () => (reach && loadedChunks ? reach.filter((hash) => loadedChunks().has(hash)).join(' ') : undefined);
    const kept = otherAnswers.get(other);
    if (kept && kept.chunks === held()) return kept.response;
    const response = await pagefind.search(other);
    const chunks = held();
    if (response && chunks !== undefined) {
      otherAnswers.delete(other);
      otherAnswers.set(other, { chunks, response });
      // The words of the last few queries are enough; a word's answer can hold every page.
      if (otherAnswers.size > OTHER_ANSWERS_KEPT) otherAnswers.delete(otherAnswers.keys().next().value!);
    }
    return response;
  }

  /**
   * Whether Pagefind would fetch a chunk for the stem of the word the reader is typing that the word itself is not
   * in, and that it does not hold yet (chunkOfStemApart): "murs", stemmed "mur", fetched 35 kB at 10,000 articles
   * that "murseldex", typed a key later, does not need. Such a search waits for the next key, as a word of three
   * letters does (lib/search.ts, searchDelayMs); a reader who stops there has the answer after the pause. Known
   * only once Pagefind's metadata is decoded and with the chunks Pagefind holds: before, no search waits. A last
   * word with stored scores, among common words with others (`combine`), is not searched at all.
   */
  function stemFetchesApart(text: string, stored: CombinedSearch | undefined, combine: WithOtherWord | undefined): boolean {
    const meta = stored?.metaIfDecoded();
    if (!meta || !loadedChunks || /\s$/.test(text) || (combine && hasScoredLastWord(combine.others, text))) return false;
    const apart = chunkOfStemApart(meta.chunks, pagefindWord(lastWordOf(text)));
    return apart !== undefined && !loadedChunks().has(apart);
  }

  async function answer(pagefind: Pagefind, message: Extract<ToSearchWorker, { kind: 'search' }>) {
    const { id, text, tag, withCounts, shown } = message;
    if (tag === undefined && stemFetchesApart(text, combinedFor(message.stored), message.combine)) {
      await pauseForNextKey();
      if (id <= staleThrough) return;
    }
    if (message.combine && tag === undefined && !withCounts) {
      const ranked = await rankWithOther(pagefind, id, shown, message.combine).catch(() => undefined);
      if (ranked === 'stale') return;
      if (ranked) {
        const { total, tags, searchedAt, load } = ranked;
        return sendResults(message, total, load, (hits, done) => ({ kind: 'answer', id, hits, total, tags, done, answeredAhead: false, withScores: true, counted: true, searchedAt, excerptsAt: now() }));
      }
    }
    const options = tag ? { filters: { tag } } : {};
    if (withCounts) await pagefind.filters();
    // Fetching the index chunks is most of a first search, and the reader types on meanwhile; the search
    // itself cannot be interrupted once started. So the chunks come first, and a query typed past while
    // they arrived is never searched: the next one starts at once, with the chunks it most likely shares.
    // The box's guess may already be these words (searchAhead): then its answer, done or on its way, is this one.
    let response = tag === undefined && ahead?.key === queryKeyOf(text) ? await ahead.response : null;
    const answeredAhead = response !== null;
    if (!response) {
      await pagefind.preload(text, options);
      await yieldToMessages();
      if (id <= staleThrough) return;
      response = await pagefind.search(text, options);
    }
    const searchedAt = now();
    await yieldToMessages();
    if (!response) return settle(id, { kind: 'stale', id });
    // Superseded while searching: skip the excerpts of results nobody will see.
    if (id <= staleThrough) return;
    const results = response.results;
    const total = results.length;
    // Counted by tag from the stored tags while the first excerpts come, so that the tags to narrow by show with
    // the results; without them, the box has the tags worker count with Pagefind's filter data later.
    let counted: TagChoice[] | undefined;
    const search = tag === undefined && !withCounts ? combinedFor(message.stored) : undefined;
    const counting = search?.countResults(results.map((result) => result.id)).then((tags) => void (counted = tags), () => undefined);
    const load = async (from: number, to: number) => {
      const [hits] = await Promise.all([Promise.all(results.slice(from, to).map(async (result) => toSearchHit(await result.data()))), counting]);
      return hits;
    };
    return sendResults(message, total, load, (hits, done) => ({
      kind: 'answer', id, hits, total, tags: counted ?? tagChoices(response.totalFilters, tag), counted: counted !== undefined, done, answeredAhead, searchedAt, excerptsAt: now(),
    }));
  }

  /** Chunks, search, then the first excerpts (Pagefind keeps what it fetched); each step gives way to the reader. */
  async function searchAhead(text: string, first: number): Promise<PagefindResponse | null> {
    const pagefind = await api;
    if (!pagefind) return null;
    try {
      await pagefind.preload(text);
      // A reader who typed the guessed words waits for this very search.
      const key = queryKeyOf(text);
      if (readerWaits(key)) return null;
      const response = await pagefind.search(text);
      // An excerpt that does not arrive now is fetched again by the reader's search.
      if (response && !readerWaits(key)) await Promise.all(response.results.slice(0, first).map((result) => result.data().catch(() => undefined)));
      return response;
    } catch {
      return null;
    }
  }

  async function count(pagefind: Pagefind, text: string): Promise<TagChoice[]> {
    await pagefind.filters();
    const response = await pagefind.search(text);
    return response ? tagChoices(response.totalFilters, undefined) : [];
  }

  return async (message) => {
    if (message.kind === 'superseded') {
      // The page has already answered these searches itself (SearchWorkerClient.supersede) and sent the next
      // query: they are forgotten here, so nothing more is sent for them, and what is left of each stops at its
      // next step.
      staleThrough = lastAsked;
      for (const id of unanswered.keys()) if (id <= staleThrough) unanswered.delete(id);
      return;
    }
    if (message.kind === 'preload') {
      // Nobody waits for it: a chunk that fails to arrive is fetched again by the search that needs it.
      const pagefind = await api;
      const text = await preloadable(message.text, combinedFor(message.stored));
      if (text) await pagefind?.preload(text).catch(() => undefined);
      // Unless the reader has typed on, in which case the search they asked for goes first.
      if (message.warm && !readerWaits()) await pagefind?.search(message.text).catch(() => undefined);
      return;
    }
    if (message.kind === 'scores') {
      // Decoded after the last key instead, four common words' scores and the metadata took the worker 50–100 ms
      // with the garbage they leave (at 10,000 articles), between the key and the results.
      const search = combinedFor(message.stored);
      for (const word of message.words) search?.prefetch(word);
      return;
    }
    if (message.kind === 'ahead') {
      const key = queryKeyOf(message.text);
      if (ahead?.key === key) return;
      const searched = searchAhead(message.text, message.first);
      const kept = { key, response: searched };
      ahead = kept;
      // A guess that gave way to the reader is guessed again next time.
      if (!(await searched) && ahead === kept) ahead = undefined;
      return;
    }
    const { id } = message;
    if (message.kind === 'search') {
      lastAsked = id;
      // The stored tags and Pagefind's metadata, for counting this answer by tag, come while Pagefind searches.
      const stored = combinedFor(message.stored);
      if (stored) void api.then((loaded) => loaded && stored.prefetchCounting());
      // Keyed by the words, for a guess searched ahead (searchAhead); a search narrowed to a tag is not one.
      unanswered.set(id, message.tag === undefined ? queryKeyOf(message.text) : undefined);
    }
    const pagefind = await api;
    try {
      if (!pagefind) throw new Error('Pagefind is not available');
      if (message.kind === 'search') {
        await answer(pagefind, message);
      } else {
        post({ kind: 'counted', id, tags: await count(pagefind, message.text) });
      }
    } catch (error) {
      const failed = { kind: 'failed', id, message: error instanceof Error ? error.message : String(error) } as const;
      if (message.kind === 'search') settle(id, failed);
      else post(failed);
    }
  };
}
