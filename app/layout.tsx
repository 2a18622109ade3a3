import type { Metadata, Viewport } from 'next';
import { site } from '@/lib/site';
import { getArticles, getContentErrors } from '@/lib/content';
import { SiteHeader } from '@/components/site-header';
import { SiteFooter } from '@/components/site-footer';
import { ContentErrorPage } from '@/components/content-error-page';
import { BOOT_SCRIPT } from '@/components/boot-script';
import { SITE_FEED_LINKS } from '@/lib/seo';
import { inter, serif } from './fonts';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: site.name, template: `%s · ${site.name}` },
  description: site.description,
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  // The footer year is the newest article's, not the build machine's clock: rebuilding old content
  // gives the same page.
  const newest = getArticles()[0];
  const year = newest ? Number(newest.date.slice(0, 4)) : 2023;
  // Only `next dev` gets content errors back instead of a failed build; it shows them in place of the page.
  const contentErrors = getContentErrors();
  return (
    <html lang="en" className={`${inter.variable} ${serif.variable}`} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: BOOT_SCRIPT }} />
        {/* In the layout, not in metadata: a page's own `alternates` (its canonical URL) would replace them. */}
        {SITE_FEED_LINKS.map((feed) => (
          <link key={feed.type} rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
        ))}
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-[var(--ink)] px-4 py-2 text-[var(--page)] focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {contentErrors.length > 0 ? <ContentErrorPage issues={contentErrors} /> : children}
        </main>
        <SiteFooter year={year} />
      </body>
    </html>
  );
}
