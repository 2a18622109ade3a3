import Link from 'next/link';

type PaginationProps = { page: number; pageCount: number; pathFor: (page: number) => string };

/** Older/newer links; the same relations are announced in <head> by the route's metadata. */
export function Pagination({ page, pageCount, pathFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const linkClass =
    'rounded-full border border-[var(--line)] px-4 py-2 text-sm font-medium whitespace-nowrap hover:border-[var(--ink)] hover:text-[var(--ink)]';
  // Two equal outer columns keep "Page X of Y" in the middle whichever links there are; on a phone the links
  // say only "Newer" and "Older" (the rest is still read out) so all three fit on one line.
  return (
    <nav aria-label="Pagination" className="mt-16 grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] items-center gap-4">
      {page > 1 ? (
        <Link href={pathFor(page - 1)} rel="prev" className={`justify-self-start ${linkClass}`}>
          ← Newer<span className="max-sm:sr-only"> articles</span>
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-[var(--muted)]">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pathFor(page + 1)} rel="next" className={`justify-self-end ${linkClass}`}>
          Older<span className="max-sm:sr-only"> articles</span> →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
