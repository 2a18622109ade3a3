// The browser side of search: the shape of Pagefind's API as this site uses it, and the pure steps from its
// answers to what the search box shows.
import { decodeEntities } from './html-entities';

/** URL path under which the browser loads Pagefind; the site serves the index from its own origin. */
export const SEARCH_BUNDLE_PATH = '/pagefind/';

/** How every Pagefind instance is set up (startPagefind; the e2e tests ask Pagefind with them too). */
export const PAGEFIND_OPTIONS = { baseUrl: '/', excerptLength: 24 } as const;

/** Results the box shows for a query: the list scrolls, eight is what most readers look through. */
export const RESULTS_SHOWN = 8;

export type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
};
export type PagefindResult = { id: string; data: () => Promise<PagefindResultData> };
export type PagefindResponse = {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Result counts per filter value for the query, ignoring the filters already chosen. */
  totalFilters: Record<string, Record<string, number> | undefined>;
};
export type Pagefind = {
  options: (options: { baseUrl?: string; excerptLength?: number; ranking?: { metaWeights?: Record<string, number> } }) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string, options?: { filters?: Record<string, string> }) => Promise<PagefindResponse | null>;
  /** Loads the index chunks a search for the term needs, without searching. */
  preload: (term: string, options?: { filters?: Record<string, string> }) => Promise<void>;
  destroy?: () => Promise<void>;
};

/**
 * Pagefind's module (`pagefind.js`); `noWorker` runs an instance in the thread that creates it; `basePath` is
 * where its files are, when not beside the script's URL.
 */
export type PagefindModule = { createInstance: (options: { noWorker?: boolean; basePath?: string }) => Pagefind };

/** Pagefind is loaded from the built site at run time, so its module is checked rather than trusted. */
export function isPagefind(value: unknown): value is Pagefind {
  if (typeof value !== 'object' || value === null) return false;
  return ['options', 'init', 'filters', 'search', 'preload'].every((name) => typeof Reflect.get(value, name) === 'function');
}

export function isPagefindModule(value: unknown): value is PagefindModule {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'createInstance') === 'function';
}

/**
 * Starts Pagefind in the calling thread from its loaded module (`pagefind.js`), set up as every instance here
 * is: the box's workers, and the build when it answers the common words ahead of time (lib/search-answers.ts),
 * so that an answer made at build time is the one the box would get. Undefined when the module is not Pagefind.
 */
export async function startPagefind(loaded: unknown, basePath?: string): Promise<Pagefind | undefined> {
  if (!isPagefindModule(loaded)) return undefined;
  const instance = loaded.createInstance({ noWorker: true, basePath });
  if (!isPagefind(instance)) return undefined;
  await instance.options(PAGEFIND_OPTIONS);
  await instance.init();
  return instance;
}

export type SearchHit = { url: string; title: string; excerpt: ExcerptPart[]; date?: { iso: string; text: string }; tags: string[] };
export type ExcerptPart = { text: string; match: boolean };

/**
 * Pagefind's excerpt is escaped text with `<mark>` around matches. It is split into parts that React renders
 * as text, so nothing from the index is ever inserted as HTML.
 */
export function toExcerptParts(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/(<mark>.*?<\/mark>)/g)
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^<mark>(.*)<\/mark>$/.exec(part);
      return { text: decodeEntities(match ? match[1]! : part), match: Boolean(match) };
    });
}

/**
 * The article's h1 and description are indexed with its text, so that both are searched; an excerpt taken
 * near the top of the page therefore begins with the title, or with its last words, which the result shows
 * just above it. This drops that beginning, compared as plain text (any case and spacing, across <mark>s),
 * with the full stop Pagefind puts after a heading. The last words of the title count only when that full
 * stop (or the title's own) follows them, so body text that merely starts with the same word stays. An
 * excerpt that would be left empty is kept whole.
 */
export function withoutLeadingTitle(parts: ExcerptPart[], title: string): ExcerptPart[] {
  const text = parts.map((part) => part.text).join('');
  const words = title.trim().split(/\s+/).filter((word) => word !== '');
  const titleEndsSentence = /[.?!…]$/.test(title.trim());
  // Longest first: the whole title, then without its first word, and so on.
  for (let first = 0; first < words.length; first++) {
    let end = matchedPrefixEnd(text, words.slice(first));
    if (end < 0) continue;
    const fullStop = text[end] === '.';
    if (fullStop) end++;
    if (first > 0 && !fullStop && !titleEndsSentence) continue;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    const rest = text.slice(end).search(/\S/);
    return rest < 0 ? parts : sliceParts(parts, end + rest);
  }
  return parts;
}

