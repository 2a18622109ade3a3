// Lists of tags as listings and /tags show them: counted, trimmed and sorted.

/** Tags the filter shows at once; the rest wait behind "more tags". */
export const FILTER_TAGS_SHOWN = 12;
/** Tags a listing page carries for the filter at most: beyond that, /tags lists them all. */
export const FILTER_TAGS_LISTED = 60;

/** A tag offered by the filter, with its count in the unfiltered list. */
export type FilterTag = { slug: string; name: string; count: number };

/** Tags most used first, as few fields as the filter needs: the list is part of every listing page. */
export function toFilterTags(tags: readonly FilterTag[], limit: number): FilterTag[] {
  return tags.slice(0, limit).map(({ slug, name, count }) => ({ slug, name, count }));
}

/** The tags of `articles` other than `except`, with how many of them carry each, most used first. */
export function countTagsAmong(articles: readonly { tags: readonly { slug: string; name: string }[] }[], except?: string): FilterTag[] {
  const counts = new Map<string, FilterTag>();
  for (const article of articles) {
    for (const { slug, name } of article.tags) {
      if (slug === except) continue;
      const seen = counts.get(slug);
      counts.set(slug, { slug, name, count: (seen?.count ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export type TagSort = 'count' | 'name';

/** By count (the order tags arrive in) or by name in the site's language, ignoring case and accents. */
export function sortTags(tags: readonly FilterTag[], sort: TagSort, locale: string): FilterTag[] {
  if (sort === 'count') return [...tags];
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...tags].sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}
