// Loads, validates and indexes content/posts: the only way pages, feeds and indexes reach articles.
import fs from 'node:fs';
import path from 'node:path';
import { parseArticle, slugSuggestion, type ParsedArticle, type ParseResult } from './parse-article';
import { ContentError, type ContentIssue } from './content-issue';
import { groupTags, toTagIdentity, TagCollisionError, type Tag } from './tags';
import { parseTagRegistry, TAGS_FILE } from './tag-registry';
import { publicFilePath } from './images';
import { rankRelated, type Related } from './related';
import { checkArticles } from './content-checks';
import { publicationStatus, resolveNow, type PublicationStatus } from './schedule';

export type TagRef = Pick<Tag, 'name' | 'slug'>;
export type Article = Omit<ParsedArticle, 'tagNames'> & {
  tags: TagRef[];
  /** Anything but 'published' is only listed by `next dev`, with a badge. */
  status: PublicationStatus;
};

/** An article dated in the future, held back from readers until its date. */
export type ScheduledArticle = Pick<ParsedArticle, 'file' | 'slug' | 'title' | 'date'>;

export type ContentIndex = {
  /** What readers see, newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  tags: Tag[];
  tagBySlug: Map<string, Tag>;
  articlesByTag: Map<string, Article[]>;
  issues: ContentIssue[];
  /** Held back because their date is still to come, soonest first. */
  scheduled: ScheduledArticle[];
};

export const CONTENT_DIR = 'content/posts';

export type SourceFile = { file: string; raw: string };

/** What content/posts holds: the articles, and markdown files the site would never publish. */
export type ContentSources = {
  sources: SourceFile[];
  /** Paths from the project root of markdown files that are not `content/posts/<slug>.md` or `.mdx`. */
  strayFiles: string[];
};

// Markdown by any of the extensions editors' tools give it, in any case: what an editor meant as an article.
const MARKDOWN_FILE = /\.(?:md|mdx|markdown|mdown|mkdn?)$/i;
// The content contract: an article is content/posts/<slug>.md or .mdx, nothing deeper and no other spelling.
const ARTICLE_FILE = /^content\/posts\/[^/]+\.mdx?$/;

/** Why a markdown file under content/posts is not published, and how to publish it. */
function strayFileIssue(file: string): ContentIssue {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const stem = name.replace(MARKDOWN_FILE, '');
  const extension = /\.mdx$/i.test(name) ? 'mdx' : 'md';
  // The same suggestion parseArticle makes for a file name that is not a slug.
  const slug = slugSuggestion(stem);
  const suggested = slug ? `${slug}.${extension}` : undefined;
  const rename = suggested ? `rename it to ${suggested}` : `rename it so that it ends in .${extension}`;

  const inSubfolder = file.slice(CONTENT_DIR.length + 1).includes('/');
  let message: string;
  if (!inSubfolder) {
    message = `${file} is not published: article files end in .md or .mdx, in lowercase — ${rename}`;
  } else {
    const renameToo = suggested ? suggested !== name : !/\.mdx?$/.test(name);
    message =
      `${file} is not published: it is in a subfolder, which the site does not read — ` +
      `move it to ${CONTENT_DIR}/${renameToo ? ` and ${rename}` : ''} (the file name becomes its URL)`;
  }
  return { file, line: 1, column: 1, severity: 'error', message };
}

/**
 * Builds the index from article sources. Pure: the caller decides which files exist, whether
 * drafts are shown, and what time it is. Throws a ContentError listing every broken article.
 */
