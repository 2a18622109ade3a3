import Link from 'next/link';
import type { TagRef } from '@/lib/content';
import { tagPath } from '@/lib/paths';

type TagLinksProps = {
  tags: readonly TagRef[];
  label?: string;
  /** False where links appear by the dozen on every click (the tag filter's results). */
  prefetch?: boolean;
};

export function TagLinks({ tags, label = 'Tags', prefetch }: TagLinksProps) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link
            href={tagPath(tag.slug)}
            prefetch={prefetch}
            className="inline-block rounded-full bg-accent-50 px-2.5 py-0.5 text-xs font-medium text-accent-900 hover:bg-accent-100 dark:bg-accent-900/40 dark:text-accent-100 dark:hover:bg-accent-900/70"
          >
            {tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
