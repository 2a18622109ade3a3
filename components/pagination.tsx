import Link from 'next/link';

type PaginationProps = { page: number; pageCount: number; pathFor: (page: number) => string };

/** Older/newer links; the same relations are announced in <head> by the route's metadata. */
export function Pagination({ page, pageCount, pathFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const linkClass =
    'rounded-full border border-[var(--line)] px-4 py-2 text-sm font-medium hover:border-[var(--ink)] hover:text-[var(--ink)]';
  return (
    <nav aria-label="Pagination" className="mt-16 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={pathFor(page - 1)} rel="prev" className={linkClass}>
          ← Newer articles
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-[var(--muted)]">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pathFor(page + 1)} rel="next" className={linkClass}>
          Older articles →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
