// Answers for the words found in the most articles, made at build time by Pagefind itself, and read by the
// search box before it asks Pagefind.
//
// Why: for a word found in nearly every article, Pagefind's search in the browser scores every match and
// hands its JavaScript every position of every match (2.9 MB of JSON for "model" at 10,000 articles). On this
// two-core machine that is 130–180 ms of Pagefind alone once warm and 300 ms or more in a fresh worker, and
// the word's index chunks are 100–190 kB: no search box over Pagefind can show such a word within 100 ms.
// Those words are the ones readers type most, and their first page of results only changes when the site is
// built. So the build asks Pagefind once for each of them (lib/search-answers-build.ts) and stores what the
// box shows: the first results with their excerpts, the number of results and the counts by tag. The box
// shows a stored answer at once; Pagefind answers everything else (any other word, several words, a search
// narrowed to a tag), exactly as before. Several common words are mostly added up from stored scores
// (lib/search-combine.ts); the pairs that cannot be ("open source", parts of one compound word) have their
// answer stored too (pairsToAnswer).
//
// The answers are split by the first two characters of the word, so a reader typing "mo" fetches only the
// few answers for words beginning "mo", and a pair's by those of its first word ("op+" for "open source");
// an index names the files that exist (no request that would fail).
import { isWorthPreloading, searchDelayMs, SHORT_WORD_PAUSE_MS, type PagefindResultData, type TagChoice } from './search';
import { COMBINE_MAX_WORDS, COMBINE_VERSION, addsUp, addsUpAsPair, areIndependentWords, isSingleLetter, pagefindWord, queryWordsOf, resolveChunks, shareCompounds, type CombineIndex, type PairPostings, type WordPostings } from './search-combine';
import type { WithOtherWord } from './search-worker';

/**
 * How many words get an answer at build time. Each costs about 3 kB on disk (672 kB for 200 at 10,000
 * articles) and a Pagefind search at build (22 s for 200 at 10,000 articles, against 52 s for the index).
 */
export const COMMON_WORDS_LIMIT = 200;

/**
 * A word in this many articles has a large posting list: Pagefind's index chunks hold about 21 bytes per
 * article for a word (187 kB for "attention", in 8,749 of 10,000 articles), so ~40 kB and up from here. The box
 * does not fetch the chunks of such a word while the reader is on the way to it: its answer is stored.
 */
export const HEAVY_WORD_ARTICLES = 2000;

/**
 * The shortest last word the box completes to a heavy word to search ahead (CommonAnswers.aheadOf): with
 * fewer letters the guess is too often wrong, and a wrong guess keeps Pagefind busy when the real query comes.
 */
export const AHEAD_MIN_LETTERS = 3;

/** Where the answers live, under the search bundle (SEARCH_BUNDLE_PATH), written after Pagefind's own files. */
export const COMMON_ANSWERS_DIR = 'common';
export const COMMON_ANSWERS_INDEX = 'index.json';
const FORMAT_VERSION = 1;

/**
 * What the box shows for a query: Pagefind's data for the first results, their number, the counts by tag; and
 * `combine`, the word's scores, to answer it with other common words (lib/search-combine.ts), or `pair`, a
 * pair's scores in two parts, to answer it with a third word (PairPostings).
 */
export type CommonAnswer = { total: number; results: PagefindResultData[]; tags: TagChoice[]; combine?: WordPostings; pair?: PairPostings };
/**
 * `shards`: the file of each group of words, named by its content's hash (see commonAnswerFiles); `combine`:
 * what adding words up needs, when the build made the files for it.
 */
export type CommonAnswersIndex = {
  version: typeof FORMAT_VERSION;
  shards: Record<string, string>;
  combine?: CombineIndex;
  /**
   * The stored scores of the common words of one or two characters ("ai", "an", "7b"), by word. Such a word's
   * group can only be fetched once its second character is typed, and its scores only once the group has come:
   * named here, they are fetched with the group, a request sooner ("safety ai"). A longer word's group has come by
   * the time it is typed (its first two characters asked for it).
   */
  short?: Record<string, ShortWordScores>;
  /**
   * Each group of words has a second file (scoresFileOf), with what a word after others needs of it and without
   * the results and counts by tag that only a word searched alone shows (under a tenth of the group's bytes): whether
   * a word is stored, on how many pages, and its scores to add up. A query of several words fetches the group of
   * each word after the first; at 10,000 articles the whole groups were 10–21 kB of a five-word query.
   */
  scores?: true;
};

/**
 * The file of a group's scores (CommonAnswersIndex.scores), named after the group's own file: its content
 * follows from that file's, so the name changes with it, as a hash of its own would.
 */
export function scoresFileOf(groupFile: string): string {
  return groupFile.replace(/\.json$/, '-scores.json');
}

/** Where a short common word's scores are (its WordPostings' file) and on how many pages it is, to check them. */
export type ShortWordScores = Pick<WordPostings, 'file' | 'pages'>;

/** The longest word whose scores the index names (CommonAnswersIndex.short). */
const SHORT_WORD_LENGTH = 2;

export type CommonAnswersShard = Map<string, CommonAnswer>;

/**
 * One word of letters or digits, two characters at least, or a single letter: what the build stores answers for.
 * A word of one letter ("a") is stored for its scores, to add up with other words: Pagefind matches it to every word
 * it begins in the index chunk it fetches for it (90 kB at 10,000 articles), and a query with "a" among common words
 * went to Pagefind whole, 550–720 kB and 400–680 ms. Typed alone it stays Pagefind's (CommonAnswers.lookup): it is
 * the first key of many a longer word, which would each fetch its group for nothing. A lone digit is part of a name
 * ("Llama 2"), whose stored phrase answers it.
 */
const COMMON_WORD = /^(?:\p{L}|[\p{L}\p{N}]{2,})$/u;

/** A letter of a stored pair with a word it begins (letterPairOf). */
const LETTER = /^\p{L}$/u;