/** Where `words` end if `text` begins with them (after any spacing), any case and any spacing between; else -1. */
function matchedPrefixEnd(text: string, words: string[]): number {
  let at = text.search(/\S/);
  if (at < 0) return -1;
  for (const [i, word] of words.entries()) {
    if (i > 0) {
      const spacing = /^\s+/.exec(text.slice(at));
      if (!spacing) return -1;
      at += spacing[0].length;
    }
    if (text.slice(at, at + word.length).toLowerCase() !== word.toLowerCase()) return -1;
    at += word.length;
  }
  return at;
}

/** The parts from character `from` of their joined text on, each keeping whether it is a match. */
function sliceParts(parts: ExcerptPart[], from: number): ExcerptPart[] {
  const kept: ExcerptPart[] = [];
  let start = 0;
  for (const part of parts) {
    const end = start + part.text.length;
    if (end > from) kept.push(start >= from ? part : { text: part.text.slice(from - start), match: part.match });
    start = end;
  }
  return kept;
}

export function toSearchHit(data: PagefindResultData): SearchHit {
  const iso = data.meta.date;
  const excerpt = toExcerptParts(data.excerpt);
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    excerpt: data.meta.title ? withoutLeadingTitle(excerpt, data.meta.title) : excerpt,
    // Formatted at build time (SearchIndexFacts); an index from before that shows the ISO date.
    date: iso ? { iso, text: data.meta.date_text ?? iso } : undefined,
    tags: data.filters.tag ?? [],
  };
}

export type TagChoice = { name: string; count: number };

/**
 * Orders tags of equal counts as the reader's language does (as localeCompare does). The first comparison
 * loads ICU's collation data: 9–15 ms of the main thread in Chromium here, which the box pays with
 * warmTagOrder while the reader types, not between the last key and the results.
 */
let tagOrder: Intl.Collator | undefined;

function compareTagNames(a: string, b: string): number {
  tagOrder ??= new Intl.Collator();
  return tagOrder.compare(a, b);
}

/** Gets tagChoices' ordering ready (its collation data loaded) while nobody waits for results. */
export function warmTagOrder(): void {
  compareTagNames('a', 'b');
}

/** The tags to narrow the current results by: the most frequent among them, and the chosen one always. */
export function tagChoices(totalFilters: PagefindResponse['totalFilters'], selected: string | undefined, limit = 8): TagChoice[] {
  const counts = Object.entries(totalFilters.tag ?? {})
    .filter(([, count]) => count > 0)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || compareTagNames(a.name, b.name));
  const shown = counts.slice(0, limit);
  const chosen = counts.find((choice) => choice.name === selected);
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  return shown;
}

/**
 * Whether a query is worth searching. One Latin letter matches most of a large index (at 10,000 articles,
 * seconds of work and an extra index chunk) and says little; one CJK character can be a word.
 */
export function isSearchable(text: string): boolean {
  const query = text.trim();
  return query.length >= 2 || /[^\u0000-\u024f]/u.test(query);
}

/** How long a short last word waits for the next key before it is searched. */
export const SHORT_WORD_PAUSE_MS = 200;

/**
 * When to search what is in the box, in milliseconds after the keystroke. A last word of one to three Latin
 * letters ("att" on the way to "attention") is a prefix of a large part of the index: at 10,000 articles
 * searching it costs hundreds of milliseconds and index chunks the full word does not need, and the next
 * key usually follows. So it is searched when the reader pauses on it (as after "AI" or "GPT"); anything
 * longer is searched at once.
 */
export function searchDelayMs(text: string): number {
  return /^[\u0000-\u024f]{1,3}$/u.test(lastWordOf(text)) ? SHORT_WORD_PAUSE_MS : 0;
}

/** The word being typed: what the box decides by. */
export function lastWordOf(text: string): string {
  return text.trim().split(/\s+/).at(-1) ?? '';
}

/**
 * Whether to fetch the index chunks of a query the box is pausing on (see searchDelayMs): a last word of two
 * or three letters, whose chunk is most likely the one the full word needs ("mod" for "model"). A single
 * letter is the prefix of too much of the index to be worth its bytes.
 */
export function isWorthPreloading(text: string): boolean {
  return searchDelayMs(text) > 0 && lastWordOf(text).length >= 2;
}

/** "/" opens search, as on many sites, unless the reader is typing somewhere or holding a modifier. */
export function isSearchShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
  const tag = target?.tagName?.toLowerCase();
  return !(tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable);
}
