import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownFacts } from './markdown-facts';
import { mdastFacts } from './parse-article';

const mdast = (content: string, lineOffset = 0) => mdastFacts(content, 'md', lineOffset, () => undefined)!;

const SAMPLE = `Intro with **bold**, \`code [x](./no.md)\`, <sup>1</sup> and a [link](./a.md) and [again](./a.md).

## A heading with \`code\` and *emphasis*

- item with [a site path](/posts/b#part)
- item with ![an image](/images/x.png "Title") and \\[not a link\\]

> Quoted [link in a quote](https://example.com/q) and <https://example.com/auto>.

[![Image in a link](/images/y.png)](/posts/c) then [nested [brackets]](./d.md)

| Column | Other |
| --- | --- |
| [in a table](./e.md) | ![cell image](/images/z.png) |

\`\`\`md
[inside code](./f.md) ![inside code](/images/f.png)
\`\`\`

### Third level

#### Fourth level, ignored by the table of contents

## A heading with \`code\` and *emphasis*

Closing words.
`;

describe('markdownFacts gives what the mdast parser gives', () => {
  it('on a sample of every construct that carries links, images or headings', () => {
    const fast = markdownFacts(SAMPLE, 4);
    const reference = mdast(SAMPLE, 4);
    expect(fast.headings).toEqual(reference.headings);
    expect(fast.images).toEqual(reference.images);
    expect(fast.links).toEqual(reference.links);
    expect(fast.firstParagraph).toBe(reference.firstParagraph);
    expect(fast.words).toBeCloseTo(reference.words, -1);
  });

  const dir = path.join(__dirname, '..', 'content', 'posts');
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.md'))) {
    it(`on ${name}`, () => {
      const body = fs.readFileSync(path.join(dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const fast = markdownFacts(body, 7);
      const reference = mdast(body, 7);
      expect({ ...fast, words: 0 }).toEqual({ ...reference, words: 0 });
      expect(Math.abs(fast.words - reference.words)).toBeLessThanOrEqual(Math.max(3, reference.words * 0.02));
    });
  }
});

describe('markdownFacts', () => {
  it('places links and images on the lines and columns of the file', () => {
    const facts = markdownFacts('Text.\n\nSee [one](./a.md) and ![pic](/p.png).\n', 5);
    expect(facts.links).toEqual([{ line: 8, column: 5, url: './a.md' }]);
    expect(facts.images).toEqual([{ line: 8, column: 23, src: '/p.png', alt: 'pic', title: undefined }]);
  });

  it('finds the use of a reference-style link', () => {
    const facts = markdownFacts('First [ref][r] here.\n\n[r]: ./target.md\n', 0);
    expect(facts.links).toEqual([{ line: 1, column: 7, url: './target.md' }]);
  });

  it('keeps destinations as written, not percent-encoded', () => {
    expect(markdownFacts('[a](./机器.md) ![b](/images/a%20b.png)', 0)).toMatchObject({
      links: [{ url: './机器.md' }],
      images: [{ src: '/images/a%20b.png' }],
    });
  });

  it('skips image-only paragraphs when choosing the summary, and leaves HTML out of it', () => {
    expect(markdownFacts('![a](/a.png)\n\nThe <em>real</em> start.', 0).firstParagraph).toBe('The real start.');
  });
});