/** A word of a stored phrase or pair: two characters at least, or a number (storedKeyOf). */
const WORD = /^[\p{L}\p{N}]{2,}$/u;

/** A common word's key: the query as one lowercase word (Pagefind ignores case), or undefined. */
export function commonKeyOf(text: string): string | undefined {
  const word = text.trim().toLowerCase();
  return COMMON_WORD.test(word) ? word : undefined;
}

/** The most words a stored phrase has: a compound word of up to four parts ("state-of-the-art"), compoundPhrasesOf. */
export const PHRASE_MAX_WORDS = 4;

/**
 * The stored answer a query would use: a common word's key (commonKeyOf), or two to PHRASE_MAX_WORDS words with one
 * space between them, for the phrases and pairs the build answers whole (phrasesToAnswer, pairsToAnswer,
 * compoundPhrasesOf), or a letter with a word it begins ("a and", letterPairOf); otherwise undefined.
 */
export function storedKeyOf(text: string): string | undefined {
  const words = text.trim().toLowerCase().split(/\s+/);
  if (words.length === 1) return commonKeyOf(words[0]!);
  return phraseKeyOf(words) ?? letterPairOf(words);
}

/** A phrase's key: its words, one space between them, when a reader would type them as a phrase (storedKeyOf). */
function phraseKeyOf(words: readonly string[]): string | undefined {
  // In a phrase, a word may also be a number of one digit ("llama 2"); one of them has letters.
  return words.length <= PHRASE_MAX_WORDS && words.every((word) => WORD.test(word) || NUMBER.test(word)) && words.some((word) => /\p{L}/u.test(word)) ? words.join(' ') : undefined;
}

/**
 * A pair of a letter and a common word it begins, in either order ("a and", "and a"): a stored pair of words beginning
 * alike, whose parts add up with other words (pairsToAnswer). Not a phrase: "and a" is not stored as one.
 */
function letterPairOf(words: readonly string[]): string | undefined {
  if (words.length !== 2) return undefined;
  const [first, second] = words as [string, string];
  const [letter, word] = isSingleLetter(first) ? [first, second] : [second, first];
  return LETTER.test(letter) && WORD.test(word) && word.startsWith(letter) ? words.join(' ') : undefined;
}

const NUMBER = /^\p{N}+$/u;

/**
 * The file group of a stored key: a word's first two characters; for a pair or a longer phrase, those of its first
 * word and a "+" ("op+" for "open source", "st+" for "state of the art"), a group of its own, fetched once a space
 * follows the first word (CommonAnswers.pairsAfter), not with every word beginning alike.
 */
export function shardOf(key: string): string {
  const [first, second] = key.split(' ');
  return Array.from(first!).slice(0, 2).join('') + (second === undefined ? '' : '+');
}

// ---- Choosing the words (build side, pure) ----

/**
 * The words of the text Pagefind indexes in a page: what is inside the element marked `data-pagefind-body`
 * (the whole page when none is), without elements marked `data-pagefind-ignore`, scripts, styles or tags. Used to
 * choose which words get an answer; the answers themselves come from Pagefind. A word counted here that Pagefind
 * does not index would get Pagefind's answer for the longest indexed word it begins with ("also" for "a", from a
 * footer's "Also tagged"), which the box must not add up with other words (lib/search-combine-build.ts).
 */
export function indexedWordsOf(html: string): Set<string> {
  return distinctWordsOf(indexedTextOf(html));
}

/** The distinct words of a text (indexedTextOf) that can have a stored answer (commonKeyOf). */
export function distinctWordsOf(text: readonly string[]): Set<string> {
  return new Set(text.filter((word) => COMMON_WORD.test(word)));
}

/** The words of the text Pagefind indexes in a page (see indexedWordsOf), in order, lowercase, one letter or more. */
export function indexedTextOf(html: string): string[] {
  return wordsOf(indexedStringOf(html));
}

/** The text Pagefind indexes in a page (see indexedWordsOf), lowercase, its markup gone. */
function indexedStringOf(html: string): string {
  return (
    withoutIgnored(bodyOf(html))
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      // An entity is punctuation or a space in the articles' text ("&amp;", "&#x27;"): a word boundary here.
      .replace(/&[#a-z0-9]+;/gi, ' ')
      .toLowerCase()
  );
}

const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The compound words of three or four parts joined by hyphens in a text, as phrases a reader types: "state of the
 * art" of "state-of-the-art", "gpt 4 turbo" of "GPT-4-Turbo". Pagefind indexes every part at the compound's one
 * place, so such a query never adds up from its words' scores (shareCompounds), and went to Pagefind whole, with
 * the chunks of words like "the" and "of": 696 kB and 350 ms for "state of the art" at 10,000 articles. Each phrase
 * is a stored key (phraseKeyOf: not "2023 07 18" of a date). Two parts are two-word phrases already (phrasesOf);
 * a dash between numbers is a range, not a compound.
 */
export function compoundPhrasesOf(text: string): Set<string> {
  const phrases = new Set<string>();
  for (const [compound] of text.matchAll(/[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+){2,}/gu)) {
    // phraseKeyOf refuses more than PHRASE_MAX_WORDS parts.
    const words = wordsOf(compound.toLowerCase());
    const phrase = phraseKeyOf(words);
    if (phrase !== undefined) phrases.add(phrase);
  }
  return phrases;
}

/**
 * The two-word phrases of a page's text (indexedTextOf), as a reader would type them: "llama 2" of "Llama 2",
 * "gpt 4" of "GPT-4", "open source" of "open-source". Each word has two characters or more, or is a number; one
 * of them has letters (not "68 9" of a table's "68.9"). A single letter is no query word ("a", "s" of "AI's").
 */
export function phrasesOf(words: readonly string[]): Set<string> {
  const phrases = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const phrase = words[i - 1] === words[i] ? undefined : phraseKeyOf([words[i - 1]!, words[i]!]);
    if (phrase !== undefined) phrases.add(phrase);
  }
  return phrases;
}

/** The html without the elements Pagefind leaves out of its index, and everything inside them. */
function withoutIgnored(html: string): string {
  const marker = /<([a-z][a-z0-9-]*)\b[^>]*\bdata-pagefind-ignore\b[^>]*>/gi;
  let kept = '';
  let from = 0;
  for (let found = marker.exec(html); found; found = marker.exec(html)) {
    const start = found.index + found[0].length;
    const end = found[0].endsWith('/>') ? start : closingTagOf(html, found[1]!, start);
    kept += html.slice(from, found.index) + ' ';
    from = end === undefined ? html.length : end;
    marker.lastIndex = from;
  }
  return kept + html.slice(from);
}

/** Where the element whose opening tag ends at `start` closes (past its closing tag), counting elements of the same name inside it. */
function closingTagOf(html: string, name: string, start: number): number | undefined {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    if (tag[0].endsWith('/>')) continue;
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index + tag[0].length;
  }
  return undefined;
}

