// The build's side of lib/search-combine.ts: from Pagefind's own answers for each common word, the files that
// let the box add words up, checked against Pagefind's answers for several words before they are kept.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tagChoices, type Pagefind } from './search';
import {
  COMBINE_MAX_WORDS,
  COMBINE_VERSION,
  addsUp,
  areIndependentWords,
  coverageBoost,
  resolveChunks,
  encodePageTags,
  encodePostings,
  fragmentWords,
  isSingleLetter,
  pagefindWord,
  pagefindIdf,
  pageScore,
  wordWeights,
  type CombineIndex,
  type PageWeights,
  type ScoredForm,
  type WordScoring,
  type Fragment,
  type PageTags,
  type ChunkVariant,
  type RankedPage,
  type WordPostings,
} from './search-combine';
import { CombinedSearch, dataOfResults, packed, type OtherWordData } from './search-combine-client';
import { chunkBeside, chunksHoldingPrefix, chunksOfWord, decodePagefindChunk, decodePagefindMeta, stemFloor, type ChunkWord, type PagefindChunk } from './pagefind-meta';

/** Pagefind's weight for a metadata field in its ranking (its default: the title counts five times, others once). */
export const PAGEFIND_META_WEIGHTS: Record<string, number> = { title: 5 };

function metaWeightOf(field: string): number {
  return PAGEFIND_META_WEIGHTS[field] ?? 1;
}

/** What Pagefind's search gives for a result, beyond lib/search.ts's narrower type. */
export type FullResult = {
  id: string;
  score: number;
  words: number[];
  matchedMetaFields?: string[];
  data: () => Promise<{ weighted_locations?: { weight: number; balanced_score: number; location: number }[] }>;
};
export type WordResults = { word: string; results: FullResult[] };

/** `weighed`: the words whose files store weights (PostingsModel), those files, their pages, and of those the pages stored with their scores. */
export type CombineFiles = {
  index: CombineIndex;
  postings: Map<string, WordPostings>;
  files: Map<string, Uint8Array>;
  skipped: string[];
  weighed: { words: number; files: number; pages: number; scoredPages: number };
};

/** How far Pagefind's f32 arithmetic may stray from the same sum made here. */
function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-5 + 1e-4 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * One word measured (CombineBuilder.measure): its pages with their scores without boost and fields, its forms;
 * `model`: how those scores come from each page's weights (fitWordModel), when they do.
 */
export type MeasuredWord = { word: string; entries: { id: string; base: number; fields: string[] }[]; forms: Record<string, number>; partners: string[]; model?: WordModel };

/** The files of stored pairs' parts are named `pair-<hash>.bin` (the words' `word-<hash>.bin`). */
export const PAIR_FILE_PREFIX = 'pair';

/** A stored pair measured (CombineBuilder.measurePair): each page's score without the title boost, each word's fields and forms. */
export type MeasuredPair = {
  words: [string, string];
  entries: { id: string; base: number; fields: [string[], string[]] }[];
  forms: [MeasuredWord['forms'], MeasuredWord['forms']];
  /** Each word as the pair matched it: the pages it is on (its IDF) and its compound partners (inPair). */
  each: [Pick<MeasuredWord, 'entries' | 'partners'>, Pick<MeasuredWord, 'entries' | 'partners'>];
};

/**
 * Whether a word's scores add up with others' (`forms`: what it matched, MeasuredWord). A word of one letter matches
 * every word it begins in the chunks its search fetches ("a": "ai", "ais", "about" …), and where two of those share
 * a place ("AI’s" is "ais" and "ai" there), Pagefind credits the place to either by an order that changes with the
 * other words of the query (COMBINE_MAX_WORDS): on this site's articles, "a of" was not the sum of "a" and "of". So
 * such a word is added up only when it matched nothing but itself, as "a" does at 10,000 synthetic articles, whose
 * chunk ends at "a".
 */
function isStableWord(word: string, forms: MeasuredWord['forms']): boolean {
  return !isSingleLetter(word) || Object.keys(forms).every((form) => pagefindWord(form) === word);
}

/**
 * Whether a word of one letter, measured beside the other word of a stored pair (inPair: "a" beside "and", in the
 * chunk of "and"), matched no place twice: no word of the pages it matched is a compound two of whose indexed words
 * ("AI’s": "ais" and "ai") begin with the letter. There every place it matches holds one indexed word it matches, so
 * nothing depends on the order Pagefind sorts a place's matches in; a place it shares with the pair's other word is
 * that word's own ("and"), and one it may share with a third word is a compound, whose other parts are the letter's
 * partners there (partnersOf, shareCompounds). The pair's scores are Pagefind's own answer, checked with third words.
 */
export function matchesEachPlaceOnce(word: string, forms: MeasuredWord['forms']): boolean {
  return (
    !isSingleLetter(word) ||
    Object.keys(forms).every((form) => {
      const parts = compoundParts(form);
      const indexed = parts.length < 2 ? [pagefindWord(form)] : [...parts, parts.join('')];
      return indexed.filter((part) => part.startsWith(word)).length <= 1;
    })
  );
}

/** Index chunks CombineBuilder keeps decoded. */
const CHUNKS_KEPT = 12;

/** More compound partners than this, and the word is left to Pagefind: it would refuse most queries anyway. */
const MAX_PARTNERS = 64;

/**
 * Builds the files from each word's results. `measure` may run for several words at once (the build does: each
 * new Pagefind waits 50 ms for itself); `keep` then takes them in the words' order, so that a build gives the
 * same files every time.
 *
 * A word's score without the title boost, the part that adds up across words, comes from another Pagefind
 * whose ranking gives the metadata fields no weight. A word whose boost is not the one rankPages assumes (a
 * title holding two different words beginning with it, "open" in "OpenAI opens…") is left out, and queries
 * with it go to Pagefind.
 */
export class CombineBuilder {
  private readonly fragments: FragmentReader;
  private readonly kept: MeasuredWord[] = [];
  private readonly variants: (MeasuredWord & { chunk: string })[] = [];
  /** Pagefind's length bonuses as the words' searches show them, for the forms' bonuses in the files (fileOf). */
  private readonly bonuses = new LengthBonuses();
  /** A word measured beside another's chunk (inPair), by word and chunk: a pair is measured in both orders. */
  private readonly beside = new Map<string, Promise<MeasuredWord | undefined>>();
  /** How `finish` writes a word's file, kept for the stored pairs' files (pairFiles). */
  private writer: { fieldNames: string[]; fileOf: (entries: MeasuredWord['entries'], forms: MeasuredWord['forms'], prefix: string) => Promise<string> } | undefined;
  readonly skipped: string[] = [];
  /** Why this index cannot be served this way, once known. */
  unusable: string | undefined;

