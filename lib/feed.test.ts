import { describe, expect, it } from 'vitest';
import { indexContent } from './content';
import { FEED_LIMIT, siteFeedSpec, tagFeedSpec, toFeed, toFeedDate } from './feed';
import { tagFeedPath } from './feed-paths';
import { site } from './site';

const article = (slug: string, frontmatter: string, body = 'Body text.') => ({
  file: `content/posts/${slug}.md`,
  raw: `---\n${frontmatter}\n---\n\n${body}\n`,
});

const index = indexContent(
  [
    article('older', "title: 'Older one'\ndate: 2023-03-01\ntags: [AI, C++]\nimage: /images/covers/a.jpg"),
    article('newer', "title: 'Newer & better'\ndate: 2023-06-01T09:30:00Z\nupdated: 2023-07-02\ndescription: 'Short.'\ntags: [AI]"),
    article('hidden', "title: 'Not yet'\ndate: 2023-08-01\ndraft: true\ntags: [AI]"),
  ],
  { includeDrafts: false },
);
const html = new Map([
  ['older', '<p>Older <a href="https://example.org/x">body</a></p>'],
  ['newer', '<p>Newer body</p>'],
]);

describe('toFeedDate', () => {
  it('reads a bare day as midnight UTC and keeps a time as written', () => {
    expect(toFeedDate('2023-03-01').toISOString()).toBe('2023-03-01T00:00:00.000Z');
    expect(toFeedDate('2023-06-14T12:30:00+02:00').toISOString()).toBe('2023-06-14T10:30:00.000Z');
  });
});

describe('toFeed', () => {
  const feed = toFeed(siteFeedSpec(index.articles), html);

  it('lists the published articles newest first, with absolute links', () => {
    expect(feed.items.map((item) => item.link)).toEqual([`${site.url}/posts/newer`, `${site.url}/posts/older`]);
  });

  it('carries the full HTML, the summary and both dates', () => {
    const [newer] = feed.items;
    expect(newer?.content).toBe('<p>Newer body</p>');
    expect(newer?.description).toBe('Short.');
    expect(newer?.published?.toISOString()).toBe('2023-06-01T09:30:00.000Z');
    expect(newer?.date.toISOString()).toBe('2023-07-02T00:00:00.000Z');
  });

  it('dates the feed by its newest change, not by the clock', () => {
    expect(feed.options.updated?.toISOString()).toBe('2023-07-02T00:00:00.000Z');
  });

  it('gives a cover as an image enclosure with a real MIME type', () => {
    expect(feed.items[1]?.image).toEqual({ url: `${site.url}/images/covers/a.jpg`, type: 'image/jpeg', length: 0 });
    expect(feed.items[0]?.image).toBeUndefined();
  });

  it('writes RSS with CDATA-wrapped HTML, escaped titles and tag categories', () => {
    const rss = feed.rss2();
    expect(rss).toContain('<![CDATA[Newer & better]]>');
    expect(rss).toContain('<content:encoded><![CDATA[<p>Newer body</p>]]></content:encoded>');
    expect(rss).toContain(`<category domain="${site.url}/tags/c-plus-plus">C++</category>`);
    expect(rss).toContain(`<atom:link href="${site.url}/feed.xml" rel="self" type="application/rss+xml"/>`);
    expect(rss.match(/<item>/g)).toHaveLength(2);
  });

  it('writes Atom and JSON Feed from the same items', () => {
    expect(feed.atom1().match(/<entry>/g)).toHaveLength(2);
    const json: { items: { url: string; content_html: string; tags?: string[] }[] } = JSON.parse(feed.json1());
    expect(json.items.map((item) => item.url)).toEqual([`${site.url}/posts/newer`, `${site.url}/posts/older`]);
    expect(json.items[1]?.tags).toEqual(['AI', 'C++']);
  });

  it(`keeps only the newest ${FEED_LIMIT} articles`, () => {
    const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) =>
      article(`a-${i}`, `title: 'A ${i}'\ndate: 2023-01-01T00:${String(i % 60).padStart(2, '0')}:00Z`),
    );
    const big = indexContent(many, { includeDrafts: false });
    expect(toFeed(siteFeedSpec(big.articles), new Map()).items).toHaveLength(FEED_LIMIT);
  });
});

describe('tag feeds', () => {
  it('live beside the tag page and hold only that tag’s articles', () => {
    const tag = index.tagBySlug.get('c-plus-plus')!;
    const feed = toFeed(tagFeedSpec(tag, index.articlesByTag.get(tag.slug) ?? []), html);
    expect(tagFeedPath(tag.slug)).toBe('/tags/c-plus-plus/feed.xml');
    expect(feed.items.map((item) => item.link)).toEqual([`${site.url}/posts/older`]);
    expect(feed.options.link).toBe(`${site.url}/tags/c-plus-plus`);
    expect(feed.rss2()).toContain(`<atom:link href="${site.url}/tags/c-plus-plus/feed.xml" rel="self"`);
  });

  it('percent-encodes a unicode tag once in its feed URL', () => {
    expect(tagFeedPath('机器学习')).toBe('/tags/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0/feed.xml');
  });
});
