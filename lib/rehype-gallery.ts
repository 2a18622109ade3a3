// Turns an article's images into figures and galleries, numbered in document order so each image has a stable
// address (#gallery-1-3, #image-2) that the lightbox opens. Runs on the hast of .md and .mdx alike.
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';

export type ImageSize = { width: number; height: number };

export type RehypeGalleryOptions = {
  /** Intrinsic size of an image when known: a gallery shapes all its cells after its images' typical ratio. */
  sizeOf?: (src: string) => ImageSize | undefined;
  /** Told how many images open in the lightbox, so a page without any can leave the lightbox out. */
  onImages?: (count: number) => void;
};

/** How an image sits in the article; the `img` component picks its frame and `sizes` from this. */
export type ImageLayout = 'figure' | 'gallery' | 'inline';

type Parent = Root | Element | MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Image = Element & { tagName: 'img' };
type Child = RootContent;

type State = {
  options: RehypeGalleryOptions;
  galleries: number;
  singles: number;
  images: number;
  headingSeen: boolean;
  leadTaken: boolean;
};

// Cells narrower than portrait 3:4 or wider than 16:9 would crop most of some image.
const MIN_CELL_RATIO = 3 / 4;
const MAX_CELL_RATIO = 16 / 9;
const DEFAULT_CELL_RATIO = 3 / 2;
const MAX_COLUMNS = 4;
// Elements whose children are blocks: only there can a bare image (raw `<img>` in .md) stand as a figure.
const FLOW_CONTAINERS = new Set(['blockquote', 'div', 'section', 'article', 'aside', 'details', 'figure']);

/** Where a list of siblings sits: among blocks, inside a line of text, or inside a link. */
type Context = 'flow' | 'phrasing' | 'link';

export function rehypeGallery(options: RehypeGalleryOptions = {}) {
  return (tree: Root) => {
    const state: State = { options, galleries: 0, singles: 0, images: 0, headingSeen: false, leadTaken: false };
    tree.children = transformChildren(tree.children, state, 'flow');
    options.onImages?.(state.images);
  };
}

/** Rewrites one list of siblings. Generic so a root keeps root content and an element keeps element content. */
function transformChildren<T extends Child>(source: T[], state: State, context: Context): (T | Element)[] {
  const result: (T | Element)[] = [];
  for (let index = 0; index < source.length; index++) {
    const node = source[index]!;
    if (isGalleryElement(node)) {
      const images = collectImages(node);
      // An empty <Gallery> renders nothing; the content check tells the editor about it.
      if (images.length > 0) result.push(toGallery(images, galleryAttributes(node), state));
      continue;
    }
    const block = context === 'flow' ? imageBlock(node) : undefined;
    if (block) {
      // Image-only paragraphs separated by nothing but whitespace are one run; two or more images make a gallery.
      const run = [...block];
      let last = index;
      for (let next = index + 1; next < source.length; next++) {
        const sibling = source[next]!;
        if (isWhitespace(sibling)) continue;
        const more = imageBlock(sibling);
        if (!more) break;
        run.push(...more);
        last = next;
      }
      index = last;
      result.push(run.length > 1 ? toGallery(run, {}, state) : toFigure(run[0]!, state));
      continue;
    }
    if (node.type === 'element') {
      if (/^h[1-6]$/.test(node.tagName)) state.headingSeen = true;
      if (node.tagName === 'img') {
        // An image inside a link already has an action: following the link, not the lightbox.
        if (context === 'link') markImage(node, { layout: 'inline' }, state, false);
        else markImage(node, { layout: 'inline', id: nextSingleId(state) }, state, true);
      } else {
        node.children = transformChildren(node.children, state, childContext(node.tagName, context));
      }
    } else if (node.type === 'mdxJsxFlowElement') {
      node.children = transformChildren(node.children, state, context);
    } else if (node.type === 'mdxJsxTextElement') {
      node.children = transformChildren(node.children, state, context === 'link' ? 'link' : 'phrasing');
    }
    result.push(node);
  }
  return result;
}

function childContext(tagName: string, context: Context): Context {
  if (context === 'link' || tagName === 'a') return 'link';
  return context === 'flow' && FLOW_CONTAINERS.has(tagName) ? 'flow' : 'phrasing';
}

function isGalleryElement(node: Child): node is MdxJsxFlowElementHast & { name: 'Gallery' } {
  return node.type === 'mdxJsxFlowElement' && node.name === 'Gallery';
}

function isWhitespace(node: Child): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

function isImage(node: Child | ElementContent): node is Image {
  return node.type === 'element' && node.tagName === 'img';
}

/** The images of a block that holds nothing else: a paragraph of only images, or a bare `<img>` in `.md`. */
function imageBlock(node: Child): Element[] | undefined {
  if (isImage(node)) return [node];
  if (node.type !== 'element' || node.tagName !== 'p') return undefined;
  const meaningful = node.children.filter((child) => !isWhitespace(child));
  return meaningful.length > 0 && meaningful.every(isImage) ? meaningful : undefined;
}

