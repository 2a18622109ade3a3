import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import type { Element, Root, RootContent } from 'hast';
import { sanitizeSchema } from './markdown';
import { cellRatio, galleryColumns, rehypeGallery, type RehypeGalleryOptions } from './rehype-gallery';

// What @mdx-js/mdx hands on from mdast to hast untouched.
const MDX_REHYPE: RemarkRehypeOptions = {
  passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'],
};

/** The hast our plugin sees inside the real pipeline: `.md` through rehype-raw and sanitize, `.mdx` with its JSX. */
function transform(markdown: string, format: 'md' | 'mdx', options: RehypeGalleryOptions = {}): Root {
  const processor =
    format === 'md'
      ? unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeRaw)
          .use(rehypeSanitize, sanitizeSchema)
          .use(rehypeGallery, options)
      : unified().use(remarkParse).use(remarkGfm).use(remarkMdx).use(remarkRehype, MDX_REHYPE).use(rehypeGallery, options);
  return processor.runSync(processor.parse(markdown));
}

function elements(node: Root | RootContent, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  if (node.type === 'element' && test(node)) found.push(node);
  if ('children' in node) for (const child of node.children) found.push(...elements(child, test));
  return found;
}

const text = (node: Element) => elements(node, () => true).flatMap((e) => e.children.flatMap((c) => (c.type === 'text' ? [c.value] : []))).join('');
const galleries = (tree: Root) => elements(tree, (e) => e.properties.dataGallery !== undefined);
const images = (node: Root | Element) =>
  elements(node, (e) => e.tagName === 'img').map((img) => ({ alt: img.properties.alt, id: img.properties.dataLightbox, layout: img.properties.dataLayout }));

describe('automatic galleries', () => {
  it('groups two consecutive image-only paragraphs into one gallery (the seed: benchmarks then metrics)', () => {
    const tree = transform('Intro.\n\n![Llama 2 benchmarks](https://x.test/a.jpg)\n\n![Llama 2 metrics](https://x.test/b.jpg)\n\n## Next', 'md');
    const [gallery, ...others] = galleries(tree);
    expect(others).toEqual([]);
    expect(gallery?.properties.dataGallery).toBe('gallery-1');
    expect(images(gallery!)).toEqual([
      { alt: 'Llama 2 benchmarks', id: 'gallery-1-1', layout: 'gallery' },
      { alt: 'Llama 2 metrics', id: 'gallery-1-2', layout: 'gallery' },
    ]);
    // No empty paragraphs or stray whitespace nodes are left where the second paragraph was.
    expect(elements(tree, (e) => e.tagName === 'p').map(text)).toEqual(['Intro.']);
  });

  it('groups three consecutive image paragraphs in .mdx and shows them in three columns', () => {
    const tree = transform('![A](/a.jpg "Landscape")\n\n![B](/b.jpg "Portrait")\n\n![C](/c.jpg)\n', 'mdx');
    const [gallery] = galleries(tree);
    expect(gallery?.properties.dataColumns).toBe('3');
    expect(images(gallery!).map((image) => image.id)).toEqual(['gallery-1-1', 'gallery-1-2', 'gallery-1-3']);
    // Titles become captions; an image without one gets none.
    expect(elements(gallery!, (e) => e.tagName === 'figcaption').map(text)).toEqual(['Landscape', 'Portrait']);
  });

  it('keeps a lone image a single figure with its title as caption', () => {
    const tree = transform('Text.\n\n![Chart](/chart.png "Average score")\n\nMore text.', 'mdx');
    expect(galleries(tree)).toEqual([]);
    const [figure] = elements(tree, (e) => e.tagName === 'figure');
    expect(figure?.properties.className).toEqual(['article-figure']);
    expect(images(figure!)).toEqual([{ alt: 'Chart', id: 'image-1', layout: 'figure' }]);
    expect(text(figure!)).toBe('Average score');
  });

  it('does not group images that text separates', () => {
    const tree = transform('![A](/a.png)\n\nBetween them.\n\n![B](/b.png)', 'md');
    expect(galleries(tree)).toEqual([]);
    expect(images(tree).map((image) => image.id)).toEqual(['image-1', 'image-2']);
  });

  it('treats a bare <img> in .md like an image paragraph', () => {
    const tree = transform('<img src="/a.png" alt="Raw">\n\n![Markdown](/b.png)', 'md');
    expect(images(galleries(tree)[0]!).map((image) => image.alt)).toEqual(['Raw', 'Markdown']);
  });

  it('groups images on consecutive lines of one paragraph', () => {
    const tree = transform('![A](/a.png)\n![B](/b.png)', 'md');
    expect(images(galleries(tree)[0]!).map((image) => image.id)).toEqual(['gallery-1-1', 'gallery-1-2']);
  });

  it('groups inside block containers too', () => {
    const tree = transform('> ![A](/a.png)\n>\n> ![B](/b.png)', 'md');
    expect(galleries(tree)).toHaveLength(1);
  });
});

