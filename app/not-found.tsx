import type { Metadata } from 'next';
import Link from 'next/link';
import { getArticles, getTags } from '@/lib/content';
import { articlePath, tagPath } from '@/lib/paths';
import { DevNewPageReload } from '@/components/dev-new-page-reload';

/** Only `next dev` needs them (see DevNewPageReload); built 404 pages carry nothing extra. */
function devPaths(): string[] | undefined {
  if (process.env.NODE_ENV !== 'development') return undefined;
  return [...getArticles().map((article) => articlePath(article.slug)), ...getTags().map((tag) => tagPath(tag.slug))];
}

// The browser tab and history say what the page is, as every other page's title does.
export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  const paths = devPaths();
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-[var(--muted)]">404</p>
      <h1 className="mt-3 font-serif text-4xl font-bold tracking-tight text-balance sm:text-5xl">This page does not exist</h1>
      <p className="mt-4 text-lg text-[var(--muted)]">
        The article or tag may have been renamed or removed. Everything we publish is listed on the home page.
      </p>
      <p className="mt-8 flex justify-center gap-3">
        <Link href="/" className="rounded-full bg-[var(--ink)] px-5 py-2.5 font-medium text-[var(--page)] hover:opacity-90">
          Go to the home page
        </Link>
        <Link href="/tags" className="rounded-full border border-[var(--line)] px-5 py-2.5 font-medium hover:border-[var(--ink)]">
          Browse tags
        </Link>
      </p>
      {paths ? <DevNewPageReload paths={paths} /> : null}
    </div>
  );
}
