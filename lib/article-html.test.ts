import { describe, expect, it } from 'vitest';
import { renderArticleHtml, toAbsoluteUrl } from './article-html';

const URL_OF = 'https://example.org/posts/sample';
const md = (body: string) => renderArticleHtml({ slug: 'sample', format: 'md', body }, URL_OF);
const mdx = (body: string) => renderArticleHtml({ slug: 'sample', format: 'mdx', body }, URL_OF);

describe('toAbsoluteUrl', () => {
  it('resolves site paths, relative paths and fragments against the article', () => {
    expect(toAbsoluteUrl('/images/a.png', URL_OF)).toBe('https://example.org/images/a.png');
    expect(toAbsoluteUrl('#results', URL_OF)).toBe('https://example.org/posts/sample#results');
    expect(toAbsoluteUrl('other', URL_OF)).toBe('https://example.org/posts/other');
  });

  it('keeps URLs that already have a scheme', () => {
    expect(toAbsoluteUrl('https://pbs.twimg.com/x.jpg', URL_OF)).toBe('https://pbs.twimg.com/x.jpg');
    expect(toAbsoluteUrl('mailto:editors@example.org', URL_OF)).toBe('mailto:editors@example.org');
  });
});

describe('renderArticleHtml', () => {
  it('renders markdown with absolute links and images', async () => {
    const html = await md('Read [the report](/posts/other) and [below](#notes).\n\n![A chart](/images/chart.png "Figure 1")\n');
    expect(html).toContain('<a href="https://example.org/posts/other">the report</a>');
    expect(html).toContain('href="https://example.org/posts/sample#notes"');
    expect(html).toContain('<figure class="article-figure"><img src="https://example.org/images/chart.png" alt="A chart" title="Figure 1"><figcaption>Figure 1</figcaption></figure>');
  });

  it('keeps headings but drops the "#" anchors the site adds beside them', async () => {
    const html = await md('## Results by language\n\nText.');
    expect(html).toContain('<h2 id="results-by-language">Results by language</h2>');
    expect(html).not.toContain('heading-anchor');
  });

  it('keeps the raw HTML the site keeps in .md and drops what the site drops', async () => {
    const html = await md('Line one<br>line two<sup>1</sup>\n\n<script>alert(1)</script>\n\n<img src="/images/x.png" alt="X">');
    expect(html).toContain('<br>');
    expect(html).toContain('<sup>1</sup>');
    expect(html).not.toContain('<script');
    expect(html).toContain('src="https://example.org/images/x.png"');
  });

  it('renders GFM tables and highlighted code', async () => {
    const html = await md('| a | b |\n| - | - |\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<pre class="shiki');
  });

  it('draws a Gallery as figures with their captions', async () => {
    const html = await mdx(
      '<Gallery caption="Three charts" columns="3">\n![One](/images/1.png "First")\n![Two](/images/2.png)\n</Gallery>\n',
    );
    expect(html).toBe(
      '<figure class="gallery not-prose"><ul class="gallery-grid">' +
        '<li class="gallery-item"><figure class="gallery-figure"><img src="https://example.org/images/1.png" alt="One" title="First"><figcaption>First</figcaption></figure></li>' +
        '<li class="gallery-item"><figure class="gallery-figure"><img src="https://example.org/images/2.png" alt="Two"></figure></li>' +
        '</ul><figcaption class="gallery-caption">Three charts</figcaption></figure>',
    );
  });

  it('draws a Callout as an aside with its title', async () => {
    const html = await mdx('<Callout type="warning" title="Licences differ">\nRead the **licence**.\n</Callout>\n');
    expect(html).toBe(
      '<aside class="callout callout-warning"><p><strong>Licences differ</strong></p><p>Read the <strong>licence</strong>.</p></aside>',
    );
  });

  it('gives a Callout without a title the label of its type', async () => {
    expect(await mdx('<Callout>\nHello\n</Callout>')).toContain('<strong>Note</strong>');
  });

  it('keeps lowercase HTML written as JSX and drops event handlers', async () => {
    const html = await mdx('Water is H<sub onclick="x()">2</sub>O.');
    expect(html).toBe('<p>Water is H<sub>2</sub>O.</p>');
  });
});
