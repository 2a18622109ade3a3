// A card in the tag filter's results: the listings' own card, drawn from a row of a fetched chunk.
import { memo } from 'react';
import { cardOf, type ChunkArticle, type TagFilterData } from '@/lib/tag-filter-index';
import { ArticleCardView } from './article-card-view';

// Rows come from a cached chunk, so a card that stays in the results gets the same props and is skipped.
export const TagFilterCard = memo(function TagFilterCard({ row, tags }: { row: ChunkArticle; tags: TagFilterData['tags'] }) {
  return <ArticleCardView card={cardOf(row, tags)} prefetch={false} />;
});
