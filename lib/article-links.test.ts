import { describe, expect, it } from 'vitest';
import { toArticleLink, toLandingPath, toLocalUrl, toSitePath } from './article-links';

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

describe('toLandingPath', () => {
  it('resolves a relative link as the browser does from the article at /posts/<slug>', () => {
    expect(toLandingPath('posts/llama-2-released', 'news')).toBe('/posts/posts/llama-2-released');
    expect(toLandingPath('../llama-2-released', 'news')).toBe('/llama-2-released');
    expect(toLandingPath('./llama-2-releasd#top', 'news')).toBe('/posts/llama-2-releasd#top');
    expect(toLandingPath('../tags/ai?x=1', 'news')).toBe('/tags/ai?x=1');
    expect(toLandingPath('../../../files/a b.pdf', 'news')).toBe('/files/a%20b.pdf');
    expect(toLandingPath('?tags=ai', '机器')).toBe('/posts/%E6%9C%BA%E5%99%A8?tags=ai');
  });

  it('ignores site paths, other sites, fragments and links to .md files', () => {
    for (const url of ['/tags/ai', '//cdn.example.com/x', 'https://example.com/a', 'mailto:a@b.c', '#part', './other.md', '../../README.md#x', '', ' ']) {
      expect(toLandingPath(url, 'news'), url).toBeUndefined();
    }
  });
});

describe('toSitePath', () => {
  it('reads the path of a link from the site root, decoded, without query, fragment or trailing slash', () => {
    expect(toSitePath('/tags/ai/?page=2#top')).toEqual({ written: '/tags/ai/', path: '/tags/ai' });
    expect(toSitePath('/tags/%E6%9C%BA%E5%99%A8')).toEqual({ written: '/tags/%E6%9C%BA%E5%99%A8', path: '/tags/机器' });
    expect(toSitePath('/files/annual%20report.pdf')).toMatchObject({ path: '/files/annual report.pdf' });
    expect(toSitePath('/#top')).toEqual({ written: '/', path: '/' });
    expect(toSitePath(' /feed.xml ')).toMatchObject({ path: '/feed.xml' });
  });

  it('keeps an encoded slash inside its segment and a stray % as written', () => {
    expect(toSitePath('/tags/a%2Fb')).toMatchObject({ path: '/tags/a/b', written: '/tags/a%2Fb' });
    expect(toSitePath('/files/100%.pdf')).toMatchObject({ path: '/files/100%.pdf' });
  });

  it('ignores links that do not start at the site root', () => {
    for (const url of ['//cdn.example.com/x', 'https://example.com/tags/ai', './other.md', 'images/a.png', '#part', '']) {
      expect(toSitePath(url), url).toBeUndefined();
    }
  });
});

describe('toLocalUrl', () => {
  const origin = 'https://frontiernotes.example';

  it('turns a full URL on the site into its path, over http or https', () => {
    expect(toLocalUrl('https://frontiernotes.example/tags/ai?x=1#top', origin)).toBe('/tags/ai?x=1#top');
    expect(toLocalUrl('http://frontiernotes.example', origin)).toBe('/');
    expect(toLocalUrl('https://frontiernotes.example/tags/机器', origin)).toBe('/tags/%E6%9C%BA%E5%99%A8');
  });

  it('leaves links to other sites, and everything else, as written', () => {
    for (const url of ['https://www.frontiernotes.example/tags/ai', 'https://frontiernotes.example:8080/x', 'mailto:editors@frontiernotes.example', '/tags/ai', 'https://']) {
      expect(toLocalUrl(url, origin), url).toBe(url);
    }
  });
});