  private constructor(
    private readonly indexed: number,
    private readonly bundleDir: string,
    private readonly freshPagefind: () => Promise<Pagefind>,
    /** Pagefind's metadata file, its pages in its order (the pages' numbers in every file written here), their lengths, its chunks. */
    private readonly meta: { file: string; pages: string[]; lengths: number[]; chunks: PagefindChunk[] } | undefined,
  ) {
    this.fragments = new FragmentReader(bundleDir);
  }

  /**
   * The words of index chunks read lately, by chunk and beginning (a word's variants need them again). A few
   * only, and only the words asked for: decoded whole, the chunks of 10,000 articles hold millions of objects,
   * and the collector's work for them slowed the whole build by a minute.
   */
  private readonly chunkWords = new Map<string, ChunkWord[] | undefined>();

  /** Each page's number in Pagefind's metadata, by its id: made once, for every word's model and for finish. */
  private numbers: Map<string, number> | undefined;

  private pageNumbers(): Map<string, number> {
    this.numbers ??= new Map(this.meta!.pages.map((id, i) => [id, i]));
    return this.numbers;
  }

  /** What finish wrote as weights (CombineFiles). */
  private readonly weighed: CombineFiles['weighed'] = { words: 0, files: 0, pages: 0, scoredPages: 0 };

  /** The words of a chunk beginning with `prefix`. */
  private chunk(hash: string, prefix: string): ChunkWord[] | undefined {
    const key = `${hash} ${prefix}`;
    let words = this.chunkWords.get(key);
    if (words !== undefined || this.chunkWords.has(key)) {
      // The most lately used last.
      this.chunkWords.delete(key);
    } else {
      const file = path.join(this.bundleDir, 'index', `${hash}.pf_index`);
      words = /^[\w-]+$/.test(hash) && fs.existsSync(file) ? decodePagefindChunk(readPagefindFile(file), prefix) : undefined;
    }
    this.chunkWords.set(key, words);
    if (this.chunkWords.size > CHUNKS_KEPT) this.chunkWords.delete(this.chunkWords.keys().next().value!);
    return words;
  }

  /**
   * The word's model (fitWordModel) from the chunks its search fetched (`chunks`) and its results' places;
   * undefined when a chunk cannot be read or the model would not save bytes.
   */
  private modelOf(word: string, entries: MeasuredWord['entries'], results: FullResult[], chunks: string[]): WordModel | undefined {
    if (!this.meta) return undefined;
    const read = chunks.map((hash) => this.chunk(hash, stemFloor(word)));
    if (read.some((words) => words === undefined)) return undefined;
    const numberOf = this.pageNumbers();
    const placesOf = new Map(results.map((result) => [result.id, result.words]));
    const pages = entries.map(({ id, base }) => ({ id, page: numberOf.get(id) ?? -1, base, locations: placesOf.get(id) ?? [] }));
    if (pages.some((entry) => entry.page < 0)) return undefined;
    return fitWordModel(word, pages, read.flat() as ChunkWord[], this.meta.lengths);
  }

