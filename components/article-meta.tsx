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
