import type { Metadata } from 'next';
import { getArticles, getTags } from '@/lib/content';
import { site } from '@/lib/site';
import { toFilterTags } from '@/lib/tag-lists';
import { TagsIndex } from '@/components/tags-index';

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
      <TagsIndex tags={toFilterTags(tags, tags.length)} locale={site.locale} />
    </div>
  );
}
