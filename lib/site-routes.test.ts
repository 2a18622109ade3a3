import { describe, expect, it } from 'vitest';
import { toSiteRoutes, type RouteArticle } from './site-routes';
import { parseTagRegistry } from './tag-registry';

const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
function article(slug: string, date: string, fields: Partial<RouteArticle> = {}): RouteArticle {
  return { slug, file: `content/posts/${slug}.md`, date, time: at(date), draft: false, tagNames: [], ...fields };
}

const NOW = new Date('2024-06-01T00:00:00Z');
const published = [
  article('one', '2024-01-01', { tagNames: ['AI', 'Policy'] }),
  article('two', '2024-01-02', { tagNames: ['ai'], image: '/images/cover.jpg' }),
  article('three', '2024-01-03'),
];
const draft = article('draft', '2024-01-04', { draft: true, tagNames: ['Robotics'] });
const later = article('later', '2099-01-01', { tagNames: ['Quantum', 'AI'] });
const { registry } = parseTagRegistry('content/tags.yml', 'Policy:\n  slug: policy-and-regulation\n');
const routes = toSiteRoutes([...published, draft, later], { now: NOW, registry, perPage: 2 });
const today = NOW.getTime();

describe('toSiteRoutes', () => {
  it('serves the fixed pages, feeds and data of the site', () => {
    for (const path of ['/', '/tags', '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/robots.txt', '/tag-filter/index.json', '/tag-filter/articles-0.json']) {
      expect(routes.find(path, today), path).toEqual({ kind: 'page' });
    }
    for (const path of ['/posts', '/tag', '/about', '/tag-filter/other.json', '/feed.xml/more']) {
      expect(routes.find(path, today), path).toEqual({ kind: 'none' });
    }
  });

  it('numbers the article list from page 2, as far as the articles open at that moment fill it', () => {
    expect(routes.find('/page/2', today)).toEqual({ kind: 'page' });
    expect(routes.find('/page/3', today)).toEqual({ kind: 'past-last-page', count: 3, perPage: 2, last: '/page/2' });
    expect(routes.find('/page/1', today)).toEqual({ kind: 'first-page', first: '/' });
    expect(routes.find('/page/02', today)).toEqual({ kind: 'none' });
    // The scheduled article counts from its date; with the draft published too, there would be a third page.
    expect(routes.find('/page/3', at('2099-01-01'))).toMatchObject({ kind: 'past-last-page', count: 4 });
    expect(routes.find('/page/3', Infinity)).toEqual({ kind: 'page' });
  });

  it('serves a tag, its feed and its pages from when the first article carrying it opens, under its registered slug', () => {
    expect(routes.find('/tags/ai', today)).toEqual({ kind: 'page' });
    expect(routes.find('/tags/ai/feed.xml', today)).toEqual({ kind: 'page' });
    expect(routes.find('/tags/ai/page/2', today)).toEqual({ kind: 'past-last-page', count: 2, perPage: 2, last: '/tags/ai' });
    expect(routes.find('/tags/ai/page/2', at('2099-01-01'))).toEqual({ kind: 'page' });
    expect(routes.find('/tags/ai/other', today)).toEqual({ kind: 'none' });
    expect(routes.find('/tags/policy-and-regulation', today)).toEqual({ kind: 'page' });
    expect(routes.find('/tags/policy', today)).toEqual({ kind: 'no-tag', slug: 'policy' });
    expect(routes.find('/tags/robotics', today)).toEqual({ kind: 'tag-not-yet', slug: 'robotics', first: draft });
    expect(routes.find('/tags/robotics', Infinity)).toEqual({ kind: 'page' });
    expect(routes.find('/tags/quantum/feed.xml', today)).toEqual({ kind: 'tag-not-yet', slug: 'quantum', first: later });
    expect(routes.find('/tags/quantum', at('2099-01-01'))).toEqual({ kind: 'page' });
  });

  it('serves an article, and its drawn social card only when it has no cover', () => {
    expect(routes.find('/posts/one', today)).toEqual({ kind: 'page' });
    expect(routes.find('/posts/one/social-card.png', today)).toEqual({ kind: 'page' });
    expect(routes.find('/posts/two/social-card.png', today)).toEqual({ kind: 'none' });
    expect(routes.find('/posts/draft', today)).toEqual({ kind: 'none' });
    expect(routes.find('/posts/later', today)).toEqual({ kind: 'none' });
  });

  it('without a moment to judge by, counts every article but drafts as published', () => {
    const timeless = toSiteRoutes([...published, draft, later], { registry, perPage: 2 });
    expect(timeless.find('/tags/quantum', at('2024-02-01'))).toEqual({ kind: 'page' });
    expect(timeless.find('/tags/robotics', at('2024-02-01'))).toMatchObject({ kind: 'tag-not-yet' });
  });

  it('lists the pages readers can open, for suggestions', () => {
    expect(routes.pages(today)).toEqual([
      '/', '/tags', '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/robots.txt', '/icon.svg', '/page/2',
      '/tags/ai', '/tags/policy-and-regulation', '/posts/one', '/posts/three', '/posts/two',
    ]);
    expect(routes.tagSlugs(Infinity)).toEqual(['ai', 'policy-and-regulation', 'quantum', 'robotics']);
  });
});