function bodyOf(html: string): string {
  const marker = /<([a-z][a-z0-9-]*)\b[^>]*\bdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!marker) return html;
  const start = marker.index + marker[0].length;
  const end = closingTagOf(html, marker[1]!.toLowerCase(), start);
  return end === undefined ? html.slice(start) : html.slice(start, html.lastIndexOf('<', end - 1));
}

/** Counts in how many pages each word occurs, page by page, without keeping the pages. */
export class WordCounter {
  protected readonly pages = new Map<string, number>();

  add(words: Iterable<string>): void {
    for (const word of words) this.pages.set(word, (this.pages.get(word) ?? 0) + 1);
  }

  /** The words in the most pages, most first (ties alphabetically, so a build is repeatable); two pages at least. */
  mostCommon(limit: number): string[] {
    return [...this.pages]
      .filter(([, pages]) => pages >= 2)
      .sort(([a, pagesA], [b, pagesB]) => pagesB - pagesA || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([word]) => word);
  }
}

/**
 * Counts the pages each phrase (phrasesOf) is in. Most phrases of an archive are in one page only (a rare word
 * beside another), and there are millions at 10,000 articles: every PRUNE_EVERY pages, the phrases seen once so
 * far are dropped. A phrase readers type is in many pages, and loses a page at most each time.
 */
export class PhraseCounter extends WordCounter {
  static readonly PRUNE_EVERY = 1000;
  private added = 0;

  override add(phrases: Iterable<string>): void {
    super.add(phrases);
    if (++this.added % PhraseCounter.PRUNE_EVERY !== 0) return;
    for (const [phrase, pages] of this.pages) if (pages === 1) this.pages.delete(phrase);
  }
}

/**
 * What the build counts of each page it indexes, page by page: in how many pages each word (indexedWordsOf), each
 * two-word phrase (phrasesOf) and each compound word of three or four parts (compoundPhrasesOf) occurs, from one
 * reading of the page's indexed text.
 */
export class IndexedTextCounter {
  readonly words = new WordCounter();
  readonly phrases = new PhraseCounter();
  readonly compounds = new PhraseCounter();

  add(html: string): void {
    const string = indexedStringOf(html);
    const text = wordsOf(string);
    this.words.add(distinctWordsOf(text));
    this.phrases.add(phrasesOf(text));
    this.compounds.add(compoundPhrasesOf(string));
  }
}

/**
 * How many compound words of three or four parts (compoundPhrasesOf) get an answer of their own at build time, the
 * ones on the most pages (two at least): about 4 kB each at 10,000 articles, in the group of the pairs of their
 * first word, and one Pagefind search each in the build.
 */
export const COMPOUND_PHRASES_LIMIT = 16;

/** How many phrases of the text (phrasesOf) get an answer of their own at build time, about 4 kB each at 10,000 articles. */
export const PHRASES_LIMIT = 64;

/**
 * How many of the most common phrases are weighed for those answers (phrasesToAnswer): most phrases of an
 * archive's text pair common words the box adds up ("the model"), and need none.
 */
export const PHRASE_CANDIDATES = 2048;

/**
 * The phrases whose answer is stored whole: the most common two-word phrases of the text (`phrases`, most pages
 * first) that the box cannot add up from stored scores, "llama 2" (a word of one character has no stored
 * scores), "open source" (parts of one compound word). `postingsOf`: a word's stored scores, if it has them.
 */
export function phrasesToAnswer(phrases: readonly string[], postingsOf: (word: string) => WordPostings | undefined, limit = PHRASES_LIMIT): string[] {
  return phrases
    .filter((phrase) => {
      const split = phrase.split(' ');
      if (phraseKeyOf(split) !== phrase) return false;
      const words = split.map((word) => ({ word, postings: postingsOf(word) }));
      return !(words.every(({ postings }) => postings) && addsUp(words));
    })
    .slice(0, limit);
}

/**
 * How many pairs of common words get an answer of their own at build time (each in both orders). At 10,000
 * articles each answer costs about 4 kB on disk and, in the build, one Pagefind search of two heavy words
 * (32 pairs: about 20 s more).
 */
export const COMMON_PAIRS_LIMIT = 32;

/**
 * The pairs of common words whose answer is stored whole, in both orders (Pagefind may credit a place both words
 * match to either, so the order can change the scores): those the box cannot add up (addsUp). First the parts of
 * one compound word ("open source", where the pages say "open-source"): on a news site those are among the
 * queries readers type first, and Pagefind answers them slowest (two common words' heavy index chunks). Then
 * words whose index chunks interact, an accident of where Pagefind's chunks begin. Each kind on the most pages
 * first. `words`: the words with stored scores.
 */