  /** `freshPagefind` starts a new Pagefind on the index (see checkCombined for why a new one). */
  static create(bundleDir: string, freshPagefind: () => Promise<Pagefind>): CombineBuilder {
    const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: string; page_count?: number }> };
    const languages = Object.values(entry.languages ?? {});
    const file = `pagefind.${languages[0]?.hash}.pf_meta`;
    const metaPath = path.join(bundleDir, file);
    const meta = languages.length === 1 && fs.existsSync(metaPath) ? decodePagefindMeta(readPagefindFile(metaPath)) : undefined;
    const builder = new CombineBuilder(languages[0]?.page_count ?? 0, bundleDir, freshPagefind, meta && { file, pages: meta.pages, lengths: meta.lengths, chunks: meta.chunks });
    if (languages.length !== 1 || !builder.indexed) builder.unusable = 'the index has several languages or no pages';
    else if (meta?.pages.length !== builder.indexed) builder.unusable = 'Pagefind’s metadata file could not be read';
    return builder;
  }

  /**
   * `results`: the word's results from a new Pagefind (default ranking), while it is still open (its `data()`
   * tells the forms' bonuses). Undefined when the word cannot be added up.
   */
  async measure(word: string, results: FullResult[]): Promise<MeasuredWord | undefined> {
    if (this.unusable) return undefined;
    if (results.some((result) => !this.fragments.exists(result.id))) {
      this.unusable = 'Pagefind grouped its fragments';
      return undefined;
    }
    const entries = await this.scoresOf(word, results);
    if (!entries) return undefined;
    const forms = await formsOf(results, this.fragments, this.bonuses);
    // A word Pagefind has not indexed is answered with the longest indexed word it begins with ("also" with
    // "a"): two such words match the same places, which Pagefind scores together, so they cannot be added up.
    // Words sharing four letters are never added up together (areIndependentWords), so a word is kept when it
    // matches some word of the pages beginning with its first four letters.
    const beginning = word.slice(0, 4);
    if (!Object.keys(forms).some((form) => pagefindWord(form).startsWith(beginning)) || !isStableWord(word, forms)) return undefined;
    const partners = partnersOf(word, results, this.fragments);
    if (partners.length > MAX_PARTNERS) return undefined;
    // Every chunk its forms may be in: Pagefind fetches the chunk of the word's stem, which is not always the
    // chunk of the word ("attent…"), and forms of a chunk it did not fetch are not among the places it matched.
    const chunks = this.meta && chunksHoldingPrefix(this.meta.chunks, stemFloor(word));
    return { word, entries, forms, partners, model: chunks && this.modelOf(word, entries, results, chunks) };
  }

  /**
   * Each page's score without the title boost and its fields, from another new Pagefind whose ranking gives the
   * fields no weight (with `preload`'s chunk fetched first, as `results` had); undefined when a score is not
   * the one rankPages assumes.
   */
  private async scoresOf(word: string, results: FullResult[], preload?: string): Promise<MeasuredWord['entries'] | undefined> {
    const idf = pagefindIdf(this.indexed, results.length);
    const baseOf = await this.bareScores(word, results, preload);
    const entries: MeasuredWord['entries'] = [];
    for (const result of results) {
      const base = baseOf.get(result.id);
      const fields = result.matchedMetaFields ?? [];
      const boost = fields.reduce((sum, name) => sum + metaWeightOf(name) * idf, 0);
      if (base === undefined || !sameScore(base + boost, result.score)) return undefined;
      entries.push({ id: result.id, base, fields });
    }
    return entries;
  }

  /** Each result's score for the query from a new Pagefind whose ranking gives the fields `results` matched no weight. */
  private async bareScores(query: string, results: FullResult[], preload?: string): Promise<Map<string, number>> {
    const names = [...new Set(results.flatMap((result) => result.matchedMetaFields ?? []))];
    const withoutMeta = await this.freshPagefind();
    try {
      await withoutMeta.options({ ranking: { metaWeights: Object.fromEntries(names.map((name) => [name, 0])) } });
      if (preload !== undefined) await withoutMeta.preload(preload);
      const bare = ((await withoutMeta.search(query))?.results ?? []) as unknown as FullResult[];
      return new Map(bare.map((result) => [result.id, result.score]));
    } finally {
      await withoutMeta.destroy?.();
    }
  }

  /**
   * A pair of kept words, from its results (default ranking, lib/search-answers.ts stores them as the pair's
   * answer): each page's score without the title boost, and each word's fields there, as the word matched them
   * in the pair (inPair). Undefined unless every page's score is that plus the boost rankPages works out from the two
   * words' fields and IDFs: then, with a third word that shares no place with them, the pair adds up
   * (PairPostings).
   */
  async measurePair(words: [string, string], results: FullResult[]): Promise<MeasuredPair | undefined> {
    if (this.unusable || results.length === 0) return undefined;
    const own = await Promise.all([this.inPair(words[0], words[1]), this.inPair(words[1], words[0])]);
    if (!own[0] || !own[1]) return undefined;
    const fieldsOf = own.map((measured) => new Map(measured!.entries.map((entry) => [entry.id, entry.fields])));
    const idfs = own.map((measured) => pagefindIdf(this.indexed, measured!.entries.length));
    const baseOf = await this.bareScores(words.join(' '), results);
    const entries: MeasuredPair['entries'] = [];
    for (const result of results) {
      const [first, second] = fieldsOf.map((fields) => fields.get(result.id));
      const base = baseOf.get(result.id);
      if (!first || !second || base === undefined) return undefined;
      let boost = 0;
      for (const name of new Set([...first, ...second])) {
        const matched = (first.includes(name) ? idfs[0]! : 0) + (second.includes(name) ? idfs[1]! : 0);
        boost += coverageBoost(metaWeightOf(name), matched, idfs[0]! + idfs[1]!);
      }
      if (!sameScore(base + boost, result.score)) return undefined;
      entries.push({ id: result.id, base, fields: [first, second] });
    }
    return { words, entries, forms: [own[0].forms, own[1].forms], each: [own[0], own[1]] };
  }

  /**
   * A kept word as Pagefind matches it beside `other`: a word whose forms may be in a chunk of the other's
   * (chunkBeside: "an" in the chunk of "and", which holds "and", "another", "answer"; "at" in the chunk of the
   * stem of "attention") matches them there too once the pair's search has fetched it, so its pages, fields and
   * forms are those of its search with that chunk fetched (measureVariant); otherwise its own.
   */
  private async inPair(word: string, other: string): Promise<MeasuredWord | undefined> {
    const own = this.kept.find((measured) => measured.word === word);
    if (!own || !this.meta) return own;
    const otherChunk = chunkBeside(this.meta.chunks, word, other);
    if (otherChunk === undefined) return own;
    const key = `${word} ${otherChunk}`;
    if (!this.beside.has(key)) this.beside.set(key, this.measureVariant(word, otherChunk, true));
    return this.beside.get(key);
  }

  /**
   * The files of a measured pair's two parts (PairPostings), once `finish` has written the words': the first
   * with the pair's scores and the first word's fields and forms, the second with scores of zero and the
   * second word's. Undefined when a page or a field is not one the words' files know.
   */
  async pairFiles({ entries, forms }: MeasuredPair): Promise<[ChunkVariant, ChunkVariant] | undefined> {
    const write = this.writer;
    if (!write || entries.some((entry) => entry.fields.some((fields) => fields.some((name) => !write.fieldNames.includes(name))))) return undefined;
    const part = async (i: 0 | 1) => ({
      file: await write.fileOf(
        entries.map((entry) => ({ id: entry.id, base: i === 0 ? entry.base : 0, fields: entry.fields[i] })),
        forms[i],
        PAIR_FILE_PREFIX,
      ),
      pages: entries.length,
    });
    return [await part(0), await part(1)];
  }

  /** Takes a measured word, or notes a word that could not be. */
  keep(word: string, measured: MeasuredWord | undefined): void {
    if (measured) this.kept.push(measured);
    else if (!this.unusable) this.skipped.push(word);
  }

  /**
   * The words kept, each with the chunks of other words kept where its forms may be too (chunksOfWord): a query
   * of both fetches that chunk, and the word then matches more than alone. Its scores with that chunk fetched
   * too (measureVariant) let the box add such words up all the same (lib/search-combine.ts, resolveChunks). Not
   * for a chunk only words beginning like it fetch, which are never added up with it (areIndependentWords): "a"
   * reaches the chunks of "and", "as" and "attention", and its scores there, which would list every word of them
   * beginning with "a", would never be read.
   */
  variantsToMeasure(): { word: string; chunk: string }[] {
    if (this.unusable || !this.meta) return [];
    const owners = this.kept.map(({ word }) => ({ word, own: chunksOfWord(this.meta!.chunks, word)[0] }));
    return this.kept.flatMap(({ word }) =>
      chunksOfWord(this.meta!.chunks, word)
        .slice(1)
        .filter((chunk) => owners.some((owner) => owner.own === chunk && areIndependentWords([word, owner.word])))
        .map((chunk) => ({ word, chunk })),
    );
  }

  /**
   * The word's scores and forms from a new Pagefind that has fetched the chunk already; undefined when they do
   * not add up. When the chunk adds nothing (about half the chunks at 10,000 articles), the word's own. `inPair`:
   * measured for a stored pair, whose other word begins with this one ("a" beside "and"), so a word of one letter
   * may match others there (matchesEachPlaceOnce); anywhere else it matches nothing but itself (isStableWord).
   */
  async measureVariant(word: string, chunk: string, inPair = false): Promise<MeasuredWord | undefined> {
    const from = this.meta?.chunks.find((entry) => entry.hash === chunk)?.from;
    const own = this.kept.find((measured) => measured.word === word);
    if (from === undefined || !own) return undefined;
    const pagefind = await this.freshPagefind();
    try {
      await pagefind.preload(from);
      const results = ((await pagefind.search(word))?.results ?? []) as unknown as FullResult[];
      if (results.length === 0 || results.some((result) => !this.fragments.exists(result.id))) return undefined;
      const idf = pagefindIdf(this.indexed, results.length);
      const scoreOf = new Map(own.entries.map((entry) => [entry.id, entry.base + entry.fields.reduce((sum, name) => sum + metaWeightOf(name) * idf, 0)]));
      if (results.length === own.entries.length && results.every((result) => scoreOf.has(result.id) && sameScore(scoreOf.get(result.id)!, result.score))) {
        return own;
      }
      const forms = await formsOf(results, this.fragments, this.bonuses);
      if (!(inPair ? matchesEachPlaceOnce(word, forms) : isStableWord(word, forms))) return undefined;
      const entries = await this.scoresOf(word, results, from);
      const chunks = chunksHoldingPrefix(this.meta!.chunks, stemFloor(word));
      // The compounds of its forms in that chunk too: a query with one of their parts is not added up.
      return (
        entries && {
          word,
          entries,
          forms,
          partners: partnersOf(word, results, this.fragments),
          model: this.modelOf(word, entries, results, chunks),
        }
      );
    } finally {
      await pagefind.destroy?.();
    }
  }

  /** Takes a variant measured, for the chunk named. */
  keepVariant(word: string, chunk: string, measured: MeasuredWord | undefined): void {
    if (measured) this.variants.push({ ...measured, word, chunk });
  }

  /** The files, or undefined when the index cannot be served this way or no word could be kept. */
  async finish(): Promise<CombineFiles | undefined> {
    if (this.unusable || this.kept.length === 0) return undefined;
    const fieldNames = [...new Set(this.kept.flatMap(({ entries }) => entries.flatMap((entry) => entry.fields)))].sort();
    if (fieldNames.length > 8) return undefined;
    // Every page, numbered in the order of Pagefind's metadata, which the box reads to number Pagefind's results.
    const ids = this.meta!.pages;
    const numberOf = this.pageNumbers();
    if (this.kept.some(({ entries }) => entries.some((entry) => !numberOf.has(entry.id)))) return undefined;
    const files = new Map<string, Uint8Array>();
    const named = async (prefix: string, bytes: Uint8Array) => {
      const name = `${prefix}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`;
      files.set(name, await packed(bytes));
      return name;
    };
    const tagsOf = (id: string) => (this.fragments.exists(id) ? (this.fragments.words(id).fragment.filters.tag ?? []) : []);
    const names = [...new Set(ids.flatMap(tagsOf))].sort();
    const pageTags: PageTags = { names, pages: ids.map((id) => tagsOf(id).map((tag) => names.indexOf(tag))) };
    const tags = await named('tags', encodePageTags(pageTags));
    const postings = new Map<string, WordPostings>();
    const lengths = this.meta!.lengths;
    /** The word's file: of weights when it has a model and that is the smaller file, else of scores. */
    const fileOf = async (entries: MeasuredWord['entries'], forms: MeasuredWord['forms'], prefix = 'word', model?: WordModel) => {
      // Every word's search is done: each form's bonus as Pagefind has it, for the excerpts.
      const exactForms = Object.fromEntries(Object.entries(forms).map(([form, bonus]) => [form, this.bonuses.exact(bonus)]));
      const encoded = (withModel?: WordModel) =>
        encodePostings(
          ids.length,
          entries.map(({ id, base, fields }) => ({
            page: numberOf.get(id)!,
            base,
            fields: fields.reduce((mask, name) => mask | (1 << fieldNames.indexOf(name)), 0),
            weights: withModel?.weights.get(id),
          })),
          exactForms,
          withModel && { scoring: withModel.scoring, forms: withModel.forms, unit: withModel.unit, lengths },
        );
      const scores = encoded();
      const weights = model && encoded(model);
      if (!model || !weights || (await packed(weights)).byteLength >= (await packed(scores)).byteLength) return named(prefix, scores);
      this.weighed.files++;
      this.weighed.pages += entries.length;
      this.weighed.scoredPages += model.scored;
      return named(prefix, weights);
    };
    this.writer = { fieldNames, fileOf };
    for (const { word, entries, forms, partners, model } of this.kept) {
      const variants: Record<string, { file: string; pages: number }> = {};
      const allPartners = new Set(partners);
      for (const variant of this.variants.filter((entry) => entry.word === word)) {
        for (const partner of variant.partners) allPartners.add(partner);
        if (variant.entries.some((entry) => !numberOf.has(entry.id)) || variant.entries.some((entry) => entry.fields.some((name) => !fieldNames.includes(name)))) continue;
        variants[variant.chunk] = { file: await fileOf(variant.entries, variant.forms, 'word', variant.model), pages: variant.entries.length };
      }
      const chunks = chunksOfWord(this.meta!.chunks, word);
      const weighedBefore = this.weighed.files;
      const file = await fileOf(entries, forms, 'word', model);
      if (this.weighed.files > weighedBefore) this.weighed.words++;
      postings.set(word, { file, pages: entries.length, chunks, partners: [...allPartners].sort(), ...(Object.keys(variants).length ? { variants } : {}) });
    }
    const fields = fieldNames.map((name) => ({ name, weight: metaWeightOf(name) }));
    return { index: { version: COMBINE_VERSION, indexed: this.indexed, fields, tags, meta: this.meta!.file }, postings, files, skipped: this.skipped, weighed: this.weighed };
  }
}

