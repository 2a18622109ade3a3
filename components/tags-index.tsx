'use client';
// Every tag with its article count, sortable by count or by name. The server renders the list by count;
// the sort control needs JavaScript, so it appears only once the page is hydrated.
import Link from 'next/link';
import { sortTags, type FilterTag, type TagSort } from '@/lib/tag-lists';
import { tagPath } from '@/lib/paths';
import { setLocationSearch, useHydrated, useLocationSearch } from './use-location-search';

export function TagsIndex({ tags, locale }: { tags: readonly FilterTag[]; locale: string }) {
  const hydrated = useHydrated();
  const search = useLocationSearch();
  const sort: TagSort = new URLSearchParams(search).get('sort') === 'name' ? 'name' : 'count';
  const sorted = sortTags(tags, sort, locale);
  const option = (value: TagSort, label: string) => (
    <button
      type="button"
      aria-pressed={sort === value}
      // The choice is kept in the URL for sharing, but is not worth a Back press of its own.
      onClick={() => setLocationSearch(value === 'name' ? '?sort=name' : '', { replace: true })}
      className="rounded-full px-3 py-1.5 text-sm font-medium text-[var(--muted)] hover:text-[var(--ink)] aria-pressed:bg-[var(--ink)] aria-pressed:text-[var(--page)]"
    >
      {label}
    </button>
  );
  return (
    <>
      {hydrated ? (
        <div role="group" aria-label="Sort tags" className="mb-6 inline-flex items-center gap-1 rounded-full border border-[var(--line)] p-1">
          <span className="px-2 text-sm text-[var(--muted)]" aria-hidden="true">Sort</span>
          {option('count', 'Most articles')}
          {option('name', 'A–Z')}
        </div>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="All tags" data-sort={sort}>
        {sorted.map((tag) => (
          <li key={tag.slug}>
            <Link
              href={tagPath(tag.slug)}
              className="flex items-center justify-between rounded-xl border border-[var(--line)] px-4 py-3 hover:border-[var(--ink)]"
            >
              <span className="font-medium">{tag.name}</span>
              <span className="rounded-full bg-[var(--panel)] px-2.5 py-0.5 text-sm tabular-nums text-[var(--muted)]">
                {tag.count} <span className="sr-only">{tag.count === 1 ? 'article' : 'articles'}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