export function pairsToAnswer(
  words: { word: string; postings: WordPostings }[],
  limit = COMMON_PAIRS_LIMIT,
  alikeLimit = ALIKE_PAIRS_LIMIT,
  letterLimit = LETTER_PAIRS_LIMIT,
): [string, string][] {
  const pairs: { pair: [string, string]; compound: boolean; pages: number }[] = [];
  const alike: { pair: [string, string]; pages: number }[] = [];
  const withLetter: { pair: [string, string]; pages: number }[] = [];
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) {
      if (storedKeyOf(`${a.word} ${b.word}`) === undefined) continue;
      const pages = Math.min(a.postings.pages, b.postings.pages);
      if (!areIndependentWords([a.word, b.word])) {
        (isSingleLetter(a.word) || isSingleLetter(b.word) ? withLetter : alike).push({ pair: [a.word, b.word], pages });
        continue;
      }
      if (addsUp([a, b])) continue;
      const compound = shareCompounds([a, b].map(({ word, postings }) => ({ word, partners: postings.partners })));
      pairs.push({ pair: [a.word, b.word], compound, pages });
    }
  });
  // The first `count` of a kind, each in both orders.
  const firstOf = <T extends { pair: [string, string] }>(kind: T[], order: (x: T, y: T) => number, count: number): [string, string][] =>
    kind
      .sort(order)
      .slice(0, count)
      .flatMap(({ pair: [a, b] }): [string, string][] => [
        [a, b],
        [b, a],
      ]);
  const mostPages = (x: { pages: number }, y: { pages: number }) => y.pages - x.pages;
  return [
    ...firstOf(pairs, (x, y) => Number(y.compound) - Number(x.compound) || mostPages(x, y), limit),
    ...firstOf(alike, mostPages, alikeLimit),
    ...firstOf(withLetter, mostPages, letterLimit),
  ];
}

/**
 * How many pairs of common words beginning alike ("model models", "an and") get an answer of their own, in both
 * orders, after the pairs above (pairsToAnswer; a letter with such a word, below, has a limit of its own). Pagefind
 * matches the shorter word to the longer one's places too and merges the two matches of a place into one score
 * (placeScore in lib/search-combine.ts), so such words never add up, and with them a query went to Pagefind whole: at
 * 10,000 articles "the dataset paper model models" fetched 655 kB and took 516 ms, "that and an compute" 578 kB and
 * 308 ms. The pair's own scores add up with other words (addsUpAsPair); the build keeps such a pair only when its
 * parts are measured (lib/search-answers-build.ts).
 */
export const ALIKE_PAIRS_LIMIT = 16;

/**
 * How many pairs of a letter and a common word it begins ("a and", "a as", "a attention") get an answer of their own,
 * in both orders, after the pairs above: at 10,000 articles "a" begins 16 of the 200 common words. With such a word,
 * Pagefind matches "a" to every word it begins in the chunks the query fetches, and a query holding both went to
 * Pagefind whole, with the heaviest chunks of the index: "data and a" 482 kB and 443 ms, "be results of a and" 691 kB
 * and 876 ms. Their pair adds up with other words like any pair of words beginning alike; in other queries "a" adds up
 * alone (isStableWord in lib/search-combine-build.ts).
 */
export const LETTER_PAIRS_LIMIT = 16;

/**
 * The files the build writes, name to text: the index, and one file per group of words. A group's file is
 * named by the hash of its content, as Pagefind names its chunks, so a host or browser that keeps files for a
 * while can never pair a new index with an old group: only the index has a fixed name, and the box
 * revalidates it.
 */
export function commonAnswerFiles(answers: ReadonlyMap<string, CommonAnswer>, hashOf: (text: string) => string, combine?: CombineIndex): Map<string, string> {
  const groups = new Map<string, Record<string, CommonAnswer>>();
  for (const [word, answer] of answers) {
    const group = shardOf(word);
    if (!groups.has(group)) groups.set(group, {});
    groups.get(group)![word] = answer;
  }
  const files = new Map<string, string>();
  const short: Record<string, ShortWordScores> = {};
  if (combine) {
    for (const [word, answer] of answers) if (answer.combine && Array.from(word).length <= SHORT_WORD_LENGTH) short[word] = { file: answer.combine.file, pages: answer.combine.pages };
  }
  const index: CommonAnswersIndex = { version: FORMAT_VERSION, shards: {}, ...(combine ? { combine } : {}), ...(Object.keys(short).length > 0 ? { short } : {}) };
  if (combine) index.scores = true;
  for (const group of [...groups.keys()].sort()) {
    const answers = groups.get(group)!;
    const text = JSON.stringify(answers);
    const name = `${hashOf(text)}.json`;
    index.shards[group] = name;
    files.set(name, text);
    // A pair's group is only ever fetched whole: its answer is shown as soon as the pair is typed.
    if (!combine || group.endsWith('+')) continue;
    const scores = Object.entries(answers).map(([word, { total, combine: postings }]) => [word, { total, results: [], tags: [], ...(postings ? { combine: postings } : {}) }]);
    files.set(scoresFileOf(name), JSON.stringify(Object.fromEntries(scores)));
  }
  files.set(COMMON_ANSWERS_INDEX, JSON.stringify(index));
  return files;
}

// ---- Reading them (browser side) ----

/** The files come over the network and may be from another build or damaged: they are checked, not trusted. */
export function parseCommonAnswersIndex(value: unknown): CommonAnswersIndex | undefined {
  if (!isRecord(value) || value.version !== FORMAT_VERSION || !isRecord(value.shards)) return undefined;
  const shards: Record<string, string> = {};
  for (const [group, file] of Object.entries(value.shards)) {
    // A plain file name in the answers' folder, nothing that could point elsewhere.
    if (typeof file === 'string' && /^[\w-]+\.json$/.test(file)) shards[group] = file;
  }
  const combine = parseCombineIndex(value.combine);
  const short: Record<string, ShortWordScores> = {};
  if (combine && isRecord(value.short)) {
    for (const [word, scores] of Object.entries(value.short)) {
      if (commonKeyOf(word) !== word || Array.from(word).length > SHORT_WORD_LENGTH || !isRecord(scores)) continue;
      const { file, pages } = scores;
      if (typeof file === 'string' && FILE_NAME.test(file) && Number.isInteger(pages) && (pages as number) > 0) short[word] = { file, pages: pages as number };
    }
  }
  return { version: FORMAT_VERSION, shards, ...(combine ? { combine } : {}), ...(Object.keys(short).length > 0 ? { short } : {}), ...(combine && value.scores === true ? { scores: true as const } : {}) };
}

