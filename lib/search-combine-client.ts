// Several common words answered from the files lib/search-combine.ts describes: the box runs this in the page,
// and the build runs the same code to check it against Pagefind before publishing the files.
import { chunksOfWord, decodePagefindMeta, stemPrefix, type PagefindMeta } from './pagefind-meta';
import { PAGEFIND_OPTIONS, SEARCH_BUNDLE_PATH, tagChoices, type PagefindResultData, type TagChoice } from './search';
import {
  resolveChunks,
  countTags,
  decodePageTags,
  decodePostings,
  fragmentWords,
  matchedLocations,
  pagefindExcerpt,
  pagefindIdf,
  rankPages,
  splitWords,
  wordWeights,
  type CombineIndex,
  type DecodedPostings,
  type CombinedWord,
  type Fragment,
  type DecodedPageTags,
  type RankedPage,
  type WeightedLocation,
  type WordPostings,
} from './search-combine';

/** A file of the search bundle, by its path under it ("common/x.bin", "fragment/en_1.pf_fragment"); undefined when missing. */
export type BundleFetch = (path: string) => Promise<Uint8Array | undefined>;

/** What the box shows: the number of results and the first ones, as Pagefind's `data()` gives them. */
export type CombinedAnswer = { total: number; results: PagefindResultData[]; pages: number[] };

/**
 * A file of the site's search bundle, in the page or the box's worker. Every file read this way is named by its
 * content's hash (Pagefind's fragments and metadata too), so any copy the browser kept is current, and is used
 * without asking the server again (Pagefind's metadata, fetched by Pagefind a moment before, costs nothing).
 */
export const fetchBundleFile: BundleFetch = async (path) => {
  const response = await fetch(`${SEARCH_BUNDLE_PATH}${path}`, { cache: 'force-cache' });
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
};

/** Gzip (Pagefind's files and ours are stored compressed) undone, and Pagefind's signature dropped. */
export async function unpack(bytes: Uint8Array): Promise<Uint8Array> {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    data = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const signature = 'pagefind_dcd';
  if (data.byteLength >= signature.length && new TextDecoder().decode(data.subarray(0, signature.length)) === signature) data = data.subarray(signature.length);
  return data;
}

