// Several common words answered without Pagefind's index chunks: the pure half, shared by the build and the box.
//
// Why: a query of two words found in most articles ("language model", "open models") is the slowest and the
// heaviest a reader can type. Pagefind has to fetch both words' index chunks (170 kB at 10,000 articles,
// because they hold every position of every occurrence) and score every page, 110–250 ms on this machine, and
// no stored answer can cover every pair. But Pagefind's score for several words is a sum over the words: each
// word's BM25 score on the page (which depends only on that word and the page), plus a boost for words found in
// the page's title, computed from which words the title holds. So the build asks Pagefind twice per common word
// (lib/search-combine-build.ts), with and without the title boost, and stores, for each page the word is on,
// that word's score without the boost and which of the page's metadata fields hold it. The score is stored as
// what Pagefind computes it from, the word's weight on the page (a small whole number), from which the box
// works out the score with the page's length as Pagefind does (formScore): 5–9 kB compressed for a word on
// every page of 10,000, where the scores themselves took 30–41 kB. The box adds them up for the words typed,
// which gives Pagefind's own order and count, then fetches the first results' pages (Pagefind's fragments)
// and marks the words in them as Pagefind does. With one word that is not common, the box's worker asks
// Pagefind for that word alone and ranks it with the others' scores (lib/search-worker.ts). The build checks
// both against Pagefind's own answers before it publishes the files (checkCombined), and any query this
// cannot answer exactly goes to Pagefind as before.

import { stemFloor } from './pagefind-meta';
import { lastWordOf } from './search';

/** Bumped whenever the files change shape: a box never reads files of another version. */
export const COMBINE_VERSION = 4;

/**
 * The most words added up at once (a stored pair's two parts count as its two words). Beyond five, a reader is
 * writing a sentence, and Pagefind answers.
 *
 * The sum is Pagefind's count and counts by tag exactly, and its scores but on a page where two forms of one
 * query word share a place ("OpenAI’s" is "openais" and "openai" there, which "open" both matches): Pagefind
 * credits the place to the form its unstable sort puts first, and once a page has more than twenty matches that
 * order depends on every match of the query, so Pagefind's own score for such a page changes with the order the
 * words are typed in ("and the model open" 3.06, "open model the and" 2.73, the sum 2.47). Measured on this
 * site's articles (scripts/score-sums.mts), among the queries the box adds up: 1 of 151 pairs of twenty common
 * words, 10 of 300 triples, 23 of 300 fours, 18 of 100 fives and 30 of 100 sixes have one such page (of the 4–5
 * pages a query finds among the 9 articles); at 10,000 synthetic articles, none. Five, since queries of five words
 * drawn from headlines went to Pagefind whole at 10,000 articles and fetched 430–730 kB; with a sixth word, nearly a
 * third of the queries would have a page scored otherwise than in Pagefind's typed order. The build checks queries of two
 * to five words against Pagefind and fails a check unless every page that differs is one whose score Pagefind
 * itself gives differently in another order (checkCombined).
 */
export const COMBINE_MAX_WORDS = 5;

/**
 * In the common answers' index (lib/search-answers.ts): the total number of pages Pagefind indexed (its IDF
 * needs it), the metadata fields and their weight in Pagefind's ranking, and the files. Pages are numbered in
 * the order of Pagefind's own metadata file, `meta` (lib/pagefind-meta.ts): a box that has loaded Pagefind has
 * that file already, and finds in it both the number of any of Pagefind's results and the id (the fragment's
 * name) of any page it ranks, with no page table of ours to fetch.
 */
export type CombineIndex = {
  version: typeof COMBINE_VERSION;
  /** The pages Pagefind indexed, all numbered. */
  indexed: number;
  fields: { name: string; weight: number }[];
  /** The file of every page's tags, to count results by tag (PageTags). */
  tags: string;
  /** Pagefind's metadata file the pages are numbered by, under the bundle ("pagefind.en_3adeba7e8a.pf_meta"). */
  meta: string;
};

/** Every page's tags (Pagefind's `tag` filter), as indexes into `names`. */
export type PageTags = { names: string[]; pages: number[][] };

/**
 * PageTags as the box reads them: page p's tags are `tags[offsets[p]]` up to `tags[offsets[p + 1]]`. Two flat
 * arrays rather than an array per page: the box decodes the file and counts a query's results while the first
 * results' excerpts come (10,000 pages: 7–12 ms to decode as arrays per page, 3–5 ms to count 9,299 results, the
 * first time, in Node; a fraction of that flat).
 */
export type DecodedPageTags = { names: string[]; offsets: Uint32Array; tags: Uint16Array };

/** The results counted by tag, as Pagefind's `totalFilters` counts them. */
export function countTags({ names, offsets, tags }: DecodedPageTags, pages: ArrayLike<number>): Record<string, number> {
  const counts = new Uint32Array(names.length);
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    if (page + 1 >= offsets.length) continue;
    for (let k = offsets[page]!; k < offsets[page + 1]!; k++) counts[tags[k]!]!++;
  }
  return Object.fromEntries(names.map((name, i) => [name, counts[i]!]));
}

