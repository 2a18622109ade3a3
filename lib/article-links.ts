// Links between articles: which URLs in an article point at another article, and where they lead on the site.
import path from 'node:path';
import { articlePath, safeDecode } from './paths';

export type ArticleLink =
  /** `./other.md`, `other.mdx#part`: a file next to this one, rewritten to the article's URL when rendered. */
  | { kind: 'file'; slug: string; href: string }
  /** `/posts/other`: already a site path, checked but left as written. */
  | { kind: 'path'; slug: string; href: string }
  /** `../notes.md`: a markdown file that is not an article, so readers would get a 404. */
  | { kind: 'outside'; href: string };

const POSTS_DIR = 'content/posts';
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const FILE_LINK = /^([^?#]*\.mdx?)([?#].*)?$/i;
const SITE_PATH = /^\/posts\/([^/?#]+)\/?([?#].*)?$/;


/** What `url`, written in an article under content/posts/, points at; undefined for anything but another article. */
export function toArticleLink(url: string): ArticleLink | undefined {
  const value = url.trim();
  if (value === '' || value.startsWith('#') || value.startsWith('//') || SCHEME.test(value)) return undefined;

  const site = SITE_PATH.exec(value);
  if (site) return { kind: 'path', slug: safeDecode(site[1]!), href: value };
  if (value.startsWith('/')) return undefined;

  const file = FILE_LINK.exec(value);
  if (!file) return undefined;
  // Articles sit side by side in one folder, so `./a.md` and `../posts/a.md` both name content/posts/a.md.
  const target = path.posix.join(POSTS_DIR, safeDecode(file[1]!));
  if (path.posix.dirname(target) !== POSTS_DIR) return { kind: 'outside', href: value };
  const slug = path.posix.basename(target).replace(/\.mdx?$/i, '');
  return { kind: 'file', slug, href: `${articlePath(slug)}${file[2] ?? ''}` };
}

/**
 * Where the browser takes a reader who follows a relative link (`posts/other`, `../tags/ai`, `./other`) in the
 * article `slug`: it reads the link from the article's address, /posts/<slug>, so `posts/other` lands on
 * /posts/posts/other. Undefined for any other link, links to .md files included: those are rewritten instead.
 */
export function toLandingPath(url: string, slug: string): string | undefined {
  const value = url.trim();
  if (value === '' || value.startsWith('/') || value.startsWith('#') || SCHEME.test(value) || FILE_LINK.test(value)) return undefined;
  // Only the path matters, so any host will do as the article's address.
  const base = `https://site.invalid${articlePath(slug)}`;
  if (!URL.canParse(value, base)) return undefined;
  const landing = new URL(value, base);
  return `${landing.pathname}${landing.search}${landing.hash}`;
}

/** A link to a page or file of the site: the path as written (up to `?` or `#`) and as the server reads it. */
export type SitePath = {
  /** What the server looks up under public/, still percent-encoded as written: `/files/annual%20report.pdf`. */
  written: string;
  /** Percent-decoded, without a trailing slash (the server redirects it away): `/tags/机器学习`. */
  path: string;
};

/** The site path a link starting with one `/` names; undefined for any other link (`//host/x` is another site). */
export function toSitePath(url: string): SitePath | undefined {
  const value = url.trim();
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  const written = value.split(/[?#]/)[0]!;
  // Segment by segment, so an encoded slash (%2F) cannot make a path of two segments out of one.
  const path = written.split('/').map(safeDecode).join('/').replace(/\/+$/, '');
  return { written, path: path || '/' };
}

/** A link to this site written in full (`https://<site>/tags/ai?x#y`) as the path it names (`/tags/ai?x#y`); any other link as it is. */
export function toLocalUrl(url: string, origin: string): string {
  const value = url.trim();
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value) || !URL.canParse(origin)) return value;
  const link = new URL(value);
  // http and https both reach the site: a host that redirects one to the other serves the same pages.
  return link.host === new URL(origin).host ? `${link.pathname}${link.search}${link.hash}` : value;
}
