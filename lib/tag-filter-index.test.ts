import { describe, expect, it } from 'vitest';
import { cardDataOf } from './card';
import {
  buildTagFilter,
  cardOf,
  decodePositions,
  decodeTagFilter,
  encodePositions,
  filterArticles,
  isTagFilterChunk,
  isTagFilterIndex,
  parseChunkFile,
  parseTagsParam,
  toChunkFile,
  withTagsParam,
  type IndexableArticle,
  type TagFilterChunk,
  type TagFilterIndex,
} from './tag-filter-index';

const TAGS = [
  { slug: 'ai', name: 'AI' },
  { slug: 'meta', name: 'Meta' },
  { slug: 'open-source', name: 'Open Source' },
  { slug: 'unused', name: 'Unused' },
];

function article(slug: string, tags: string[], extra: Partial<IndexableArticle> = {}): IndexableArticle {
  return {
    slug,
    title: `Title of ${slug}`,
    date: '2023-03-01',
    readingMinutes: 3,
    summary: `Summary of ${slug}.`,
    images: [],
    status: 'published',
    tags: tags.map((tag) => TAGS.find((t) => t.slug === tag)!),
    ...extra,
  };
}

// Newest first, as getArticles() gives them.
const ARTICLES = [
  article('a', ['ai', 'meta']),
  article('b', ['ai']),
  article('c', ['ai', 'meta', 'open-source']),
  article('d', ['open-source']),
  article('e', ['meta', 'ai'], { image: '/images/e.jpg' }),
];

function filtered(selection: string[], articles = ARTICLES) {
  const data = decodeTagFilter(buildTagFilter(articles, TAGS).index);
  const { matches, counts } = filterArticles(data, selection.map((slug) => data.tagIdBySlug.get(slug)!));
  return {
    slugs: [...matches].map((i) => articles[i]!.slug),
    counts: Object.fromEntries(data.tags.map((tag, i) => [tag.slug, counts[i]])),
  };
}

describe('positions', () => {
  it('round-trips as the gaps between positions', () => {
    const positions = [0, 1, 2, 40, 41, 1000, 9999];
    expect(encodePositions(positions)).toEqual([0, 0, 0, 37, 0, 958, 8998]);
    expect([...decodePositions(encodePositions(positions))]).toEqual(positions);
    expect([...decodePositions([])]).toEqual([]);
  });

  it('refuses gaps that are not whole numbers of at least 0', () => {
    for (const gap of [-1, 1.5, '3', null, Number.NaN]) expect(() => decodePositions([0, gap])).toThrow(/not a whole number/);
  });

  it('refuses an index whose tag lists an article past the end', () => {
    const { index } = buildTagFilter(ARTICLES, TAGS);
    expect(() => decodeTagFilter({ ...index, articleCount: 3 })).toThrow(/lists article 4 of 3/);
  });
});

describe('filterArticles', () => {
  it('keeps exactly the articles carrying every selected tag, newest first', () => {
    expect(filtered(['ai']).slugs).toEqual(['a', 'b', 'c', 'e']);
    expect(filtered(['ai', 'meta']).slugs).toEqual(['a', 'c', 'e']);
    expect(filtered(['meta', 'ai', 'open-source']).slugs).toEqual(['c']);
    expect(filtered(['open-source', 'unused']).slugs).toEqual([]);
  });

  it('counts each tag among the matches: what selecting it too would leave', () => {
    expect(filtered([]).counts).toEqual({ ai: 4, meta: 3, 'open-source': 2, unused: 0 });
    expect(filtered(['ai', 'meta']).counts).toEqual({ ai: 3, meta: 3, 'open-source': 1, unused: 0 });
    expect(filtered(['open-source']).counts).toEqual({ ai: 1, meta: 1, 'open-source': 2, unused: 0 });
  });

  it('agrees with a plain filter over a larger pseudo-random site', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const many = Array.from({ length: 700 }, (_, i) =>
      article(`x${i}`, TAGS.filter(() => random() < 0.4).map((tag) => tag.slug)),
    );
    for (const selection of [['ai'], ['ai', 'meta'], ['meta', 'open-source', 'unused'], ['open-source', 'ai']]) {
      const expected = many.filter((a) => selection.every((slug) => a.tags.some((t) => t.slug === slug))).map((a) => a.slug);
      expect(filtered(selection, many).slugs).toEqual(expected);
    }
  });

  it('hands a click the result its hover already computed, for any order of the same tags, per index', () => {
    const data = decodeTagFilter(buildTagFilter(ARTICLES, TAGS).index);
    const other = decodeTagFilter(buildTagFilter(ARTICLES.slice(1), TAGS).index);
    const hovered = filterArticles(data, [0, 1]);
    expect(filterArticles(data, [1, 0])).toBe(hovered);
    expect(filterArticles(data, [0])).not.toBe(hovered);
    // Another index (the content was rebuilt) never gets this one's answer.
    expect(filterArticles(other, [0, 1])).not.toBe(hovered);
    expect(Array.from(filterArticles(other, [0, 1]).matches)).toEqual([1, 3]);
  });
});

