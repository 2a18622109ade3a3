// What search engines and link previews read: article metadata (OpenGraph, Twitter), JSON-LD and feed links.
import type { Metadata } from 'next';
import type { Article } from './content';
import type { Tag } from './tags';
import { FEED_CONTENT_TYPES, FEED_PATHS, tagFeedPath } from './feed-paths';
import { localImageSize } from './images';
import { articlePath, tagPath } from './paths';
import { absoluteUrl, site } from './site';

export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The generated card of an article without a cover (app/posts/[slug]/social-card.png). */
export const socialCardPath = (slug: string) => `${articlePath(slug)}/social-card.png`;

export type SocialImage = { url: string; width?: number; height?: number; alt: string };

/** The picture a shared link shows: the article's cover, or else its generated card. */
export function socialImageOf(article: Pick<Article, 'slug' | 'title' | 'image'>): SocialImage {
  if (article.image) {
    const size = localImageSize(article.image);
    return { url: absoluteUrl(article.image), ...size, alt: article.title };
  }
  return { url: absoluteUrl(socialCardPath(article.slug)), ...SOCIAL_IMAGE_SIZE, alt: article.title };
}

export function articleMetadata(article: Article): Metadata {
  const image = socialImageOf(article);
  const url = articlePath(article.slug);
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description: article.summary,
      siteName: site.name,
      locale: site.locale.replace('-', '_'),
      publishedTime: article.date,
      modifiedTime: article.updated ?? article.date,
      authors: [site.author.name],
      tags: article.tags.map((tag) => tag.name),
      images: [image],
    },
    twitter: {
      card: 'summary_large_image',
      title: article.title,
      description: article.summary,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

/** The `<link rel="alternate">` of a tag's own RSS feed, merged into a tag page's metadata. */
export function withTagFeed(metadata: Metadata, tag: Pick<Tag, 'name' | 'slug'>): Metadata {
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: { [FEED_CONTENT_TYPES.rss]: [{ url: tagFeedPath(tag.slug), title: `${tag.name} · ${site.name}` }] },
    },
  };
}

/** The site-wide feeds every page announces. */
export const SITE_FEED_LINKS = [
  { type: FEED_CONTENT_TYPES.rss, href: absoluteUrl(FEED_PATHS.rss), title: `${site.name} (RSS)` },
  { type: FEED_CONTENT_TYPES.atom, href: absoluteUrl(FEED_PATHS.atom), title: `${site.name} (Atom)` },
  { type: FEED_CONTENT_TYPES.json, href: absoluteUrl(FEED_PATHS.json), title: `${site.name} (JSON Feed)` },
];

type JsonLd = Record<string, unknown>;

export function blogPostingJsonLd(article: Article): JsonLd {
  const url = absoluteUrl(articlePath(article.slug));
  const organization = { '@type': 'Organization', name: site.author.name, url: site.url };
  return {
    '@type': 'BlogPosting',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.summary,
    image: [socialImageOf(article).url],
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    keywords: article.tags.map((tag) => tag.name),
    author: organization,
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    inLanguage: site.locale,
  };
}

/** Home › the article's first tag › the article: the path a reader would browse to reach it. */
export function breadcrumbJsonLd(article: Article): JsonLd {
  const [tag] = article.tags;
  const trail = [
    { name: site.name, url: absoluteUrl('/') },
    ...(tag ? [{ name: tag.name, url: absoluteUrl(tagPath(tag.slug)) }] : []),
    { name: article.title, url: absoluteUrl(articlePath(article.slug)) },
  ];
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: step.url })),
  };
}

export function articleJsonLd(article: Article): JsonLd {
  return { '@context': 'https://schema.org', '@graph': [blogPostingJsonLd(article), breadcrumbJsonLd(article)] };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so a title cannot close the script early. */
export function toJsonLdScript(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
