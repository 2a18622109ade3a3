import type { Article, Page } from '@/lib/content';
import type { FilterTag } from '@/lib/tag-lists';
import { listingPath } from '@/lib/paths';
import { site } from '@/lib/site';
import { getTagFilter } from '@/lib/tag-filter-data';
import { ArticleList } from './article-list';
import { TagFilter } from './tag-filter';

export function HomeListing({ page, tags }: { page: Page<Article>; tags: FilterTag[] }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="mb-12 max-w-2xl">
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">
          {page.page === 1 ? 'Latest articles' : `Articles, page ${page.page}`}
        </h1>
        <p className="mt-4 text-lg text-[var(--muted)]">{site.description}</p>
      </header>
      <TagFilter
        tags={tags}
        firstPagePath={listingPath(1)}
        isFirstPage={page.page === 1}
        perPage={site.postsPerPage}
        dataVersion={getTagFilter().index.version}
      >
        <ArticleList page={page} pathFor={listingPath} />
      </TagFilter>
    </div>
  );
}
