// The tag filter's data, shared by the build (which writes it) and the browser (which reads it).
// The index says only which articles carry which tags: that is all counting and intersecting need, and
// it keeps the index small at ten thousand articles. The cards shown for a result come from chunks of
// consecutive articles, fetched only when a result reaches them.
import { cardDataOf, type CardData, type CardImage, type CardSource } from './card';
import type { PublicationStatus } from './schedule';

export const TAG_FILTER_INDEX_PATH = '/tag-filter/index.json';
export const TAG_FILTER_CHUNK_SIZE = 100;

const CHUNK_FILE = /^articles-(0|[1-9]\d*)\.json$/;
export const toChunkFile = (chunk: number) => `articles-${chunk}.json`;
export function parseChunkFile(file: string): number | undefined {
  const match = CHUNK_FILE.exec(file);
  return match ? Number(match[1]) : undefined;
}
/** The version query makes a browser that cached an older chunk fetch the one matching its index. */
export const tagFilterChunkPath = (chunk: number, version: string) => `/tag-filter/${toChunkFile(chunk)}?v=${version}`;

export type TagFilterIndex = {
  /** Changes whenever what the filter shows changes. */
  version: string;
  articleCount: number;
  chunkSize: number;
  /**
   * Per tag: slug, name, and the positions of its articles in reading order (0 is the newest) written
   * as the gaps between consecutive positions: small numbers, repetitive enough for gzip. Plain JSON
   * numbers, not text to split: the browser's JSON parser reads them natively, and decoding them took a
   * quarter of the time base-36 text did (11–30 ms against 42–84 ms for 10,000 articles, measured in
   * Chromium in fresh pages), for about the same size (46.7 kB gzip against 46.5 kB). That decoding is on
   * the path of the first click (BENCHMARKS.md, "Tag filter", session 5).
   */
  tags: [slug: string, name: string, gaps: number[]][];
};

/** A card's picture (lib/card.ts CardImage) as a tuple: src, width, height, optimised (1) or not, preview. */
export type ChunkImage = [src: string, width: number, height: number, optimise: 0 | 1] | [src: string, width: number, height: number, optimise: 0 | 1, placeholder: string];

const STATUS_CODES = ['published', 'draft', 'scheduled'] as const satisfies readonly PublicationStatus[];

/** One card's data (lib/card.ts CardData), as a tuple to keep chunks small. Tags are positions in `TagFilterIndex.tags`. */
export type ChunkArticle = [
  slug: string,
  title: string,
  date: string,
  /**
   * The date as the site shows it, formatted at build time: the browser's first Intl.DateTimeFormat
   * loads locale data, 45–65 ms of main thread on this machine, which a first click would pay.
   */
  dateText: string,
  readingMinutes: number,
  summary: string,
  image: ChunkImage | 0,
  tags: number[],
  /** 0 published, 1 draft, 2 scheduled: only `next dev` lists the last two. */
  status: 0 | 1 | 2,
];

export type TagFilterChunk = { version: string; articles: ChunkArticle[] };

/** What the build knows about an article: what its card shows, and its tags. */
export type IndexableArticle = CardSource;

export type BuiltTagFilter = { index: TagFilterIndex; chunks: TagFilterChunk[] };

/**
 * Builds the index and the chunks from articles in reading order (newest first) and the site's tags.
 */
export function buildTagFilter(
  articles: readonly IndexableArticle[],
  tags: readonly { slug: string; name: string }[],
  {
    imageOf = (src) => ({ src, width: 1600, height: 900, optimise: false }),
    locale = 'en-US',
    chunkSize = TAG_FILTER_CHUNK_SIZE,
  }: {
    /** How the server shows an image (lib/images.ts cardImageOf), so the browser draws the same card. */
    imageOf?: (src: string) => CardImage;
    /** The site's locale, for the dates on the cards. */
    locale?: string;
    chunkSize?: number;
  } = {},
): BuiltTagFilter {
  const tagPosition = new Map(tags.map((tag, i) => [tag.slug, i]));
  const positions: number[][] = tags.map(() => []);
  const rows: ChunkArticle[] = articles.map((article, i) => {
    const tagIds = article.tags.flatMap((tag) => {
      const id = tagPosition.get(tag.slug);
      return id === undefined ? [] : [id];
    });
    for (const id of tagIds) positions[id]!.push(i);
    const card = cardDataOf(article, { imageOf, locale });
    return [
      card.slug,
      card.title,
      card.date,
      card.dateText,
      card.readingMinutes,
      card.summary,
      card.image ? toChunkImage(card.image) : 0,
      tagIds,
      STATUS_CODES.indexOf(card.status) as 0 | 1 | 2,
    ];
  });

  const indexTags = tags.map((tag, i): [string, string, number[]] => [tag.slug, tag.name, encodePositions(positions[i]!)]);
  const chunkRows = Array.from({ length: Math.ceil(rows.length / chunkSize) }, (_, i) => rows.slice(i * chunkSize, (i + 1) * chunkSize));
  const version = hash(JSON.stringify([indexTags, chunkRows])).toString(36);
  return {
    index: { version, articleCount: articles.length, chunkSize, tags: indexTags },
    chunks: chunkRows.map((articles) => ({ version, articles })),
  };
}

