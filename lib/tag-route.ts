// What the tag routes share: their static params and the lookup of a tag page from URL params.
import type { Metadata } from 'next';
import { getArticlesByTag, getTag, getTags, paginate, type Article, type Page } from './content';
import type { Tag } from './tags';
import { listingMetadata } from './listing';
import { safeDecode, tagPath } from './paths';
import { site } from './site';
import { countTagsAmong, FILTER_TAGS_LISTED, toFilterTags, type FilterTag } from './tag-lists';

/** `otherTags`: the tags this tag's articles also carry, which its filter offers. */
export type TagPage = { tag: Tag; page: Page<Article>; otherTags: FilterTag[] };

/** All `(tag, page)` pairs that exist; page 1 of each tag lives at /tags/<slug>. */
export function tagPageParams(): { tag: string; page: number }[] {
  return getTags().flatMap((tag) => {
    const pageCount = Math.ceil(tag.count / site.postsPerPage);
    return Array.from({ length: pageCount }, (_, i) => ({ tag: tag.slug, page: i + 1 }));
  });
}

/** The tag of a URL segment: under `next start` it arrives decoded; some static hosts hand it over still encoded. */
export function findTag(rawSlug: string): Tag | undefined {
  return getTag(rawSlug) ?? getTag(safeDecode(rawSlug));
}

export function findTagPage(rawSlug: string, pageNumber: number): TagPage | undefined {
  const tag = findTag(rawSlug);
  if (!tag) return undefined;
  const articles = getArticlesByTag(tag.slug);
  const page = paginate(articles, pageNumber, site.postsPerPage);
  return page && { tag, page, otherTags: toFilterTags(countTagsAmong(articles, tag.slug), FILTER_TAGS_LISTED) };
}

export function tagPageMetadata({ tag, page }: TagPage): Metadata {
  return {
    title: page.page > 1 ? `${tag.name}, page ${page.page}` : tag.name,
    description: tag.description ?? `${tag.count} ${tag.count === 1 ? 'article' : 'articles'} tagged ${tag.name} on ${site.name}.`,
    ...listingMetadata(page, (n) => tagPath(tag.slug, n)),
  };
}
