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
        {/* Hidden until focused, then a pill just below the header, where it covers nothing. Styled as itself
            and hidden with not-focus:, since focus:not-sr-only would also take its padding away. */}
        <a
          href="#main"
          className="fixed top-[4.5rem] left-1/2 z-50 -translate-x-1/2 rounded-full bg-[var(--ink)] px-5 py-2.5 text-sm font-medium whitespace-nowrap text-[var(--page)] shadow-lg not-focus:sr-only"
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