function toChunkImage({ src, width, height, optimise, placeholder }: CardImage): ChunkImage {
  return placeholder ? [src, width, height, optimise ? 1 : 0, placeholder] : [src, width, height, optimise ? 1 : 0];
}

/** A chunk's row as the card it stands for, with its tags' names from the index. */
export function cardOf(row: ChunkArticle, tags: TagFilterData['tags']): CardData {
  const [slug, title, date, dateText, readingMinutes, summary, image, tagIds, status] = row;
  return {
    slug,
    title,
    date,
    dateText,
    readingMinutes,
    summary,
    image: image === 0 ? undefined : { src: image[0], width: image[1], height: image[2], optimise: image[3] === 1, ...(image[4] ? { placeholder: image[4] } : {}) },
    tags: tagIds.flatMap((id) => tags[id] ?? []),
    status: STATUS_CODES[status] ?? 'published',
  };
}

export function encodePositions(positions: readonly number[]): number[] {
  return positions.map((position, i) => position - (i === 0 ? -1 : positions[i - 1]!) - 1);
}

/** Positions from their gaps; throws on a gap that is not a whole number of at least 0. */
export function decodePositions(gaps: readonly unknown[]): Uint32Array {
  const positions = new Uint32Array(gaps.length);
  let previous = -1;
  // Indexed loops, here and below: this runs once, before the code is optimised, and an interpreted
  // for-of over a typed array goes through the iterator protocol for every element.
  for (let i = 0; i < gaps.length; i++) {
    const gap = gaps[i];
    if (typeof gap !== 'number' || gap >>> 0 !== gap) throw new Error(`the gap ${String(gap)} is not a whole number`);
    previous += gap + 1;
    positions[i] = previous;
  }
  return positions;
}

/** The index, decoded once into arrays the filter can walk quickly. */
export type TagFilterData = {
  version: string;
  articleCount: number;
  chunkSize: number;
  tags: { slug: string; name: string }[];
  tagIdBySlug: Map<string, number>;
  /** Per tag, the positions of its articles, ascending. */
  positions: Uint32Array[];
  /** The tags of article `i` are `articleTags[tagOffsets[i]]` up to `articleTags[tagOffsets[i + 1]]`. */
  tagOffsets: Uint32Array;
  articleTags: Uint32Array;
};

export function decodeTagFilter(index: TagFilterIndex): TagFilterData {
  const positions = index.tags.map(([, , gaps]) => decodePositions(gaps));
  const tagOffsets = new Uint32Array(index.articleCount + 1);
  for (let tagId = 0; tagId < positions.length; tagId++) {
    const list = positions[tagId]!;
    for (let i = 0; i < list.length; i++) {
      if (list[i]! >= index.articleCount) throw new Error(`tag ${index.tags[tagId]![0]} lists article ${list[i]} of ${index.articleCount}`);
      tagOffsets[list[i]! + 1]!++;
    }
  }
  for (let i = 0; i < index.articleCount; i++) tagOffsets[i + 1]! += tagOffsets[i]!;
  const articleTags = new Uint32Array(tagOffsets[index.articleCount]!);
  const filled = tagOffsets.slice(0, index.articleCount);
  for (let tagId = 0; tagId < positions.length; tagId++) {
    const list = positions[tagId]!;
    for (let i = 0; i < list.length; i++) articleTags[filled[list[i]!]!++] = tagId;
  }
  return {
    version: index.version,
    articleCount: index.articleCount,
    chunkSize: index.chunkSize,
    tags: index.tags.map(([slug, name]) => ({ slug, name })),
    tagIdBySlug: new Map(index.tags.map(([slug], i) => [slug, i])),
    positions,
    tagOffsets,
    articleTags,
  };
}

/** Shared between callers (and with the index, for a single tag): read it, never write to it. */
export type FilterResult = {
  /** Positions of the articles carrying every required tag, newest first. */
  matches: Uint32Array;
  /** Per tag, how many of the matches carry it: what selecting it as well would leave. */
  counts: Uint32Array;
};

