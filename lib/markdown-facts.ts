// What the content layer needs from a .md body (headings, summary, word count, images, links, with their
// places in the file), read with markdown-it. It reads CommonMark about ten times faster than the mdast
// parser, which the content check needs to read thousands of articles in seconds. .mdx bodies keep the
// MDX parser, whose syntax errors editors need; markdown-facts.test.ts holds both to the same answers.
import MarkdownIt, { type Token } from 'markdown-it';
import GithubSlugger from 'github-slugger';
import type { GalleryRef, Heading, ImageRef, LinkRef, Located } from './parse-article';
import { addHtmlRefs, placeIn } from './html-refs';

export type BodyFacts = {
  firstParagraph: string;
  words: number;
  headings: Heading[];
  images: ImageRef[];
  links: LinkRef[];
  galleries: GalleryRef[];
  /** Site components written as HTML tags in a .md body, where they are not components (see parseArticle). */
  components: (Located & { name: string })[];
};

// GitHub's table and strikethrough syntax are built in. Raw HTML is read as HTML, as the renderer does.
const parser = new MarkdownIt({ html: true, linkify: false });
// Keep destinations as written (the mdast parser does not percent-encode them) and keep every link, even
// those the renderer would refuse: the checks decide what is wrong with them.
parser.normalizeLink = (url) => url;
parser.validateLink = () => true;

/** Text of inline tokens as the mdast `toString` gives it without HTML: text, code and image alt text. */
function plainText(tokens: readonly Token[] | null): string {
  let text = '';
  for (const token of tokens ?? []) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += '\n';
    else if (token.type === 'image') text += plainText(token.children);
  }
  return text;
}

/** Whether a paragraph holds only images (a figure or gallery, not prose). */
function onlyImages(tokens: readonly Token[]): boolean {
  return tokens.every(
    (token) => token.type === 'image' || token.type === 'softbreak' || (token.type === 'text' && token.content.trim() === ''),
  );
}

/**
 * Where a link or image starts: markdown-it gives the lines of a block, not the column of what is inside
 * it, so find `[`/`![` whose `](` is followed by the destination, after the previous one found.
 */
class Locator {
  private cursor = 0;
  private readonly closings = new Set<number>();
  constructor(
    private readonly text: string,
    private readonly firstLine: number,
  ) {}

  find(destination: string, image: boolean): { line: number; column: number } {
    let start = -1;
    for (const opener of [`](${destination}`, `](<${destination}`]) {
      let close = this.text.indexOf(opener, this.cursor);
      // Two links to one address: each `](…` belongs to one link only.
      while (close !== -1 && this.closings.has(close)) close = this.text.indexOf(opener, close + 1);
      if (close !== -1) {
        this.closings.add(close);
        start = this.matchingBracket(close);
        break;
      }
    }
    // Reference links (`[text][ref]`) and destinations with escapes: the next bracket is close enough.
    if (start === -1) start = this.text.indexOf(image ? '![' : '[', this.cursor);
    if (start === -1) start = this.cursor;
    if (image && this.text[start] === '[' && this.text[start - 1] === '!') start -= 1;
    return this.place(start);
  }

  findText(needle: string): { line: number; column: number } {
    const found = this.text.indexOf(needle, this.cursor);
    return this.place(found === -1 ? this.cursor : found);
  }

  private place(start: number): { line: number; column: number } {
    this.cursor = start + 1;
    return placeIn(this.text, start, { line: this.firstLine, column: 1 });
  }

  private matchingBracket(close: number): number {
    let depth = 0;
    for (let i = close; i >= this.cursor; i--) {
      if (this.text[i - 1] === '\\') continue;
      if (this.text[i] === ']') depth++;
      else if (this.text[i] === '[' && --depth === 0) return i;
    }
    return -1;
  }
}

/** `lineOffset`: lines of the file before the body, so places are lines of the file. */
export function markdownFacts(content: string, lineOffset: number): BodyFacts {
  const tokens = parser.parse(content, {});
  const lines = content.split('\n');
  const slugger = new GithubSlugger();
  const facts: BodyFacts = { firstParagraph: '', words: 0, headings: [], images: [], links: [], galleries: [], components: [] };
  const allText: string[] = [];
  let block: [number, number] = [0, 1];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) block = [token.map[0], token.map[1]];
    if (token.type === 'fence' || token.type === 'code_block') allText.push(token.content.replace(/\n$/, ''));
    if (token.type === 'html_block') {
      addHtmlRefs(facts, token.content, { line: block[0] + 1 + lineOffset, column: 1 });
      continue;
    }
    if (token.type !== 'inline') continue;

    const text = plainText(token.children);
    allText.push(text);
    const opener = tokens[i - 1];
    if (opener?.type === 'heading_open') {
      const depth = Number(opener.tag.slice(1));
      const id = slugger.slug(text);
      if (depth === 2 || depth === 3) facts.headings.push({ depth, text, id });
    } else if (opener?.type === 'paragraph_open' && !facts.firstParagraph && !onlyImages(token.children ?? [])) {
      facts.firstParagraph = text.replace(/\s+/g, ' ').trim();
    }

    // Made on the first link or image of the block, as most blocks have none.
    let locator: Locator | undefined;
    const blockLocator = () => (locator ??= new Locator(lines.slice(block[0], block[1]).join('\n'), block[0] + 1 + lineOffset));
    const children = token.children ?? [];
    children.forEach((child, index) => {
      if (child.type === 'image') {
        const src = attribute(child, 'src') ?? '';
        facts.images.push({ ...blockLocator().find(src, true), src, alt: plainText(child.children), title: attribute(child, 'title') });
      } else if (child.type === 'html_inline' && (/^<(img|a)\b/i.test(child.content) || /^<[A-Z]/.test(child.content))) {
        // <img> and <a> are checked like markdown images and links; <Callout> is a component out of place.
        addHtmlRefs(facts, child.content, blockLocator().findText(child.content));
      } else if (child.type === 'link_open') {
        const url = attribute(child, 'href') ?? '';
        // `<https://…>` is written with angle brackets; its text is the address as written.
        const place =
          child.markup === 'autolink' ? blockLocator().findText(`<${children[index + 1]?.content ?? url}>`) : blockLocator().find(url, false);
        facts.links.push({ ...place, url });
      }
    });
  }
  facts.words = allText.join('').split(/\s+/).filter(Boolean).length;
  return facts;
}

function attribute(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}
