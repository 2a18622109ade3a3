// Checks that look beyond one article's own text: links to articles and other pages of the site, local
// image files, alt text, empty galleries and near-miss tags. Pure: the caller says which files exist under
// public/ and what time it is.
import { closest, distance } from 'fastest-levenshtein';
import type { ContentIssue } from './content-issue';
import { slugOf, type ParsedArticle } from './parse-article';
import { toArticleLink, toLandingPath, toLocalUrl, toSitePath } from './article-links';
import { parseDate } from './dates';
import { publicationStatus } from './schedule';
import { site as siteConfig, type SiteConfig } from './site';
import { toSiteRoutes, type SiteRoutes } from './site-routes';
import { toTagIdentity, toTagKey, toTagSlug, type TagRegistry } from './tags';

export type CheckOptions = {
  /** Articles dated after this are scheduled; omitted, nothing is. */
  now?: Date;
  /**
   * Whether a site path such as `/images/x.png`, or `/files/report.pdf` in a link, has a file under public/
   * (the path as written, still percent-encoded); omitted, files are not checked.
   */
  imageExists?: (src: string) => boolean;
  /** Every article file found, including those that failed their own checks: links to them are not reported again. */
  files?: readonly string[];
  /** content/tags.yml, whose aliases are the same tag as their entry. */
  registry?: TagRegistry;
  /** The site's address, whose full URLs are checked like paths, and its articles per listing page; omitted, lib/site.ts's. */
  site?: Pick<SiteConfig, 'url' | 'postsPerPage'>;
};

type CheckedArticle = Pick<
  ParsedArticle,
  'slug' | 'file' | 'date' | 'time' | 'updated' | 'draft' | 'image' | 'images' | 'links' | 'galleries' | 'tagNames' | 'fieldLines'
>;

export function checkArticles(articles: readonly CheckedArticle[], options: CheckOptions = {}): ContentIssue[] {
  return [
    ...checkLinks(articles, options),
    ...articles.flatMap((article) => checkImages(article, options.imageExists)),
    ...articles.flatMap(checkGalleries),
    ...checkTagSpelling(articles, options.registry),
    ...articles.flatMap((article) => checkUpdated(article, options.now)),
  ];
}

/**
 * A revision dated in the future is shown at once ("Updated March 1, 2099"), unlike a future `date`, which
 * schedules the article: most likely a typo in the year, so a warning rather than an error.
 */
export function checkUpdated(article: CheckedArticle, now?: Date): ContentIssue[] {
  // A scheduled article is hidden until its date, its revision date with it.
  if (!article.updated || !now || article.time > now.getTime()) return [];
  const updated = parseDate(article.updated);
  if (!updated.ok || updated.time <= now.getTime()) return [];
  return [
    {
      file: article.file, line: article.fieldLines.updated ?? 1, column: 1, severity: 'warning',
      message: `updated (${article.updated}) is in the future, and readers see it at once: is the year right?`,
    },
  ];
}

/**
 * Links to other articles, and to any other page or file of the site: the target must exist, and readers
 * must be able to open it whenever they can open this one.
 */