/**
 * The words of the pages' text Pagefind matched to the word, with the length bonus its excerpts give each: read
 * from the word's positions in each result's fragment, and for a word not seen yet, from Pagefind's own data
 * for that result (a few calls per word). Every place scored there also goes to `bonuses` (LengthBonuses), which
 * gives the files the bonuses exactly.
 */
async function formsOf(results: FullResult[], fragments: FragmentReader, bonuses: LengthBonuses): Promise<Record<string, number>> {
  // A Map: a page's word may be "__proto__".
  const forms = new Map<string, number>();
  for (const result of results) {
    const { fragment, words } = fragments.words(result.id);
    if (result.words.every((location) => words[location] === undefined || forms.has(words[location]!))) continue;
    const data = await result.data();
    // The bonus is what the excerpt's score adds beyond the weight of the word's element (a heading's), so
    // it also holds Pagefind's lower weight for part of a compound word ("AI" in "01.AI's": a third).
    const elementWeight = wordWeights(fragment, words);
    for (const { balanced_score: score, location, weight } of data.weighted_locations ?? []) {
      bonuses.observe(weight * 24, score);
      const word = words[location];
      const raw = elementWeight(location) * 24;
      if (word !== undefined && !forms.has(word)) forms.set(word, Math.fround(score / (raw * raw)));
    }
  }
  return Object.fromEntries(forms);
}

/**
 * The other parts of the compound words of the pages' text the word was matched in ("open-source": "source",
 * and "opensource", which Pagefind indexes at the same place too), sorted: where another word of a query matches
 * one of them, Pagefind scores the place once for both (shareCompounds).
 */