describe('buildTagFilter', () => {
  it('splits cards into chunks in reading order, with pictures, tag ids, status and a shortened summary', () => {
    const long = `${'word '.repeat(80)}end.`;
    const { index, chunks } = buildTagFilter(
      [
        ...ARTICLES,
        article('f', [], { summary: long, status: 'draft', image: 'https://example.com/f.jpg' }),
        article('g', [], { status: 'scheduled', images: [{ src: '/images/g-1.png' }, { src: '/images/g-2.png' }] }),
      ],
      TAGS,
      {
        imageOf: (src) =>
          src === '/images/e.jpg'
            ? { src, width: 1600, height: 900, optimise: true }
            : src.startsWith('https:')
              ? { src, width: 1200, height: 675, optimise: false, placeholder: 'data:image/webp;base64,AAAA' }
              : { src, width: 800, height: 600, optimise: true },
        chunkSize: 4,
      },
    );
    expect(index.articleCount).toBe(7);
    expect(chunks.map((chunk) => chunk.articles.map((row) => row[0]))).toEqual([['a', 'b', 'c', 'd'], ['e', 'f', 'g']]);
    const [e, f, g] = chunks[1]!.articles;
    expect(e).toEqual(['e', 'Title of e', '2023-03-01', 'March 1, 2023', 3, 'Summary of e.', ['/images/e.jpg', 1600, 900, 1], [1, 0], 0]);
    // A remote cover keeps the manifest's size and preview; without a cover, the body's first image stands in.
    expect(f?.[6]).toEqual(['https://example.com/f.jpg', 1200, 675, 0, 'data:image/webp;base64,AAAA']);
    expect(g?.[6]).toEqual(['/images/g-1.png', 800, 600, 1]);
    expect(chunks[0]!.articles[0]![6]).toBe(0);
    expect(f?.[5].length).toBeLessThanOrEqual(221);
    expect(f?.[5]).toMatch(/word…$/);
    expect([f?.[8], g?.[8]]).toEqual([1, 2]);
    expect(chunks.every((chunk) => chunk.version === index.version)).toBe(true);
  });

  it('reads a row back as the card the server draws for the same article', () => {
    const image = { src: 'https://example.com/f.jpg', width: 1200, height: 675, optimise: false, placeholder: 'data:image/webp;base64,AAAA' };
    const f = article('f', ['meta', 'ai'], { image: image.src, status: 'draft', summary: `${'word '.repeat(80)}end.` });
    const a = article('a', []);
    const options = { imageOf: () => image, locale: 'en-GB' };
    const built = buildTagFilter([f, a], TAGS, options);
    const data = decodeTagFilter(JSON.parse(JSON.stringify(built.index)) as TagFilterIndex);
    const [fRow, aRow] = (JSON.parse(JSON.stringify(built.chunks[0])) as TagFilterChunk).articles;
    expect(cardOf(fRow!, data.tags)).toEqual(cardDataOf(f, options));
    expect(cardOf(fRow!, data.tags)).toMatchObject({ image, tags: [{ slug: 'meta', name: 'Meta' }, { slug: 'ai', name: 'AI' }], status: 'draft', dateText: '1 March 2023' });
    expect(cardOf(aRow!, data.tags)).toEqual({ ...cardDataOf(a, options), image: undefined });
  });

  it("writes each card's date as the site shows it, in the site's locale, so the browser formats nothing", () => {
    const date = (locale?: string) => buildTagFilter(ARTICLES.slice(0, 1), TAGS, { locale }).chunks[0]!.articles[0]![3];
    expect(date()).toBe('March 1, 2023');
    expect(date('de-DE')).toBe('1. März 2023');
  });

  it('changes its version when the content changes, and only then', () => {
    const version = (articles: IndexableArticle[]) => buildTagFilter(articles, TAGS).index.version;
    expect(version(ARTICLES)).toBe(version([...ARTICLES]));
    expect(version(ARTICLES)).not.toBe(version([...ARTICLES.slice(0, 4), article('e', ['meta'])]));
  });

  it('survives a JSON round trip and passes its own shape checks', () => {
    const { index, chunks } = buildTagFilter(ARTICLES, TAGS);
    const fetched: unknown = JSON.parse(JSON.stringify(index));
    expect(isTagFilterIndex(fetched)).toBe(true);
    expect(isTagFilterChunk(JSON.parse(JSON.stringify(chunks[0])))).toBe(true);
    expect(isTagFilterIndex({ version: 1 })).toBe(false);
    // An index in the earlier format (positions as base-36 text) is refused, not misread.
    expect(isTagFilterIndex({ ...index, tags: [['ai', 'AI', '0,0,2']] })).toBe(false);
    expect(isTagFilterIndex(null)).toBe(false);
  });
});

describe('URL helpers', () => {
  it('reads ?tags= as slugs, ignoring blanks and repeats', () => {
    expect(parseTagsParam('?tags=ai,meta')).toEqual(['ai', 'meta']);
    expect(parseTagsParam('?tags=ai,,meta,ai,%20')).toEqual(['ai', 'meta']);
    expect(parseTagsParam('?tags=%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0')).toEqual(['机器学习']);
    expect(parseTagsParam('')).toEqual([]);
  });

  it('writes ?tags= with readable commas and keeps other parameters', () => {
    expect(withTagsParam('', ['ai', 'meta'])).toBe('?tags=ai,meta');
    expect(withTagsParam('?utm=x&tags=ai', ['ai', 'c-plus-plus'])).toBe('?utm=x&tags=ai,c-plus-plus');
    expect(withTagsParam('?tags=ai', [])).toBe('');
    expect(parseTagsParam(withTagsParam('', ['机器学习', 'künstliche-intelligenz']))).toEqual(['机器学习', 'künstliche-intelligenz']);
  });

  it('names chunk files and reads them back', () => {
    expect(toChunkFile(12)).toBe('articles-12.json');
    expect(parseChunkFile('articles-12.json')).toBe(12);
    expect(parseChunkFile('articles-012.json')).toBeUndefined();
    expect(parseChunkFile('index.json')).toBeUndefined();
  });
});
