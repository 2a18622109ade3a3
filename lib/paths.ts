// Site paths, built in one place so that links, feeds, the sitemap and tests agree.

/** A percent-encoded path or segment decoded once; as written when it is not valid percent-encoding. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const articlePath = (slug: string) => `/posts/${encodeURIComponent(slug)}`;

/** Tag slugs may hold non-Latin letters; the href is percent-encoded once, and Next decodes it once. */
export const tagPath = (slug: string, page = 1) =>
  `/tags/${encodeURIComponent(slug)}${page > 1 ? `/page/${page}` : ''}`;

export const listingPath = (page: number) => (page > 1 ? `/page/${page}` : '/');

/**
 * Whether a header link leads where the reader is (`aria-current`): 'page' on the link's own page, 'true' elsewhere
 * in its part of the site (a later listing page or an article is under Articles, a tag's page under Tags).
 */
export function headerLinkCurrent(pathname: string, href: '/' | '/tags'): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  const within = href === '/' ? /^\/(page|posts)\// : /^\/tags\//;
  return within.test(pathname) ? 'true' : undefined;
}
