import Link from 'next/link';
import { site } from '@/lib/site';
import { ThemeToggle } from './theme-toggle';
import { SearchBox } from './search-box';
import { HeaderLink } from './header-link';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-[var(--line)] bg-[var(--page)]/90 backdrop-blur supports-[backdrop-filter]:bg-[var(--page)]/75">
      <div className="relative mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="mr-auto flex items-center gap-2 whitespace-nowrap font-serif text-lg font-bold tracking-tight sm:text-xl">
          <span aria-hidden="true" className="inline-block h-3 w-3 rotate-45 rounded-[3px] bg-accent-600 dark:bg-accent-400" />
          {site.name}
        </Link>
        <SearchBox />
        <nav aria-label="Main">
          <ul className="flex items-center gap-1 text-sm font-medium">
            {/* On phones the site name, which links home too, stands in for it: room for the search button. */}
            <li className="hidden sm:block">
              <HeaderLink href="/">Articles</HeaderLink>
            </li>
            <li>
              <HeaderLink href="/tags">Tags</HeaderLink>
            </li>
          </ul>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
