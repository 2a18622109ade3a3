import type { Article, Page } from '@/lib/content';
import type { Tag } from '@/lib/tags';
import type { FilterTag } from '@/lib/tag-lists';
import { tagPath } from '@/lib/paths';
import { site } from '@/lib/site';
import { getTagFilter } from '@/lib/tag-filter-data';
import { ArticleList } from './article-list';
import { TagFilter } from './tag-filter';
import Link from 'next/link';

export function TagListing({ tag, page, otherTags }: { tag: Tag; page: Page<Article>; otherTags: FilterTag[] }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="mb-12 max-w-2xl">
        <p className="text-sm font-medium text-[var(--muted)]">
          {/* The slash is glued to the word: a narrow line never leaves it alone at the start of the next. */}
          <Link href="/tags" className="hover:text-[var(--ink)]">Tags</Link>
          <span aria-hidden="true">{'\u00a0/'}</span>
        </p>
        <h1 className="mt-2 font-serif text-4xl font-bold tracking-tight sm:text-5xl">{tag.name}</h1>
        {tag.description ? <p className="mt-4 text-lg text-[var(--ink)]" data-testid="tag-description">{tag.description}</p> : null}
        <p className="mt-4 text-lg text-[var(--muted)]">
          {tag.count} {tag.count === 1 ? 'article' : 'articles'}
          {page.pageCount > 1 ? `, page ${page.page} of ${page.pageCount}` : ''}
        </p>
      </header>
      <TagFilter
        scope={{ slug: tag.slug, name: tag.name }}
        tags={otherTags}
        firstPagePath={tagPath(tag.slug)}
        isFirstPage={page.page === 1}
        perPage={site.postsPerPage}
        dataVersion={getTagFilter().index.version}
      >
        <ArticleList page={page} pathFor={(n) => tagPath(tag.slug, n)} />
      </TagFilter>
    </div>
  );
}
