import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTagFilter, type BuiltTagFilter } from '@/lib/tag-filter-index';

const TAGS = [{ slug: 'ai', name: 'AI' }];
const article = (slug: string) => ({
  slug,
  title: `Title of ${slug}`,
  date: '2023-03-01',
  images: [],
  readingMinutes: 2,
  summary: '',
  status: 'published' as const,
  tags: TAGS,
});

/** A site whose data the server answers with (its chunks may be newer), counting what the browser asked for. */
function serve(built: BuiltTagFilter, chunks = built.chunks) {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  const fetch = vi.fn((url: string) => {
    asked.push(url);
    const body = url.startsWith('/tag-filter/index.json') ? built.index : chunks[Number(/articles-(\d+)/.exec(url)?.[1])];
    // Held until the test lets the responses arrive, to see what was asked before any answer.
    return new Promise<Response>((resolve) => pending.push(() => resolve(Response.json(body))));
  });
  return { fetch, asked, arrive: () => pending.splice(0).forEach((answer) => answer()) };
}

// The loader keeps what it fetched for the page's lifetime: each test gets a fresh copy of it.
const freshLoader = () => import('./tag-filter-loader');

describe('the tag filter loader', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the index and the newest cards together when the page knows the version', async () => {
    const built = buildTagFilter([article('a'), article('b')], TAGS);
    const server = serve(built);
    vi.stubGlobal('fetch', server.fetch);
    const loader = await freshLoader();

    loader.prefetchTagFilter(built.index.version);
    // Both requests are out before either answer has come back.
    expect(server.asked).toEqual(['/tag-filter/index.json', `/tag-filter/articles-0.json?v=${built.index.version}`]);
    server.arrive();
    const data = await loader.loadIndex();
    await vi.waitFor(() => expect(loader.peekCards(data, [0, 1])?.map((row) => row[0])).toEqual(['a', 'b']));
  });

  it('never shows cards of another version than its index, as from a page built before the data changed', async () => {
    const old = buildTagFilter([article('old')], TAGS);
    const current = buildTagFilter([article('new'), article('old')], TAGS);
    expect(current.index.version).not.toBe(old.index.version);
    const server = serve(current);
    vi.stubGlobal('fetch', server.fetch);
    const loader = await freshLoader();

    loader.prefetchTagFilter(old.index.version);
    server.arrive();
    const data = await loader.loadIndex();
    await vi.waitFor(() => expect(server.fetch).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The chunk asked for with the page's version answered with the current one: refused, not kept.
    expect(loader.peekCards(data, [0])).toBeUndefined();

    const cards = loader.loadCards(data, [0]);
    server.arrive();
    await cards;
    expect(server.asked.at(-1)).toBe(`/tag-filter/articles-0.json?v=${current.index.version}`);
    expect(loader.peekCards(data, [0, 1])?.map((row) => row[0])).toEqual(['new', 'old']);
  });

  it('refuses a chunk newer than its index, as when the site is rebuilt between the two requests', async () => {
    const old = buildTagFilter([article('old')], TAGS);
    const current = buildTagFilter([article('new'), article('old')], TAGS);
    const server = serve(old, current.chunks);
    vi.stubGlobal('fetch', server.fetch);
    const loader = await freshLoader();

    const index = loader.loadIndex();
    server.arrive();
    const data = await index;
    const cards = loader.loadCards(data, [0]);
    server.arrive();
    // The filter then says it could not load, rather than showing "new" where the index means "old".
    await expect(cards).rejects.toThrow(/version/);
    expect(loader.peekCards(data, [0])).toBeUndefined();
  });
});