const FILE_NAME = /^[\w-]+\.bin$/;

function parseCombineIndex(value: unknown): CombineIndex | undefined {
  if (!isRecord(value) || value.version !== COMBINE_VERSION) return undefined;
  const { indexed, fields, tags, meta } = value;
  if (typeof tags !== 'string' || !FILE_NAME.test(tags)) return undefined;
  // Pagefind's metadata file, at the bundle's root: a plain name, nothing that could point elsewhere.
  if (typeof meta !== 'string' || !/^pagefind\.[\w-]+\.pf_meta$/.test(meta)) return undefined;
  if (!Number.isInteger(indexed) || (indexed as number) < 1) return undefined;
  if (!Array.isArray(fields) || fields.length > 8 || !fields.every((field) => isRecord(field) && typeof field.name === 'string' && typeof field.weight === 'number')) return undefined;
  return { version: COMBINE_VERSION, indexed: indexed as number, fields: fields as CombineIndex['fields'], tags, meta };
}

function isWordPostings(value: unknown): value is WordPostings {
  return (
    isRecord(value) &&
    typeof value.file === 'string' &&
    FILE_NAME.test(value.file) &&
    Number.isInteger(value.pages) &&
    (value.idfPages === undefined || Number.isInteger(value.idfPages)) &&
    Array.isArray(value.chunks) &&
    value.chunks.every((chunk) => typeof chunk === 'string') &&
    Array.isArray(value.partners) &&
    value.partners.every((partner) => typeof partner === 'string') &&
    (value.variants === undefined ||
      (isRecord(value.variants) && Object.values(value.variants).every((variant) => isRecord(variant) && typeof variant.file === 'string' && FILE_NAME.test(variant.file) && Number.isInteger(variant.pages))))
  );
}

export function parseCommonAnswersShard(value: unknown): CommonAnswersShard {
  const shard: CommonAnswersShard = new Map();
  if (!isRecord(value)) return shard;
  for (const [word, answer] of Object.entries(value)) {
    if (storedKeyOf(word) === word && isCommonAnswer(answer)) shard.set(word, answer);
  }
  return shard;
}

function isCommonAnswer(value: unknown): value is CommonAnswer {
  if (!isRecord(value) || !Number.isInteger(value.total) || !Array.isArray(value.results) || !Array.isArray(value.tags)) return false;
  return (
    (value.total as number) >= value.results.length &&
    (value.combine === undefined || isWordPostings(value.combine)) &&
    (value.pair === undefined || (Array.isArray(value.pair) && value.pair.length === 2 && value.pair.every(isWordPostings))) &&
    value.results.every(isResultData) &&
    value.tags.every((tag) => isRecord(tag) && typeof tag.name === 'string' && Number.isInteger(tag.count))
  );
}

