'use client';
// The header's search box: starts its search workers, which load Pagefind from the site itself, on first use
// (nothing for readers who never search) and shows results as the reader types, with the matches
// highlighted and a choice of tags. The most common words are answered from what the build stored for them
// (lib/search-answers.ts), without a search.
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import Link from 'next/link';
import { RESULTS_SHOWN, SEARCH_BUNDLE_PATH, SHORT_WORD_PAUSE_MS, isSearchable, isSearchShortcut, toSearchHit, warmTagOrder, type SearchHit, type TagChoice } from '@/lib/search';
import { COMMON_ANSWERS_DIR, COMMON_ANSWERS_INDEX, CommonAnswers, planSearch, type CommonAnswer } from '@/lib/search-answers';
import { CombinedSearch, fetchBundleFile } from '@/lib/search-combine-client';
import { hasScoredLastWord, isRepeatUnderway, withoutRepeatedWords, type CombineIndex, type WordPostings } from '@/lib/search-combine';
import { SearchWorkerClient, type SearchWorkerPort } from '@/lib/search-client';
import { LatestQueryScheduler, type Engine } from '@/lib/search-scheduler';
import type { SearchAnswer, WithOtherWord } from '@/lib/search-worker';

/**
 * Results whose excerpts are loaded first and shown at once: what the panel shows before any scrolling. Each
 * excerpt is a request, and a browser opens six at a time to one host, so eight would take two rounds.
 */
const FIRST_RESULTS = 4;
/**
 * Results come counted by tag from the tags the build stored (lib/search-worker.ts). Without those, how long
 * results must stay on screen before the tag worker counts them: the reader has stopped typing. The first count
 * also fetches Pagefind's filter data (47 kB at 10,000 articles), so typing a first query never waits for it or
 * pays for it; later counts only cost the tag worker's time.
 */
const FIRST_COUNTS_AFTER_MS = 1000;
const COUNTS_AFTER_MS = 300;

/** `combine`: common words with other words, ranked from the words' stored scores (lib/search-worker.ts). */
type Query = { text: string; tag: string | undefined; combine?: WithOtherWord };
/** `counted`: `tags` are the counts by tag already (counted from the stored tags). */
type Results = { query: string; tag?: string; hits: SearchHit[]; total: number; tags: TagChoice[]; counted?: boolean };

// Module state, shared by every mount of the box: the two workers that run Pagefind (lib/search-worker.ts
// says why two), each started on first use, so readers who never search load nothing. The tags worker is
// first started by a count (the tag buttons a narrowed search needs come from one), so once it exists the
// filter data is loaded or on its way.
let resultsWorker: SearchWorkerClient | undefined;
let tagsWorker: SearchWorkerClient | undefined;

function startWorker(): SearchWorkerClient {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  // The DOM's Worker types its messages as `any`; the port narrows them to the worker's protocol.
  return new SearchWorkerClient(worker as SearchWorkerPort);
}

/** The answers the build stored for the most common words (lib/search-answers.ts): no Pagefind needed for them. */
let commonAnswers: CommonAnswers | undefined;

function getCommonAnswers(): CommonAnswers {
  commonAnswers ??= new CommonAnswers(async (file) => {
    // The index has a fixed name and changes with every build: always revalidated. The groups are named by
    // their content's hash, so any copy of one is current.
    const cache = file === COMMON_ANSWERS_INDEX ? 'no-cache' : 'default';
    const response = await fetch(`${SEARCH_BUNDLE_PATH}${COMMON_ANSWERS_DIR}/${file}`, { cache });
    return response.ok ? response.json() : undefined;
  });
  return commonAnswers;
}

/**
 * The box counts added-up results by tag on this thread (showCombined): their ordering's first use, which
 * loads ICU's collation data, is done while the page is idle after the box opens, not between a key and the
 * results ("safety ai" waited 9–15 ms for it).
 */
function warmTagOrderWhenIdle() {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(warmTagOrder, { timeout: 1000 });
  else window.setTimeout(warmTagOrder, 0);
}

/** Several common words added up from their stored scores (lib/search-combine.ts): no Pagefind needed either. */
let combinedSearch: CombinedSearch | undefined;

function getCombinedSearch(index: CombineIndex): CombinedSearch {
  combinedSearch ??= new CombinedSearch(index, fetchBundleFile, COMMON_ANSWERS_DIR);
  return combinedSearch;
}

