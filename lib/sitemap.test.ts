import { describe, expect, it } from 'vitest';
import { indexContent } from './content';
import { toSitemap } from './sitemap';
import { site } from './site';

const source = (slug: string, frontmatter: string) => ({ file: `content/posts/${slug}.md`, raw: `---\n${frontmatter}\n---\n\nBody.\n` });

const index = indexContent(
  [
    source('a', "title: A\ndate: 2023-01-01\ntags: [AI]"),
    source('b', "title: B\ndate: 2023-02-01\nupdated: 2023-05-01\ntags: [AI, C++]"),
    source('c', "title: C\ndate: 2023-03-01T10:00:00Z\ntags: [AI]"),
    source('d', "title: D\ndate: 2023-04-01\ndraft: true\ntags: [Secret]"),
  ],
  { includeDrafts: false },
);
const sitemap = toSitemap({ ...index, articlesByTag: (slug) => index.articlesByTag.get(slug) ?? [], perPage: 2 });
const byUrl = new Map(sitemap.map((entry) => [entry.url, entry.lastModified]));

describe('toSitemap', () => {
  it('lists every listing page, tag page and article once, with absolute URLs', () => {
    expect(sitemap.map((entry) => entry.url.replace(site.url, ''))).toEqual([
      '/', '/page/2', '/tags', '/tags/ai', '/tags/ai/page/2', '/tags/c-plus-plus', '/posts/c', '/posts/b', '/posts/a',
    ]);
  });

  it('dates an article by its update, else its publication', () => {
    expect(byUrl.get(`${site.url}/posts/b`)).toBe('2023-05-01');
    expect(byUrl.get(`${site.url}/posts/c`)).toBe('2023-03-01T10:00:00Z');
  });

  it('dates a listing page by the newest change among the articles it shows', () => {
    expect(byUrl.get(`${site.url}/`)).toBe('2023-05-01');
    expect(byUrl.get(`${site.url}/page/2`)).toBe('2023-01-01');
  });

  it('leaves drafts and their tags out', () => {
    expect(sitemap.some((entry) => /\/(d|secret)$/.test(entry.url))).toBe(false);
  });
});
