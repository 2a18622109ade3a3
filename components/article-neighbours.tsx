import Link from 'next/link';
import type { Article } from '@/lib/content';
import { articlePath } from '@/lib/paths';

export function ArticleNeighbours({ newer, older }: { newer?: Article; older?: Article }) {
  if (!newer && !older) return null;
  const cell = 'flex flex-col gap-1 rounded-xl border border-[var(--line)] p-4 hover:border-[var(--ink)]';
  return (
    <nav aria-label="More articles" className="grid gap-4 sm:grid-cols-2">
      {older ? (
        <Link href={articlePath(older.slug)} rel="prev" className={cell}>
          <span className="text-xs uppercase tracking-wider text-[var(--muted)]">← Previous article</span>
          <span className="font-serif font-semibold">{older.title}</span>
        </Link>
      ) : (
        <span className="hidden sm:block" />
      )}
      {newer ? (
        <Link href={articlePath(newer.slug)} rel="next" className={`${cell} sm:text-right`}>
          <span className="text-xs uppercase tracking-wider text-[var(--muted)]">Next article →</span>
          <span className="font-serif font-semibold">{newer.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
