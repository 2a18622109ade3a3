'use client';
// A header link that shows when the reader is on its page or in its part of the site.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { headerLinkCurrent } from '@/lib/paths';

export function HeaderLink({ href, children }: { href: '/' | '/tags'; children: React.ReactNode }) {
  const current = headerLinkCurrent(usePathname(), href);
  return (
    <Link
      href={href}
      aria-current={current}
      className="rounded-md px-3 py-2 text-[var(--muted)] hover:text-[var(--ink)] aria-[current]:text-[var(--ink)] aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-[6px] aria-[current=page]:decoration-accent-600 dark:aria-[current=page]:decoration-accent-400"
    >
      {children}
    </Link>
  );
}
