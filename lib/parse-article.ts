// Turns one article file's text into validated data, or into every problem an editor must fix in it.
import matter from 'gray-matter';
import YAML from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { Root, Paragraph } from 'mdast';
import { Frontmatter, FRONTMATTER_KEYS, describeProblems } from './frontmatter';
import type { ContentIssue } from './content-issue';
import { isMdxComponentName, MDX_COMPONENT_ATTRIBUTES, MDX_COMPONENT_NAMES, type MdxComponentName } from './mdx-components-names';
import { closest, distance } from 'fastest-levenshtein';
import { markdownFacts, type BodyFacts } from './markdown-facts';
import { addHtmlRefs } from './html-refs';
import { describeYamlError, misreadFrontmatter, unclosedFrontmatter } from './yaml-problems';

export type ArticleFormat = 'md' | 'mdx';
export type Heading = { depth: 2 | 3; text: string; id: string };
export type Located = { line: number; column: number };
/** `html`: written as a raw HTML tag (`<img>`, `<a>`) rather than in markdown syntax. */
export type ImageRef = Located & { src: string; alt: string; title?: string; html?: true };
export type LinkRef = Located & { url: string; html?: true };
/** A `<Gallery>` in an .mdx body and how many markdown images it holds. */
export type GalleryRef = Located & { images: number };

export type ParsedArticle = {
  slug: string;
  /** Path from the project root, for messages and "Edit this article" links. */
  file: string;
  format: ArticleFormat;
  title: string;
  /** ISO date or date-time as written, normalised (`2023-03-01`, `2023-03-01T09:30:00Z`). */
  date: string;
  /** Milliseconds since the epoch, for ordering. */
  time: number;
  updated?: string;
  description?: string;
  /** The description, or else the first paragraph of the body as plain text. */
  summary: string;
  image?: string;
  tagNames: string[];
  draft: boolean;
  body: string;
  /** Line of the file on which the body starts, so body positions map back to the file. */
  bodyLine: number;
  readingMinutes: number;
  headings: Heading[];
  images: ImageRef[];
  links: LinkRef[];
  galleries: GalleryRef[];
  /** Line of each frontmatter key, so checks that run later can point at `image:` or `tags:`. */
  fieldLines: Record<string, number>;
};

export type ParseResult = { article?: ParsedArticle; issues: ContentIssue[] };

const WORDS_PER_MINUTE = 230;
export const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;
// Elements that would run code or restyle the whole page if an article carried them.
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form']);

export function slugOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '');
}

/**
 * The file name to suggest for `stem`, one the check accepts: `stem` itself when it is a slug, else only the
 * letters SLUG accepts, joined by hyphens. Undefined for a name with none of them ("!!!"), rather than ".md".
 */
export function slugSuggestion(stem: string): string | undefined {
  const slug = SLUG.test(stem) ? stem : stem.toLowerCase().replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return SLUG.test(slug) ? slug : undefined;
}

export function formatOf(file: string): ArticleFormat {
  return file.endsWith('.mdx') ? 'mdx' : 'md';
}