/**
 * The articles carrying every tag in `required` (tag ids), and the tag counts among them. Results are kept per
 * index and selection: a pointer resting on a tag computes the result its click will show (TagFilter's
 * `prepare`), and the click then finds it done. The first click of a visit runs this code cold, before V8 has
 * optimised it, when it took 10–11 ms of the click at 10,000 articles (BENCHMARKS.md, session 6).
 */
export function filterArticles(data: TagFilterData, required: readonly number[]): FilterResult {
  let results = resultCache.get(data);
  if (!results) resultCache.set(data, (results = new Map()));
  const key = [...required].sort((a, b) => a - b).join(',');
  let result = results.get(key);
  if (!result) {
    result = computeFilter(data, required);
    // A reader tries a few dozen selections at most; a bound keeps a long session's memory flat.
    if (results.size >= RESULTS_KEPT) results.delete(results.keys().next().value!);
    results.set(key, result);
  }
  return result;
}

const RESULTS_KEPT = 64;
const resultCache = new WeakMap<TagFilterData, Map<string, FilterResult>>();

// Plain indexed loops over typed arrays, without closures or intermediate arrays: this runs in V8's
// interpreter the first times it is called, where every call and allocation per article counts.
function computeFilter(data: TagFilterData, required: readonly number[]): FilterResult {
  let matches: Uint32Array;
  if (required.length === 0) {
    matches = new Uint32Array(data.articleCount);
    for (let i = 0; i < matches.length; i++) matches[i] = i;
  } else {
    // Walk the rarest tag's articles and keep those that carry every other required tag.
    const lists = required.map((id) => data.positions[id] ?? new Uint32Array(0)).sort((a, b) => a.length - b.length);
    const rarest = lists[0]!;
    if (lists.length === 1) {
      matches = rarest;
    } else {
      const kept = new Uint32Array(rarest.length);
      let count = 0;
      for (let i = 0; i < rarest.length; i++) {
        const position = rarest[i]!;
        let everywhere = true;
        for (let l = 1; l < lists.length && everywhere; l++) everywhere = contains(lists[l]!, position);
        if (everywhere) kept[count++] = position;
      }
      matches = kept.subarray(0, count);
    }
  }
  const counts = new Uint32Array(data.tags.length);
  const { tagOffsets, articleTags } = data;
  for (let m = 0; m < matches.length; m++) {
    const position = matches[m]!;
    const end = tagOffsets[position + 1]!;
    for (let i = tagOffsets[position]!; i < end; i++) counts[articleTags[i]!]!++;
  }
  return { matches, counts };
}

function contains(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = sorted[middle]!;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Tag slugs from `?tags=ai,meta`, in the order given, without blanks or repeats. */
export function parseTagsParam(search: string): string[] {
  const value = new URLSearchParams(search).get('tags') ?? '';
  return [...new Set(value.split(',').map((slug) => slug.trim()).filter(Boolean))];
}

/** `search` with its tags parameter set to `slugs` (or removed); other parameters are kept. Commas stay readable. */
export function withTagsParam(search: string, slugs: readonly string[]): string {
  const params = new URLSearchParams(search);
  params.delete('tags');
  const rest = params.toString();
  const tags = slugs.length > 0 ? `tags=${slugs.map(encodeURIComponent).join(',')}` : '';
  const query = [rest, tags].filter(Boolean).join('&');
  return query ? `?${query}` : '';
}

/** Checks a fetched index's shape before the filter trusts it. */
export function isTagFilterIndex(value: unknown): value is TagFilterIndex {
  return (
    typeof value === 'object' && value !== null &&
    'version' in value && typeof value.version === 'string' &&
    'articleCount' in value && typeof value.articleCount === 'number' &&
    'chunkSize' in value && typeof value.chunkSize === 'number' &&
    'tags' in value && Array.isArray(value.tags) &&
    // The gaps are checked as they are decoded: a second pass over every number would cost the first click.
    value.tags.every((tag: unknown) => Array.isArray(tag) && tag.length === 3 && typeof tag[0] === 'string' && typeof tag[1] === 'string' && Array.isArray(tag[2]))
  );
}

export function isTagFilterChunk(value: unknown): value is TagFilterChunk {
  return (
    typeof value === 'object' && value !== null &&
    'version' in value && typeof value.version === 'string' &&
    'articles' in value && Array.isArray(value.articles) &&
    value.articles.every((row: unknown) => Array.isArray(row) && row.length === 9)
  );
}

/** FNV-1a: a stable, dependency-free fingerprint; this is a cache key, not security. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