function partnersOf(word: string, results: FullResult[], fragments: FragmentReader): string[] {
  const partners = new Set<string>();
  const seen = new Set<string>();
  for (const result of results) {
    const { words } = fragments.words(result.id);
    for (const location of result.words) {
      const text = words[location];
      if (text === undefined || seen.has(text)) continue;
      seen.add(text);
      const parts = compoundParts(text);
      if (parts.length < 2) continue;
      for (const part of [...parts, parts.join('')]) if (!part.startsWith(word) && !word.startsWith(part)) partners.add(part);
    }
  }
  return [...partners].sort();
}

/**
 * The parts of a word of the text that Pagefind may index at its place, lowercase: split at punctuation
 * ("open-source", "OpenAI’s"), and within those at a capital after a small letter and between letters and
 * digits ("OpenAI", "GPT4"), which covers more than Pagefind splits, to be safe.
 */
export function compoundParts(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((piece) => piece.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)).map((part) => part.toLocaleLowerCase());
}

/**
 * A word's scores as weights (PostingsModel), fitted by fitWordModel: its scoring, its forms and their weight on
 * each of its pages (by Pagefind id), in `unit`s; `scored`: how many of its pages its file stores the score of
 * all the same, because the weights do not give it.
 */
export type WordModel = { scoring: WordScoring; forms: ScoredForm[]; unit: number; weights: Map<string, PageWeights>; scored: number };

/** Pagefind's ranking settings: its defaults, which the site keeps (lib/search.ts sets none). */
const PAGEFIND_RANKING = { termSaturation: 1.4, pageLength: 0.75, termFrequency: 1, termSimilarity: 1, diacriticSimilarity: 0.8 };

/** Pages of each form tried when fitting, spread over its pages: a wrong setting fails on nearly every page. */
const FIT_SAMPLE = 24;

/**
 * How Pagefind's scores of a word (`pages`: its results, each with its score without boost and the places it
 * matched) come from the index: which indexed words of the chunks its search fetched it matched (those all of
 * whose places are among the results' places), each one's weight on each page, and the settings that give
 * Pagefind's scores from those weights (formScore). Pagefind does not say its length bonus, IDF and average page
 * length, nor are they worked out here exactly as its WebAssembly does (its `exp` and `ln` may differ in the
 * last bit), so each is fitted: the value, among the few near the formula's, that gives the most sampled pages'
 * scores exactly. A place two of the forms share ("open" and "opensourc" in "open-source") counts once, for the
 * form Pagefind takes first, which is the same one on most pages: each order of such forms is tried, the one
 * that gives the most scores kept. The pages the model does not give exactly are counted in `scored`;
 * undefined when they would be more than a quarter of the pages.
 */
export function fitWordModel(word: string, pages: { id: string; page: number; base: number; locations: number[] }[], chunkWords: ChunkWord[], lengths: ArrayLike<number>): WordModel | undefined {
  const f = Math.fround;
  const total = lengths.length;
  if (pages.length === 0 || total === 0) return undefined;
  const placesOf = new Map(pages.map((entry) => [entry.page, [...entry.locations].sort((a, b) => a - b)]));
  const floor = stemFloor(word);
  // Summed in the order of their UTF-8 bytes, as Pagefind's BTreeMap of them is.
  const matched = chunkWords
    .filter(
      ({ word: form, pages: on }) =>
        form.startsWith(floor) &&
        on.length > 0 &&
        on.every(({ page, locations }) => {
          const places = placesOf.get(page);
          return places !== undefined && locations.every((location) => holds(places, location));
        }),
    )
    .sort((a, b) => Buffer.compare(Buffer.from(a.word), Buffer.from(b.word)));
  if (matched.length === 0) return undefined;
  // Each page's forms, and where two of them share a place, that page's places with the forms there.
  const formsOn = new Map<number, { form: number; locations: number[]; weights: number[] }[]>();
  matched.forEach(({ pages: on }, form) => {
    for (const { page, locations, weights } of on) {
      if (!formsOn.has(page)) formsOn.set(page, []);
      formsOn.get(page)!.push({ form, locations, weights });
    }
  });
  const sharing = new Map<number, Map<number, { form: number; weight: number }[]>>();
  const shared = new Set<number>();
  for (const [page, forms] of formsOn) {
    if (forms.length < 2) continue;
    const at = new Map<number, { form: number; weight: number }[]>();
    for (const { form, locations, weights } of forms) {
      locations.forEach((location, i) => {
        if (!at.has(location)) at.set(location, []);
        at.get(location)!.push({ form, weight: weights[i]! });
      });
    }
    const sharedHere = [...at.values()].filter((there) => there.length > 1);
    for (const there of sharedHere) for (const { form } of there) shared.add(form);
    if (sharedHere.length > 0) sharing.set(page, at);
  }
  const lengthSum = Array.from(lengths).reduce((sum, length) => sum + length, 0);
  const averages = [...new Set([f(f(lengthSum) / f(total)), f(lengthSum / total)])];
  const idfs = nearFloats(pagefindIdf32(total, pages.length), 2);
  const settings = { saturation: f(PAGEFIND_RANKING.termSaturation), lengthWeight: f(PAGEFIND_RANKING.pageLength), frequencyWeight: f(PAGEFIND_RANKING.termFrequency) };
  let best: WordModel | undefined;
  // Each order of the forms that share places (at most 24), the others after them.
  for (const first of shared.size <= 4 ? permutations([...shared]) : [[...shared]]) {
    const rank = (form: number) => (first.includes(form) ? first.indexOf(form) : first.length + form);
    const weightsOf = new Map<number, PageWeights>();
    for (const { page } of pages) {
      const sums = new Map<number, number>();
      const at = sharing.get(page);
      if (at) {
        for (const there of at.values()) {
          const taken = there.reduce((a, b) => (rank(b.form) < rank(a.form) ? b : a));
          sums.set(taken.form, (sums.get(taken.form) ?? 0) + taken.weight);
        }
      } else {
        for (const { form, weights: placed } of formsOn.get(page) ?? []) sums.set(form, placed.reduce((sum, weight) => sum + weight, 0));
      }
      // A form whose places there all weigh nothing (Pagefind gives some elements no weight) adds nothing.
      weightsOf.set(page, [...sums].filter(([, weight]) => weight > 0).sort((a, b) => a[0] - b[0]));
    }
    const model = fitWeights(word, matched, pages, weightsOf, lengths, averages, idfs, settings);
    if (model && (!best || model.scored < best.scored)) best = model;
    if (best?.scored === 0) break;
  }
  return best && best.scored * 4 <= pages.length ? best : undefined;
}