/** Validates an article's frontmatter and body. `file` is only used for the slug and messages. */
export function parseArticle(file: string, source: string): ParseResult {
  // Files saved on Windows end lines with \r\n, and some editors start them with a byte-order mark: neither
  // is part of what the editor wrote, and YAML would read the \r as part of the last value of a line.
  const raw = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const issues: ContentIssue[] = [];
  const report = (line: number, column: number, message: string, severity: ContentIssue['severity'] = 'error') =>
    issues.push({ file, line, column, message, severity });

  const slug = slugOf(file);
  if (!SLUG.test(slug)) {
    const suggestion = slugSuggestion(slug);
    const rename = suggestion ? `rename it to ${suggestion}.${formatOf(file)}` : 'rename it';
    report(1, 1, `the file name becomes the URL, so it may only hold lowercase letters, digits and single hyphens: ${rename}`);
  }

  if (raw.trim() === '') {
    report(1, 1, 'the file is empty: start it with a --- block holding at least title and date, followed by the text of the article');
    return { issues };
  }
  if (/^[ \t]*\n\s*---[ \t]*\n/.test(raw)) {
    // gray-matter only reads a block that opens on the very first line; anything else is "no frontmatter".
    report(1, 1, 'the file starts with empty lines: the --- line that opens the frontmatter must be the very first line of the file');
    return { issues };
  }
  const unclosed = unclosedFrontmatter(raw.split('\n'), FRONTMATTER_KEYS);
  if (unclosed) {
    report(unclosed.line, unclosed.column, unclosed.message);
    return { issues };
  }

  let data: Record<string, unknown>;
  let content: string;
  let frontmatterText: string;
  try {
    // `yaml`'s core schema keeps dates as the strings the editor wrote (js-yaml would turn `2023-02-30`
    // into a Date on 2 March), and passing options also bypasses gray-matter's shared result cache.
    const parsed = matter(raw, { engines: { yaml: readFrontmatterYaml } });
    data = isRecord(parsed.data) ? parsed.data : {};
    content = parsed.content;
    // gray-matter gives no `matter` for a file without frontmatter.
    frontmatterText = parsed.matter ?? '';
  } catch (error) {
    if (error instanceof YAML.YAMLError) {
      // The frontmatter text starts with the newline that ends the opening `---`, so YAML's line numbers are
      // already the file's.
      const problem = describeYamlError(error, raw.split('\n'));
      report(problem.line, problem.column, problem.message);
    } else {
      report(1, 1, `the frontmatter could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { issues };
  }
  if (frontmatterText.trim() === '' && Object.keys(data).length === 0) {
    report(1, 1, 'the article has no frontmatter: start the file with a --- block holding at least title and date');
  }

  const bodyLine = raw.slice(0, raw.length - content.length).split('\n').length;
  const rawLines = raw.split('\n');
  // The closing `---` is the line before the body (gray-matter keeps the newline after it in the body).
  for (const problem of misreadFrontmatter(rawLines, bodyLine - 1)) report(problem.line, problem.column, problem.message);
  const lineOfKey = (key: string | undefined): number => {
    if (!key) return 1;
    const index = rawLines.findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`${key} :`));
    return index === -1 || index + 1 >= bodyLine ? 1 : index + 1;
  };

  const frontmatter = Frontmatter.safeParse(data);
  if (!frontmatter.success) {
    for (const problem of describeProblems(frontmatter.error)) {
      const line = lineOfKey(problem.key);
      // `title: #1 open model`: YAML reads a comment and an empty field, which no editor means.
      const comment = problem.key && /^[^:]+:\s+(#.*?)\s*$/.exec(rawLines[line - 1] ?? '')?.[1];
      const message = comment
        ? `everything after # is a comment in YAML, so ${problem.key} is read as empty: put the whole value in quotes: ${problem.key}: "${comment.replace(/"/g, '\\"')}"`
        : problem.message;
      report(line, 1, message);
    }
  }

  const format = formatOf(file);
  const body = analyzeBody(content, format, bodyLine - 1, report);
  for (const broken of body ? spacedAddresses(content, bodyLine - 1) : []) {
    report(
      broken.line,
      broken.column,
      `this ${broken.image ? 'image' : 'link'} would be published as plain text, because its address ${broken.address} contains a space: ` +
        `${broken.image ? 'rename the file without spaces, or ' : ''}write %20 for each space`,
    );
  }
  for (const component of body?.components ?? []) {
    report(
      component.line,
      component.column,
      `<${component.name}> works only in .mdx articles, and this one is .md, where it would be dropped: rename the file to ${slug}.mdx`,
    );
  }
  if (!frontmatter.success || !body || issues.some((issue) => issue.severity === 'error')) return { issues };

  const { title, date, updated, description, image, tags, draft } = frontmatter.data;
  // A revision dated by its day alone (`updated: 2023-03-01`) may be the same day as a timed `date`.
  const updatedTooEarly = updated && (updated.iso.length === 10 ? updated.iso < date.iso.slice(0, 10) : updated.time < date.time);
  if (updated && updatedTooEarly) {
    report(lineOfKey('updated'), 1, `updated (${updated.iso}) is before date (${date.iso})`);
    return { issues };
  }
  return {
    issues,
    article: {
      slug,
      file,
      format,
      title,
      date: date.iso,
      time: date.time,
      updated: updated?.iso,
      description,
      summary: description ?? body.firstParagraph,
      image,
      tagNames: tags,
      draft,
      body: content,
      bodyLine,
      readingMinutes: Math.max(1, Math.round(body.words / WORDS_PER_MINUTE)),
      headings: body.headings,
      images: body.images,
      links: body.links,
      galleries: body.galleries,
      fieldLines: Object.fromEntries(Object.keys(data).map((key) => [key, lineOfKey(key)])),
    },
  };
}

/**
 * The frontmatter as data. Tags are kept as the editor wrote them: YAML reads `tags: [3.10, 007]` as the
 * numbers 3.1 and 7, and a tag is a name, never a number.
 */
function readFrontmatterYaml(text: string): object {
  const document = YAML.parseDocument(text, { schema: 'core', uniqueKeys: true });
  if (document.errors[0]) throw document.errors[0];
  const tags = document.get('tags', true);
  if (YAML.isSeq(tags)) {
    for (const item of tags.items) {
      if (YAML.isScalar(item) && typeof item.value === 'number' && typeof item.source === 'string') item.value = item.source;
    }
  }
  return (document.toJS() ?? {}) as object;
}

// Built once: a processor per parse would rebuild the syntax tables every time, which dominated checks of
// thousands of articles.
const MD_PARSER = unified().use(remarkParse).use(remarkGfm).freeze();
const MDX_PARSER = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

type Report = (line: number, column: number, message: string, severity?: ContentIssue['severity']) => void;

function analyzeBody(content: string, format: ArticleFormat, lineOffset: number, report: Report): BodyFacts | undefined {
  // Plain markdown has no syntax errors and is most of the content: the faster reader gives the same facts.
  return format === 'md' ? markdownFacts(content, lineOffset) : mdastFacts(content, format, lineOffset, report);
}

/** Body facts from the mdast parser: the only one that knows MDX. Exported to hold the fast reader to it. */
export function mdastFacts(content: string, format: ArticleFormat, lineOffset: number, report: Report): BodyFacts | undefined {
  const processor = format === 'mdx' ? MDX_PARSER : MD_PARSER;
  let tree: Root;
  try {
    tree = processor.parse(content);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    let reason = place.reason ?? place.message ?? String(error);
    let line = place.line ?? 1;
    let column = place.column ?? 1;
    // Some messages point at the element they concern, "(4:1-4:10)", counted from the start of the body;
    // that position is the one an editor needs, translated to a line of the file.
    const span = /\s*\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    if (span) {
      line = Number(span[1]);
      column = Number(span[2]);
      reason = reason.replace(span[0], '');
    }
    report(
      line + lineOffset,
      column,
      `this .mdx file is not valid MDX: ${reason}. In MDX, "<" starts a component and "{" an expression: ` +
        'write &lt; or \\{ for the characters themselves, or rename the file to .md if it needs no components',
    );
    return undefined;
  }

  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });

  const slugger = new GithubSlugger();
  const facts: BodyFacts = { firstParagraph: '', words: 0, headings: [], images: [], links: [], galleries: [], components: [] };
  facts.words = toString(tree, { includeHtml: false }).split(/\s+/).filter(Boolean).length;

  visit(tree, (node) => {
    switch (node.type) {
      case 'heading': {
        const text = toString(node);
        const id = slugger.slug(text);
        if (node.depth === 2 || node.depth === 3) facts.headings.push({ depth: node.depth, text, id });
        break;
      }
      case 'paragraph':
        if (!facts.firstParagraph && !isOnlyImages(node)) facts.firstParagraph = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
        break;
      case 'image':
        facts.images.push({ ...at(node), src: node.url, alt: node.alt ?? '', title: node.title ?? undefined });
        break;
      case 'link':
      case 'definition':
        facts.links.push({ ...at(node), url: node.url });
        break;
      case 'html':
        // Raw HTML in a .md body; the same rules as markdown images and links.
        addHtmlRefs(facts, node.value, at(node));
        break;
      case 'mdxjsEsm':
        report(at(node).line, at(node).column, 'import and export lines are not allowed in articles; use the built-in components instead');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // `{/* note */}` is MDX's comment, the one its own error messages recommend; it renders as nothing.
        if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) break;
        report(at(node).line, at(node).column, 'curly braces start a JavaScript expression, which articles may not run, so this text would vanish: write \\{ to show a brace');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const { line, column } = at(node);
        const name = node.name ?? '';
        // <img> and <a> written as JSX in an .mdx body.
        const text = (attribute: string) => {
          const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attribute);
          return found && typeof found.value === 'string' ? found.value : undefined;
        };
        if (name === 'img' && text('src') !== undefined) facts.images.push({ line, column, src: text('src')!, alt: text('alt') ?? '', html: true });
        if (name === 'a' && text('href') !== undefined) facts.links.push({ line, column, url: text('href')!, html: true });
        if (name === 'Gallery') {
          let images = 0;
          visit(node, 'image', () => void images++);
          facts.galleries.push({ line, column, images });
        }
        // In MDX a lowercase name is an HTML element: <callout> would be published as an unstyled, unknown tag.
        const miscased = MDX_COMPONENT_NAMES.find((component) => component.toLowerCase() === name && component !== name);
        if (miscased) {
          report(line, column, `components start with a capital letter: write <${miscased}>, not <${name}>`);
        } else if (/^[A-Z]/.test(name) && !isMdxComponentName(name)) {
          report(line, column, `unknown component <${name}>: did you mean <${closest(name, [...MDX_COMPONENT_NAMES])}>? Available: ${MDX_COMPONENT_NAMES.map((n) => `<${n}>`).join(', ')}`);
        } else if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
          report(line, column, `<${name}> is not allowed in articles`);
        }
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            report(line, column, `<${name}> has a {…} spread attribute, which articles may not use`);
          } else if (attribute.value !== null && typeof attribute.value === 'object') {
            report(line, column, `attribute ${attribute.name} of <${name}> is a JavaScript expression, which is removed when the article is published: write ${attribute.name}="…" with text`);
          } else if (/^on/i.test(attribute.name)) {
            report(line, column, `attribute ${attribute.name} of <${name}> would run code and is not allowed`);
          } else if (isMdxComponentName(name)) {
            const problem = attributeProblem(name, attribute.name, attribute.value);
            if (problem) report(line, column, problem);
          }
        }
        break;
      }
    }
  });
  return facts;
}

