import { describe, expect, it } from 'vitest';
import { toArticleLink } from './article-links';

describe('toArticleLink', () => {
  it('turns a link to a file next to the article into the article URL', () => {
    expect(toArticleLink('./llama-2-released.md')).toEqual({ kind: 'file', slug: 'llama-2-released', href: '/posts/llama-2-released' });
    expect(toArticleLink('other.mdx')).toEqual({ kind: 'file', slug: 'other', href: '/posts/other' });
    expect(toArticleLink('../posts/other.md')).toMatchObject({ kind: 'file', slug: 'other' });
  });

  it('keeps a heading fragment', () => {
    expect(toArticleLink('./other.md#performance')).toMatchObject({ href: '/posts/other#performance' });
  });

  it('reads site paths, with or without a trailing slash or fragment', () => {
    expect(toArticleLink('/posts/other')).toEqual({ kind: 'path', slug: 'other', href: '/posts/other' });
    expect(toArticleLink('/posts/other/#x')).toMatchObject({ kind: 'path', slug: 'other' });
    expect(toArticleLink('/posts/%E6%9C%BA%E5%99%A8')).toMatchObject({ slug: '机器' });
  });

  it('flags markdown files outside content/posts, which are not on the site', () => {
    expect(toArticleLink('../../README.md')).toEqual({ kind: 'outside', href: '../../README.md' });
    expect(toArticleLink('drafts/other.md')).toMatchObject({ kind: 'outside' });
  });

  it('ignores everything that is not a link to an article', () => {
    for (const url of ['https://example.com/a.md', '//cdn.example.com/x.md', 'mailto:a@b.c', '#section', '/tags/ai', '/posts', '/images/a.png', 'notes.txt', '']) {
      expect(toArticleLink(url), url).toBeUndefined();
    }
  });
});
