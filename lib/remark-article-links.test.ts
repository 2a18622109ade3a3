import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkArticleLinks } from './remark-article-links';

const render = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkArticleLinks).use(remarkRehype).use(rehypeStringify).processSync(markdown));

describe('remarkArticleLinks', () => {
  it('rewrites file links, inline and by reference, to article URLs', () => {
    expect(render('See [the launch](./llama-2-released.md) and [specs][s].\n\n[s]: other.mdx#specs')).toBe(
      '<p>See <a href="/posts/llama-2-released">the launch</a> and <a href="/posts/other#specs">specs</a>.</p>',
    );
  });

  it('leaves site paths, anchors and outside links as written', () => {
    expect(render('[a](/posts/a) [b](#b) [c](https://example.com/c.md)')).toBe(
      '<p><a href="/posts/a">a</a> <a href="#b">b</a> <a href="https://example.com/c.md">c</a></p>',
    );
  });
});
