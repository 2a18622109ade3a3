import type { Article, Page } from '@/lib/content';
import type { Tag } from '@/lib/tags';
import { tagPath } from '@/lib/paths';
import { ArticleList } from './article-list';
import Link from 'next/link';

export function TagListing({ tag, page }: { tag: Tag; page: Page<Article> }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="mb-12 max-w-2xl">
        <p className="text-sm font-medium text-[var(--muted)]">
          <Link href="/tags" className="hover:text-[var(--ink)]">Tags</Link> <span aria-hidden="true">/</span>
        </p>
        <h1 className="mt-2 font-serif text-4xl font-bold tracking-tight sm:text-5xl">{tag.name}</h1>
        <p className="mt-4 text-lg text-[var(--muted)]">
          {tag.count} {tag.count === 1 ? 'article' : 'articles'}
          {page.pageCount > 1 ? `, page ${page.page} of ${page.pageCount}` : ''}
        </p>
      </header>
      <ArticleList page={page} pathFor={(n) => tagPath(tag.slug, n)} />
    </div>
  );
}
