import type { Heading } from '@/lib/parse-article';

/** Listed only for articles long enough to need one (three or more headings). */
export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  if (headings.length < 3) return null;
  return (
    <nav aria-labelledby="toc-heading" className="rounded-xl border border-[var(--line)] bg-[var(--panel)] p-5 text-sm">
      <h2 id="toc-heading" className="mb-3 text-xs font-semibold uppercase tracking-wider text-[var(--muted)]">
        On this page
      </h2>
      <ol className="space-y-2">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? 'pl-4' : ''}>
            <a href={`#${heading.id}`} className="text-[var(--ink)] hover:text-[var(--link)] hover:underline">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
