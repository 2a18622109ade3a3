// Images and links written as raw HTML in a body (`<img src="…">`, `<a href="…">`), which `.md` articles
// may use: the content check holds them to the same rules as markdown images and links, so a typo in a
// hand-written tag fails the check instead of shipping a broken image.
import { decodeEntities } from './html-entities';
import type { BodyFacts } from './markdown-facts';
import type { Located } from './parse-article';
import { MDX_COMPONENT_NAMES } from './mdx-components-names';

export type HtmlRef =
  | { kind: 'image'; src: string; alt: string; index: number }
  | { kind: 'link'; url: string; index: number }
  /** `<Callout>` in raw HTML: a site component written where components do not exist (a .md body). */
  | { kind: 'component'; name: string; index: number };

const TAG = /<(img|a)(?=[\s/>])([^>]*)>/gi;
// Case matters here: `<Gallery>` is the component, `<gallery>` nothing at all.
const COMPONENT = new RegExp(`<(${MDX_COMPONENT_NAMES.join('|')})(?=[\\s/>])`, 'g');
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (!found.has(name)) found.set(name, decodeEntities(value));
  }
  return found;
}

/** Every `<img>` with a `src` and `<a>` with an `href` in `html`, with the offset of its `<`; comments are skipped. */
export function htmlRefs(html: string): HtmlRef[] {
  // Blank out comments, keeping offsets, so a commented-out tag is not checked.
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const refs: HtmlRef[] = [];
  for (const match of text.matchAll(TAG)) {
    const found = attributes(match[2]!);
    const index = match.index;
    if (match[1]!.toLowerCase() === 'img') {
      const src = found.get('src');
      if (src !== undefined) refs.push({ kind: 'image', src, alt: found.get('alt') ?? '', index });
    } else {
      const url = found.get('href');
      if (url !== undefined) refs.push({ kind: 'link', url, index });
    }
  }
  for (const match of text.matchAll(COMPONENT)) refs.push({ kind: 'component', name: match[1]!, index: match.index });
  return refs.sort((a, b) => a.index - b.index);
}

/** Adds the images and links of raw HTML that starts at `start` in the file to `facts`, marked as HTML. */
export function addHtmlRefs(facts: Pick<BodyFacts, 'images' | 'links' | 'components'>, html: string, start: Located): void {
  for (const ref of htmlRefs(html)) {
    const place = placeIn(html, ref.index, start);
    if (ref.kind === 'image') facts.images.push({ ...place, src: ref.src, alt: ref.alt, html: true });
    else if (ref.kind === 'link') facts.links.push({ ...place, url: ref.url, html: true });
    else facts.components.push({ ...place, name: ref.name });
  }
}

/** Line and column in the file of `offset` within a text that starts at `start`. */
export function placeIn(text: string, offset: number, start: Located): Located {
  const before = text.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  return newlines === 0
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + newlines, column: offset - before.lastIndexOf('\n') };
}
