import { describe, expect, it } from 'vitest';
import { indexContent, paginate } from './content';
import { ContentError } from './content-issue';

const source = (name: string, frontmatter: string, body = 'Text.') => ({
  file: `content/posts/${name}`,
  raw: `---\n${frontmatter}\n---\n\n${body}\n`,
});

const sources = [
  source('old.md', 'title: Old\ndate: 2023-01-01\ntags: [AI, Meta]'),
  source('new.mdx', 'title: New\ndate: 2023-03-01\ntags: [ai]'),
  source('middle.md', 'title: Middle\ndate: 2023-02-01T10:00:00Z\ntags: [ AI , C++]'),
  source('draft.md', 'title: Draft\ndate: 2023-04-01\ntags: [AI, Secret]\ndraft: true'),
];

describe('indexContent', () => {
  it('lists published articles newest first, without drafts', () => {
    const index = indexContent(sources, { includeDrafts: false });
    expect(index.articles.map((article) => article.slug)).toEqual(['new', 'middle', 'old']);
  });

  it('keeps drafts out of tags and counts', () => {
    const index = indexContent(sources, { includeDrafts: false });
    expect(index.tags.find((tag) => tag.slug === 'secret')).toBeUndefined();
    expect(index.tagBySlug.get('ai')?.count).toBe(3);
  });

  it('shows drafts, marked as such, when asked (next dev)', () => {
    const index = indexContent(sources, { includeDrafts: true });
    expect(index.articles[0]).toMatchObject({ slug: 'draft', status: 'draft' });
  });

  it('merges tags that differ in case and space, under the most used spelling', () => {
    const index = indexContent(sources, { includeDrafts: false });
    expect(index.articles.map((article) => article.tags.map((tag) => tag.name))).toEqual([['AI'], ['AI', 'C++'], ['AI', 'Meta']]);
    expect(index.articlesByTag.get('ai')?.map((article) => article.slug)).toEqual(['new', 'middle', 'old']);
  });

  it('reports every broken article in one error', () => {
    const broken = [...sources, source('a.md', 'date: 2023-01-01'), source('b.md', 'title: B\ndate: 2023-02-30')];
    try {
      indexContent(broken, { includeDrafts: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      const message = (error as ContentError).message;
      expect(message).toMatch(/2 problems in 2 articles/);
      expect(message).toMatch(/content\/posts\/a\.md:1:1 {2}title is missing/);
      expect(message).toMatch(/content\/posts\/b\.md:3:1 {2}date "2023-02-30" is not a real date/);
    }
  });

  it('refuses two files with one slug, naming both', () => {
    const twins = [source('a.md', 'title: A\ndate: 2023-01-01'), source('a.mdx', 'title: A2\ndate: 2023-01-02')];
    expect(() => indexContent(twins, { includeDrafts: false })).toThrow(
      /content\/posts\/a\.md and content\/posts\/a\.mdx would both be published at \/posts\/a/,
    );
  });

  it('refuses two different tags that would share a URL, naming both and their files', () => {
    const clash = [source('a.md', 'title: A\ndate: 2023-01-01\ntags: [C++]'), source('b.md', 'title: B\ndate: 2023-01-02\ntags: [C plus plus]')];
    expect(() => indexContent(clash, { includeDrafts: false })).toThrow(/content\/posts\/a\.md.*content\/posts\/b\.md|content\/posts\/b\.md.*content\/posts\/a\.md/);
  });

  it('orders articles of the same day by time, then by slug for a stable build', () => {
    const sameDay = [
      source('b.md', 'title: B\ndate: 2023-01-01'),
      source('a.md', 'title: A\ndate: 2023-01-01'),
      source('c.md', 'title: C\ndate: 2023-01-01T08:00'),
    ];
    expect(indexContent(sameDay, { includeDrafts: false }).articles.map((article) => article.slug)).toEqual(['c', 'a', 'b']);
  });
});

describe('paginate', () => {
  it('splits items into pages and refuses pages that do not exist', () => {
    const items = [1, 2, 3, 4, 5];
    expect(paginate(items, 1, 2)).toEqual({ items: [1, 2], page: 1, pageCount: 3 });
    expect(paginate(items, 3, 2)).toEqual({ items: [5], page: 3, pageCount: 3 });
    expect(paginate(items, 4, 2)).toBeUndefined();
    expect(paginate(items, 0, 2)).toBeUndefined();
    expect(paginate([], 1, 2)).toEqual({ items: [], page: 1, pageCount: 1 });
  });
});