/**
 * The file: the tag names as a JSON line, then for each page the number of its tags and their indexes, a byte
 * each (two, little-endian, when there are more than 255 names). 19 kB compressed at 10,000 pages, against
 * 27 kB as JSON.
 */
export function encodePageTags({ names, pages }: PageTags): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(names) + '\n');
  const wide = names.length > 255;
  const body: number[] = [];
  for (const tags of pages) {
    body.push(Math.min(tags.length, 255));
    for (const tag of tags.slice(0, 255)) body.push(...(wide ? [tag & 255, tag >> 8] : [tag]));
  }
  const out = new Uint8Array(head.byteLength + body.length);
  out.set(head);
  out.set(body, head.byteLength);
  return out;
}

export function decodePageTags(bytes: Uint8Array, count: number): DecodedPageTags | undefined {
  const newline = bytes.indexOf(10);
  let names: unknown;
  try {
    names = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline)));
  } catch {
    return undefined;
  }
  if (newline < 0 || !Array.isArray(names) || !names.every((name) => typeof name === 'string')) return undefined;
  const wide = names.length > 255;
  const offsets = new Uint32Array(count + 1);
  // At most one tag a byte: the file's length bounds the number of tags.
  const tags = new Uint16Array(bytes.length - newline);
  let at = newline + 1;
  let total = 0;
  let page = 0;
  for (; page < count && at < bytes.length; page++) {
    const many = bytes[at++]!;
    for (let i = 0; i < many; i++) {
      const tag = wide ? bytes[at]! | (bytes[at + 1]! << 8) : bytes[at]!;
      at += wide ? 2 : 1;
      if (tag >= names.length) return undefined;
      tags[total++] = tag;
    }
    offsets[page + 1] = total;
  }
  return page === count && at === bytes.length ? { names: names as string[], offsets, tags: tags.slice(0, total) } : undefined;
}

/**
 * In a common word's stored answer: its file of scores, the number of pages it is on, the index chunks its
 * search touches (lib/pagefind-meta.ts, chunksOfWord) and the other parts of the compound words it is part of
 * (`partners`: "source" and "opensource" for "open", from "open-source"), to tell when words cannot be added
 * up (resolveChunks, shareCompounds). `variants`: by chunk, its scores when a query fetches that chunk too.
 */
export type WordPostings = { file: string; pages: number; chunks: string[]; partners: string[]; variants?: Record<string, ChunkVariant>; idfPages?: number };

/**
 * A stored pair's scores, to add up with a third word ("open source" with "model"): Pagefind scores the places
 * the pair's two words share ("open-source") once for both, so their sum is not the pair's answer, but the
 * pair's own scores plus the third word's are, since the third shares no place with them (the build checks it).
 * Two parts, one per word, each on the pair's pages: the first carries the pair's score without the title
 * boost and the first word's fields, the second a score of zero and the second word's fields, so that
 * rankPages works out the boost from each word's own fields and IDF (`idfPages`: the pages the word alone is
 * on). Their chunks and partners leave out what the pair already holds (pairParts).
 */
export type PairPostings = [WordPostings, WordPostings];

/**
 * The parts of a stored pair (PairPostings) from its two words' stored postings and the parts' files: each
 * part keeps its word's chunks and compound partners but those of the other word of the pair, whose search
 * the pair's answer already made (its chunk fetched, its shared places scored), so that addsUp checks them
 * only against the third word.
 */
export function pairParts(words: [string, string], postings: [WordPostings, WordPostings], files: [ChunkVariant, ChunkVariant]): PairPostings {
  const part = (i: 0 | 1): WordPostings => {
    const other = words[1 - i]!;
    const otherOwn = postings[1 - i]!.chunks[0];
    const floor = stemFloor(other);
    return {
      file: files[i].file,
      pages: files[i].pages,
      idfPages: postings[i].pages,
      chunks: postings[i].chunks.filter((chunk, k) => k === 0 || chunk !== otherOwn),
      partners: postings[i].partners.filter((partner) => !partner.startsWith(floor)),
    };
  };
  return [part(0), part(1)];
}

/** A word's file of scores and number of pages when Pagefind has fetched another chunk too (resolveChunks). */
export type ChunkVariant = { file: string; pages: number };

/**
 * Whether the answer to these words is the sum of their answers alone, as far as the page can tell: no two
 * begin alike (areIndependentWords), the common words' index chunks do not interact or their scores for the
 * chunks the others fetch are stored (resolveChunks), and no two may be parts of one compound word
 * (shareCompounds). `postings`: a common word's stored scores; without them, the other word, whose chunks the
 * worker checks once it has Pagefind's metadata (CombinedSearch.resolveWithOther).
 */
export function addsUp(words: { word: string; postings?: WordPostings }[]): boolean {
  return areIndependentWords(words.map(({ word }) => word)) && chunksAndPlacesAddUp(words);
}

