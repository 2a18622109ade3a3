import Link from 'next/link';
import { site } from '@/lib/site';

export function SiteFooter({ year }: { year: number }) {
  return (
    <footer className="mt-16 border-t border-[var(--line)]">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-10 text-sm text-[var(--muted)] sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          © {year} {site.author.name}. {site.description}
        </p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link href="/" className="hover:text-[var(--ink)]">Articles</Link>
            </li>
            <li>
              <Link href="/tags" className="hover:text-[var(--ink)]">Tags</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
