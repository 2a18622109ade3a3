import { describe, expect, it } from 'vitest';
import { publicationStatus, resolveNow } from './schedule';
import { indexContent } from './content';

const source = (name: string, frontmatter: string, body = 'Text.') => ({
  file: `content/posts/${name}`,
  raw: `---\n${frontmatter}\n---\n\n${body}\n`,
});
const NOW = new Date('2024-06-01T12:00:00Z');

describe('publicationStatus', () => {
  it('holds back an article dated after now, and publishes it from its date on', () => {
    const time = Date.parse('2024-06-02T00:00:00Z');
    expect(publicationStatus({ draft: false, time }, NOW)).toBe('scheduled');
    expect(publicationStatus({ draft: false, time }, new Date(time))).toBe('published');
    expect(publicationStatus({ draft: false, time }, new Date('2024-06-02T00:00:01Z'))).toBe('published');
  });

  it('keeps a draft a draft whatever its date', () => {
    expect(publicationStatus({ draft: true, time: 0 }, NOW)).toBe('draft');
    expect(publicationStatus({ draft: true, time: Date.parse('2099-01-01') }, NOW)).toBe('draft');
  });

  it('schedules nothing when no time is given', () => {
    expect(publicationStatus({ draft: false, time: Date.parse('2099-01-01') }, undefined)).toBe('published');
  });
});

describe('resolveNow', () => {
  it('uses CONTENT_NOW when set, else the clock it is given', () => {
    expect(resolveNow({ CONTENT_NOW: '2024-06-01' }).toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(resolveNow({ CONTENT_NOW: '2024-06-01T09:30:00+02:00' }).toISOString()).toBe('2024-06-01T07:30:00.000Z');
    expect(resolveNow({}, () => NOW)).toBe(NOW);
    expect(resolveNow({ CONTENT_NOW: ' ' }, () => NOW)).toBe(NOW);
  });

  it('refuses a CONTENT_NOW that is not a date', () => {
    expect(() => resolveNow({ CONTENT_NOW: 'tomorrow' })).toThrow(/CONTENT_NOW "tomorrow" is not a date/);
  });
});

describe('scheduled articles in the content index', () => {
  const sources = [
    source('past.md', 'title: Past\ndate: 2024-05-01\ntags: [AI]'),
    source('today-later.md', 'title: Later today\ndate: 2024-06-01T18:00:00Z\ntags: [AI]'),
    source('future.md', 'title: Future\ndate: 2099-01-01\ntags: [AI, Someday]'),
  ];

  it('keeps future articles, and tags only they use, off the published site', () => {
    const index = indexContent(sources, { includeDrafts: false, now: NOW });
    expect(index.articles.map((article) => article.slug)).toEqual(['past']);
    expect(index.bySlug.has('future')).toBe(false);
    expect(index.tagBySlug.get('ai')?.count).toBe(1);
    expect(index.tagBySlug.has('someday')).toBe(false);
  });

  it('lists what it held back, soonest first', () => {
    const index = indexContent(sources, { includeDrafts: false, now: NOW });
    expect(index.scheduled).toEqual([
      { file: 'content/posts/today-later.md', slug: 'today-later', title: 'Later today', date: '2024-06-01T18:00:00Z' },
      { file: 'content/posts/future.md', slug: 'future', title: 'Future', date: '2099-01-01' },
    ]);
  });

  it('publishes an article once its moment has come, on the next build', () => {
    const index = indexContent(sources, { includeDrafts: false, now: new Date('2024-06-01T18:00:00Z') });
    expect(index.articles.map((article) => article.slug)).toEqual(['today-later', 'past']);
  });

  it('shows scheduled articles, marked as such, in next dev', () => {
    const index = indexContent(sources, { includeDrafts: true, now: NOW });
    expect(index.articles.map((article) => [article.slug, article.status])).toEqual([
      ['future', 'scheduled'],
      ['today-later', 'scheduled'],
      ['past', 'published'],
    ]);
  });
});