/**
 * Whether these words add up (addsUp) with two of them, `i` and `j`, standing for a stored pair by its parts
 * (PairPostings): those two may begin alike ("model models", "an and"), since the pair's scores are Pagefind's own
 * answer to them together, a place both match merged as Pagefind merges it (placeScore); every other two words may not.
 */
export function addsUpAsPair(words: { word: string; postings?: WordPostings }[], i: number, j: number): boolean {
  const without = (k: number) => words.flatMap(({ word }, n) => (n === k ? [] : [word]));
  return areIndependentWords(without(i)) && areIndependentWords(without(j)) && chunksAndPlacesAddUp(words);
}

/** The rest of addsUp: the words' index chunks resolved (resolveChunks), and no two parts of one compound word. */
function chunksAndPlacesAddUp(words: { word: string; postings?: WordPostings }[]): boolean {
  return (
    resolveChunks(words.flatMap(({ postings }) => (postings ? [postings] : []))) !== undefined &&
    !shareCompounds(words.map(({ word, postings }) => ({ word, partners: postings?.partners })))
  );
}

/**
 * The scores to add up for these words, as stored: a word whose forms may be in the chunk another word of the
 * query fetches ("research" in the chunk of "results", which holds "researchers") matches them there too, so its
 * scores with that chunk fetched are taken (`variants`). Undefined when one needs scores that are not stored:
 * several such chunks at once, or (`others`: the chunks of words without stored scores, the other word) when
 * such a word's forms may be in another's chunk, since Pagefind searches it alone. An empty list of chunks is
 * not known, and never adds up.
 */
export function resolveChunks(words: WordPostings[], others: string[][] = []): WordPostings[] | undefined {
  const all = [...words.map((word) => word.chunks), ...others];
  if (all.some((chunks) => chunks.length === 0)) return undefined;
  const extrasOf = (i: number) => [...new Set(all[i]!.slice(1).filter((chunk) => all.some((other, j) => j !== i && other[0] === chunk)))];
  for (let i = words.length; i < all.length; i++) if (extrasOf(i).length > 0) return undefined;
  const resolved: WordPostings[] = [];
  for (const [i, word] of words.entries()) {
    const extras = extrasOf(i);
    if (extras.length === 0) {
      resolved.push(word);
      continue;
    }
    const variant = extras.length === 1 ? word.variants?.[extras[0]!] : undefined;
    if (!variant) return undefined;
    resolved.push({ ...word, file: variant.file, pages: variant.pages });
  }
  return resolved;
}

/**
 * Whether two of these query words may match parts of one compound word of a page ("open source" in
 * "open-source"). Pagefind indexes a compound's parts at the compound's place, and scores a place that several
 * words of a query match once, with their weights together, which is not the sum of their answers alone.
 * `partners`: the parts a common word shares places with (WordPostings); a word matches a part that begins with
 * what every stem of the word keeps (stemFloor). A word without partners listed (the other word, which has no
 * stored answer) is found through the common words' partners: sharing a place is mutual.
 */
export function shareCompounds(words: { word: string; partners?: string[] }[]): boolean {
  return words.some((a, i) => a.partners?.some((partner) => words.some((b, j) => j !== i && mayMatch(b, partner))) ?? false);
}

/**
 * Whether a query word may match an indexed word: what every stem of it begins with does. A common word of one
 * letter with its scores stored matches nothing but itself: the build stores them only when its search matched
 * nothing else (lib/search-combine-build.ts, isStableWord), and it is added up only with words whose chunks add no
 * forms to it (resolveChunks, a variant measured as strictly). So "a" does not share "state-of-the-art" with "of":
 * the chunk of "art" is not fetched. As the part of a stored pair ("a" beside "as", whose chunk holds "art") it
 * matches more, and lists the other parts of the compounds it matched there as its partners, which shareCompounds
 * checks from its side.
 */
function mayMatch(word: { word: string; partners?: string[] }, indexed: string): boolean {
  return word.partners !== undefined && isSingleLetter(word.word) ? indexed === word.word : indexed.startsWith(stemFloor(word.word));
}

/**
 * A word of one character ("a"): stored for its scores only when they add up (isStableWord in
 * lib/search-combine-build.ts), never shown alone, and waited on as the last word (lib/search-answers.ts).
 */
export function isSingleLetter(word: string): boolean {
  return Array.from(word).length === 1;
}

/**
 * Whether the last word of the text is one of the common words with stored scores, among words some of which
 * (`others`) Pagefind searches alone: nothing of it is searched, so neither the box nor its worker waits on it.
 */
export function hasScoredLastWord(others: readonly string[], text: string): boolean {
  return !others.includes(pagefindWord(lastWordOf(text)));
}

/**
 * One word's scores, decoded: for each page it is on (ascending), its score without meta boost and its fields;
 * and the words of the pages' text that Pagefind matches to it (as split from a fragment's content: "models,",
 * "Model"), with the length bonus Pagefind gives each in an excerpt.
 */
