import type { Metadata } from 'next';
import Link from 'next/link';
import { getArticles, getTags } from '@/lib/content';
import { tagPath } from '@/lib/paths';

export const metadata: Metadata = {
  title: 'Tags',
  description: 'Every topic we cover, with the number of articles on each.',
  alternates: { canonical: '/tags' },
};

export default function TagsPage() {
  const tags = getTags();
  const total = getArticles().length;
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="mb-12 max-w-2xl">
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">Tags</h1>
        <p className="mt-4 text-lg text-[var(--muted)]">
          {tags.length} topics across {total} {total === 1 ? 'article' : 'articles'}.
        </p>
      </header>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="All tags">
        {tags.map((tag) => (
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
    </div>
  );
}