/** Every image inside an explicit <Gallery>, in order, wherever MDX put it (one paragraph per line or per block). */
function collectImages(node: Parent): Element[] {
  const images: Element[] = [];
  for (const child of node.children) {
    if (isImage(child)) images.push(child);
    else if (child.type === 'element' || child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
      images.push(...collectImages(child));
    }
  }
  return images;
}

type GalleryAttributes = { caption?: string; columns?: string };

function galleryAttributes(node: MdxJsxFlowElementHast): GalleryAttributes {
  const attributes: GalleryAttributes = {};
  for (const attribute of node.attributes) {
    // Only literal strings survive next-mdx-remote; expression values are stripped before we run.
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
    if (attribute.name === 'caption' || attribute.name === 'columns') attributes[attribute.name] = attribute.value;
  }
  return attributes;
}

/** Columns an editor asked for (1–4), else what suits the count: 2 → 2, 3 → 3, 4 → 2×2, more → 3. */
export function galleryColumns(count: number, requested?: string): number {
  const asked = Number.parseInt(requested ?? '', 10);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, MAX_COLUMNS, Math.max(count, 1));
  if (count <= 3) return Math.max(count, 1);
  return count === 4 ? 2 : 3;
}

/** One cell shape for a whole gallery: the median of its images' ratios, kept between 3:4 and 16:9. */
export function cellRatio(sizes: readonly (ImageSize | undefined)[]): number {
  const ratios = sizes
    .filter((size): size is ImageSize => size !== undefined && size.width > 0 && size.height > 0)
    .map((size) => size.width / size.height)
    .sort((a, b) => a - b);
  if (ratios.length === 0) return DEFAULT_CELL_RATIO;
  const middle = ratios.length / 2;
  const median = ratios.length % 2 ? ratios[Math.floor(middle)]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
  return Math.min(MAX_CELL_RATIO, Math.max(MIN_CELL_RATIO, median));
}

function toGallery(images: Element[], attributes: GalleryAttributes, state: State): Element {
  const number = ++state.galleries;
  const columns = galleryColumns(images.length, attributes.columns);
  const ratio = cellRatio(images.map((image) => sizeOf(image, state)));
  const items = images.map((image, position): Element => {
    // On phones a gallery shows at most two columns; a last odd image then spans the row.
    const wide = columns > 1 && images.length % 2 === 1 && position === images.length - 1;
    markImage(image, { layout: 'gallery', id: `gallery-${number}-${position + 1}`, columns, wide }, state, true);
    return element('li', { className: ['gallery-item'] }, [element('figure', { className: ['gallery-figure'] }, withCaption(image))]);
  });
  const caption = attributes.caption?.trim();
  return element(
    'figure',
    { className: ['gallery', 'not-prose'], dataGallery: `gallery-${number}`, dataColumns: String(columns) },
    [
      element('ul', { className: ['gallery-grid'], role: 'list', style: `--cell-ratio: ${ratio.toFixed(4)}` }, items),
      ...(caption ? [element('figcaption', { className: ['gallery-caption'] }, [{ type: 'text', value: caption }])] : []),
    ],
  );
}

function toFigure(image: Element, state: State): Element {
  markImage(image, { layout: 'figure', id: nextSingleId(state) }, state, true);
  return element('figure', { className: ['article-figure'] }, withCaption(image));
}

function nextSingleId(state: State): string {
  return `image-${++state.singles}`;
}

/** The image, then its title (`![alt](src "title")`) as a visible caption. */
function withCaption(image: Element): ElementContent[] {
  const title = stringProperty(image.properties, 'title')?.trim();
  return title ? [image, element('figcaption', {}, [{ type: 'text', value: title }])] : [image];
}

type Mark = { layout: ImageLayout; id?: string; columns?: number; wide?: boolean };

/** Records, as string data attributes, what the `img` component needs to render the image and its button. */
function markImage(image: Element, mark: Mark, state: State, opens: boolean): void {
  const properties = image.properties;
  properties.dataLayout = mark.layout;
  if (mark.id && opens) {
    properties.dataLightbox = mark.id;
    state.images++;
  }
  if (mark.columns) properties.dataColumns = String(mark.columns);
  if (mark.wide) properties.dataWide = 'true';
  // The first image before any heading is usually on screen at once: it should not wait for lazy loading.
  if (!state.leadTaken) {
    state.leadTaken = true;
    if (!state.headingSeen) properties.dataLead = 'true';
  }
}

function sizeOf(image: Element, state: State): ImageSize | undefined {
  const src = stringProperty(image.properties, 'src');
  return src ? state.options.sizeOf?.(src) : undefined;
}

function stringProperty(properties: Properties, name: string): string | undefined {
  const value = properties[name];
  return typeof value === 'string' ? value : undefined;
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