export type DecodedPostings = { pages: Uint32Array; base: ArrayLike<number>; fields: Uint8Array; forms: Record<string, number> };

// ---- The file of one word ----
// Little-endian: u32 version, u32 total pages, u32 n; a bitmap of the total pages (bit p: the word is on page
// p), padded to 4 bytes; n u8 field masks (bit i: the word is in field i of CombineIndex.fields); then a byte
// saying how the n scores are stored, the scores (below); then the forms as UTF-8 JSON (only an excerpt needs
// them, so they are not in the stored answers).
//
// Scores `SCORES_AS_FLOATS`: n f32, as Pagefind gave them (a stored pair's parts).
// Scores `SCORES_AS_WEIGHTS`: the word's own ranking (WordScoring, five f32), a u32 unit, a u32 count F of the
// indexed words it matches (ScoredForm, two f32 each), then for each of them the pages it is on: their count,
// and for each, unsigned LEB128, its index among the n minus the previous one's (the first: plus one) and its
// weight there in units; then a u32 count of pages whose score is not the one these give, and for each its
// index among the n and its f32 score. 5–9 kB compressed for a word on every page of 10,000, against 30–41 kB
// as floats, which are as many different numbers as there are page lengths.

const SCORES_AS_FLOATS = 0;
const SCORES_AS_WEIGHTS = 1;

/**
 * How Pagefind scores one word of a query on a page, but for the page's own weights and length: the word's IDF
 * (Pagefind's own, from the pages any of its forms is on), the average page length, and Pagefind's ranking
 * settings (`termSaturation`, `pageLength`, `termFrequency`).
 */
export type WordScoring = { idf: number; averageLength: number; saturation: number; lengthWeight: number; frequencyWeight: number };

/**
 * An indexed word a query word matches ("model" and "modeling" for "model"): its length bonus (how close it is
 * to the query word's stem) and its diacritic boost (1.8 when it is spelt like what was typed, else 1).
 */
export type ScoredForm = { bonus: number; boost: number };

/**
 * Pagefind's score for one indexed word on a page (calculate_bm25_word_score), in its 32-bit float arithmetic,
 * each step rounded as it rounds it: `weight` is the sum of the word's places' weights there (24 for each
 * ordinary word, more in headings), `length` the page's number of words.
 */
export function formScore(weight: number, length: number, form: ScoredForm, scoring: WordScoring): number {
  const f = Math.fround;
  const { idf, averageLength, saturation: k1, lengthWeight: b, frequencyWeight: t } = scoring;
  const weighted = f(f(f(weight) / 24) * form.bonus);
  const saturating = f(f(f(k1 + 1) * weighted) / f(f(k1 * f(f(1 - b) + f(b * f(length / averageLength)))) + weighted));
  const raw = Math.min(f(weighted / f(averageLength / 5)), f(k1 + 1));
  const tf = f(f(f(1 - t) * raw) + f(t * saturating));
  return f(f(idf * tf) * form.boost);
}

/**
 * The weights of the forms on a page that are there, as [form, weight in units], by form: a word of the synthetic
 * benchmark matches some 300 forms, and a page holds two or three of them.
 */
export type PageWeights = [form: number, weight: number][];

/** A word's score on a page: its indexed words' scores summed (in the order Pagefind sums them, `forms` sorted by the word). */
export function pageScore(weights: PageWeights, unit: number, length: number, forms: ScoredForm[], scoring: WordScoring): number {
  let score = 0;
  for (const [form, weight] of weights) score = Math.fround(score + formScore(weight * unit, length, forms[form]!, scoring));
  return score;
}

/**
 * What lets a word's file store each page's weights instead of its score: the word's scoring, its forms (sorted
 * as Pagefind sums them), the unit of the weights, and every page's length (Pagefind's metadata, by number).
 */
export type PostingsModel = { scoring: WordScoring; forms: ScoredForm[]; unit: number; lengths: ArrayLike<number> };

/**
 * `weights` (with a model): the page's weights of the model's forms (PageWeights). A page whose score is
 * not the one its weights give is stored with its score, so the file always decodes to `base` exactly (as a
 * 32-bit float, which Pagefind's scores are).
 */
