// Fetches the tag filter's index and card chunks once per page load, and retries after a failure.
import {
  decodeTagFilter,
  isTagFilterChunk,
  isTagFilterIndex,
  TAG_FILTER_INDEX_PATH,
  tagFilterChunkPath,
  type ChunkArticle,
  type TagFilterData,
} from '@/lib/tag-filter-index';

let index: Promise<TagFilterData> | undefined;
// Chunks are kept by version and number: a page can name a version its index no longer has (HTML cached
// longer than the data), and a chunk of another version must never be shown against this index.
const chunkKey = (version: string, chunk: number) => `${version}/${chunk}`;
const chunks = new Map<string, Promise<ChunkArticle[]>>();
// What has arrived, for reading synchronously while rendering.
let loadedIndex: TagFilterData | undefined;
const loadedChunks = new Map<string, ChunkArticle[]>();

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

function remembered<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

export function loadIndex(): Promise<TagFilterData> {
  index ??= remembered(
    fetchJson(TAG_FILTER_INDEX_PATH).then((value) => {
      if (!isTagFilterIndex(value)) throw new Error(`${TAG_FILTER_INDEX_PATH} is not a tag filter index`);
      loadedIndex = decodeTagFilter(value);
      return loadedIndex;
    }),
    () => (index = undefined),
  );
  return index;
}

function loadChunk(version: string, chunk: number): Promise<ChunkArticle[]> {
  const key = chunkKey(version, chunk);
  let promise = chunks.get(key);
  if (!promise) {
    const url = tagFilterChunkPath(chunk, version);
    promise = remembered(
      fetchJson(url).then((value) => {
        if (!isTagFilterChunk(value) || value.version !== version) throw new Error(`${url} is not a chunk of article cards of version ${version}`);
        loadedChunks.set(key, value.articles);
        return value.articles;
      }),
      () => chunks.delete(key),
    );
    chunks.set(key, promise);
  }
  return promise;
}

export function peekIndex(): TagFilterData | undefined {
  return loadedIndex;
}

/** The cards at `positions` if every one of them has arrived. */
export function peekCards(data: TagFilterData, positions: readonly number[]): ChunkArticle[] | undefined {
  const cards: ChunkArticle[] = [];
  for (const position of positions) {
    const card = loadedChunks.get(chunkKey(data.version, Math.floor(position / data.chunkSize)))?.[position % data.chunkSize];
    if (!card) return undefined;
    cards.push(card);
  }
  return cards;
}

/** Fetches the chunks holding the articles at `positions`; peekCards then has them. */
export async function loadCards(data: TagFilterData, positions: readonly number[]): Promise<void> {
  const needed = new Set(positions.map((position) => Math.floor(position / data.chunkSize)));
  await Promise.all([...needed].map((chunk) => loadChunk(data.version, chunk)));
}

/**
 * Warms the index and the newest articles' cards when a reader is about to use the filter. `version` is the
 * one the page was built with, so the cards need not wait for the index to say it: one round trip, not two.
 */
export function prefetchTagFilter(version: string): void {
  const ignore = () => {
    // A failed prefetch is retried when the reader actually clicks, which shows the error.
  };
  loadIndex().catch(ignore);
  loadChunk(version, 0).catch(ignore);
}
