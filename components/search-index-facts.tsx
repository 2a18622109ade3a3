import type { Article } from '@/lib/content';
import { formatDate } from '@/lib/dates';
import { site } from '@/lib/site';

/**
 * What Pagefind stores with an article besides its body, kept out of sight: the date to show, the tags to
 * narrow by, and the tag names as searchable words. The visible tag list and date line are left out of the
 * index (data-pagefind-ignore) so that excerpts read as prose, not as "AI. Llama 2. March 1, 2023·1 min read".
 * The date is stored formatted too, so the search worker builds no Intl.DateTimeFormat: the first one in a
 * fresh worker loads locale data (77–108 ms measured alone on this machine).
 */
export function SearchIndexFacts({ article }: { article: Pick<Article, 'date' | 'tags'> }) {
  return (
    <div hidden>
      <span data-pagefind-meta={`date:${article.date}`} />
      {/* Its text is the value; ignored, so the date is not a searchable word of the article. */}
      <span data-pagefind-ignore="">
        <span data-pagefind-meta="date_text">{formatDate(article.date, site.locale)}</span>
      </span>
      {article.tags.map((tag) => (
        <span key={tag.slug} data-pagefind-filter={`tag:${tag.name}`} />
      ))}
      {article.tags.length > 0 ? <p>Tagged {article.tags.map((tag) => tag.name).join(', ')}.</p> : null}
    </div>
  );
}