/** Answers queries; never loads the filter data, which would slow every search. */
function getResultsWorker(): SearchWorkerClient {
  resultsWorker ??= startWorker();
  return resultsWorker;
}

/** Counts results by tag and answers the queries narrowed to a tag. */
function getTagsWorker(): SearchWorkerClient {
  tagsWorker ??= startWorker();
  return tagsWorker;
}

/**
 * Performance marks (`search:start`, `search:searched`, `search:excerpts`, `search:shown`, each with the
 * query as detail) show in the browser's performance panel where the time of a search goes; the search
 * benchmark reads them. The worker reports when it searched and when the excerpts came, on the shared clock.
 * `search:common` marks a query answered from the answers stored at build time, with no search at all;
 * `search:combined`, several common words added up from their stored scores, also without Pagefind;
 * `search:scores`, common words ranked with their stored scores and other words Pagefind searched alone;
 * `search:ahead`, one Pagefind had answered before it was asked, while the reader typed its last word.
 */
function mark(name: string, query: string, at?: number) {
  performance.mark(`search:${name}`, { detail: query, startTime: at === undefined ? undefined : at - performance.timeOrigin });
}

const searchEngine: Engine<Query, Results> = async ({ text, tag, combine }, _isStale, progress) => {
  const worker = tag ? getTagsWorker() : getResultsWorker();
  if (!(await worker.ready)) throw new Error('Search could not start');
  mark('start', text);
  let marked = false;
  const toResults = (answer: SearchAnswer): Results => {
    if (!marked) {
      mark('searched', text, answer.searchedAt);
      mark('excerpts', text, answer.excerptsAt);
      if (answer.answeredAhead) mark('ahead', text);
      if (answer.withScores) mark('scores', text);
      marked = true;
    }
    return { query: text, tag, hits: answer.hits, total: answer.total, tags: answer.tags, counted: answer.counted };
  };
  // What the build stored counts Pagefind's answers by tag, without its filter data (lib/search-worker.ts).
  const stored = tag ? undefined : commonAnswers?.combineIndex;
  const request = { text, tag, withCounts: tag !== undefined, first: FIRST_RESULTS, shown: RESULTS_SHOWN, combine, stored };
  const answer = await worker.search(request, (first) => progress(toResults(first)));
  return answer && toResults(answer);
};