/** fitWordModel for one way of counting the shared places: `weightsOf`, each page's weight of each form. */
function fitWeights(
  word: string,
  matched: ChunkWord[],
  pages: { id: string; page: number; base: number }[],
  weightsOf: Map<number, PageWeights>,
  lengths: ArrayLike<number>,
  averages: number[],
  idfs: number[],
  settings: Pick<WordScoring, 'saturation' | 'lengthWeight' | 'frequencyWeight'>,
): WordModel | undefined {
  const f = Math.fround;
  let unit = 0;
  for (const weights of weightsOf.values()) for (const [, weight] of weights) unit = gcd(unit, weight);
  if (unit === 0) return undefined;
  const units = new Map([...weightsOf].map(([page, weights]) => [page, weights.map(([form, weight]): [number, number] => [form, weight / unit])]));
  // A form spelt as typed gets Pagefind's diacritic boost (diacritics_match).
  const spelt = (form: string) => form === word || form.startsWith(word) || word.startsWith(form);
  const diacritic = f(1 + PAGEFIND_RANKING.diacriticSimilarity);
  const bonuses = Array.from({ length: 24 }, (_, d) => nearFloats(lengthBonus(d + 1, PAGEFIND_RANKING.termSimilarity), 2)).flat();
  const candidatesOf = (form: string): ScoredForm[] => (spelt(form) ? [diacritic, 1] : [1, diacritic]).flatMap((boost) => bonuses.map((bonus) => ({ bonus, boost })));
  // Each form fitted on pages where the forms fitted before it are all it is with, most pages first. A form's
  // bonus depends only on its length (and its boost on its spelling), so what fitted one is tried first for the
  // next of its length: a word of the synthetic benchmark matches some 300 forms.
  const baseOf = new Map(pages.map(({ page, base }) => [page, base]));
  const fitted = new Array<ScoredForm | undefined>(matched.length);
  const byLength = new Map<string, ScoredForm>();
  let scoring: WordScoring | undefined;
  const order = matched.map((_, i) => i).sort((a, b) => matched[b]!.pages.length - matched[a]!.pages.length);
  for (const form of order) {
    const usable = matched[form]!.pages.filter(({ page }) => baseOf.has(page) && units.get(page)!.every(([other]) => other === form || fitted[other] !== undefined));
    const step = Math.max(1, Math.floor(usable.length / FIT_SAMPLE));
    const sample = usable.filter((_, i) => i % step === 0).slice(0, FIT_SAMPLE);
    // The sampled pages hold only this form and forms fitted already.
    const trialForms = [...fitted] as ScoredForm[];
    const exactOn = (candidate: ScoredForm, trial: WordScoring) => {
      trialForms[form] = candidate;
      return sample.filter(({ page }) => pageScore(units.get(page)!, unit, lengths[page]!, trialForms, trial) === f(baseOf.get(page)!)).length;
    };
    const name = matched[form]!.word;
    const key = `${name.length} ${spelt(name)}`;
    const known = byLength.get(key);
    // No page to fit it on (it shares every page with forms not fitted yet): its pages keep their scores.
    if (sample.length === 0 || (known && scoring && exactOn(known, scoring) === sample.length)) {
      fitted[form] = known ?? candidatesOf(name)[0]!;
      continue;
    }
    const trials = scoring ? [scoring] : averages.flatMap((averageLength) => idfs.map((idf) => ({ idf, averageLength, ...settings })));
    let most = 0;
    search: for (const trial of trials) {
      for (const candidate of candidatesOf(name)) {
        const exact = exactOn(candidate, trial);
        if (exact > most) {
          [most, fitted[form], scoring] = [exact, candidate, trial];
          if (exact === sample.length) break search;
        }
      }
    }
    if (most === sample.length) byLength.set(key, fitted[form]!);
    fitted[form] ??= known ?? candidatesOf(name)[0]!;
  }
  if (!scoring) return undefined;
  const forms = fitted as ScoredForm[];
  const scored = pages.filter(({ page, base }) => pageScore(units.get(page)!, unit, lengths[page]!, forms, scoring) !== f(base)).length;
  return { scoring, forms, unit, weights: new Map(pages.map(({ id, page }) => [id, units.get(page)!])), scored };
}

/** Every order of the items. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Whether the ascending list holds the number (a binary search). */
function holds(sorted: number[], value: number): boolean {
  let [low, high] = [0, sorted.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] === value) return true;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Pagefind's IDF (calculate_idf) in its 32-bit arithmetic, but its `ln`, which is JavaScript's here. */
function pagefindIdf32(total: number, containing: number): number {
  const f = Math.fround;
  const ratio = f(f(f(f(total) - f(containing)) + 0.5) / f(f(containing) + 0.5));
  return f(Math.log(f(ratio + 1)));
}

/** The differentials of length LengthBonuses tells apart: further ones give bonuses a few floats from 1/e and from each other. */
const MAX_DIFFERENTIAL = 24;

/**
 * Pagefind's length bonuses exactly, as its WebAssembly works them out, learnt from the places its searches
 * score. A form's bonus read from one place (formsOf: its score over its squared weight) can be a float off,
 * and the excerpt then scores the form's places elsewhere a float off Pagefind: at 10,000 articles, "at" in a
 * heading of "attention at model" scored 18,437.158 where Pagefind's was 18,437.160, and of two windows that
 * Pagefind scores the same, the box showed the later. The bonus depends only on how much longer or shorter the
 * indexed word is than the query's (word_length_bonus, which lengthBonus works out here to within a few floats),
 * and a place scores its weight squared times it, in 32-bit floats: so every place of every word's search
 * leaves, for its differential, the floats that give its score, and places of heavier weight leave fewer.
 */
export class LengthBonuses {
  /** Each differential's floats that every place seen of it allows; one once it is pinned down. */
  private readonly allowed = new Map<number, number[]>();
  /** Differentials for which two places allowed no float in common: their bonuses are left as read. */
  private readonly conflicting = new Set<number>();
  /** Each differential's bonus as JavaScript works it out, with the three floats on either side, among which is Pagefind's. */
  private readonly worked: number[][];
  /** The same floats' bits (bitsOf), for exact, which runs for every form of every file written. */
  private readonly workedBits: number[][];

  constructor(similarity = PAGEFIND_RANKING.termSimilarity) {
    this.worked = Array.from({ length: MAX_DIFFERENTIAL }, (_, d) => nearFloats(lengthBonus(d + 1, similarity), 3));
    this.workedBits = this.worked.map((floats) => floats.map(bitsOf));
  }

  /**
   * A place Pagefind scored: its weight (24 a unit, as its index stores it) and its score. Counted only when it
   * fits one differential (a place two matches share scores their bonuses together, and fits none); one that fits
   * none of the floats left for its differential leaves that differential unknown.
   */
  observe(weight: number, score: number): void {
    const squared = weight * weight;
    const target = Math.fround(score);
    const fit = (bonus: number) => Math.fround(squared * bonus) === target;
    const fits = this.worked.flatMap((floats, d) => (floats.some(fit) ? [d] : []));
    if (fits.length !== 1) return;
    const d = fits[0]!;
    const left = (this.allowed.get(d) ?? this.worked[d]!).filter(fit);
    if (left.length === 0) this.conflicting.add(d);
    else this.allowed.set(d, left);
  }

