import { describe, expect, it } from 'vitest';
import { indexContent } from './content';
import { articleJsonLd, articleMetadata, breadcrumbJsonLd, socialImageOf, toJsonLdScript, withTagFeed } from './seo';
import { site } from './site';

const { bySlug } = indexContent(
  [
    {
      file: 'content/posts/with-cover.md',
      raw: "---\ntitle: 'With a cover'\ndate: 2023-03-01\nupdated: 2023-04-02\ndescription: 'A summary.'\nimage: https://cdn.example.org/cover.jpg\ntags: [AI, C#]\n---\n\nBody.\n",
    },
    { file: 'content/posts/no-cover.md', raw: "---\ntitle: 'No </script> cover'\ndate: 2023-05-06T10:00:00Z\n---\n\nFirst paragraph.\n" },
  ],
  { includeDrafts: false },
);
const withCover = bySlug.get('with-cover')!;
const noCover = bySlug.get('no-cover')!;

describe('socialImageOf', () => {
  it('shares the cover when there is one', () => {
    expect(socialImageOf(withCover)).toEqual({ url: 'https://cdn.example.org/cover.jpg', alt: 'With a cover' });
  });

  it('shares the generated 1200×630 card otherwise', () => {
    expect(socialImageOf(noCover)).toEqual({
      url: `${site.url}/posts/no-cover/social-card.png`, width: 1200, height: 630, alt: 'No </script> cover',
    });
  });
});

describe('articleMetadata', () => {
  it('describes the article as an OpenGraph article with its dates and tags', () => {
    const metadata = articleMetadata(withCover);
    expect(metadata.alternates?.canonical).toBe('/posts/with-cover');
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2023-03-01',
      modifiedTime: '2023-04-02',
      tags: ['AI', 'C#'],
      images: [{ url: 'https://cdn.example.org/cover.jpg' }],
    });
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image' });
  });

  it('uses the first paragraph when there is no description, and the date when never updated', () => {
    const metadata = articleMetadata(noCover);
    expect(metadata.description).toBe('First paragraph.');
    expect(metadata.openGraph).toMatchObject({ modifiedTime: '2023-05-06T10:00:00Z' });
  });
});

describe('JSON-LD', () => {
  it('gives a BlogPosting with everything a search engine asks for', () => {
    const [posting] = articleJsonLd(withCover)['@graph'] as unknown[];
    expect(posting).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'With a cover',
      description: 'A summary.',
      image: ['https://cdn.example.org/cover.jpg'],
      datePublished: '2023-03-01',
      dateModified: '2023-04-02',
      keywords: ['AI', 'C#'],
      author: { '@type': 'Organization', name: site.author.name },
    });
  });

  it('gives a breadcrumb through the first tag', () => {
    expect(breadcrumbJsonLd(withCover)).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: site.name, item: `${site.url}/` },
        { '@type': 'ListItem', position: 2, name: 'AI', item: `${site.url}/tags/ai` },
        { '@type': 'ListItem', position: 3, name: 'With a cover', item: `${site.url}/posts/with-cover` },
      ],
    });
    expect(breadcrumbJsonLd(noCover).itemListElement).toHaveLength(2);
  });

  it('cannot be closed early by a title holding </script>', () => {
    const script = toJsonLdScript(articleJsonLd(noCover));
    expect(script).not.toContain('</script>');
    expect(JSON.parse(script)['@graph'][0].headline).toBe('No </script> cover');
  });
});

describe('withTagFeed', () => {
  it('adds the tag’s RSS feed beside the canonical URL', () => {
    expect(withTagFeed({ title: 'C#', alternates: { canonical: '/tags/c-sharp' } }, { name: 'C#', slug: 'c-sharp' })).toEqual({
      title: 'C#',
      alternates: {
        canonical: '/tags/c-sharp',
        types: { 'application/rss+xml': [{ url: '/tags/c-sharp/feed.xml', title: `C# · ${site.name}` }] },
      },
    });
  });
});