describe('explicit <Gallery>', () => {
  const mdx = [
    '<Gallery caption="Figures from the announcement." columns="3">',
    '![Benchmarks](/images/m/benchmarks.png "Benchmark scores")',
    '![Attention](/images/m/attention.png "Sliding window")',
    '![Throughput](/images/m/throughput.png "Throughput")',
    '</Gallery>',
  ].join('\n');

  it('becomes the same structure as an automatic gallery, with its caption and columns', () => {
    const tree = transform(mdx, 'mdx');
    expect(elements(tree, () => true).some((e) => e.tagName === 'Gallery')).toBe(false);
    const [gallery] = galleries(tree);
    expect(gallery?.properties).toMatchObject({ dataGallery: 'gallery-1', dataColumns: '3', className: ['gallery', 'not-prose'] });
    expect(images(gallery!).map((image) => image.id)).toEqual(['gallery-1-1', 'gallery-1-2', 'gallery-1-3']);
    const captions = elements(gallery!, (e) => e.tagName === 'figcaption').map(text);
    expect(captions).toEqual(['Benchmark scores', 'Sliding window', 'Throughput', 'Figures from the announcement.']);
  });

  it('accepts images separated by blank lines inside the component', () => {
    const tree = transform('<Gallery>\n\n![A](/a.png)\n\n![B](/b.png)\n\n</Gallery>', 'mdx');
    expect(images(galleries(tree)[0]!).map((image) => image.id)).toEqual(['gallery-1-1', 'gallery-1-2']);
  });

  it('renders an empty <Gallery> as nothing', () => {
    const tree = transform('Before.\n\n<Gallery caption="Nothing here"></Gallery>\n\nAfter.', 'mdx');
    expect(galleries(tree)).toEqual([]);
    expect(elements(tree, () => true).map((e) => e.tagName)).toEqual(['p', 'p']);
  });

  it('numbers galleries and lone images in document order', () => {
    const source = ['![One](/1.png)', '![Two](/2.png)\n\n![Three](/3.png)', 'Text.', '![Four](/4.png)', mdx].join('\n\n');
    const tree = transform(source, 'mdx');
    expect(images(tree).map((image) => image.id)).toEqual([
      'gallery-1-1', 'gallery-1-2', 'gallery-1-3', 'image-1', 'gallery-2-1', 'gallery-2-2', 'gallery-2-3',
    ]);
  });
});

describe('other images', () => {
  it('gives an image inside a sentence its own lightbox address', () => {
    const tree = transform('See ![icon](/i.png) here.', 'md');
    expect(images(tree)).toEqual([{ alt: 'icon', id: 'image-1', layout: 'inline' }]);
  });

  it('leaves an image inside a link to the link', () => {
    const tree = transform('[![Badge](/badge.svg)](https://example.com)', 'md');
    expect(images(tree)).toEqual([{ alt: 'Badge', id: undefined, layout: 'inline' }]);
  });

  it('reports how many images open in the lightbox', () => {
    let count = -1;
    transform('![A](/a.png)\n\n![B](/b.png)\n\n[![C](/c.png)](/x)', 'md', { onImages: (n) => (count = n) });
    expect(count).toBe(2);
    transform('No images.', 'md', { onImages: (n) => (count = n) });
    expect(count).toBe(0);
  });

  it('marks only a first image that comes before any heading as the lead image', () => {
    const lead = transform('Intro.\n\n![A](/a.png)\n\n## Part\n\n![B](/b.png)', 'md');
    expect(elements(lead, (e) => e.tagName === 'img').map((img) => img.properties.dataLead)).toEqual(['true', undefined]);
    const late = transform('## Part\n\n![A](/a.png)', 'md');
    expect(elements(late, (e) => e.tagName === 'img')[0]?.properties.dataLead).toBeUndefined();
  });

  it('shapes gallery cells after the images it can measure', () => {
    const sizes: Record<string, { width: number; height: number }> = { '/a.png': { width: 1600, height: 1000 }, '/b.png': { width: 1600, height: 1000 } };
    const tree = transform('![A](/a.png)\n\n![B](/b.png)', 'md', { sizeOf: (src) => sizes[src] });
    const [grid] = elements(tree, (e) => e.tagName === 'ul');
    expect(grid?.properties.style).toBe('--cell-ratio: 1.6000');
  });

  it('marks the last image of an odd gallery so it can span a phone-width row', () => {
    const tree = transform('![A](/a.png)\n\n![B](/b.png)\n\n![C](/c.png)', 'md');
    expect(elements(tree, (e) => e.tagName === 'img').map((img) => img.properties.dataWide)).toEqual([undefined, undefined, 'true']);
  });
});

describe('galleryColumns', () => {
  it('suits the count unless the editor asks', () => {
    expect([1, 2, 3, 4, 5, 9].map((count) => galleryColumns(count))).toEqual([1, 2, 3, 2, 3, 3]);
    expect(galleryColumns(6, '4')).toBe(4);
    expect(galleryColumns(6, '12')).toBe(4);
    expect(galleryColumns(2, '3')).toBe(2);
    expect(galleryColumns(3, 'three')).toBe(3);
    expect(galleryColumns(3, '0')).toBe(3);
  });
});

describe('cellRatio', () => {
  it('takes the median ratio, within portrait 3:4 and 16:9', () => {
    expect(cellRatio([])).toBe(1.5);
    expect(cellRatio([undefined])).toBe(1.5);
    expect(cellRatio([{ width: 1600, height: 900 }, { width: 1000, height: 1250 }, { width: 1600, height: 1067 }])).toBeCloseTo(1.4995, 3);
    expect(cellRatio([{ width: 100, height: 1000 }])).toBe(0.75);
    expect(cellRatio([{ width: 4000, height: 1000 }])).toBeCloseTo(16 / 9);
    expect(cellRatio([{ width: 4, height: 3 }, { width: 16, height: 9 }])).toBeCloseTo((4 / 3 + 16 / 9) / 2);
  });
});
