import { describe, expect, it } from 'vitest';
import { newArticleText, toArticleSlug } from './new-article';
import { parseArticle } from './parse-article';

describe('toArticleSlug', () => {
  it('makes a URL-safe file name from a title', () => {
    expect(toArticleSlug("What's new in Llama 2?")).toBe('whats-new-in-llama-2');
    expect(toArticleSlug('  GPT-4: the technical report  ')).toBe('gpt-4-the-technical-report');
    expect(toArticleSlug('Café & Crème brûlée')).toBe('cafe-creme-brulee');
  });

  it('keeps letters of other scripts', () => {
    expect(toArticleSlug('机器学习 news')).toBe('机器学习-news');
    expect(toArticleSlug('Künstliche Intelligenz')).toBe('kunstliche-intelligenz');
  });

  it('gives nothing for a title without letters or digits', () => {
    expect(toArticleSlug('?!')).toBe('');
  });

  it('cuts a very long title at a word boundary', () => {
    const slug = toArticleSlug('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });
});

describe('newArticleText', () => {
  it('is a valid draft dated the given day, whatever the title holds', () => {
    const title = 'Quotes "here": and colons';
    const text = newArticleText(title, '2024-06-01');
    const { article, issues } = parseArticle(`content/posts/${toArticleSlug(title)}.md`, text);
    expect(issues).toEqual([]);
    expect(article).toMatchObject({ title, date: '2024-06-01', draft: true, tagNames: [] });
  });
});
