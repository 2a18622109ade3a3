// The one typed site configuration: every route and component reads identity and URLs from here.

export type SiteConfig = {
  name: string;
  description: string;
  /** Absolute origin without a trailing slash; `SITE_URL` overrides it at build time. */
  url: string;
  author: { name: string; url?: string };
  locale: string;
  /** The repository's web address, without a trailing path; "Edit this article" links start with it. */
  repositoryUrl: string;
  /** Branch the site is built from; "Edit this article" opens the file there. */
  repositoryBranch: string;
  postsPerPage: number;
};

export function toSiteUrl(raw: string | undefined, fallback: string): string {
  const value = (raw ?? '').trim() || fallback;
  // A trailing slash would give `https://x//posts/…` once paths are appended.
  return value.replace(/\/+$/, '');
}

export const site: SiteConfig = {
  name: 'Frontier Notes',
  description: 'Clear, sourced reporting on new AI models, research and the companies building them.',
  url: toSiteUrl(process.env.SITE_URL, 'http://localhost:3000'),
  author: { name: 'The Frontier Notes editors' },
  locale: 'en-US',
  repositoryUrl: 'https://github.com/frontier-notes/site',
  repositoryBranch: 'main',
  postsPerPage: 6,
};

/** Turns a site path (`/posts/x`) into an absolute URL on the configured origin. */
export function absoluteUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${site.url}${path.startsWith('/') ? '' : '/'}${path}`;
}