export function encodePostings(
  totalPages: number,
  entries: { page: number; base: number; fields: number; weights?: PageWeights }[],
  forms: Record<string, number> = {},
  model?: PostingsModel,
): Uint8Array {
  const sorted = [...entries].sort((a, b) => a.page - b.page);
  const bitmapBytes = Math.ceil(totalPages / 32) * 4;
  const n = sorted.length;
  const head = new Uint8Array(12 + bitmapBytes + n + 1);
  const view = new DataView(head.buffer);
  view.setUint32(0, COMBINE_VERSION, true);
  view.setUint32(4, totalPages, true);
  view.setUint32(8, n, true);
  sorted.forEach(({ page, fields }, i) => {
    if (!Number.isInteger(page) || page < 0 || page >= totalPages) throw new Error(`page ${page} is outside 0..${totalPages - 1}`);
    if (i > 0 && sorted[i - 1]!.page === page) throw new Error(`page ${page} is listed twice`);
    head[12 + (page >> 3)]! |= 1 << (page & 7);
    head[12 + bitmapBytes + i] = fields;
  });
  head[12 + bitmapBytes + n] = model ? SCORES_AS_WEIGHTS : SCORES_AS_FLOATS;
  const scores = new ByteWriter();
  if (!model) {
    for (const { base } of sorted) scores.f32(base);
  } else {
    const { scoring, forms: scored, unit } = model;
    for (const value of [scoring.idf, scoring.averageLength, scoring.saturation, scoring.lengthWeight, scoring.frequencyWeight]) scores.f32(value);
    scores.u32(unit);
    scores.u32(scored.length);
    for (const form of scored) scores.f32(form.bonus).f32(form.boost);
    const weightsOf = sorted.map(({ page, weights }) => {
      const valid = weights?.every(([form, weight], k) => Number.isInteger(weight) && weight > 0 && form < scored.length && (k === 0 || form > weights[k - 1]![0]));
      if (!weights || !valid) throw new Error(`page ${page} has no weights by form: ${JSON.stringify(weights)}`);
      return weights;
    });
    // Each form's pages and weights there, in one pass over the pages.
    const onForm = scored.map(() => [] as [number, number][]);
    weightsOf.forEach((weights, i) => weights.forEach(([form, weight]) => onForm[form]!.push([i, weight])));
    for (const on of onForm) {
      scores.leb(on.length);
      on.forEach(([i, weight], k) => scores.leb(i - (k === 0 ? -1 : on[k - 1]![0])).leb(weight));
    }
    const others = sorted.flatMap(({ page, base }, i) => (pageScore(weightsOf[i]!, unit, model.lengths[page]!, scored, scoring) === Math.fround(base) ? [] : [{ i, base }]));
    scores.u32(others.length);
    for (const { i, base } of others) scores.u32(i).f32(base);
  }
  // Nine digits hold any 32-bit float exactly.
  const formsJson = new TextEncoder().encode(JSON.stringify(Object.fromEntries(Object.entries(forms).map(([form, bonus]) => [form, Number(bonus.toPrecision(9))]))));
  const body = scores.bytes();
  const bytes = new Uint8Array(head.byteLength + body.byteLength + formsJson.byteLength);
  bytes.set(head);
  bytes.set(body, head.byteLength);
  bytes.set(formsJson, head.byteLength + body.byteLength);
  return bytes;
}

