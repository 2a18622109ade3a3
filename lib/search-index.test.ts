import { describe, expect, it } from 'vitest';
import { builtArticleFile, searchIndexDir, searchUrlOf } from './search-index';

describe('search index locations', () => {
  it('reads the prerendered page of each build kind', () => {
    expect(builtArticleFile('/site', 'llama-2', 'server')).toBe('/site/.next/server/app/posts/llama-2.html');
    expect(builtArticleFile('/site', 'llama-2', 'export')).toBe('/site/out/posts/llama-2.html');
  });

  it('writes the index where each kind of host serves it from', () => {
    expect(searchIndexDir('/site', 'server')).toBe('/site/public/pagefind/');
    expect(searchIndexDir('/site', 'export')).toBe('/site/out/pagefind/');
  });

  it('gives results the article’s clean URL', () => {
    expect(searchUrlOf('llama-2')).toBe('/posts/llama-2');
  });
});