/**
 * `![Cover](/images/my cover.jpg)` and `[x](/posts/llama 2)`: markdown ends an address at a space, so neither
 * is an image or a link, and both reach readers as their raw text; no parser reports it. A space followed by
 * a quoted title (`[x](/a "Title")`) is the one legitimate space. Code is skipped, where this is only text.
 */
export function spacedAddresses(body: string, lineOffset: number): (Located & { address: string; image: boolean })[] {
  const found: (Located & { address: string; image: boolean })[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, index) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence || /^(?: {4}|\t)/.test(text)) return;
    // Inline code keeps its length, so columns stay right.
    const prose = text.replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length));
    for (const match of prose.matchAll(/(!?)\[[^\]\n]*\]\(([^()\s<>]+)(\s+[^()\n]*)\)/g)) {
      if (/^\s+["'(]/.test(match[3]!)) continue;
      found.push({ line: index + 1 + lineOffset, column: match.index + 1, address: `${match[2]}${match[3]}`, image: match[1] === '!' });
    }
  });
  return found;
}

/**
 * What is wrong with `name="value"` on a site component, or undefined. A misspelt or unknown attribute, or a
 * value the component does not know, would otherwise be ignored without a word: `<Callout type="danger">`
 * would be published as a plain note.
 */
export function attributeProblem(component: MdxComponentName, name: string, value: string | null | undefined): string | undefined {
  const accepted: Record<string, 'text' | readonly string[]> = MDX_COMPONENT_ATTRIBUTES[component];
  const names = Object.keys(accepted);
  const kind = accepted[name];
  if (kind === undefined) {
    const suggestion = closest(name, names);
    const close = distance(name, suggestion) <= Math.max(2, Math.floor(suggestion.length / 3));
    const takes = names.join(' and ');
    return close
      ? `<${component}> has no attribute ${name} — did you mean ${suggestion}? It takes ${takes}`
      : `<${component}> has no attribute ${name}: it takes ${takes}`;
  }
  const example = kind === 'text' ? `${name}="…"` : `${name}="${kind[kind.length - 1]}"`;
  if (value === null || value === undefined) return `attribute ${name} of <${component}> needs a value, such as ${example}`;
  if (kind !== 'text' && !kind.includes(value)) {
    return `${name}="${value}" is not something <${component}> knows: ${name} must be ${kind.map((option) => `"${option}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`;
  }
  return undefined;
}

function isOnlyImages(node: Paragraph): boolean {
  return node.children.every((child) => child.type === 'image' || (child.type === 'text' && child.value.trim() === ''));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
