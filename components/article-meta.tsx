import { formatDate } from '@/lib/dates';
import type { Article } from '@/lib/content';
import { site } from '@/lib/site';

export function ArticleDate({ article }: { article: Pick<Article, 'date'> }) {
  return <time dateTime={article.date}>{formatDate(article.date, site.locale)}</time>;
}

/** Shown only in `next dev`, where drafts are listed so editors can preview them. */
export function DraftBadge({ article }: { article: Pick<Article, 'status'> }) {
  if (article.status === 'published') return null;
  return (
    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
      Draft
    </span>
  );
}
