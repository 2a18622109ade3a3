import type { Article } from '@/lib/content';
import { cardDataOf } from '@/lib/card';
import { cardImageOf } from '@/lib/images';
import { site } from '@/lib/site';
import { ArticleCardView } from './article-card-view';

/** A card in the server's listings: the same card, from the same data, that the tag filter draws from its chunks. */
export function ArticleCard({ article }: { article: Article }) {
  return <ArticleCardView card={cardDataOf(article, { imageOf: (src) => cardImageOf(src), locale: site.locale })} />;
}