export function indexContent(
  sources: readonly SourceFile[],
  options: {
    includeDrafts: boolean;
    /** content/tags.yml, when the site has one. */
    tagsFile?: SourceFile;
    /** Articles dated after this are scheduled; omitted, none is (the clock is never read here). */
    now?: Date;
    /** Whether `/images/x.png` exists under public/; omitted, image files are not checked. */
    imageExists?: (src: string) => boolean;
    /** Results parsed elsewhere (the content check parses on every core); omitted, each source is parsed here. */
    parsed?: ReadonlyMap<string, ParseResult>;
    /** Markdown files readSources found but the site would never publish: each is an error. */
    strayFiles?: readonly string[];
  },
): ContentIndex {
  // An editor who named a file x.MD or put it in a subfolder would otherwise never learn why it is missing.
  const issues: ContentIssue[] = (options.strayFiles ?? []).map(strayFileIssue);
  const { registry, issues: registryIssues } = options.tagsFile
    ? parseTagRegistry(options.tagsFile.file, options.tagsFile.raw)
    : { registry: new Map(), issues: [] };
  issues.push(...registryIssues);
  const parsed: ParsedArticle[] = [];
  const filesBySlug = new Map<string, string[]>();

  for (const source of sources) {
    const result = options.parsed?.get(source.file) ?? parseArticle(source.file, source.raw);
    issues.push(...result.issues);
    if (result.article) parsed.push(result.article);
  }
  for (const article of parsed) filesBySlug.set(article.slug, [...(filesBySlug.get(article.slug) ?? []), article.file]);
  for (const [slug, files] of filesBySlug) {
    if (files.length > 1) {
      for (const file of files) {
        issues.push({
          file, line: 1, column: 1, severity: 'error',
          message: `${files.join(' and ')} would both be published at /posts/${slug}: rename or remove one of them`,
        });
      }
    }
  }

  issues.push(
    ...checkArticles(parsed, { now: options.now, imageExists: options.imageExists, files: sources.map((source) => source.file), registry }),
  );
  const statusOf = (article: Pick<ParsedArticle, 'draft' | 'time'>) => publicationStatus(article, options.now);

  const visible = parsed
    .filter((article) => options.includeDrafts || statusOf(article) === 'published')
    .sort((a, b) => b.time - a.time || a.slug.localeCompare(b.slug));

  let tags: Tag[] = [];
  try {
    const uses = visible.flatMap((article) =>
      article.tagNames.map((name) => ({ name, file: article.file, date: article.time, line: article.fieldLines.tags ?? 1 })),
    );
    tags = groupTags(uses, registry);
  } catch (error) {
    if (!(error instanceof TagCollisionError)) throw error;
    for (const { message, source } of error.problems) issues.push({ ...source, severity: 'error', message });
  }
  if (issues.some((issue) => issue.severity === 'error')) throw new ContentError(issues);

  const tagBySlug = new Map(tags.map((tag) => [tag.slug, tag]));

  const articles = visible.map(({ tagNames, ...rest }): Article => {
    const refs = new Map<string, TagRef>();
    for (const name of tagNames) {
      // groupTags gave every distinct slug exactly one tag, so the lookup cannot miss.
      const tag = tagBySlug.get(toTagIdentity(name, registry).slug)!;
      refs.set(tag.slug, { name: tag.name, slug: tag.slug });
    }
    return { ...rest, tags: [...refs.values()], status: statusOf(rest) };
  });

  const articlesByTag = new Map<string, Article[]>();
  for (const article of articles) {
    for (const tag of article.tags) articlesByTag.set(tag.slug, [...(articlesByTag.get(tag.slug) ?? []), article]);
  }

  return {
    articles,
    bySlug: new Map(articles.map((article) => [article.slug, article])),
    tags,
    tagBySlug,
    articlesByTag,
    issues,
    scheduled: parsed
      .filter((article) => statusOf(article) === 'scheduled')
      .sort((a, b) => a.time - b.time || a.slug.localeCompare(b.slug))
      .map(({ file, slug, title, date }) => ({ file, slug, title, date })),
  };
}

// Articles are read while the site builds (and by `next dev`); every page is prerendered. Turbopack's file tracing
// cannot tell which files a path computed from a listing names, and traced every folder that might hold one
// (public/, out/, the test fixtures) into each route's .nft.json, 1,700–2,700 files each. These ignore comments stop
// that; next.config.ts names content/ for tracing instead, so a server deployed on its own still has the articles.
const untraced = (root: string, file: string) => path.join(/*turbopackIgnore: true*/ root, file);
const readUntraced = (root: string, file: string) => fs.readFileSync(/*turbopackIgnore: true*/ untraced(root, file), 'utf8');
const statUntraced = (root: string, file: string) => fs.statSync(/*turbopackIgnore: true*/ untraced(root, file));

/**
 * Every markdown file under content/posts, subfolders included, as sorted paths from the project root.
 * Hidden files and folders (.DS_Store, .obsidian/) are editors' tools' own, never articles.
 */
function listMarkdownFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(/*turbopackIgnore: true*/ untraced(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (MARKDOWN_FILE.test(entry.name)) files.push(file);
    }
  };
  if (fs.existsSync(/*turbopackIgnore: true*/ untraced(root, CONTENT_DIR))) walk(CONTENT_DIR);
  return files.sort();
}