export function SearchBox() {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string>();
  const [results, setResults] = useState<Results>();
  const [unavailable, setUnavailable] = useState(false);
  // The query whose search failed (its excerpts did not arrive): the panel says so instead of "Searching…"
  // for ever, and the next key tries again. (An index chunk that does not arrive is not reported by
  // Pagefind, which answers with no results.)
  const [failedQuery, setFailedQuery] = useState<string>();
  const [expanded, setExpanded] = useState(false);
  const [phoneOpen, setPhoneOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const panelId = useId();
  const pause = useRef<number>(undefined);
  const countsTimer = useRef<number>(undefined);
  const counts = useRef<{ text: string; tags: TagChoice[] }>(undefined);
  const scheduler = useRef<LatestQueryScheduler<Query, Results>>(undefined);
  // What the box holds now, for a stored answer that arrives after the key that asked for it.
  const typed = useRef<Query>({ text: '', tag: undefined });

  function getScheduler() {
    scheduler.current ??= new LatestQueryScheduler<Query, Results>({
      createEngine: async () => ((await getResultsWorker().ready) ? searchEngine : undefined),
      superseded: () => {
        resultsWorker?.supersede();
        tagsWorker?.supersede();
      },
      deliver: (query, delivered) => {
        window.clearTimeout(countsTimer.current);
        // An answer narrowed to a tag comes with its counts, and so does one counted from the stored tags
        // (lib/search-worker.ts). The counts do not depend on the tag chosen, so an answer for the
        // same words keeps them (the buttons stay put when a tag is unchosen); other answers are counted once
        // the reader pauses.
        if (query.tag !== undefined || delivered.counted) counts.current = { text: query.text, tags: delivered.tags };
        const known = counts.current?.text === query.text ? counts.current.tags : undefined;
        // Drawn in this task, the worker's message: left to React's scheduler, the results would wait for
        // another task, behind whatever the busy main thread has queued, before the frame that shows them.
        flushSync(() => setResults(known ? { ...delivered, tags: known } : delivered));
        if (!known) countLater(query.text);
      },
      unavailable: () => setUnavailable(true),
      failed: (failed) => setFailedQuery(failed.text),
    });
    return scheduler.current;
  }

  /** Counts the results shown by tag, once the reader has paused on them (the tag worker runs Pagefind). */
  function countLater(text: string) {
    window.clearTimeout(countsTimer.current);
    countsTimer.current = window.setTimeout(
      () => {
        getTagsWorker()
          .counts(text)
          .then((tags) => {
            counts.current = { text, tags };
            setResults((shown) => (shown && shown.query === text ? { ...shown, tags } : shown));
          })
          .catch(() => {
            // Without counts the results stay as they are, only without the tags to narrow them by.
          });
      },
      tagsWorker ? COUNTS_AFTER_MS : FIRST_COUNTS_AFTER_MS,
    );
  }

  /**
   * Shows several common words' results, added up from their stored scores, with their counts by tag: the
   * first four once their pages have come, the rest after a pause (as the workers do). If a file is missing,
   * Pagefind answers instead.
   */
  async function showCombined(text: string, index: CombineIndex, words: WordPostings[]) {
    getScheduler().cancel();
    window.clearTimeout(countsTimer.current);
    const isCurrent = () => typed.current.text === text && typed.current.tag === undefined;
    const search = getCombinedSearch(index);
    try {
      const { total, top, pages } = await search.rank(words, RESULTS_SHOWN);
      const dataOf = (entries: typeof top) => Promise.all(entries.map(({ page }) => search.resultData(page, words)));
      // Counted from the stored tags of the pages; if that file does not come, Pagefind counts them later.
      const [first, tags] = await Promise.all([dataOf(top.slice(0, FIRST_RESULTS)), search.tags(pages).catch(() => undefined)]);
      if (!isCurrent()) return;
      mark('combined', text);
      if (tags) counts.current = { text, tags };
      const known = counts.current?.text === text ? counts.current.tags : undefined;
      flushSync(() => setResults({ query: text, hits: first.map(toSearchHit), total, tags: known ?? [] }));
      if (!known) countLater(text);
      if (top.length <= FIRST_RESULTS) return;
      await new Promise((resolve) => window.setTimeout(resolve, SHORT_WORD_PAUSE_MS));
      if (!isCurrent()) return;
      const all = await dataOf(top);
      setResults((shown) => (shown && shown.query === text && isCurrent() ? { ...shown, hits: all.map(toSearchHit) } : shown));
    } catch {
      if (isCurrent()) getScheduler().request({ text, tag: undefined });
    }
  }

  /** Gets the answer of words the reader is likely to finish typing ready: their scores, and the first pages. */
  function prepareCombined(index: CombineIndex, words: WordPostings[]) {
    const search = getCombinedSearch(index);
    void search
      .rank(words, FIRST_RESULTS)
      .then(({ top, pages }) => Promise.all([...top.map(({ page }) => search.resultData(page, words)), search.tags(pages)]))
      .catch(() => undefined);
  }

  /** Shows what the build stored for a common word; whatever Pagefind was doing for an earlier key stops. */
  function showCommonAnswer(text: string, answer: CommonAnswer) {
    getScheduler().cancel();
    window.clearTimeout(countsTimer.current);
    mark('common', text);
    counts.current = { text, tags: answer.tags };
    setResults({ query: text, hits: answer.results.map(toSearchHit), total: answer.total, tags: answer.tags });
  }

  /**
   * The stored answers for these words are on their way (1–5 kB): searched again when they come, if the box
   * still holds the same words.
   */
  function searchWhenReady(text: string, ready: Promise<void>, paused: boolean) {
    getScheduler().cancel();
    void ready.then(() => {
      if (typed.current.text === text && typed.current.tag === undefined) search(text, undefined, paused);
    });
  }

  /** `paused`: the reader has stopped on the words for the pause (CommonAnswers.letterLastOf). */
  function search(typedText: string, chosenTag: string | undefined, paused = false) {
    // From here on, the words as searched: a repeated word is left out, and the panel shows these.
    const text = withoutRepeatedWords(typedText);
    window.clearTimeout(pause.current);
    typed.current = { text, tag: chosenTag };
    if (!isSearchable(text)) {
      getScheduler().cancel();
      setResults(undefined);
      return;
    }
    if (chosenTag !== undefined) {
      getScheduler().request({ text, tag: chosenTag });
      return;
    }
    const answers = getCommonAnswers();
    // "model a" is most often on its way to a longer word: added up only if the reader stops there.
    if (!paused && answers.letterLastOf(text)) {
      pause.current = window.setTimeout(() => search(typedText, undefined, true), SHORT_WORD_PAUSE_MS);
      return;
    }
    answers.pairsAfter(text);
    const index = answers.combineIndex;
    // A short common word's scores come with its group, which the next line asks for, not after it ("safety ai").
    const short = answers.shortScoresOf(text);
    if (short && index) getCombinedSearch(index).prefetch(short);
    const combination = answers.combinationOf(text);
    if (combination.kind === 'words') return void showCombined(text, combination.index, combination.words);
    if (combination.kind === 'loading') return searchWhenReady(text, combination.ready, paused);
    // The scores of the words typed so far, fetched while the next one is typed, and the pages' tags that counting
    // the words' answer by tag needs: fetched and decoded after the last key, they held the first results back
    // (6–24 ms of the main thread, before the excerpts that came with them could be read).
    const earlier = index ? answers.earlierWordsOf(text) : [];
    if (index && earlier.length > 0) {
      const stored = getCombinedSearch(index);
      for (const word of earlier) stored.prefetch(word);
      stored.prefetchCounting();
    }
    const lookup = answers.lookup(text);
    // Common words with other words: Pagefind searches only those, each alone (lib/search-worker.ts).
    const withOther = lookup.kind === 'answer' || lookup.kind === 'loading' ? undefined : answers.withOtherOf(text);
    if (withOther && 'ready' in withOther) return searchWhenReady(text, withOther.ready, paused);
    // The worker will rank the other words' results with the common words' scores: it decodes them while the
    // other words are typed (the page's own decoded copies are on the page's thread).
    if (withOther) getResultsWorker().prefetchScores(withOther.index, withOther.words);
    const scoredLast = withOther !== undefined && hasScoredLastWord(withOther.others, text);
    // A word typed again ("licence licenc") is on its way to the earlier words' answer, as words that may add up are.
    const plan = planSearch(text, lookup, answers.aheadOf(text), answers.mayCombine(text) || isRepeatUnderway(text), scoredLast);
    const combine = plan.kind === 'search' ? withOther : undefined;
    if (plan.kind === 'answer') {
      if (plan.preload) getResultsWorker().preload(text, { warm: true, stored: index });
      return showCommonAnswer(text, plan.answer);
    }
    if (plan.kind === 'wait') return searchWhenReady(text, plan.ready, paused);
    if (plan.delayMs === 0) {
      getScheduler().request({ text, tag: undefined, combine });
      return;
    }
    // The pause waits for the reader, not for the network: the chunks the words will need start coming now
    // (only the other words', when the common words' scores will do for them).
    if (plan.preload) getResultsWorker().preload(combine ? combine.others.join(' ') : text, { stored: index });
    if (plan.ahead !== undefined) {
      // What Pagefind is doing for an earlier key would only hold the guess back: the reader typed past it.
      getScheduler().cancel();
      const guess = answers.combinationOf(plan.ahead);
      // With words that are not common, the worker will search those alone: the guess needs only the common
      // words' scores, not Pagefind's search of them all (their chunks, the heaviest of the index).
      const withOther = guess.kind === 'none' ? answers.withOtherOf(plan.ahead) : undefined;
      if (guess.kind === 'words') prepareCombined(guess.index, guess.words);
      else if (withOther && !('ready' in withOther)) for (const word of withOther.words) getCombinedSearch(withOther.index).prefetch(word);
      // A group of answers on its way (a stored pair's, which may add the guess up, "model open source", or a
      // word's, which may make it common words with others): the next key knows, and Pagefind's chunks would most
      // likely be fetched for nothing.
      else if (guess.kind === 'none' && !withOther) getResultsWorker().ahead(plan.ahead, FIRST_RESULTS);
    } else {
      // A rarer word the last one most likely becomes: its scores and first pages, if the words will add up.
      const completed = answers.completionOf(text);
      const guess = completed === undefined ? undefined : answers.combinationOf(completed);
      if (guess?.kind === 'words') prepareCombined(guess.index, guess.words);
    }
    pause.current = window.setTimeout(() => getScheduler().request({ text, tag: undefined, combine }), plan.delayMs);
  }

  function close() {
    setExpanded(false);
    setPhoneOpen(false);
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (!isSearchShortcut(event, target)) return;
      event.preventDefault();
      setPhoneOpen(true);
      input.current?.focus();
      input.current?.select();
    }
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setExpanded(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, []);

  useEffect(() => {
    if (results) mark('shown', results.query);
  }, [results]);

  useEffect(() => {
    // On phones the box is behind a button; once shown, it takes the focus.
    if (phoneOpen) input.current?.focus();
  }, [phoneOpen]);

  const showPanel = expanded && isSearchable(query);
  const searched = withoutRepeatedWords(query);

  return (
    <div ref={container} className="flex items-center">
      <button
        type="button"
        className="inline-flex h-10 w-10 items-center justify-center rounded-full text-[var(--muted)] hover:bg-[var(--panel)] hover:text-[var(--ink)] sm:hidden"
        aria-label="Search"
        aria-expanded={phoneOpen}
        aria-controls={`${panelId}-bar`}
        onClick={() => setPhoneOpen((open) => !open)}
      >
        <SearchIcon />
      </button>
      <div
        id={`${panelId}-bar`}
        className={`${phoneOpen ? 'block' : 'hidden'} absolute inset-x-0 top-full border-b border-[var(--line)] bg-[var(--page)] px-4 py-3 shadow-lg sm:static sm:block sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none`}
      >
        <form role="search" onSubmit={(event) => event.preventDefault()} className="relative w-full sm:w-52 lg:w-72">
          <label htmlFor={inputId} className="sr-only">
            Search articles
          </label>
          <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-[var(--muted)]">
            <SearchIcon />
          </span>
          <input
            ref={input}
            id={inputId}
            type="search"
            value={query}
            placeholder="Search articles"
            autoComplete="off"
            spellCheck={false}
            aria-keyshortcuts="/"
            aria-controls={panelId}
            className="peer h-10 w-full rounded-full border border-[var(--line)] bg-[var(--panel)] pl-10 pr-9 text-sm text-[var(--ink)] placeholder:text-[var(--muted)] focus:border-[var(--link)]"
            onFocus={() => {
              setExpanded(true);
              getCommonAnswers().start();
              getScheduler().warm();
              warmTagOrderWhenIdle();
            }}
            onChange={(event) => {
              setQuery(event.target.value);
              setExpanded(true);
              search(event.target.value, tag);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                close();
                input.current?.blur();
              } else if (event.key === 'ArrowDown') {
                event.preventDefault();
                container.current?.querySelector<HTMLAnchorElement>(`#${CSS.escape(panelId)} a`)?.focus();
              }
            }}
          />
          <kbd className="pointer-events-none absolute inset-y-0 right-3 my-auto hidden h-6 items-center rounded border border-[var(--line)] px-1.5 font-sans text-xs text-[var(--muted)] sm:peer-placeholder-shown:flex">
            /
          </kbd>
        </form>
        {/* In the dark theme a shadow does not show: the panel is a shade lighter than the page instead, so that it
            stands apart from what it covers. */}
        <div
          id={panelId}
          hidden={!showPanel}
          className="mt-3 max-h-[70vh] overflow-y-auto rounded-xl border border-[var(--line)] bg-[var(--page)] p-2 text-left shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:shadow-black/60 sm:absolute sm:right-4 sm:top-full sm:mt-2 sm:w-[34rem] sm:max-w-[calc(100vw-2rem)] lg:right-6"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              close();
              input.current?.focus();
            }
          }}
        >
          {showPanel ? (
            <SearchPanel
              query={searched}
              results={results}
              unavailable={unavailable}
              failed={failedQuery === searched}
              tag={tag}
              onTag={(next) => {
                setTag(next);
                search(query, next);
              }}
              onPick={close}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}

type PanelProps = {
  /** The words as searched (withoutRepeatedWords), which the results name. */
  query: string;
  results: Results | undefined;
  unavailable: boolean;
  failed: boolean;
  tag: string | undefined;
  onTag: (tag: string | undefined) => void;
  onPick: () => void;
};

function SearchPanel({ query, results, unavailable, failed, tag, onTag, onPick }: PanelProps) {
  if (unavailable) {
    return <p className="px-3 py-2 text-sm text-[var(--muted)]">Search needs the index made by npm run build; this server has none.</p>;
  }
  const current = results && results.query === query ? results : undefined;
  // While the results for what was just typed are on their way, those for the words before stay, dimmed once
  // the wait is long enough to notice: a list that emptied on every key would flash while the reader types.
  const shown = current ?? (failed ? undefined : results);
  const waiting = shown !== undefined && shown !== current;
  return (
    <>
      <div className="flex flex-wrap items-baseline gap-x-2 px-3 pt-1 pb-2 text-xs">
        <p className="text-[var(--muted)]" role="status">
          {!current
            ? failed
              ? 'Search could not load part of its index. Check the connection and type again.'
              : 'Searching…'
            : current.total === 0
              ? `No articles match “${current.query.trim()}”${current.tag ? ` in ${current.tag}` : ''}.`
              : `${current.total} ${current.total === 1 ? 'article' : 'articles'} for “${current.query.trim()}”${current.tag ? ` in ${current.tag}` : ''}`}
        </p>
        {current && current.total === 0 && current.tag ? (
          // The tag row below may have nothing to show for these words: the way out of the tag must not go with it.
          <button type="button" onClick={() => onTag(undefined)} className="font-medium text-[var(--link)] hover:underline">
            Search all tags
          </button>
        ) : null}
      </div>
      <div aria-busy={waiting} className={waiting ? 'opacity-60 transition-opacity delay-150 duration-150' : undefined}>
        {shown && (shown.total > 0 || shown.tags.length > 0) ? (
          // One row that scrolls sideways, its height kept while the tag counts are still loading (they come a
          // second after the results), so the results never jump down under the reader's eyes.
          <div role="group" aria-label="Narrow by tag" className="scroll-fade-x flex min-h-9 gap-1.5 overflow-x-auto px-3 pb-3">
            {shown.tags.map((choice) => (
              <button
                key={choice.name}
                type="button"
                aria-pressed={choice.name === tag}
                onClick={() => onTag(choice.name === tag ? undefined : choice.name)}
                className="shrink-0 whitespace-nowrap rounded-full border border-[var(--line)] px-2.5 py-0.5 text-xs font-medium text-[var(--muted)] hover:border-[var(--ink)] hover:text-[var(--ink)] aria-pressed:border-accent-600 aria-pressed:bg-accent-600 aria-pressed:text-white dark:aria-pressed:border-accent-400 dark:aria-pressed:bg-accent-400 dark:aria-pressed:text-zinc-950"
              >
                {choice.name} <span className="tabular-nums opacity-75">{choice.count}</span>
              </button>
            ))}
          </div>
        ) : null}
        {shown && shown.hits.length > 0 ? (
          <ul aria-label="Search results" data-search-query={shown.query} className="space-y-1">
            {shown.hits.map((hit) => (
              <li key={hit.url}>
                <Link
                  href={hit.url}
                  // Results change with every keystroke: prefetching each set would download pages nobody opens.
                  prefetch={false}
                  onClick={onPick}
                  className="block rounded-lg px-3 py-2.5 hover:bg-[var(--panel)] focus:bg-[var(--panel)] focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-[var(--link)]"
                >
                  <span className="block font-serif text-base font-semibold leading-snug text-[var(--ink)]">{hit.title}</span>
                  <span className="mt-1 line-clamp-3 text-sm text-[var(--muted)]">
                    {hit.excerpt.map((part, i) =>
                      part.match ? (
                        <mark key={i} className="rounded-sm bg-accent-100 px-0.5 text-[var(--ink)] dark:bg-accent-900">
                          {part.text}
                        </mark>
                      ) : (
                        <span key={i}>{part.text}</span>
                      ),
                    )}
                  </span>
                  {/* Running text, not flex items: a long tag list wraps between tags, and the dot stays at
                      the end of the date instead of ending a line of its own on a phone. */}
                  <span className="mt-1.5 block text-xs text-[var(--muted)]">
                    {hit.date ? <time dateTime={hit.date.iso}>{hit.date.text}</time> : null}
                    {hit.date && hit.tags.length > 0 ? (
                      <>
                        <span aria-hidden="true">{'\u00a0·'}</span>{' '}
                      </>
                    ) : null}
                    {hit.tags.length > 0 ? hit.tags.join(', ') : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}

function SearchIcon() {
  return (
    <svg className="h-4 w-4" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" aria-hidden="true">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}
