// Checks that look beyond one article's own text: links between articles, local image files, alt text,
// empty galleries and near-miss tags. Pure: the caller says which image files exist and what time it is.
import { closest, distance } from 'fastest-levenshtein';
import type { ContentIssue } from './content-issue';
import { slugOf, type ParsedArticle } from './parse-article';
import { toArticleLink } from './article-links';
import { publicationStatus } from './schedule';
import { toTagIdentity, toTagKey, toTagSlug, type TagRegistry } from './tags';

export type CheckOptions = {
  /** Articles dated after this are scheduled; omitted, nothing is. */
  now?: Date;
  /** Whether a site path such as `/images/x.png` has a file under public/; omitted, files are not checked. */
  imageExists?: (src: string) => boolean;
  /** Every article file found, including those that failed their own checks: links to them are not reported again. */
  files?: readonly string[];
  /** content/tags.yml, whose aliases are the same tag as their entry. */
  registry?: TagRegistry;
};

type CheckedArticle = Pick<
  ParsedArticle,
  'slug' | 'file' | 'date' | 'time' | 'draft' | 'image' | 'images' | 'links' | 'galleries' | 'tagNames' | 'fieldLines'
>;

export function checkArticles(articles: readonly CheckedArticle[], options: CheckOptions = {}): ContentIssue[] {
  return [
    ...checkLinks(articles, options),
    ...articles.flatMap((article) => checkImages(article, options.imageExists)),
    ...articles.flatMap(checkGalleries),
    ...checkTagSpelling(articles, options.registry),
  ];
}

/** Links to other articles: the target must exist, and readers must be able to open it whenever they can open this one. */
export function checkLinks(articles: readonly CheckedArticle[], options: Pick<CheckOptions, 'now' | 'files'> = {}): ContentIssue[] {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const brokenElsewhere = new Set((options.files ?? []).map(slugOf).filter((slug) => !bySlug.has(slug)));
  const issues: ContentIssue[] = [];

  for (const article of articles) {
    for (const link of article.links) {
      const target = toArticleLink(link.url);
      if (!target) continue;
      const report = (message: string) =>
        issues.push({ file: article.file, line: link.line, column: link.column, severity: 'error', message });

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
        report(`the link ${link.url} leads nowhere: there is no article content/posts/${target.slug}.md or .mdx${hint}`);
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

// A site path (or anything with a scheme) is served as is; a path without a leading slash would be
// resolved against /posts/<slug>/ by the browser.
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
      const bare = src.replace(/^(\.\.?\/)+/, '');
      report(`image ${src} is a relative path, which breaks on the article's page: write the path from the public/ folder, such as /${bare.startsWith('images/') ? bare : `images/${bare}`}`);
    } else if (imageExists && !imageExists(src)) {
      report(`image ${src} does not exist: there is no file public${src.split(/[?#]/)[0]}. Add the file or correct the path`);
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
    let best: Use | undefined;
    for (const other of [key.length - 1, key.length, key.length + 1].flatMap((length) => byLength.get(length) ?? [])) {
      const candidate = byKey.get(other)!;
      if (candidate.uses.length <= entry.uses.length || (best && candidate.uses.length <= best.uses.length)) continue;
      if (other.length >= 4 && isOneLetterOff(key, other) && toTagSlug(key) !== toTagSlug(other)) best = candidate;
    }
    if (!best) continue;
    for (const use of entry.uses) {
      issues.push({
        file: use.file, line: use.line, column: 1, severity: 'warning',
        message: `tag "${entry.name}" is one letter away from "${best.name}" (used by ${best.uses.length} articles) — did you mean "${best.name}"?`,
      });
    }
  }
  return issues;
}

function isOneLetterOff(a: string, b: string): boolean {
  if (distance(a, b) !== 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const changed = `${a[i] ?? ''}${b[i] ?? ''}`;
  return !/[\p{N}\p{P}\p{S}]/u.test(changed);
}

/** The closest of `candidates` to `value`, if it is close enough to be a plausible typo. */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(value, [...candidates]);
  return distance(value, best) <= Math.max(2, Math.floor(best.length / 4)) ? best : undefined;
}