  /**
   * A bonus read from one place (formsOf), as Pagefind has it: the float its differential's places pinned down, when
   * the bonus is within a few floats of it and of no other differential's. Any other bonus as it is (a part of a
   * compound word, whose bonus holds its lower weight too; a differential never pinned down).
   */
  exact(bonus: number): number {
    const bits = bitsOf(bonus);
    const near = this.workedBits.flatMap((floats, d) => (floats.some((float) => Math.abs(float - bits) <= 3) ? [d] : []));
    if (near.length !== 1 || this.conflicting.has(near[0]!)) return bonus;
    const pinned = this.allowed.get(near[0]!);
    return pinned?.length === 1 && Math.abs(bitsOf(pinned[0]!) - bits) <= 3 ? pinned[0]! : bonus;
  }
}

const floatBits = new Float32Array(1);
const intBits = new Int32Array(floatBits.buffer);

/** A positive 32-bit float's bits as an integer: the next float up is one more (nearFloats goes back through intBits). */
function bitsOf(value: number): number {
  floatBits[0] = value;
  return intBits[0]!;
}

/** Pagefind's length bonus for an indexed word `differential` − 1 letters longer or shorter than the stem (word_length_bonus). */
function lengthBonus(differential: number, similarity: number): number {
  const f = Math.fround;
  const base = f(Math.exp(f(f(-0.5 * f(differential * differential)) / 4)));
  return f(f(Math.exp(f(base * f(similarity)))) / f(Math.exp(f(similarity))));
}

/** The 32-bit float `value` and the `count` floats on either side of it, nearest first. */
function nearFloats(value: number, count: number): number[] {
  const bits = bitsOf(value);
  const out = [Math.fround(value)];
  for (let step = 1; step <= count; step++) {
    for (const next of [bits + step, bits - step]) {
      intBits[0] = next;
      out.push(floatBits[0]!);
    }
  }
  return out;
}

/** A file of Pagefind's bundle on disk, its gzip and signature undone (as unpack does in the browser). */
function readPagefindFile(file: string): Uint8Array {
  const bytes = gunzipSync(fs.readFileSync(file));
  const signature = Buffer.from('pagefind_dcd');
  return bytes.subarray(0, signature.length).equals(signature) ? bytes.subarray(signature.length) : bytes;
}

/** Pagefind's fragments, read from the bundle on disk and kept (each is needed by many words). */
class FragmentReader {
  private readonly cache = new Map<string, { fragment: Fragment; words: string[] }>();
  constructor(private readonly bundleDir: string) {}

  private file(id: string): string {
    return path.join(this.bundleDir, 'fragment', `${id}.pf_fragment`);
  }

  exists(id: string): boolean {
    return /^[\w-]+$/.test(id) && fs.existsSync(this.file(id));
  }

  words(id: string): { fragment: Fragment; words: string[] } {
    let cached = this.cache.get(id);
    if (!cached) {
      const text = new TextDecoder().decode(readPagefindFile(this.file(id)));
      const fragment = JSON.parse(text) as Fragment;
      cached = { fragment, words: fragmentWords(fragment).words };
      this.cache.set(id, cached);
    }
    return cached;
  }
}

/**
 * Common words, and maybe words without stored scores (`others`: the box's worker asks Pagefind for each alone);
 * or (`counted`) a query Pagefind answers, whose results the box's worker counts by tag from the stored tags.
 */
export type CheckedQuery = { words: string[]; others?: string[]; postings?: WordPostings[] } | { counted: string };

/**
 * A query checked against Pagefind, and what differed; `skipped`: the box would not add it up either (addsUp);
 * `unstable`: the pages scored otherwise than Pagefind does, each one Pagefind itself scores otherwise when the
 * words come in another order (COMBINE_MAX_WORDS says why), so not a problem.
 */
export type CombineCheck = { query: string; problem?: string; skipped?: boolean; unstable?: string[] };

/**
 * Asks the same queries of Pagefind and of the files just written (read back through the box's own code),
 * and says where they differ: the count, the counts by tag, the order (pages with the same score may come in
 * either order), or an excerpt. `freshPagefind` must load Pagefind's filter data, for the counts by tag.
 *
 * Each query goes to a new Pagefind, as each word did: Pagefind fetches the index chunk where a word would
 * sit, and a word's longer forms in the next chunk ("tokens" for "to") count only once another search has
 * fetched that chunk. A Pagefind that has searched before may therefore answer differently, and the one to
 * match is the reader's, which has not.
 */
