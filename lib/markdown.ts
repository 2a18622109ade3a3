// The one markdown pipeline: which syntax each format accepts, what raw HTML survives, how code is highlighted.
import remarkGfm from 'remark-gfm';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import type { PluggableList } from 'unified';
import type { ArticleFormat } from './parse-article';
import { imageSizeOf } from './images';
import { rehypeGallery, type RehypeGalleryOptions } from './rehype-gallery';
import { remarkArticleLinks } from './remark-article-links';

/**
 * GitHub's allowlist, which already drops <script>, <style>, <iframe>, event handlers and javascript: URLs,
 * widened for what editors legitimately write. Ids are kept as written (no "user-content-" prefix) so that
 * footnote links and hand-written anchors keep pointing at their targets.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'abbr', 'small', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id', 'title', 'lang', 'dir'],
    img: [...(defaultSchema.attributes?.img ?? []), 'loading'],
    abbr: ['title'],
  },
};

export const remarkPlugins: PluggableList = [remarkGfm, remarkArticleLinks];

const SHIKI_OPTIONS: RehypeShikiOptions = {
  themes: { light: 'github-light', dark: 'github-dark' },
  // Languages load on first use; an unknown fence language is shown unhighlighted, not a failed build.
  langs: ['ts', 'tsx', 'js', 'json', 'bash', 'python', 'yaml'],
  lazy: true,
  fallbackLanguage: 'text',
  defaultColor: false,
  // The code, not the block around it, scrolls sideways (app/globals.css: so its text fades at the edge, not the
  // block's frame). So the code takes the focus instead of the block, and the keyboard scrolls it.
  tabindex: false,
  transformers: [
    {
      code(node) {
        node.properties.tabindex = '0';
      },
    },
  ],
};

/** `images.onImages` learns how many images open in the lightbox, so a page without any can leave it out. */
export function rehypePlugins(format: ArticleFormat, images: Pick<RehypeGalleryOptions, 'onImages'> = {}): PluggableList {
  // `.md` is CommonMark: raw HTML is parsed (rehype-raw) and then filtered. `.mdx` has no raw HTML,
  // only JSX, which the content check vets and the component registry renders.
  const html: PluggableList = format === 'md' ? [rehypeRaw, [rehypeSanitize, sanitizeSchema]] : [];
  return [
    ...html,
    // After sanitize: the data attributes it adds are ours, not an editor's.
    [rehypeGallery, { sizeOf: imageSizeOf, ...images }],
    rehypeSlug,
    [
      rehypeAutolinkHeadings,
      {
        behavior: 'append',
        properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
        content: { type: 'text', value: '#' },
      },
    ],
    [rehypeShiki, SHIKI_OPTIONS],
  ];
}
