// Where the search index is built from and written to. The pages are read from the build output (Pagefind
// indexes what readers see) but listed by the content layer, so drafts and scheduled articles never enter it.
import path from 'node:path';
import { articlePath } from './paths';
import { SEARCH_BUNDLE_PATH } from './search';

export type BuildKind = 'server' | 'export';

/** How Pagefind reads the pages; shared by the build script and the benchmark. */
export const SEARCH_INDEX_CONFIG = {
  forceLanguage: 'en',
  // The "#" beside each heading is a link, not words: left in, it shows up inside excerpts.
  excludeSelectors: ['.heading-anchor'],
};

/** The prerendered HTML of an article: `.next/server/app/posts/x.html` for `next start`, `out/posts/x.html` for an export. */
export function builtArticleFile(root: string, slug: string, kind: BuildKind): string {
  return kind === 'export'
    ? path.join(root, 'out', 'posts', `${slug}.html`)
    : path.join(root, '.next', 'server', 'app', 'posts', `${slug}.html`);
}

/**
 * Where the index goes. `next start` serves public/ as it finds it when the server starts, so an index
 * written there after `next build` is served; an export copied public/ into out/ during the build, so
 * its index is written into out/ directly.
 */
export function searchIndexDir(root: string, kind: BuildKind): string {
  return path.join(root, kind === 'export' ? 'out' : 'public', SEARCH_BUNDLE_PATH);
}

/** The clean URL a result links to (never the `…/page.html` path of the built file). */
export const searchUrlOf = (slug: string) => articlePath(slug);