/** Little-endian numbers appended to a growing buffer. */
class ByteWriter {
  private buffer = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  private room(count: number): number {
    if (this.length + count > this.buffer.byteLength) {
      const grown = new Uint8Array(Math.max(this.buffer.byteLength * 2, this.length + count));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    const at = this.length;
    this.length += count;
    return at;
  }

  u8(value: number): this {
    const at = this.room(1);
    this.buffer[at] = value;
    return this;
  }

  // room() first: it may replace the view.
  u32(value: number): this {
    const at = this.room(4);
    this.view.setUint32(at, value, true);
    return this;
  }

  f32(value: number): this {
    const at = this.room(4);
    this.view.setFloat32(at, value, true);
    return this;
  }

  /** Unsigned LEB128: seven bits a byte, the high bit set on every byte but the last. */
  leb(value: number): this {
    let rest = value;
    while (rest >= 128) {
      this.u8((rest % 128) | 128);
      rest = Math.floor(rest / 128);
    }
    return this.u8(rest);
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; past the end it throws. */
class ByteReader {
  private readonly view: DataView;

  constructor(
    private readonly data: Uint8Array,
    public at: number,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  private take(count: number): number {
    if (this.at + count > this.data.byteLength) throw new Error('truncated');
    const at = this.at;
    this.at += count;
    return at;
  }

  u8(): number {
    return this.data[this.take(1)]!;
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  f32(): number {
    return this.view.getFloat32(this.take(4), true);
  }

  leb(): number {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = this.u8();
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      if (scale > 2 ** 35) throw new Error('number too large');
    }
  }
}

/**
 * Undefined when the bytes are not such a file, or one for another number of pages (another build), or one
 * that stores weights when `lengths` (each page's number of words, from Pagefind's metadata) is not given.
 */
export function decodePostings(bytes: Uint8Array, totalPages: number, lengths?: ArrayLike<number>): DecodedPostings | undefined {
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== COMBINE_VERSION || view.getUint32(4, true) !== totalPages) return undefined;
  const n = view.getUint32(8, true);
  const bitmapBytes = Math.ceil(totalPages / 32) * 4;
  if (bytes.byteLength < 12 + bitmapBytes + n + 1) return undefined;
  const pages = new Uint32Array(n);
  let i = 0;
  for (let byte = 0; byte < bitmapBytes && i <= n; byte++) {
    const bits = bytes[12 + byte]!;
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) pages[i++] = byte * 8 + bit;
  }
  if (i !== n) return undefined;
  const fields = bytes.slice(12 + bitmapBytes, 12 + bitmapBytes + n);
  const base = new Float32Array(n);
  const reader = new ByteReader(bytes, 12 + bitmapBytes + n);
  try {
    const kind = reader.u8();
    if (kind === SCORES_AS_FLOATS) {
      for (let k = 0; k < n; k++) base[k] = reader.f32();
    } else if (kind === SCORES_AS_WEIGHTS && lengths !== undefined && lengths.length === totalPages) {
      const [idf, averageLength, saturation, lengthWeight, frequencyWeight] = [reader.f32(), reader.f32(), reader.f32(), reader.f32(), reader.f32()];
      const scoring: WordScoring = { idf, averageLength, saturation, lengthWeight, frequencyWeight };
      const unit = reader.u32();
      const count = reader.u32();
      if (count > bytes.byteLength) return undefined;
      const forms = Array.from({ length: count }, () => ({ bonus: reader.f32(), boost: reader.f32() }));
      // Each page's weights, of the forms it has, in the forms' order (pageScore's).
      const onPage = Array.from({ length: n }, (): PageWeights => []);
      for (let form = 0; form < forms.length; form++) {
        const on = reader.leb();
        let at = -1;
        for (let k = 0; k < on; k++) {
          at += reader.leb();
          if (at >= n) return undefined;
          onPage[at]!.push([form, reader.leb()]);
        }
      }
      for (let k = 0; k < n; k++) base[k] = pageScore(onPage[k]!, unit, lengths[pages[k]!]!, forms, scoring);
      const others = reader.u32();
      for (let k = 0; k < others; k++) {
        const at = reader.u32();
        if (at >= n) return undefined;
        base[at] = reader.f32();
      }
    } else {
      return undefined;
    }
  } catch {
    return undefined;
  }
  let forms: unknown;
  try {
    forms = JSON.parse(new TextDecoder().decode(bytes.subarray(reader.at)));
  } catch {
    return undefined;
  }
  if (typeof forms !== 'object' || forms === null || Array.isArray(forms)) return undefined;
  const entries = Object.entries(forms);
  if (!entries.every(([, bonus]) => typeof bonus === 'number' && bonus > 0)) return undefined;
  // fromEntries: a page's word may be "__proto__", which must stay a word.
  return { pages, base, fields, forms: Object.fromEntries(entries.map(([form, bonus]) => [form, Math.fround(bonus as number)])) };
}

// ---- Scoring: Pagefind's, from the words' parts ----

/** Pagefind's inverse document frequency of a word on `containing` of `total` pages (f32, as it computes it). */
export function pagefindIdf(total: number, containing: number): number {
  const f = Math.fround;
  return f(Math.log(f(f(f(total - containing) + 0.5) / f(containing + 0.5)) + 1));
}

export type CombinedWord = { postings: DecodedPostings; idf: number };
export type RankedPage = { page: number; score: number };

/**
 * Pagefind's boost for a metadata field of `weight` holding words of IDF `matched` in all, of a query of IDF
 * `query`: `weight × M × (M / Q)²` (a title holding every word counts fully, one holding some of them much less).
 */
export function coverageBoost(weight: number, matched: number, query: number): number {
  return matched > 0 && query > 0 ? weight * matched * (matched / query) ** 2 : 0;
}

/**
 * The pages holding every word, best first, as Pagefind ranks them: the sum of each word's score, plus for
 * each metadata field `weight × M × (M / Q)²`, where M is the IDF of the words the field holds and Q that of
 * all the words (Pagefind's "coverage" boost: a title holding every word counts fully, one holding some of
 * them much less). Ties keep page order. Returns the number of pages, the first `limit`, and all the pages.
 */
export function rankPages(words: CombinedWord[], fieldWeights: number[], limit: number): { total: number; top: RankedPage[]; pages: number[] } {
  if (words.length === 0) return { total: 0, top: [], pages: [] };
  // Walk the shortest list; find each page in the others by moving forward (all ascending).
  const order = [...words].sort((a, b) => a.postings.pages.length - b.postings.pages.length);
  const cursors = order.map(() => 0);
  const queryIdf = words.reduce((sum, word) => sum + word.idf, 0);
  const scored: RankedPage[] = [];
  const shortest = order[0]!.postings;
  const fieldIdf = new Float64Array(fieldWeights.length);
  pages: for (let k = 0; k < shortest.pages.length; k++) {
    const page = shortest.pages[k]!;
    let score = 0;
    fieldIdf.fill(0);
    for (let w = 0; w < order.length; w++) {
      const { pages, base, fields } = order[w]!.postings;
      let at = cursors[w]!;
      while (at < pages.length && pages[at]! < page) at++;
      cursors[w] = at;
      if (at === pages.length) break pages;
      if (pages[at] !== page) continue pages;
      score += base[at]!;
      const mask = fields[at]!;
      for (let field = 0; field < fieldWeights.length; field++) if (mask & (1 << field)) fieldIdf[field]! += order[w]!.idf;
    }
    for (let field = 0; field < fieldWeights.length; field++) score += coverageBoost(fieldWeights[field]!, fieldIdf[field]!, queryIdf);
    scored.push({ page, score });
  }
  const top = scored
    .slice()
    .sort((a, b) => b.score - a.score || a.page - b.page)
    .slice(0, limit);
  return { total: scored.length, top, pages: scored.map((entry) => entry.page) };
}

/**
 * A word of a query as Pagefind reads it: lowercase, its punctuation dropped ("Model," is "model", "GPT-4" is
 * "gpt4"), as Pagefind's search does before it looks anything up.
 */
export function pagefindWord(word: string): string {
  return word.replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '').toLocaleLowerCase();
}

/** The words of a query as Pagefind reads them (pagefindWord), a word of nothing but punctuation dropped. */
export function queryWordsOf(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .map(pagefindWord)
    .filter((word) => word !== '');
}

/**
 * The query without the words it repeats ("the the is as" is "the is as"), words compared as Pagefind reads them
 * (pagefindWord). Pagefind finds the same articles either way (a word matches the same pages however often it is
 * typed), but it scores a repeated word once for each time, an order the reader did not mean; and none of the
 * box's stored answers hold a word twice, so the whole query went to Pagefind (at 10,000 articles, 592 kB and
 * 1,036 ms for "the the is as"). A repeat is dropped with the space after it; one typed last keeps the space
 * before it, so the words before still count as complete. Text that repeats nothing comes back as it is.
 */
export function withoutRepeatedWords(text: string): string {
  const tokens = text.match(/\s+|\S+/gu) ?? [];
  const seen = new Set<string>();
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = /\s/u.test(token) ? undefined : pagefindWord(token);
    if (word && seen.has(word)) {
      i++;
      continue;
    }
    if (word) seen.add(word);
    kept.push(token);
  }
  return kept.length === tokens.length ? text : kept.join('');
}

