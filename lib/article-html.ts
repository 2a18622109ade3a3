// Renders an article body to a standalone HTML string for feeds: the site's own markdown pipeline, with the
// MDX components drawn as plain HTML and every link and image made absolute, since a feed reader shows the
// HTML away from the site, without its CSS, scripts or components.
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { h } from 'hastscript';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { ArticleFormat } from './parse-article';
import type { MdxComponentName } from './mdx-components-names';
import { remarkPlugins, rehypePlugins } from './markdown';

export type ArticleSource = { slug: string; format: ArticleFormat; body: string };

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Attributes = Record<string, string>;

// MDX nodes that remark-rehype keeps as they are, for rehypeMdxToHtml below to turn into HTML.
const MDX_NODE_TYPES = ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] as const;

function attributesOf(node: JsxElement): Attributes {
  const attributes: Attributes = {};
  for (const attribute of node.attributes) {
    // The site renders articles with next-mdx-remote's blockJS, which drops expression values and spreads,
    // and the content check refuses event handlers: the feed keeps exactly the string attributes.
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && !/^on/i.test(attribute.name)) {
      attributes[attribute.name] = attribute.value;
    }
  }
  return attributes;
}

// <Gallery> is left to lib/rehype-gallery.ts inside rehypePlugins, which turns it into plain figure markup
// exactly as on the site.
type HtmlComponentName = Exclude<MdxComponentName, 'Gallery'>;

/** What each other registry component is in plain HTML; keep in step with components/mdx-components.tsx. */
const COMPONENTS_AS_HTML: Record<HtmlComponentName, (attributes: Attributes, children: ElementContent[]) => Element> = {
  Callout: (attributes, children) =>
    h('aside', { className: ['callout', attributes.type === 'warning' ? 'callout-warning' : 'callout-note'] }, [
      h('p', [h('strong', attributes.title ?? (attributes.type === 'warning' ? 'Warning' : 'Note'))]),
      ...children,
    ]),
};

function isComponentName(name: string): name is HtmlComponentName {
  return Object.hasOwn(COMPONENTS_AS_HTML, name);
}

/** Turns the MDX nodes that remark-rehype passed through into ordinary HTML elements. */
function rehypeMdxToHtml() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') {
        // The site renders none of these (blockJS), so neither does the feed.
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name ?? '';
      if (name === 'Gallery') return;
      const attributes = attributesOf(node);
      let replacement: ElementContent[];
      if (isComponentName(name)) replacement = [COMPONENTS_AS_HTML[name](attributes, node.children)];
      else if (/^[a-z]/.test(name)) replacement = [h(name, attributes, node.children)];
      else replacement = node.children; // A fragment (<>…</>) or a name the content check would have refused.
      parent.children.splice(index, 1, ...replacement);
      // Visit the replacement too: a Callout may hold another component.
      return index;
    });
  };
}

/** The "#" anchors beside headings are site chrome; in a reader they show up as stray characters. */
function rehypeRemoveHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      const classes = node.properties.className;
      if (parent && index !== undefined && Array.isArray(classes) && classes.includes('heading-anchor')) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
  };
}

/** Data attributes, inline styles and roles drive the site's lightbox and grid; a reader has neither. */
function rehypeRemoveSiteAttributes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      for (const name of Object.keys(node.properties)) {
        if (/^data[A-Z]/.test(name) || name === 'style' || name === 'role') delete node.properties[name];
      }
    });
  };
}

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Resolves `value` against the article's own URL; URLs with a scheme (https:, mailto:, data:) stay as written. */
export function toAbsoluteUrl(value: string, base: string): string {
  if (HAS_SCHEME.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** Readers resolve relative URLs against the feed, not the article, so every link and image is made absolute. */
function rehypeAbsoluteUrls({ base }: { base: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      for (const name of URL_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = toAbsoluteUrl(value, base);
      }
      const srcSet = node.properties.srcSet;
      if (Array.isArray(srcSet)) {
        node.properties.srcSet = srcSet.map((candidate) => {
          const [url = '', ...descriptor] = String(candidate).trim().split(/\s+/);
          return [toAbsoluteUrl(url, base), ...descriptor].join(' ');
        });
      }
    });
  };
}

/**
 * The article body as an HTML fragment. `articleUrl` is the article's absolute URL, against which relative
 * links, images and `#fragment` links are resolved.
 */
export async function renderArticleHtml(article: ArticleSource, articleUrl: string): Promise<string> {
  const parse: PluggableList = article.format === 'mdx' ? [remarkMdx, ...remarkPlugins] : remarkPlugins;
  const file = await unified()
    .use(remarkParse)
    .use(parse)
    // Raw HTML in `.md` goes on to rehype-raw and rehype-sanitize inside rehypePlugins('md'), as on the site.
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [...MDX_NODE_TYPES] })
    .use(rehypeMdxToHtml)
    .use(rehypePlugins(article.format))
    .use(rehypeRemoveHeadingAnchors)
    .use(rehypeRemoveSiteAttributes)
    .use(rehypeAbsoluteUrls, { base: articleUrl })
    .use(rehypeStringify)
    .process(article.body);
  return String(file).trim();
}
