// An article's card in a listing. Drawn from plain data, so the server's lists and the tag filter's results
// (rendered in the browser from fetched chunks) are the same card: filtering never changes how one looks.
import Link from 'next/link';
import { hueOf, panelLabelOf, type CardData } from '@/lib/card';
import { articlePath } from '@/lib/paths';
import { ArticleDate, DraftBadge } from './article-meta';
import { CoverFrame } from './cover-frame';
import { TagLinks } from './tag-links';

const SIZES = '(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw';

type ArticleCardViewProps = {
  card: CardData;
  /** False where cards change with every click (the tag filter): prefetching each one's page costs more than it saves. */
  prefetch?: boolean;
};

export function ArticleCardView({ card, prefetch }: ArticleCardViewProps) {
  return (
    <article className="group relative flex flex-col gap-3">
      {card.image ? (
        // A picture that fails to load gives way to the same panel as a card without one, not an empty box.
        <CoverFrame
          image={card.image}
          alt=""
          sizes={SIZES}
          className="transition-opacity group-hover:opacity-90"
          fallback={<CardPanel card={card} className="h-full" />}
        />
      ) : (
        // Without any image, a typographic panel keeps the grid even.
        <CardPanel card={card} className="aspect-[16/9]" />
      )}
      <div className="flex items-center gap-2 text-sm text-[var(--muted)]">
        <ArticleDate article={card} text={card.dateText} />
        <span aria-hidden="true">·</span>
        <span>{card.readingMinutes} min read</span>
        <DraftBadge article={card} />
      </div>
      <h2 className="font-serif text-xl font-bold leading-snug tracking-tight sm:text-2xl">
        <Link href={articlePath(card.slug)} prefetch={prefetch} className="hover:text-[var(--link)]">
          {card.title}
        </Link>
      </h2>
      <p className="line-clamp-3 text-[var(--muted)]">{card.summary}</p>
      <TagLinks tags={card.tags} label={`Tags of ${card.title}`} prefetch={prefetch} />
    </article>
  );
}

/** The coloured panel that stands in for a card's picture: the article's own hue, its first tag or title. */
function CardPanel({ card, className }: { card: CardData; className: string }) {
  const hue = hueOf(card.slug);
  return (
    <span
      aria-hidden="true"
      className={`flex items-end rounded-lg p-5 font-serif text-2xl font-bold text-white ${className}`}
      style={{ background: `linear-gradient(135deg, hsl(${hue} 45% 28%), hsl(${(hue + 50) % 360} 55% 42%))` }}
    >
      {panelLabelOf(card)}
    </span>
  );
}
