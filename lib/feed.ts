// Turns articles into RSS 2.0, Atom and JSON feeds: the whole site's and one per tag, full HTML, absolute URLs.
import { Feed, type Enclosure, type Item } from 'feed';
import type { Article } from './content';
import type { Tag } from './tags';
import { renderArticleHtml } from './article-html';
import { FEED_CONTENT_TYPES, FEED_PATHS, tagFeedPath, type FeedFormat } from './feed-paths';
import { articlePath, tagPath } from './paths';
import { absoluteUrl, site } from './site';

/**
 * How many of the newest articles a feed holds. Readers poll feeds often and keep what they have seen, so
 * a feed carries recent articles, not the archive: with full HTML, 1,000 articles would be megabytes a poll.
 */
export const FEED_LIMIT = 50;

export type FeedSpec = {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  pagePath: string;
  /** Where each format of this feed lives; a tag feed only has RSS. */
  feedPaths: Partial<Record<FeedFormat, string>>;
  articles: readonly Article[];
};

export function siteFeedSpec(articles: readonly Article[]): FeedSpec {
  return { title: site.name, description: site.description, pagePath: '/', feedPaths: FEED_PATHS, articles };
}

export function tagFeedSpec(tag: Pick<Tag, 'name' | 'slug'>, articles: readonly Article[]): FeedSpec {
  return {
    title: `${tag.name} · ${site.name}`,
    description: `Articles tagged ${tag.name} on ${site.name}.`,
    pagePath: tagPath(tag.slug),
    feedPaths: { rss: tagFeedPath(tag.slug) },
    articles,
  };
}

/** A frontmatter date (`2023-03-01` or a full date-time) as a Date; a bare day is midnight UTC, as the site orders it. */
export function toFeedDate(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif',
};

/** A cover as an enclosure with a real MIME type (the `feed` package would guess `image/jpg` from a string). */
function toEnclosure(src: string | undefined): Enclosure | undefined {
  if (!src) return undefined;
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(src)?.[1]?.toLowerCase();
  const type = extension ? IMAGE_TYPES[extension] : undefined;
  return type ? { url: absoluteUrl(src), type, length: 0 } : undefined;
}

export function toFeedItem(article: Article, html: string): Item {
  const url = absoluteUrl(articlePath(article.slug));
  return {
    title: article.title,
    id: url,
    link: url,
    description: article.summary,
    content: html,
    date: toFeedDate(article.updated ?? article.date),
    published: toFeedDate(article.date),
    category: article.tags.map((tag) => ({ name: tag.name, term: tag.slug, domain: absoluteUrl(tagPath(tag.slug)), scheme: absoluteUrl(tagPath(tag.slug)) })),
    image: toEnclosure(article.image),
  };
}

/** Pure: the feed for `spec`, given each article's rendered HTML by slug. */
export function toFeed(spec: FeedSpec, htmlBySlug: ReadonlyMap<string, string>): Feed {
  const articles = spec.articles.slice(0, FEED_LIMIT);
  const items = articles.map((article) => toFeedItem(article, htmlBySlug.get(article.slug) ?? ''));
  // The feed changes when an article does, so its date is the newest article's, not the build's clock.
  const updated = items.reduce((newest, item) => (item.date > newest ? item.date : newest), new Date(0));
  const feedLinks = Object.fromEntries(Object.entries(spec.feedPaths).map(([format, path]) => [format, absoluteUrl(path)]));
  const feed = new Feed({
    id: absoluteUrl(spec.pagePath),
    link: absoluteUrl(spec.pagePath),
    title: spec.title,
    description: spec.description,
    language: site.locale.slice(0, 2),
    updated,
    copyright: `© ${site.author.name}`,
    author: { name: site.author.name, link: site.url },
    feedLinks,
    generator: site.name,
  });
  for (const item of items) feed.addItem(item);
  return feed;
}

// Four feed routes and every tag feed render the same articles within one build worker: render each once.
const htmlCache = new Map<string, Promise<string>>();

export function getArticleHtml(article: Article): Promise<string> {
  const key = `${article.slug}\u0000${article.body}`;
  let html = htmlCache.get(key);
  if (!html) {
    html = renderArticleHtml(article, absoluteUrl(articlePath(article.slug)));
    htmlCache.set(key, html);
  }
  return html;
}

export async function buildFeed(spec: FeedSpec): Promise<Feed> {
  const articles = spec.articles.slice(0, FEED_LIMIT);
  const html = await Promise.all(articles.map(async (article) => [article.slug, await getArticleHtml(article)] as const));
  return toFeed(spec, new Map(html));
}

export function feedResponse(feed: Feed, format: FeedFormat): Response {
  const body = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
  return new Response(body, { headers: { 'Content-Type': `${FEED_CONTENT_TYPES[format]}; charset=utf-8` } });
}