/**
 * Whether the last word, still being typed (no space after it), begins an earlier word without being it ("licence
 * licenc"): most likely that word typed again, which withoutRepeatedWords then drops, and the earlier words' answer
 * is stored or added up. Searched as typed, it went to Pagefind whole for every key, which fetched the chunk of the
 * word's beginnings and the results' excerpts: 50 kB of "licence licence by renzenfen" at 10,000 articles, over
 * 300 kB in all. So the box waits for the next key first, as it does on a short word (lib/search-answers.ts, planSearch).
 */
export function isRepeatUnderway(text: string): boolean {
  if (/\s$/u.test(text)) return false;
  const words = queryWordsOf(text);
  const last = words.at(-1);
  return last !== undefined && words.slice(0, -1).some((word) => word !== last && word.startsWith(last));
}

/**
 * Whether Pagefind scores these words independently, as rankPages assumes. It does not when one word's stem
 * begins another's ("model models", "open openai", "argue argument"): a position then matches both words and
 * is scored once, with a boost. Stems are not known here, so any two words sharing their first four letters,
 * or one beginning the other, are refused; their query goes to Pagefind.
 */
export function areIndependentWords(words: string[]): boolean {
  for (let a = 0; a < words.length; a++) {
    for (let b = a + 1; b < words.length; b++) {
      const [x, y] = [words[a]!, words[b]!];
      if (x.startsWith(y) || y.startsWith(x)) return false;
      let common = 0;
      while (common < x.length && common < y.length && x[common] === y[common]) common++;
      if (common >= 4) return false;
    }
  }
  return true;
}

// ---- Excerpts: Pagefind's, from the page's own text ----

/** What the box needs of a Pagefind fragment (one page's entry, `fragment/<id>.pf_fragment`). */
export type Fragment = {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors?: { element: string; text?: string; location: number }[];
};

/** Pagefind's weight of a word in a heading, as its indexer gives it; other words weigh 1. */
const HEADING_WEIGHTS: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

const WORD_SEPARATORS = /[^\S\uFEFF]+/g;

/**
 * The fragment's content as Pagefind's excerpts read it: `<` and `>` escaped, split into words at spaces (or at
 * zero-width spaces, which Pagefind puts between the words of scripts written without spaces).
 */
export function fragmentWords(fragment: Fragment): { words: string[]; joiner: string } {
  return splitWords(escapeText(fragment.content));
}

/** Content already escaped (Pagefind's `raw_content`), split as fragmentWords splits it. */
export function splitWords(raw: string): { words: string[]; joiner: string } {
  return raw.includes('\u200B') ? { words: raw.split('\u200B'), joiner: '' } : { words: raw.split(WORD_SEPARATORS), joiner: ' ' };
}

/**
 * The weight of each word of the page. Pagefind weighs a heading's words by its level. The fragment names the
 * headings that have an id (with their text); the article's title, which has none, is the h1 the page's
 * indexed text begins with (SearchIndexFacts, app/posts/[slug]/page.tsx). The build checks excerpts made this
 * way against Pagefind's own before it publishes the files.
 */