export async function checkCombined(
  freshPagefind: () => Promise<Pagefind>,
  files: CombineFiles,
  dir: string,
  readBundleFile: (file: string) => Promise<Uint8Array | undefined>,
  queries: CheckedQuery[],
  shown: number,
): Promise<CombineCheck[]> {
  const search = new CombinedSearch(files.index, readBundleFile, dir);
  // All at once: each new Pagefind idles 50 ms before its first search.
  return Promise.all(
    queries.map(async (checked): Promise<CombineCheck> => {
      if ('counted' in checked) return checkCounted(await freshPagefind(), search, checked.counted);
      const { words, others = [] } = checked;
      const query = [...words, ...others].join(' ');
      // A stored pair's parts stand for its two words (PairPostings).
      const stored = checked.postings ?? words.map((word) => files.postings.get(word)!);
      const together = [...words.map((word, i) => ({ word, postings: stored[i] })), ...others.map((word) => ({ word }))];
      // The scores the box adds up: with their variants for the chunks the other words fetch (resolveChunks).
      const postings = !addsUp(together) ? undefined : others.length === 0 ? resolveChunks(stored) : await search.resolveWithOther(stored, others);
      if (!postings) return { query, skipped: true };
      const pagefind = await freshPagefind();
      // The other words, as the box's worker asks them: each alone, one after the other, in a Pagefind of their own.
      const alone = others.length === 0 ? undefined : await freshPagefind();
      try {
        const response = await pagefind.search(query);
        const theirs = (response?.results ?? []) as unknown as FullResult[];
        type OtherResult = Omit<FullResult, 'data'> & { data: () => Promise<OtherWordData> };
        let otherResults: OtherResult[][] | undefined;
        if (alone) {
          otherResults = [];
          for (const other of others) otherResults.push(((await alone.search(other))?.results ?? []) as unknown as OtherResult[]);
        }
        const ours = otherResults ? await search.rankWithOther(postings, otherResults, shown) : await search.rank(postings, shown);
        // Another word matched a field the stored scores do not know, or two share a place: the box's worker leaves it to Pagefind too.
        if (!ours) return { query, skipped: true };
        if (ours.total !== theirs.length) return { query, problem: `${ours.total} results here, ${theirs.length} from Pagefind` };
        const tags = JSON.stringify(await search.tags(ours.pages));
        const theirTags = JSON.stringify(tagChoices(response?.totalFilters ?? {}, undefined));
        if (tags !== theirTags) return { query, problem: `the tags to narrow by are ${tags} here, ${theirTags} from Pagefind` };
        for (let i = 0; i < Math.min(shown, theirs.length); i++) {
          const mine = ours.top[i]!;
          const id = await search.pageId(mine.page);
          if (!sameScore(mine.score, theirs[i]!.score)) {
            // Every page of the first results scored otherwise here, or not among ours, must be one whose score
            // Pagefind gives otherwise in another order of the words; the order after it is then not comparable.
            const theirScore = new Map(theirs.map((result) => [result.id, result.score]));
            const ourIds = await Promise.all(ours.top.map((entry) => search.pageId(entry.page)));
            const differing = [
              ...ourIds.filter((page, k) => !sameScore(ours.top[k]!.score, theirScore.get(page) ?? Number.NaN)),
              ...theirs.slice(0, shown).flatMap((result) => (ourIds.includes(result.id) ? [] : [result.id])),
            ];
            const dependent = await orderDependentPages(freshPagefind, query.split(' '), theirScore);
            if (differing.length > 0 && differing.every((page) => dependent.has(page))) return { query, unstable: differing };
            return { query, problem: `result ${i + 1} scores ${mine.score} here, ${theirs[i]!.score} from Pagefind` };
          }
          // Pages with the same score may come in either order; where the same page is here, its excerpt is compared.
          if (id !== theirs[i]!.id) continue;
          const expected = ((await theirs[i]!.data()) as { excerpt?: string }).excerpt;
          const actual = otherResults
            ? (await search.otherResultData(postings, await dataOfResults((mine as RankedPage & { results: number[] }).results.map((result, k) => otherResults[k]![result]!)))).excerpt
            : (await search.resultData(mine.page, postings)).excerpt;
          if (actual !== expected) return { query, problem: `the excerpt of ${id} is “${actual}” here, “${expected}” from Pagefind` };
        }
        return { query };
      } finally {
        await pagefind.destroy?.();
        await alone?.destroy?.();
      }
    }),
  );
}

/**
 * The pages Pagefind scores otherwise when the same words come reversed, or the first one last, than `scores`
 * (its scores for the words as given), each order asked of a new Pagefind.
 */
async function orderDependentPages(freshPagefind: () => Promise<Pagefind>, words: string[], scores: Map<string, number>): Promise<Set<string>> {
  const dependent = new Set<string>();
  for (const order of [[...words].reverse(), [...words.slice(1), words[0]!]]) {
    const pagefind = await freshPagefind();
    try {
      for (const result of ((await pagefind.search(order.join(' ')))?.results ?? []) as unknown as FullResult[]) {
        if (!sameScore(result.score, scores.get(result.id) ?? Number.NaN)) dependent.add(result.id);
      }
    } finally {
      await pagefind.destroy?.();
    }
  }
  return dependent;
}

/** Pagefind's counts by tag of a query's results, against the box's from the stored tags (CombinedSearch.countResults). */
async function checkCounted(pagefind: Pagefind, search: CombinedSearch, query: string): Promise<CombineCheck> {
  try {
    const response = await pagefind.search(query);
    const theirs = JSON.stringify(tagChoices(response?.totalFilters ?? {}, undefined));
    const ours = JSON.stringify(await search.countResults((response?.results ?? []).map((result) => result.id)));
    return ours === theirs ? { query } : { query, problem: `the tags to narrow by are ${ours} here, ${theirs} from Pagefind` };
  } finally {
    await pagefind.destroy?.();
  }
}

/**
 * What the build checks: the heaviest words two by two, three, four and five together, since those are what this path is
 * for; pairs from further down the list, whose titles and forms differ; a few common words each with a word
 * that is not among them (`others`), as the box's worker answers them; and the counts by tag of a query of
 * such words, which Pagefind answers. `extra`: queries checked first (the build's: words added up with their
 * scores for another's chunk, resolveChunks).
 */
export function queriesToCheck(words: string[], others: string[] = [], addUp: (words: string[]) => boolean = areIndependentWords, extra: string[][] = []): CheckedQuery[] {
  const queries: string[][] = [...extra];
  const heaviest = words.slice(0, 4);
  for (let a = 0; a < heaviest.length; a++) for (let b = a + 1; b < heaviest.length; b++) queries.push([heaviest[a]!, heaviest[b]!]);
  if (heaviest.length >= 3) queries.push(heaviest.slice(0, 3));
  if (heaviest.length >= 4) queries.push(heaviest.slice(0, 4));
  const most = words.slice(0, COMBINE_MAX_WORDS);
  if (most.length === COMBINE_MAX_WORDS && most.length > heaviest.length) queries.push(most);
  for (let i = 4; i + 1 < words.length && queries.length < 12; i += Math.max(2, Math.floor(words.length / 8))) queries.push([words[i]!, words[i + 1]!]);
  const checked: CheckedQuery[] = queries.filter((query) => addUp(query)).map((query) => ({ words: query }));
  others.slice(0, 4).forEach((other, i) => {
    const word = words[(i * 7) % Math.max(1, words.length)];
    if (word !== undefined && areIndependentWords([word, other])) checked.push({ words: [word], others: [other] });
  });
  // Three of the heaviest with one; as many words as the box adds up, one of them another; two of them with two.
  if (heaviest.length >= 3 && others[0] !== undefined && addUp([...heaviest.slice(0, 3), others[0]])) checked.push({ words: heaviest.slice(0, 3), others: [others[0]] });
  const beside = most.slice(0, -1);
  if (most.length === COMBINE_MAX_WORDS && beside.length > 3 && others[0] !== undefined && addUp([...beside, others[0]])) checked.push({ words: beside, others: [others[0]] });
  const two = [heaviest[0], heaviest[1], others[0], others[1]];
  if (two.every((word) => word !== undefined) && addUp(two.slice(0, 2) as string[]) && areIndependentWords(two as string[])) {
    checked.push({ words: two.slice(0, 2) as string[], others: two.slice(2) as string[] });
  }
  // Queries Pagefind answers, counted by tag from the stored tags: a word that is not common, and two of them.
  if (others[0] !== undefined) checked.push({ counted: others[0] });
  if (others.length > 1) checked.push({ counted: others.slice(0, 2).join(' ') });
  return checked;
}
