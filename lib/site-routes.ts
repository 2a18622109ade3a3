// The pages the site serves, and from when: what a link in an article may lead to. This mirrors the routes
// in app/, so a route added there needs its paths here too; files under public/ are the caller's to look up.
import { FEED_PATHS } from './feed-paths';
import type { ParsedArticle } from './parse-article';
import { listingPath } from './paths';
import { publicationStatus } from './schedule';
import { parseChunkFile, TAG_FILTER_INDEX_PATH } from './tag-filter-index';
import { toTagIdentity, type TagRegistry } from './tags';

export type RouteArticle = Pick<ParsedArticle, 'slug' | 'file' | 'date' | 'time' | 'draft' | 'image' | 'tagNames'>;

/** What a percent-decoded path without a trailing slash leads to, for a reader at a given moment. */
export type Route =
  | { kind: 'page' }
  /** No route has it: a file under public/, or nothing. */
  | { kind: 'none' }
  /** `/tags/<slug>…` where no article, not even a draft, has a tag with that slug. */
  | { kind: 'no-tag'; slug: string }
  /** `/tags/<slug>…` for a tag no article open to the reader has yet; its page appears once `first` is published. */
  | { kind: 'tag-not-yet'; slug: string; first: RouteArticle }
  /** `/page/1`, `/tags/<slug>/page/1`: the first page of a list is served at the list's own path. */
  | { kind: 'first-page'; first: string }
  /** A numbered page past the end of a list of `count` articles, `perPage` to a page. */
  | { kind: 'past-last-page'; count: number; perPage: number; last: string };

export type SiteRoutes = {
  /** What `path` leads to for a reader at `at` (ms since the epoch; Infinity: once every draft is published too). */
  find(path: string, at: number): Route;
  /** The pages a mistyped link most likely meant, among those open at `at`: all but tags' numbered pages and feeds. */
  pages(at: number): string[];
  /** Slugs of the tags whose page is open at `at`. */
  tagSlugs(at: number): string[];
};

const READER_PAGES = ['/', '/tags', ...Object.values(FEED_PATHS), '/sitemap.xml', '/robots.txt', '/icon.svg'];
const SERVED = new Set([...READER_PAGES, TAG_FILTER_INDEX_PATH]);
const PAGE_NUMBER = /^[1-9]\d*$/;
const PAGE: Route = { kind: 'page' };
const NONE: Route = { kind: 'none' };

export function toSiteRoutes(
  articles: readonly RouteArticle[],
  options: { now?: Date; registry?: TagRegistry; perPage: number },
): SiteRoutes {
  // When readers can first open an article, as lib/content.ts decides what a build lists: now, on its date
  // when it is scheduled, never while it is a draft.
  const openFrom = (article: RouteArticle) =>
    article.draft ? Infinity : publicationStatus(article, options.now) === 'scheduled' ? article.time : -Infinity;
  // Compared, not subtracted: two drafts (Infinity - Infinity) would give NaN.
  const byOpening = (a: RouteArticle, b: RouteArticle) => (openFrom(a) < openFrom(b) ? -1 : openFrom(a) > openFrom(b) ? 1 : 0);
  const inOpeningOrder = [...articles].sort((a, b) => byOpening(a, b) || a.file.localeCompare(b.file));
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  // A tag's page exists from when the first of its articles opens, as content.ts groups tags of visible articles only.
  const byTag = new Map<string, RouteArticle[]>();
  for (const article of inOpeningOrder) {
    for (const slug of new Set(article.tagNames.map((name) => toTagIdentity(name, options.registry).slug))) {
      const tagged = byTag.get(slug);
      if (tagged) tagged.push(article);
      else byTag.set(slug, [article]);
    }
  }
  const openAt = (list: readonly RouteArticle[], at: number) => list.filter((article) => openFrom(article) <= at);

  // The numbered pages of a list: page 1 is the list's own path, the others run up to the last one needed.
  function listPage(number: string, list: readonly RouteArticle[], at: number, pathFor: (page: number) => string): Route {
    if (!PAGE_NUMBER.test(number)) return NONE;
    if (number === '1') return { kind: 'first-page', first: pathFor(1) };
    const count = openAt(list, at).length;
    const last = Math.max(1, Math.ceil(count / options.perPage));
    return Number(number) <= last ? PAGE : { kind: 'past-last-page', count, perPage: options.perPage, last: pathFor(last) };
  }

  function find(path: string, at: number): Route {
    if (SERVED.has(path)) return PAGE;
    const [, section, name, ...rest] = path.split('/');
    if (name === undefined) return NONE;
    if (section === 'page' && rest.length === 0) return listPage(name, inOpeningOrder, at, listingPath);
    if (section === 'tags') {
      const tagged = byTag.get(name);
      if (!tagged) return { kind: 'no-tag', slug: name };
      if (openFrom(tagged[0]!) > at) return { kind: 'tag-not-yet', slug: name, first: tagged[0]! };
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'feed.xml')) return PAGE;
      if (rest.length === 2 && rest[0] === 'page') {
        return listPage(rest[1]!, tagged, at, (page) => (page > 1 ? `/tags/${name}/page/${page}` : `/tags/${name}`));
      }
      return NONE;
    }
    if (section === 'posts') {
      const article = bySlug.get(name);
      if (!article || openFrom(article) > at) return NONE;
      // Only an article without a cover gets a drawn social card; the others share their cover.
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'social-card.png' && !article.image)) return PAGE;
      return NONE;
    }
    // The tag filter's data, fetched by the page, not read by people: its chunks are not worth counting here.
    if (section === 'tag-filter' && rest.length === 0 && parseChunkFile(name) !== undefined) return PAGE;
    return NONE;
  }

  function tagSlugs(at: number): string[] {
    return [...byTag].filter(([, tagged]) => openFrom(tagged[0]!) <= at).map(([slug]) => slug);
  }

  function pages(at: number): string[] {
    const open = openAt(inOpeningOrder, at);
    const listPages = Array.from({ length: Math.max(0, Math.ceil(open.length / options.perPage) - 1) }, (_, i) => listingPath(i + 2));
    return [...READER_PAGES, ...listPages, ...tagSlugs(at).map((slug) => `/tags/${slug}`), ...open.map((article) => `/posts/${article.slug}`)];
  }

  return { find, pages, tagSlugs };
}
