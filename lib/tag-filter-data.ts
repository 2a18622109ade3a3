// The tag filter's index and chunks for the current content, built once per content index.
import { getArticles, getTags, type Article } from './content';
import { SERVER_CARD_OPTIONS } from './server-cards';
import { buildTagFilter, type BuiltTagFilter } from './tag-filter-index';

let cache: { articles: Article[]; built: BuiltTagFilter } | undefined;

export function getTagFilter(): BuiltTagFilter {
  const articles = getArticles();
  // The content layer hands out the same array until the content changes.
  if (cache?.articles !== articles) cache = { articles, built: buildTagFilter(articles, getTags(), SERVER_CARD_OPTIONS) };
  return cache.built;
}