export function wordWeights(fragment: Fragment, words: string[]): (location: number) => number {
  const ranges: { from: number; to: number; weight: number }[] = [];
  const title = fragment.meta.title?.trim();
  if (title) {
    const titleWords = title.split(/\s+/);
    const opens = titleWords.every((word, i) => (i === titleWords.length - 1 ? words[i]?.startsWith(escapeText(word)) : words[i] === escapeText(word)));
    if (opens) ranges.push({ from: 0, to: titleWords.length, weight: HEADING_WEIGHTS.h1! });
  }
  for (const anchor of fragment.anchors ?? []) {
    const weight = HEADING_WEIGHTS[anchor.element.toLowerCase()];
    const length = anchor.text?.trim() ? anchor.text.trim().split(/\s+/).length : 0;
    if (weight && length > 0) ranges.push({ from: anchor.location, to: anchor.location + length, weight });
  }
  return (location) => ranges.find((range) => location >= range.from && location < range.to)?.weight ?? 1;
}

function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type WeightedLocation = { location: number; score: number };

/** The words of the page that match the query's words (their forms, with Pagefind's length bonus), scored as Pagefind scores them for an excerpt. */
export function matchedLocations(words: string[], forms: Record<string, number>[], weightOf: (location: number) => number): WeightedLocation[] {
  const located: WeightedLocation[] = [];
  words.forEach((word, location) => {
    const bonuses = forms.flatMap((wordForms) => (Object.hasOwn(wordForms, word) ? [wordForms[word]!] : []));
    // Pagefind stores an element's weight as 24 per unit.
    if (bonuses.length > 0) located.push({ location, score: placeScore(weightOf(location) * 24, bonuses) });
  });
  return located;
}

/**
 * A form's bonus as the build reads it (formsOf in lib/search-combine-build.ts) is the excerpt's score over the
 * squared weight of the word's element, so it holds the lower weight Pagefind gives the parts of a compound word
 * ("open" in "open-source": half the element's) as well as the length bonus, which is never below 1/e: a bonus
 * under this is a part's.
 */
const LEAST_WHOLE_WORD_BONUS = 0.3;

/**
 * The score of a place that query words match with these bonuses (one per word, in the query's order), as
 * Pagefind's search merges the words matching one place: of two with the same weight, the weights add up (a
 * byte, so at most 255: two words matching a title's word) and so do the length bonuses, "to boost matching
 * both halves of a compound word"; of two with different weights, the lower one is kept. So "model models",
 * which Pagefind stems alike, scores a place eight times each word's score, not twice, and so does "open source"
 * on "open-source"; the squared weight times the bonus, in 32-bit floats.
 */
export function placeScore(elementWeight: number, bonuses: number[]): number {
  const matches = bonuses.map((bonus) => {
    // The weight of a part is not told, only that it is lower; all parts of one compound weigh the same, which is
    // what decides how they merge, and half the element's is what a part of two has.
    const weight = bonus >= LEAST_WHOLE_WORD_BONUS ? elementWeight : elementWeight / 2;
    return { weight, bonus: (bonus * elementWeight * elementWeight) / (weight * weight) };
  });
  const place = matches.slice(1).reduce((working, next) => {
    if (next.weight < working.weight) return next;
    if (next.weight > working.weight) return working;
    return { weight: Math.min(255, working.weight + next.weight), bonus: Math.fround(working.bonus + next.bonus) };
  }, matches[0]!);
  return Math.fround(place.weight * place.weight * place.bonus);
}

/**
 * The excerpt Pagefind shows for a page: the `length` words around the densest cluster of matches (the middle
 * one of equally dense windows that follow each other), matches wrapped in <mark>.
 */
export function pagefindExcerpt({ words, joiner }: { words: string[]; joiner: string }, located: WeightedLocation[], length: number): string {
  const shown = Math.min(length, words.length);
  const start = Math.max(0, Math.min(densestWindow(located, length), words.length - shown));
  const marked = new Set(located.map((entry) => entry.location));
  return words
    .slice(start, start + shown)
    .map((word, i) => (marked.has(start + i) ? `<mark>${word}</mark>` : word))
    .join(joiner)
    .trim();
}

/**
 * Where the excerpt starts: the window of `length` words with the highest sum of match scores. As in Pagefind,
 * a window is recorded by the index before its first word, and of several equal windows in a row, the middle.
 */
function densestWindow(located: WeightedLocation[], length: number): number {
  if (located.length === 0) return 0;
  const scores: number[] = [];
  for (const { location, score } of located) scores[location] = (scores[location] ?? 0) + score;
  if (scores.length <= length) return 0;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += scores[i] ?? 0;
  let best = sum;
  let bestAt = [0];
  for (let i = 0; i < scores.length; i++) {
    sum += (scores[i + length] ?? 0) - (scores[i] ?? 0);
    if (sum > best) {
      best = sum;
      bestAt = [i];
    } else if (sum === best && bestAt.at(-1) === i - 1) {
      bestAt.push(i);
    }
  }
  return bestAt[Math.floor(bestAt.length / 2)]!;
}
