// The sitemap's entries: every listing page, tag page and article, with absolute URLs and last-modified dates.
import type { MetadataRoute } from 'next';
import type { Article } from './content';
import type { Tag } from './tags';
import { articlePath, listingPath, tagPath } from './paths';
import { absoluteUrl } from './site';

export type SitemapInput = {
  articles: readonly Article[];
  tags: readonly Tag[];
  articlesByTag: (slug: string) => readonly Article[];
  perPage: number;
};

const lastChange = (article: Pick<Article, 'date' | 'updated'>) => article.updated ?? article.date;

/** The newest change among `articles`: a listing changes when one of the articles it shows does. */
function newestChange(articles: readonly Article[]): string | undefined {
  return articles.map(lastChange).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}

function pages(articles: readonly Article[], perPage: number, pathFor: (page: number) => string): MetadataRoute.Sitemap {
  const pageCount = Math.max(1, Math.ceil(articles.length / perPage));
  return Array.from({ length: pageCount }, (_, i) => ({
    url: absoluteUrl(pathFor(i + 1)),
    lastModified: newestChange(articles.slice(i * perPage, (i + 1) * perPage)),
  }));
}

export function toSitemap({ articles, tags, articlesByTag, perPage }: SitemapInput): MetadataRoute.Sitemap {
  return [
    ...pages(articles, perPage, listingPath),
    { url: absoluteUrl('/tags'), lastModified: newestChange(articles) },
    ...tags.flatMap((tag) => pages(articlesByTag(tag.slug), perPage, (page) => tagPath(tag.slug, page))),
    ...articles.map((article) => ({ url: absoluteUrl(articlePath(article.slug)), lastModified: lastChange(article) })),
  ];
}
