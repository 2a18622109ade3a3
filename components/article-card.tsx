import type { Article } from '@/lib/content';
import { cardDataOf } from '@/lib/card';
import { SERVER_CARD_OPTIONS } from '@/lib/server-cards';
import { ArticleCardView } from './article-card-view';

/** A card in the server's listings: the same card, from the same data, that the tag filter draws from its chunks. */
export function ArticleCard({ article }: { article: Article }) {
  return <ArticleCardView card={cardDataOf(article, SERVER_CARD_OPTIONS)} />;
}
