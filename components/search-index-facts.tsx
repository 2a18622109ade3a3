import type { Article } from '@/lib/content';

/**
 * What Pagefind stores with an article's search entry besides its text: the date to show and the tags to
 * narrow by. Empty elements with the value in the attribute, so readers see nothing and no text is indexed twice.
 */
export function SearchIndexFacts({ article }: { article: Pick<Article, 'date' | 'tags'> }) {
  return (
    <div hidden>
      <span data-pagefind-meta={`date:${article.date}`} />
      {article.tags.map((tag) => (
        <span key={tag.slug} data-pagefind-filter={`tag:${tag.name}`} />
      ))}
    </div>
  );
}