export function checkLinks(articles: readonly CheckedArticle[], options: CheckOptions = {}): ContentIssue[] {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const brokenElsewhere = new Set((options.files ?? []).map(slugOf).filter((slug) => !bySlug.has(slug)));
  const { url: origin, postsPerPage } = options.site ?? siteConfig;
  const routes = toSiteRoutes(articles, { now: options.now, registry: options.registry, perPage: postsPerPage });
  const issues: ContentIssue[] = [];

  for (const article of articles) {
    // A draft is judged as if everything were published: only a path that never exists is its problem.
    const at = article.draft ? Infinity : Math.max(options.now?.getTime() ?? -Infinity, article.time);
    for (const link of article.links) {
      const local = toLocalUrl(link.url, origin);
      // A relative link is checked where the browser takes it, as if it had been written as that site path.
      const landing = toLandingPath(local, article.slug);
      const url = landing ?? local;
      const target = toArticleLink(url);
      const report = (message: string) =>
        issues.push({ file: article.file, line: link.line, column: link.column, severity: 'error', message });
      // Where a relative link leads nowhere, what the reader lands on says more than the reason it is missing.
      const reportNowhere = (message: string) =>
        report(landing ? relativeLinkProblem(local, landing, at, routes, options.imageExists) : message);
      if (!target) {
        const problem = sitePathProblem(url, at, routes, { ...options, articlesComplete: brokenElsewhere.size === 0 });
        if (problem?.nowhere) reportNowhere(`the link ${link.url} ${problem.message}`);
        else if (problem) report(`the link ${link.url} ${problem.message}`);
        continue;
      }

      if (target.kind === 'outside') {
        report(`the link ${link.url} leads to a file outside content/posts, which is not part of the site: link to an article as ./<name>.md or /posts/<name>`);
        continue;
      }
      const linked = bySlug.get(target.slug);
      if (link.html && target.kind === 'file') {
        // Only markdown links are rewritten from files to pages; in a tag the file name would reach readers.
        report(`the link ${link.url} is written in HTML, where links to files are not turned into page links: write href="/posts/${target.slug}", or a markdown link [text](${link.url})`);
        continue;
      }
      if (!linked) {
        if (brokenElsewhere.has(target.slug)) continue;
        const suggestion = suggest(target.slug, [...bySlug.keys()]);
        const hint = suggestion
          ? ` — did you mean ${target.kind === 'file' ? `./${bySlug.get(suggestion)!.file.replace(/^.*\//, '')}` : `/posts/${suggestion}`}?`
          : '';
        reportNowhere(`the link ${link.url} leads nowhere: there is no article content/posts/${target.slug}.md or .mdx${hint}`);
        continue;
      }
      // A draft is never shown to readers, so what it links to cannot break a page.
      if (article.draft) continue;
      if (linked.draft) {
        report(`the link ${link.url} leads to a draft (${linked.file}), which readers cannot open: publish it first or remove the link`);
        continue;
      }
      const visibleFrom = Math.max(options.now?.getTime() ?? -Infinity, article.time);
      if (publicationStatus(linked, options.now) === 'scheduled' && linked.time > visibleFrom) {
        report(
          `the link ${link.url} leads to an article scheduled for ${linked.date} (${linked.file}), so it is a broken link until then: ` +
            'remove the link or schedule this article for that date or later',
        );
      }
    }
  }
  return issues;
}

/**
 * What is wrong with a link to a site path other than an article's, in words that follow "the link <url> ",
 * and whether the path exists at all for a reader at `at`; undefined when they can open it (or it is not a site path).
 */
function sitePathProblem(
  url: string,
  at: number,
  routes: SiteRoutes,
  options: Pick<CheckOptions, 'imageExists' | 'registry'> & { articlesComplete: boolean },
): { message: string; nowhere: boolean } | undefined {
  const target = toSitePath(url);
  if (!target) return undefined;
  // The server cannot read such a path, and looking it up under public/ would throw.
  if (!isWellEncoded(target.written)) return { message: 'is not a valid address: a % sign in a link must be written %25', nowhere: false };
  const route = routes.find(target.path, at);
  if (route.kind === 'page' || options.imageExists?.(target.written)) return undefined;
  const didYouMean = (suggestion: string | undefined) => (suggestion ? ` — did you mean ${suggestion}?` : '');
  const nowhere = (message: string) => ({ message, nowhere: true });

  if (route.kind === 'none') {
    if (!options.imageExists) return undefined;
    const hint = didYouMean(suggest(target.path, routes.pages(at)));
    // A name with an extension is most likely a file the editor meant to add under public/.
    return nowhere(
      /\.[^/.]+$/.test(target.path) && !hint
        ? `leads nowhere: there is no file public${target.path}: add it under public/ or correct the link`
        : `leads nowhere: the site has no page ${target.path}${hint}`,
    );
  }
  // Tags and listing pages follow from the articles; one that failed its own checks might carry the tag.
  if (!options.articlesComplete) return undefined;
  switch (route.kind) {
    case 'no-tag': {
      const tag = suggestTag(route.slug, routes.tagSlugs(at), options.registry);
      return nowhere(`leads nowhere: there is no tag with the URL /tags/${route.slug} (tags are made from the articles' tags: lists)${didYouMean(tag && `/tags/${tag}`)}`);
    }
    case 'tag-not-yet':
      return {
        nowhere: false,
        message: route.first.draft
          ? `leads to a tag that only drafts use (${route.first.file}), so readers cannot open /tags/${route.slug}: publish the draft first or remove the link`
          : `leads to a tag whose first article is scheduled for ${route.first.date} (${route.first.file}), so /tags/${route.slug} is a broken link until then: ` +
            'remove the link or schedule this article for that date or later',
      };
    case 'first-page':
      return nowhere(`leads nowhere: the site has no page ${target.path}, because page 1 of the list is ${route.first}${didYouMean(route.first)}`);
    case 'past-last-page':
      return nowhere(
        `leads nowhere: the site has no page ${target.path}, because the list holds ${route.count} ${route.count === 1 ? 'article' : 'articles'} ` +
          `at ${route.perPage} a page, so its last page is ${route.last}`,
      );
  }
}

/**
 * The message for a relative link whose landing path does not exist. Editors write `posts/x` or `../x` meaning
 * a path from the site's root, so that path (or /posts/ in front of it) is suggested first, then a near miss.
 */
function relativeLinkProblem(
  url: string,
  landing: string,
  at: number,
  routes: SiteRoutes,
  imageExists?: (src: string) => boolean,
): string {
  const landed = toSitePath(landing)?.path ?? landing;
  const [, written = '', suffix = ''] = /^([^?#]*)(.*)$/.exec(url.trim()) ?? [];
  const bare = written.replace(/^(\.\.?\/)+/, '');
  const opens = (candidate: string) => {
    const site = toSitePath(candidate);
    return site !== undefined && isWellEncoded(site.written) && (routes.find(site.path, at).kind === 'page' || imageExists?.(site.written) === true);
  };
  const meant = [`/${bare}`, `/posts/${bare}`].find(opens) ?? suggest(landed, routes.pages(at));
  return `the link ${url.trim()} is relative, so readers would land on ${landed}, which does not exist${meant ? ` — did you mean ${meant}${suffix}?` : ''}`;
}

function isWellEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** A tag slug close to `written`: the tag it names by its name or an alias (`/tags/AI`, `/tags/llms`), or a near miss. */
function suggestTag(written: string, slugs: readonly string[], registry?: TagRegistry): string | undefined {
  for (const name of [written, written.replace(/-/g, ' ')]) {
    const { slug } = toTagIdentity(name, registry);
    if (slugs.includes(slug)) return slug;
  }
  return suggest(written, slugs);
}

// A site path (or anything with a scheme) is served as is; a path without a leading slash would be
// resolved against /posts/<slug> by the browser.
const NOT_A_FILE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/** Local images (body and `image`) must be files under public/; body images need alt text. */
export function checkImages(article: CheckedArticle, imageExists?: (src: string) => boolean): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const cover = article.image ? [{ src: article.image, line: article.fieldLines.image ?? 1, column: 1 }] : [];
  for (const image of [...cover, ...article.images]) {
    const report = (message: string, severity: ContentIssue['severity'] = 'error') =>
      issues.push({ file: article.file, line: image.line, column: image.column, severity, message });
    const src = image.src.trim();
    if (src === '' || NOT_A_FILE.test(src)) continue;
    if (!src.startsWith('/')) {
      // `../../public/images/a.png` is where the file sits in the project; the site serves it as /images/a.png.
      const bare = src.replace(/^(\.\.?\/)+/, '');
      const fromRoot = bare.startsWith('public/') ? bare.slice('public'.length) : `/${bare.startsWith('images/') ? bare : `images/${bare}`}`;
      report(`image ${src} is a relative path, which breaks on the article's page: write the path from the public/ folder, such as ${fromRoot}`);
    } else if (!isWellEncoded(src.split(/[?#]/)[0]!)) {
      // Looking such a path up under public/ would throw, and the server cannot read it either.
      report(`image ${src} is not a valid address: a % sign in a path must be written %25`);
    } else if (imageExists && !imageExists(src)) {
      // public/ is the site's root, so public/images/a.png is served as /images/a.png, never as /public/images/a.png.
      report(
        src.startsWith('/public/')
          ? `image ${src} does not exist: paths start from public/, so leave it out: write ${src.slice('/public'.length)}`
          : `image ${src} does not exist: there is no file public${src.split(/[?#]/)[0]}. Add the file or correct the path`,
      );
    }
  }
  for (const image of article.images) {
    if (image.alt.trim() === '') {
      issues.push({
        file: article.file, line: image.line, column: image.column, severity: 'warning',
        message: image.html
          ? `image ${image.src} has no alt text: describe it for readers who cannot see it, as in <img src="${image.src}" alt="What the picture shows">`
          : `image ${image.src} has no alt text: describe it for readers who cannot see it, as in ![What the picture shows](${image.src})`,
      });
    }
  }
  return issues;
}

export function checkGalleries(article: CheckedArticle): ContentIssue[] {
  return article.galleries
    .filter((gallery) => gallery.images === 0)
    .map((gallery) => ({
      file: article.file, line: gallery.line, column: gallery.column, severity: 'error' as const,
      message: '<Gallery> holds no images: put markdown images inside it, one per line, such as ![Alt text](/images/photo.jpg "Caption"), or remove it',
    }));
}

/**
 * A tag one letter away from a tag more articles use is most likely a typo ("Opn Source"). Digits and
 * symbols are left alone, since they tell real tags apart (GPT-3 and GPT-4, C and C#), and so are
 * very short tags.
 */
export function checkTagSpelling(articles: readonly CheckedArticle[], registry?: TagRegistry): ContentIssue[] {
  type Use = { name: string; uses: Array<{ file: string; line: number }> };
  const byKey = new Map<string, Use>();
  for (const article of articles) {
    // Spellings content/tags.yml merges (LLM and LLMs as aliases of Language Models) are one tag, not typos of each other.
    const keys = new Map(article.tagNames.map((tag) => [toTagIdentity(tag, registry).key, tag]));
    for (const [key, written] of keys) {
      const entry = byKey.get(key) ?? { name: registry?.get(toTagKey(written))?.name ?? written, uses: [] };
      entry.uses.push({ file: article.file, line: article.fieldLines.tags ?? 1 });
      byKey.set(key, entry);
    }
  }
  const byLength = new Map<number, string[]>();
  for (const key of byKey.keys()) byLength.set(key.length, [...(byLength.get(key.length) ?? []), key]);

  const issues: ContentIssue[] = [];
  for (const [key, entry] of byKey) {
    if (key.length < 4) continue;
    let best: { use: Use; typo: Typo } | undefined;
    for (const other of [key.length - 1, key.length, key.length + 1].flatMap((length) => byLength.get(length) ?? [])) {
      const candidate = byKey.get(other)!;
      if (candidate.uses.length <= entry.uses.length || (best && candidate.uses.length <= best.use.uses.length)) continue;
      const typo = other.length >= 4 && toTagSlug(key) !== toTagSlug(other) ? typoBetween(key, other) : undefined;
      if (typo) best = { use: candidate, typo };
    }
    if (!best) continue;
    const { name, uses } = best.use;
    const how = best.typo === 'swapped' ? 'has two letters swapped compared with' : 'is one letter away from';
    for (const use of entry.uses) {
      issues.push({
        file: use.file, line: use.line, column: 1, severity: 'warning',
        message: `tag "${entry.name}" ${how} "${name}" (used by ${uses.length} articles) — did you mean "${name}"?`,
      });
    }
  }
  return issues;
}

type Typo = 'one letter' | 'swapped';

/**
 * The slip of the keyboard that turns `b` into `a`, if it is one: a letter added, dropped or mistyped, or two
 * neighbouring letters swapped ("Langauge"). A digit, sign or punctuation mark is left alone: "GPT-4" and
 * "GPT-5", or "C++" and "C#", are different tags, not typos.
 */
function typoBetween(a: string, b: string): Typo | undefined {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (distance(a, b) === 1) return /[\p{N}\p{P}\p{S}]/u.test(`${a[i] ?? ''}${b[i] ?? ''}`) ? undefined : 'one letter';
  const swapped = a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped && /^\p{L}\p{L}$/u.test(a.slice(i, i + 2)) ? 'swapped' : undefined;
}

/** The closest of `candidates` to `value`, if it is close enough to be a plausible typo. */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(value, [...candidates]);
  return distance(value, best) <= Math.max(2, Math.floor(best.length / 4)) ? best : undefined;
}
