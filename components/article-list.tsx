import type { Article, Page } from '@/lib/content';
import { ArticleCard } from './article-card';
import { Pagination } from './pagination';

type ArticleListProps = { page: Page<Article>; pathFor: (page: number) => string };

export function ArticleList({ page, pathFor }: ArticleListProps) {
  return (
    <>
      <ol className="grid gap-x-8 gap-y-14 sm:grid-cols-2 lg:grid-cols-3" data-testid="article-list">
        {page.items.map((article) => (
          <li key={article.slug}>
            <ArticleCard article={article} />
          </li>
        ))}
      </ol>
      <Pagination page={page.page} pageCount={page.pageCount} pathFor={pathFor} />
    </>
  );
}