export async function packed(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Fetches and keeps what queries need: each word's scores once, Pagefind's metadata once, each page's
 * fragment once. A file that is missing or does not parse fails the answer (the box then asks Pagefind).
 */
export class CombinedSearch {
  private readonly postings = new Map<string, Promise<DecodedPostings>>();
  private readonly fragments = new Map<string, Promise<Fragment>>();
  private tagsFile: Promise<DecodedPageTags> | undefined;
  private pagefindMeta: Promise<PagefindMeta> | undefined;
  /** The metadata once decoded, for a decision that must not wait for it (metaIfDecoded). */
  private decodedMeta: PagefindMeta | undefined;
  private numbers: Promise<Map<string, number>> | undefined;

  constructor(
    private readonly index: CombineIndex,
    private readonly fetchFile: BundleFetch,
    /** Where the word files and the pages' tags are, under the bundle. */
    private readonly dir: string,
  ) {}

  /** Starts fetching a word's scores (while the reader types the next word, or with a short word's group). */
  prefetch(word: Pick<WordPostings, 'file' | 'pages'>): void {
    void this.postingsOf(word).catch(() => undefined);
  }

  /** The total, the pages of the first `count` results, best first, with their scores, and every page. */
  async rank(words: WordPostings[], count: number): Promise<{ total: number; top: RankedPage[]; pages: number[] }> {
    const decoded = await Promise.all(words.map((word) => this.postingsOf(word)));
    const ranked = rankPages(
      decoded.map((postings, i) => ({ postings, idf: idfOf(this.index.indexed, words[i]!) })),
      this.index.fields.map((field) => field.weight),
      count,
    );
    return ranked;
  }

  /** The data Pagefind's `result.data()` would give for a page of these words' results. */
  async resultData(page: number, words: WordPostings[]): Promise<PagefindResultData> {
    const [fragment, decoded] = await Promise.all([this.pageId(page).then((id) => this.fragmentOf(id)), Promise.all(words.map((word) => this.postingsOf(word)))]);
    return dataOf(fragment, decoded);
  }

  /** The whole answer: total, and the data of the first `count` results. */
  async answer(words: WordPostings[], count: number): Promise<CombinedAnswer> {
    const { total, top } = await this.rank(words, count);
    const pages = top.map((entry) => entry.page);
    const results = await Promise.all(pages.map((page) => this.resultData(page, words)));
    return { total, results, pages };
  }

  private postingsOf(word: Pick<WordPostings, 'file' | 'pages'>): Promise<DecodedPostings> {
    let loaded = this.postings.get(word.file);
    if (!loaded) {
      // The pages' lengths, which a file of weights is scored with, come from Pagefind's metadata: fetched by
      // Pagefind when the box opened, it is in the browser's cache by the time a word is typed.
      loaded = Promise.all([this.load(`${this.dir}/${word.file}`), this.meta()]).then(([bytes, { lengths }]) => {
        const decoded = decodePostings(bytes, this.index.indexed, lengths);
        if (!decoded || decoded.pages.length !== word.pages) throw new Error(`${word.file} is not this build’s`);
        return decoded;
      });
      this.postings.set(word.file, loaded);
      loaded.catch(() => this.postings.delete(word.file));
    }
    return loaded;
  }

  /**
   * The common words with the words Pagefind answered alone (`others`: for each, all its results, default
   * ranking): their pages numbered from Pagefind's metadata, each one's score without the title boost worked
   * out from the fields Pagefind says it matched (assuming one word of the title matches it, as rankPages
   * does), then all ranked together. Undefined when another word matched a metadata field the common words
   * never did (its weight is not known here), or two of them share a place on a page of the answer (parts of one
   * compound word, which Pagefind scores once for both). `top[i].results[k]`: the index of that page's result
   * in `others[k]`.
   */
  async rankWithOther(
    words: WordPostings[],
    others: OtherWordResult[][],
    count: number,
  ): Promise<{ total: number; top: (RankedPage & { results: number[] })[]; pages: number[] } | undefined> {
    const [decoded, numbers] = await Promise.all([Promise.all(words.map((word) => this.postingsOf(word))), this.pageNumbers()]);
    const scored: CombinedWord[] = [];
    const resultOf: Map<number, number>[] = [];
    for (const other of others) {
      const idf = pagefindIdf(this.index.indexed, other.length);
      const entries: { page: number; base: number; fields: number; result: number }[] = [];
      for (const [i, result] of other.entries()) {
        const page = numbers.get(result.id);
        // A page no common word is on cannot hold them all.
        if (page === undefined) continue;
        let mask = 0;
        let boost = 0;
        for (const name of result.matchedMetaFields ?? []) {
          const field = this.index.fields.findIndex((entry) => entry.name === name);
          if (field < 0) return undefined;
          mask |= 1 << field;
          boost += this.index.fields[field]!.weight * idf;
        }
        entries.push({ page, base: result.score - boost, fields: mask, result: i });
      }
      entries.sort((a, b) => a.page - b.page);
      const postings: DecodedPostings = {
        pages: Uint32Array.from(entries, (entry) => entry.page),
        base: Float64Array.from(entries, (entry) => entry.base),
        fields: Uint8Array.from(entries, (entry) => entry.fields),
        forms: {},
      };
      scored.push({ postings, idf });
      resultOf.push(new Map(entries.map((entry) => [entry.page, entry.result])));
    }
    const ranked = rankPages(
      [...decoded.map((word, i) => ({ postings: word, idf: idfOf(this.index.indexed, words[i]!) })), ...scored],
      this.index.fields.map((field) => field.weight),
      count,
    );
    if (others.length > 1) {
      for (const page of ranked.pages) {
        const places = new Set<number>();
        for (const [k, other] of others.entries()) {
          for (const place of other[resultOf[k]!.get(page)!]!.words ?? []) {
            if (places.has(place)) return undefined;
            places.add(place);
          }
        }
      }
    }
    return { ...ranked, top: ranked.top.map((entry) => ({ ...entry, results: resultOf.map((results) => results.get(entry.page)!) })) };
  }

  /**
   * The common words' scores to rank the other words' results with (resolveChunks), the other words' chunks
   * worked out from Pagefind's metadata as the build worked out the common words', with as much of each one's
   * stem as the page can tell (stemPrefix); undefined when the words answer differently together than alone in
   * a way the stored scores do not cover.
   */
  async resolveWithOther(words: WordPostings[], others: string[]): Promise<WordPostings[] | undefined> {
    const { chunks } = await this.meta();
    return resolveChunks(
      words,
      others.map((other) => chunksOfWord(chunks, other, stemPrefix(other))),
    );
  }

  /**
   * A result's data for the common words with the other words: Pagefind's data for each other word's result on
   * the page (their places marked), the common words' forms marked too.
   */
  async otherResultData(words: WordPostings[], data: OtherWordData[]): Promise<PagefindResultData> {
    const decoded = await Promise.all(words.map((word) => this.postingsOf(word)));
    return dataWithOther(data, decoded);
  }

  /**
   * Pagefind's metadata, the file the pages are numbered by (lib/pagefind-meta.ts). A box that has loaded
   * Pagefind has fetched it already: named by its content's hash, it comes from the browser's cache.
   */
  meta(): Promise<PagefindMeta> {
    this.pagefindMeta ??= this.load(this.index.meta).then((bytes) => {
      const meta = decodePagefindMeta(bytes);
      if (meta?.pages.length !== this.index.indexed) throw new Error(`${this.index.meta} is not this build’s`);
      this.decodedMeta = meta;
      return meta;
    });
    this.pagefindMeta.catch(() => (this.pagefindMeta = undefined));
    return this.pagefindMeta;
  }

  /** Pagefind's metadata if it is decoded already, else undefined: decoding it took the worker up to 65 ms at 10,000 articles. */
  metaIfDecoded(): PagefindMeta | undefined {
    return this.decodedMeta;
  }

  private pageNumbers(): Promise<Map<string, number>> {
    this.numbers ??= this.meta().then(({ pages }) => new Map(pages.map((id, i) => [id, i])));
    this.numbers.catch(() => (this.numbers = undefined));
    return this.numbers;
  }

  /** Pagefind's results (by their ids, every one of a query's) counted by tag from the stored tags, as `tags` does. */
  async countResults(ids: string[]): Promise<TagChoice[]> {
    const numbers = await this.pageNumbers();
    const pages = ids.map((id) => numbers.get(id));
    if (pages.some((page) => page === undefined)) throw new Error('a result is not in Pagefind’s metadata');
    return this.tags(pages as number[]);
  }

  /** The tags to narrow results by, with their counts, as the box shows them (tagChoices). */
  async tags(pages: number[]): Promise<TagChoice[]> {
    return tagChoices({ tag: countTags(await this.pageTags(), pages) }, undefined);
  }

  /**
   * Starts fetching what counting results by tag needs: Pagefind's metadata and the pages' tags. The worker asks
   * once Pagefind has started (its metadata is then in the browser's cache, where fetching it sooner would
   * download it a second time); the page, with a word's scores, which need the metadata anyway.
   */
  prefetchCounting(): void {
    void this.meta().catch(() => undefined);
    void this.pageTags().catch(() => undefined);
  }

  private pageTags(): Promise<DecodedPageTags> {
    this.tagsFile ??= this.load(`${this.dir}/${this.index.tags}`).then((bytes) => {
      const parsed = decodePageTags(bytes, this.index.indexed);
      if (!parsed) throw new Error(`${this.index.tags} is not this build’s page tags`);
      return parsed;
    });
    this.tagsFile.catch(() => (this.tagsFile = undefined));
    return this.tagsFile;
  }

  /**
   * The page's Pagefind id (its fragment's name), from Pagefind's metadata, which numbers the pages: the scores
   * of a word need that file anyway (a file of weights is scored with the pages' lengths), so naming the first
   * results' pages costs no request, and their excerpts are fetched as soon as they are ranked.
   */
  async pageId(page: number): Promise<string> {
    const id = (await this.meta()).pages[page];
    // It names a file to fetch: a plain name, as Pagefind writes them, nothing that could point elsewhere.
    if (id === undefined || !/^[\w-]+$/.test(id)) throw new Error(`page ${page} is not in Pagefind’s metadata`);
    return id;
  }

  private fragmentOf(id: string): Promise<Fragment> {
    let loaded = this.fragments.get(id);
    if (!loaded) {
      loaded = this.load(`fragment/${id}.pf_fragment`).then((bytes) => {
        const fragment: unknown = JSON.parse(new TextDecoder().decode(bytes));
        if (!isFragment(fragment)) throw new Error(`fragment ${id} is not a page`);
        return fragment;
      });
      this.fragments.set(id, loaded);
      loaded.catch(() => this.fragments.delete(id));
    }
    return loaded;
  }

  private async load(path: string): Promise<Uint8Array> {
    const bytes = await this.fetchFile(path);
    if (!bytes) throw new Error(`${path} is missing`);
    return unpack(bytes);
  }
}

/** A word's IDF as Pagefind computes it: from the pages the word is on, which a stored pair's part names (PairPostings). */
function idfOf(indexed: number, word: WordPostings): number {
  return pagefindIdf(indexed, word.idfPages ?? word.pages);
}

/** What Pagefind's search gives for a result of another word (the worker passes it on): `words`, the places it matched. */
export type OtherWordResult = { id: string; score: number; matchedMetaFields?: string[]; words?: number[] };
/** What Pagefind's `result.data()` gives for it: the page, and where the other word is in it. */
export type OtherWordData = {
  url: string;
  raw_content?: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors?: Fragment['anchors'];
  weighted_locations?: { location: number; balanced_score: number }[];
};

/**
 * Pagefind's data for a page's results of several words, one after the other, each copied as it comes: Pagefind
 * keeps one object per page and fills it again for the next result of that page, its places replaced.
 */
export async function dataOfResults(results: { data: () => Promise<OtherWordData> }[]): Promise<OtherWordData[]> {
  const datas: OtherWordData[] = [];
  for (const result of results) {
    const data = await result.data();
    datas.push({ ...data, weighted_locations: data.weighted_locations?.map((location) => ({ ...location })) });
  }
  return datas;
}

/**
 * The other words' matches as Pagefind located them (its data for each one's result on the page), the common
 * words' found in the page's words: one excerpt.
 */
export function dataWithOther(datas: OtherWordData[], words: Pick<DecodedPostings, 'forms'>[]): PagefindResultData {
  const data = datas[0]!;
  const fragment: Fragment = { url: data.url, content: data.content, meta: data.meta, filters: data.filters, anchors: data.anchors };
  // Pagefind's escaped content, before it drops zero-width spaces from `content`: what its locations count.
  const split = data.raw_content === undefined ? fragmentWords(fragment) : splitWords(data.raw_content);
  const located = datas.flatMap((other) => (other.weighted_locations ?? []).map(({ location, balanced_score: score }) => ({ location, score })));
  // Pagefind's data has its URL already made.
  return { ...resultData(fragment, split, words, located), url: data.url };
}

/** A page's result data for these words: its excerpt made as Pagefind makes it, its URL as Pagefind gives it. */
export function dataOf(fragment: Fragment, words: Pick<DecodedPostings, 'forms'>[]): PagefindResultData {
  return resultData(fragment, fragmentWords(fragment), words, []);
}

/** The excerpt of the common words' forms found in the page's words, with matches located already (`located`). */
function resultData(fragment: Fragment, split: { words: string[]; joiner: string }, words: Pick<DecodedPostings, 'forms'>[], located: WeightedLocation[]): PagefindResultData {
  const matched = matchedLocations(
    split.words,
    words.map((word) => word.forms),
    wordWeights(fragment, split.words),
  );
  const url = `${PAGEFIND_OPTIONS.baseUrl}/${fragment.url}`.replace(/\/+/g, '/');
  return { url, excerpt: pagefindExcerpt(split, [...located, ...matched], PAGEFIND_OPTIONS.excerptLength), meta: fragment.meta, filters: fragment.filters };
}

function isFragment(value: unknown): value is Fragment {
  if (typeof value !== 'object' || value === null) return false;
  const { url, content, meta, filters } = value as Record<string, unknown>;
  return typeof url === 'string' && typeof content === 'string' && typeof meta === 'object' && meta !== null && typeof filters === 'object' && filters !== null;
}