function isResultData(value: unknown): value is PagefindResultData {
  if (!isRecord(value) || typeof value.url !== 'string' || typeof value.excerpt !== 'string') return false;
  const { meta, filters } = value;
  return (
    isRecord(meta) &&
    Object.values(meta).every((entry) => entry === undefined || typeof entry === 'string') &&
    isRecord(filters) &&
    Object.values(filters).every((entry) => Array.isArray(entry) && entry.every((item) => typeof item === 'string'))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether several words can be added up from their stored scores (CommonAnswers.combinationOf). */
export type CombineLookup =
  | { kind: 'words'; index: CombineIndex; words: WordPostings[] }
  | { kind: 'none' }
  | { kind: 'loading'; ready: Promise<void> };

/** What the stored answers say of what is in the box. */
export type CommonLookup =
  | { kind: 'answer'; answer: CommonAnswer }
  /**
   * The word typed so far begins a common word ("mode" of "model"), or the two words a stored pair ("open sou"
   * of "open source"): the next key most likely follows. `heavy`: one of those is in HEAVY_WORD_ARTICLES
   * articles or more.
   */
  | { kind: 'prefix'; heavy: boolean }
  | { kind: 'none' }
  /** The index or the word's group is still on its way. */
  | { kind: 'loading'; ready: Promise<void> };

type Loaded<T> = { value: T } | { pending: Promise<void> };

/**
 * The stored answers as the box sees them: the index is fetched when the box is first focused, a group of
 * answers when a word beginning with it is first typed. Anything that fails to arrive or to parse counts as
 * no answer, and Pagefind answers instead.
 */
export class CommonAnswers {
  private index: Loaded<CommonAnswersIndex | undefined> | undefined;
  private readonly shards = new Map<string, Loaded<CommonAnswersShard>>();

  /** `fetchJson` resolves with the parsed file under the answers' folder, or undefined when it is missing. */
  constructor(private readonly fetchJson: (file: string) => Promise<unknown>) {}

  /** What adding words up needs (lib/search-combine.ts), once the index is here and when the build made it. */
  get combineIndex(): CombineIndex | undefined {
    return this.index && 'value' in this.index ? this.index.value?.combine : undefined;
  }

  /**
   * Whether several words can be answered by adding up their stored scores (lib/search-combine.ts): two to
   * COMBINE_MAX_WORDS words, each a common word with its scores stored, none beginning like another, their index
   * chunks not interacting and none of them parts of one compound word.
   */
  combinationOf(text: string): CombineLookup {
    // As Pagefind reads them: "open, model" is "open model".
    const words = queryWordsOf(text);
    if (words.length < 2 || words.length > COMBINE_MAX_WORDS) return { kind: 'none' };
    const keys = words.map((word) => commonKeyOf(word));
    // Words beginning alike ("model models") add up only as a stored pair (withPair below).
    if (keys.some((key) => key === undefined)) return { kind: 'none' };
    // Every group asked for at once, so that they come together.
    const shards = (keys as string[]).map((key, i) => this.groupOf(key, i > 0));
    const postings: WordPostings[] = [];
    for (const [i, key] of (keys as string[]).entries()) {
      const shard = shards[i];
      if (shard === undefined) return { kind: 'none' };
      if ('pending' in shard) return { kind: 'loading', ready: shard.pending };
      const combine = shard.value.get(key)?.combine;
      if (!combine) return { kind: 'none' };
      postings.push(combine);
    }
    const index = this.combineIndex;
    if (!index) return { kind: 'none' };
    // Words that may be parts of one compound word, or whose index chunks interact in a way no stored scores
    // cover, are answered differently together than alone: a stored pair among them (with a third word), or
    // Pagefind, answers them.
    const scored = this.withPair((keys as string[]).map((word, i) => ({ word, postings: postings[i] })));
    if (scored === undefined || 'ready' in scored) return scored ? { kind: 'loading', ready: scored.ready } : { kind: 'none' };
    // A word's scores for the chunk another word's search fetches, where they differ (resolveChunks).
    return { kind: 'words', index, words: resolveChunks(scored.map(({ postings }) => postings!))! };
  }

  /**
   * The words as they add up (addsUp): as they are, or, when they do not, with two of them as a stored pair that
   * adds up with the rest (PairPostings) standing for them, by its parts ("open source model"), when there are
   * `least` words. Words next to each other are tried first, then words further apart, in the order typed: Pagefind's
   * answer does not depend on where the third word is, and "of to the" (the parts of "state-of-the-art" with
   * another word between them) went to Pagefind whole, 687 kB and 940 ms at 10,000 articles. Words without
   * `postings` are the other word. `ready`: that pair's group is on its way.
   */
  private withPair<T extends { word: string; postings?: WordPostings }>(words: T[], least = 3): T[] | { ready: Promise<void> } | undefined {
    if (addsUp(words)) return words;
    if (words.length < least) return undefined;
    for (let gap = 1; gap < words.length; gap++) {
      for (let i = 0; i + gap < words.length; i++) {
        const j = i + gap;
        if (!words[i]!.postings || !words[j]!.postings) continue;
        const parts = this.pairOf(words[i]!.word, words[j]!.word);
        if (parts && 'ready' in parts) return parts;
        if (!parts) continue;
        const paired = words.map((word, k) => (k === i ? { ...word, postings: parts[0] } : k === j ? { ...word, postings: parts[1] } : word));
        if (addsUpAsPair(paired, i, j)) return paired;
      }
    }
    return undefined;
  }

  /** The parts of the stored pair of these two words (PairPostings), if the build stored them; `ready`: their group is on its way. */
  private pairOf(first: string, second: string): PairPostings | { ready: Promise<void> } | undefined {
    const key = `${first} ${second}`;
    if (storedKeyOf(key) !== key) return undefined;
    const shard = this.groupOf(key);
    if (shard && 'pending' in shard) return { ready: shard.pending };
    return shard?.value.get(key)?.pair;
  }

  /**
   * Common words with stored scores and words without (`others`, any words of the query): Pagefind then
   * searches each of those alone and the box ranks their results with the common words' scores
   * (lib/search-worker.ts). `ready`: a group of answers involved is on its way (a word's, or a stored pair's of
   * two of the words); the words wait for it rather than go to Pagefind whole, which would fetch the common words'
   * index chunks, the heaviest of the index. combinationOf may have said 'none' before a later word's group came:
   * one word without scores is enough to know the words do not add up.
   */
  withOtherOf(text: string): WithOtherWord | { ready: Promise<void> } | undefined {
    const index = this.combineIndex;
    const words = queryWordsOf(text);
    // Words beginning alike ("licence licenc") go to Pagefind, unless two of them are a stored pair (withPair below).
    if (!index || words.length < 2 || words.length > COMBINE_MAX_WORDS) return undefined;
    const postings: WordPostings[] = [];
    const others: string[] = [];
    // A word that cannot be a stored one ("gpt4" and "a" can, "c++" cannot) is another word. Every group asked for at once.
    const shards = words.map((key, i) => (commonKeyOf(key) === key ? this.groupOf(key, i > 0) : undefined));
    for (const [i, key] of words.entries()) {
      const shard = shards[i];
      if (shard && 'pending' in shard) return { ready: shard.pending };
      const combine = shard?.value.get(key)?.combine;
      if (combine) postings.push(combine);
      else others.push(key);
    }
    if (others.length === 0 || postings.length === 0) return undefined;
    // Common words that are parts of one compound word with each other or with another word: Pagefind answers,
    // unless two of them are a stored pair that adds up with the rest.
    let common = 0;
    const scored = this.withPair(words.map((word) => (others.includes(word) ? { word } : { word, postings: postings[common++] })));
    if (scored === undefined || 'ready' in scored) return scored;
    return { index, words: scored.flatMap(({ postings: stored }) => (stored ? [stored] : [])), others };
  }

  /**
   * The stored scores of the complete words before the last one ("open " of "open mo"), when each has them:
   * fetched while the last word is typed, so that adding it up waits for one file at most.
   */
  earlierWordsOf(text: string): WordPostings[] {
    const words = text.trimStart().split(/\s+/).slice(0, -1);
    const found: { word: string; postings: WordPostings }[] = [];
    for (const [i, word] of words.entries()) {
      const key = commonKeyOf(pagefindWord(word));
      const shard = key === undefined ? undefined : this.groupOf(key, i > 0);
      const combine = shard && 'value' in shard ? shard.value.get(key!)?.combine : undefined;
      if (!combine) return [];
      found.push({ word: key!, postings: combine });
    }
    // Two of them a stored pair ("open source mo", "open source language mo"): its parts, which they are added up
    // with if at all.
    const paired = found.length >= 2 ? this.withPair(found, 2) : undefined;
    return (paired && !('ready' in paired) ? paired : found).map(({ postings }) => postings);
  }

  /**
   * The scores of the last word, when it is a common word of one or two characters after other words (the index
   * names them, CommonAnswersIndex.short): to fetch with its group rather than after it. Undefined otherwise, and
   * for a word alone, which its stored answer shows without scores.
   */
  shortScoresOf(text: string): ShortWordScores | undefined {
    const words = queryWordsOf(text);
    if (words.length < 2 || /\s$/.test(text)) return undefined;
    const index = this.index && 'value' in this.index ? this.index.value : undefined;
    const key = commonKeyOf(words.at(-1)!);
    return key === undefined || !index?.short || !Object.hasOwn(index.short, key) ? undefined : index.short[key];
  }

  /**
   * Whether the last word, being typed after others, is a word of one letter with stored scores (named in the index,
   * CommonAnswersIndex.short): most often the first key of a longer word ("model a" of "model attention"). Added up
   * at once, it fetched its scores and the first pages of an answer the next key replaced: 6–20 kB more for 21 of a
   * hundred queries drawn from headlines at 10,000 articles. So the box waits for the next key first, as it does
   * after any short word (lib/search.ts, searchDelayMs); a reader who stops there has the words added up after it.
   */
  letterLastOf(text: string): boolean {
    return isSingleLetter(queryWordsOf(text).at(-1) ?? '') && this.shortScoresOf(text) !== undefined;
  }

  /**
   * Whether the words typed so far may end up answered from stored scores: the last one begins a common word
   * that has them, without being one, and with it the words add up (combinationOf) or are common words with
   * others (withOtherOf), asked when the words do not add up as they stand. Pagefind's index chunks for the
   * last word are then not worth fetching ahead (the heaviest of the index, for words like these), since the
   * most likely query needs none for it: "language model luxvel prak" searched as typed fetched the chunk of
   * "prak" (36 kB at 10,000 articles), which "language model luxvel praka" does not need.
   */
  mayCombine(text: string): boolean {
    const words = text.trim().split(/\s+/);
    const last = commonKeyOf(pagefindWord(words.at(-1)!));
    // A word of one character begins no other word of its group: there is nothing to guess.
    if (words.length < 2 || last === undefined || isSingleLetter(last)) return false;
    const shard = this.groupOf(last, true);
    if (!shard || 'pending' in shard) return false;
    // The last word is one with scores already, and the words did not add up (the box asks only then): a longer
    // word that would is a guess against the likelier end, the words as they stand, which Pagefind answers now.
    if (shard.value.get(last)?.combine) return false;
    const before = words.slice(0, -1).join(' ');
    for (const [word, answer] of shard.value) {
      if (!word.startsWith(last) || !answer.combine) continue;
      const completed = `${before} ${word}`;
      if (this.combinationOf(completed).kind === 'words') return true;
      const withOther = this.withOtherOf(completed);
      if (withOther && !('ready' in withOther)) return true;
    }
    return false;
  }

  /** Starts fetching the index (when the reader focuses the box). */
  start(): void {
    this.index ??= this.load(COMMON_ANSWERS_INDEX, parseCommonAnswersIndex, (index) => (this.index = { value: index }));
  }

  /** What is stored for the text: a common word's or a pair's answer, or a longer one it begins ("open sou"). */
  lookup(text: string): CommonLookup {
    const key = storedKeyOf(text);
    // A word of one character alone is Pagefind's (COMMON_WORD).
    if (key === undefined || isSingleLetter(key)) return { kind: 'none' };
    const shard = this.groupOf(key);
    if (shard === undefined) return { kind: 'none' };
    if ('pending' in shard) return { kind: 'loading', ready: shard.pending };
    const answer = shard.value.get(key);
    if (answer) return { kind: 'answer', answer };
    const longer = mostFrequentBeginning(shard.value, key);
    return longer ? { kind: 'prefix', heavy: longer.total >= HEAVY_WORD_ARTICLES } : { kind: 'none' };
  }

  /**
   * The query to have Pagefind answer ahead, while the reader types the last of several words: the same words
   * with the last one completed to the heavy word it begins, the one in the most articles (`open weig` → `open
   * weights`). Undefined when the last word is short, complete (a space follows it, or it is itself a common
   * word at least as frequent), or begins no heavy word, or when its group has not arrived yet (it is fetched
   * from the second letter on, and a later key will know). Single words need none of this: heavy words have stored answers.
   */
  aheadOf(text: string): string | undefined {
    return this.completed(text, HEAVY_WORD_ARTICLES);
  }

  /**
   * The same words with the last one completed to the stored word it most likely becomes, whatever its frequency
   * (`attention prak` → `attention praka`): when every word of it has stored scores, the box gets adding them up
   * ready during the pause (a few small files), as it does for a heavy word's guess.
   */
  completionOf(text: string): string | undefined {
    return this.completed(text, 0);
  }

  private completed(text: string, atLeast: number): string | undefined {
    // Earlier words as typed, then the last one; nothing when a space ends the text.
    const [, before, typed] = /^(.*\S\s+)(\S+)$/su.exec(text) ?? [];
    const last = typed?.toLowerCase();
    if (before === undefined || last === undefined || commonKeyOf(last) !== last || isSingleLetter(last)) return undefined;
    // The group is fetched from the second letter, so that it is there for the third.
    const shard = this.groupOf(last, true);
    if (shard === undefined || 'pending' in shard || last.length < AHEAD_MIN_LETTERS) return undefined;
    // Not a word beginning like an earlier one ("research res" is not on its way to "research research"): such
    // words go to Pagefind, whose search ahead would fetch the chunks the likelier end does not need.
    const earlier = queryWordsOf(before);
    const best = mostFrequentBeginning(shard.value, last, (word) => areIndependentWords([...earlier, word]));
    if (!best || best.total < atLeast || (shard.value.get(last)?.total ?? 0) >= best.total) return undefined;
    return before + best.word;
  }

  /**
   * Starts fetching the stored pairs that begin with the word before the space that ends the text ("llama " for
   * "llama 2"), while the reader types the second word. Only after the first word: fetched after every word, a
   * group costs a query of several words 1–6 kB for nothing when no pair follows; a later pair's group comes when
   * a guess or the words themselves ask for it (combinationOf).
   */
  pairsAfter(text: string): void {
    const [, word] = /^\s*(\S+)\s+$/u.exec(text) ?? [];
    const key = word === undefined ? undefined : commonKeyOf(pagefindWord(word));
    // Any pair beginning with the word is in that group: the word twice stands for them all.
    if (key !== undefined) this.groupOf(`${key} ${key}`);
  }

  /**
   * The loaded group of answers a key belongs to, or its arrival; undefined when the build stored none. `after`:
   * the word comes after others, so only its group's scores are needed (CommonAnswersIndex.scores), unless the
   * whole group is here or on its way already.
   */
  private groupOf(key: string, after = false): Loaded<CommonAnswersShard> | undefined {
    this.start();
    const index = this.index!;
    if ('pending' in index) return index;
    const group = shardOf(key);
    const whole = index.value?.shards[group];
    if (whole === undefined) return undefined;
    // A word of one letter is never shown alone (lookup): wherever it is, its scores are all it needs.
    const scoresOnly = after || isSingleLetter(key);
    const file = scoresOnly && index.value?.scores && !group.endsWith('+') && !this.shards.has(whole) ? scoresFileOf(whole) : whole;
    let shard = this.shards.get(file);
    if (!shard) {
      shard = this.load(file, parseCommonAnswersShard, (loaded) => this.shards.set(file, { value: loaded }));
      this.shards.set(file, shard);
    }
    return shard;
  }

  private load<T>(file: string, parse: (value: unknown) => T, done: (value: T) => void): { pending: Promise<void> } {
    const pending = this.fetchJson(file)
      .catch(() => undefined)
      .then((value) => done(parse(value)));
    return { pending };
  }
}

/** The stored word in the most articles among those that begin with `prefix`, are longer than it and are `accepted`. */
function mostFrequentBeginning(shard: CommonAnswersShard, prefix: string, accepted: (word: string) => boolean = () => true): { word: string; total: number } | undefined {
  let best: { word: string; total: number } | undefined;
  for (const [word, { total }] of shard) {
    if (word.length > prefix.length && word.startsWith(prefix) && (!best || total > best.total) && accepted(word)) best = { word, total };
  }
  return best;
}

/** What the box does with what is in it, when no tag is chosen. */
export type SearchPlan =
  /** `preload`: the reader has started another word, so Pagefind will be asked next: fetch this word's chunks. */
  | { kind: 'answer'; answer: CommonAnswer; preload: boolean }
  | { kind: 'wait'; ready: Promise<void> }
  /**
   * Ask Pagefind after `delayMs` (0: at once); `preload`: fetch the index chunks meanwhile; `ahead`: have
   * Pagefind answer this query meanwhile instead (CommonAnswers.aheadOf), the one the next keys most likely make.
   */
  | { kind: 'search'; delayMs: number; preload: boolean; ahead?: string };

/**
 * A word that begins a common word waits for the next key like a short word does (lib/search.ts,
 * searchDelayMs): the word it is most likely on the way to has a stored answer. Meanwhile it fetches the index
 * chunks the word will need if it goes elsewhere ("prak" on the way to the rarer "praka"), unless a word it
 * begins is heavy: those chunks are the largest of the index, and the stored answer needs none.
 *
 * Several words have no stored answer, and when the last one begins a heavy word Pagefind's answer is slow
 * (110–150 ms for "open weights" at 10,000 articles, most of it Pagefind reading 2 MB of its own results).
 * So the box pauses on that word too, and meanwhile Pagefind answers `ahead`, the words with the last one
 * completed: when the reader types the rest of it, the answer is ready or on its way. (When every word of
 * `ahead` has stored scores, the box adds them up instead, lib/search-combine.ts.) `mayCombine`: the words so
 * far may end up added up (CommonAnswers.mayCombine), so Pagefind's chunks for them are not fetched meanwhile.
 * `scoredLast`: the words are common words with others, the last one with stored scores (CommonAnswers.withOtherOf).
 */
export function planSearch(text: string, common: CommonLookup, ahead?: string, mayCombine = false, scoredLast = false): SearchPlan {
  switch (common.kind) {
    case 'answer':
      // A word with stored scores, or a pair with its parts, is added up with the next word when that one is
      // common too, without their chunks.
      return { ...common, preload: /\S\s+$/.test(text) && !common.answer.combine && !common.answer.pair };
    case 'loading':
      return { kind: 'wait', ready: common.ready };
    case 'prefix':
      // A pair's chunks are those of two common words: never worth fetching ahead (see 'none' below).
      return { kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: !common.heavy && !/\S\s+\S/.test(text.trim()) };
    case 'none':
      if (ahead !== undefined) return { kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false, ahead };
      // Words on their way to ones that add up wait for the next key, as a word on its way to a common one does.
      if (mayCombine) return { kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false };
      // A short last word with stored scores, ranked with other words' results (withOtherOf: "… tallo in"): nothing
      // of it is searched, so there is nothing to wait for, as when every word has scores.
      if (scoredLast) return { kind: 'search', delayMs: 0, preload: false };
      // The chunks of a short word are fetched during its pause, unless other words come before it: the reader
      // is then most likely typing a longer query on, and the chunks of its beginnings ("pr", "pra") are often
      // not those the word needs ("praka", at 10,000 articles: 34 kB of "luxvel praka"'s 313 kB).
      return { kind: 'search', delayMs: searchDelayMs(text), preload: isWorthPreloading(text) && !/\S\s+\S/.test(text.trim()) };
  }
}