/** The articles in content/posts, and the markdown files there that the site would not publish (for indexContent). */
export function readSources(root = process.cwd()): ContentSources {
  const files = listMarkdownFiles(root);
  return {
    sources: files
      .filter((file) => ARTICLE_FILE.test(file))
      .map((file) => ({ file, raw: readUntraced(root, file) })),
    strayFiles: files.filter((file) => !ARTICLE_FILE.test(file)),
  };
}

/** content/tags.yml when the site has one: descriptions, fixed slugs and aliases of tags. */
export function readTagsFile(root = process.cwd()): SourceFile | undefined {
  // A literal path, so the bundler's file tracing stays inside content/.
  const file = path.join(root, 'content', 'tags.yml');
  return fs.existsSync(file) ? { file: TAGS_FILE, raw: fs.readFileSync(file, 'utf8') } : undefined;
}

let cache: { signature: string; index: ContentIndex } | undefined;
const isDev = process.env.NODE_ENV === 'development';

/**
 * A cheap fingerprint of content/: in `next dev`, an edit or a new file changes it and the index is rebuilt.
 * It covers the files readSources reads, stray ones included, so a misnamed article shows its error at once.
 */
export function contentSignature(root = process.cwd()): string {
  const tagsFile = path.join(root, 'content', 'tags.yml');
  return listMarkdownFiles(root)
    .map((file) => `${file}:${statUntraced(root, file).mtimeMs}`)
    .concat(fs.existsSync(tagsFile) ? [`tags:${fs.statSync(tagsFile).mtimeMs}`] : [])
    .join('|');
}

/** Whether `src` names a file under public/: a folder (`/images`) is no page, and a link to one is a 404. */
export function publicFileExists(src: string, root = process.cwd()): boolean {
  return fs.statSync(publicFilePath(src, root), { throwIfNoEntry: false })?.isFile() ?? false;
}

function loadContent(): ContentIndex {
  const options = {
    includeDrafts: isDev,
    tagsFile: readTagsFile(),
    now: resolveNow(process.env),
    imageExists: (src: string) => publicFileExists(src),
  };
  try {
    const { sources, strayFiles } = readSources();
    return indexContent(sources, { ...options, strayFiles });
  } catch (error) {
    // In `next dev` a broken article must not turn every page into a stack trace: the layout shows the
    // problems instead (getContentErrors). A build still fails.
    if (!isDev || !(error instanceof ContentError)) throw error;
    return { articles: [], bySlug: new Map(), tags: [], tagBySlug: new Map(), articlesByTag: new Map(), issues: error.issues, scheduled: [] };
  }
}

/** The content index, read once per process (once per change in `next dev`). */
export function getContent(): ContentIndex {
  const signature = isDev ? contentSignature() : 'static';
  if (!cache || cache.signature !== signature) {
    cache = { signature, index: loadContent() };
  }
  return cache.index;
}

/** Errors that stop the content from loading; only `next dev` gets here with any, a build throws them. */
export function getContentErrors(): ContentIssue[] {
  return getContent().issues.filter((issue) => issue.severity === 'error');
}

export function getArticles(): Article[] {
  return getContent().articles;
}

export function getArticle(slug: string): Article | undefined {
  return getContent().bySlug.get(slug);
}

export function getTags(): Tag[] {
  return getContent().tags;
}

export function getTag(slug: string): Tag | undefined {
  return getContent().tagBySlug.get(slug);
}

export function getArticlesByTag(slug: string): Article[] {
  return getContent().articlesByTag.get(slug) ?? [];
}

/** The articles either side of `slug` in reading order: `newer` and `older`. */
export function getNeighbours(slug: string): { newer?: Article; older?: Article } {
  const articles = getArticles();
  const index = articles.findIndex((article) => article.slug === slug);
  if (index === -1) return {};
  return { newer: articles[index - 1], older: articles[index + 1] };
}

/** Up to three published articles sharing the most, and the rarest, tags with `slug`. */
export function getRelated(slug: string): Related<Article>[] {
  const article = getArticle(slug);
  if (!article) return [];
  const { articlesByTag, articles } = getContent();
  return rankRelated(article, articlesByTag, articles.length);
}

export type Page<T> = { items: T[]; page: number; pageCount: number };

/** Page `page` (1-based) of `items`; undefined past the last page so routes can answer 404. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> | undefined {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pageCount };
}
