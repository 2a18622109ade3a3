import { formatDate } from '@/lib/dates';
import type { Article } from '@/lib/content';
import { site } from '@/lib/site';

/** `text` is the date already formatted at build time, as the tag filter's cards carry it. */
export function ArticleDate({ article, text }: { article: Pick<Article, 'date'>; text?: string }) {
  return <time dateTime={article.date}>{text ?? formatDate(article.date, site.locale)}</time>;
}

/** "Updated March 5, 2024", when the article says it was revised after its date. */
export function UpdatedDate({ article }: { article: Pick<Article, 'updated'> }) {
  if (!article.updated) return null;
  return (
    <span>
      Updated <time dateTime={article.updated}>{formatDate(article.updated, site.locale)}</time>
    </span>
  );
}

const BADGES = {
  draft: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  scheduled: 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
} as const;

/** Shown only in `next dev`, where drafts and scheduled articles are listed so editors can preview them. */
export function DraftBadge({ article }: { article: Pick<Article, 'status'> }) {
  if (article.status === 'published') return null;
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${BADGES[article.status]}`}
      data-status={article.status}
    >
      {/* The date shown beside the badge is when a scheduled article goes out. */}
      {article.status === 'draft' ? 'Draft' : 'Scheduled'}
    </span>
  );
}

/**
 * Facts about an article (dates, reading time) as a line that wraps on a phone, with a dot between each two.
 * Each dot sits in the gap before its fact; the row is shifted left by one gap and clipped, so the dot before
 * a fact that begins a line is cut away with the first one's: no line starts or ends with a dot, whichever
 * fact moves down. `badge` follows the facts without a dot, and takes no room when it renders nothing.
 */
export function ArticleFacts({ facts, badge, className = '' }: { facts: React.ReactNode[]; badge?: React.ReactNode; className?: string }) {
  return (
    <p className={`overflow-hidden ${className}`}>
      <span className="-ml-5 flex flex-wrap items-center gap-y-1">
        {facts
          .filter((fact) => fact !== null && fact !== undefined && fact !== false)
          .map((fact, i) => (
            <span key={i} className="ml-5">
              <span aria-hidden="true" className="-ml-5 inline-block w-5 text-center">
                ·
              </span>
              {fact}
            </span>
          ))}
        {badge ? <span className="ml-5 empty:hidden">{badge}</span> : null}
      </span>
    </p>
  );
}
