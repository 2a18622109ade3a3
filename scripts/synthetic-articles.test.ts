import { describe, expect, it } from 'vitest';
import { parseArticle } from '../lib/parse-article';
import { syntheticArticle } from './synthetic-articles';

describe('syntheticArticle', () => {
  it('is the same article every time', () => {
    expect(syntheticArticle(42)).toEqual(syntheticArticle(42));
  });

  it('has compound words in some articles, as news does, the open-source kind most', () => {
    const bodies = Array.from({ length: 400 }, (_, i) => syntheticArticle(i).source);
    const share = (pattern: RegExp) => bodies.filter((body) => pattern.test(body)).length / bodies.length;
    expect(share(/\b[a-z]+-[a-z]+\b/)).toBeGreaterThan(0.3);
    expect(share(/\bopen-source\b/)).toBeGreaterThan(share(/\blow-latency\b/));
  });

  it('names models with their version in some articles, Llama 2 most', () => {
    const bodies = Array.from({ length: 400 }, (_, i) => syntheticArticle(i).source);
    const share = (pattern: RegExp) => bodies.filter((body) => pattern.test(body)).length / bodies.length;
    expect(share(/\bLlama 2\b/)).toBeGreaterThan(0.1);
    expect(share(/\bLlama 2\b/)).toBeGreaterThan(share(/\bFalcon 40B\b/));
  });

  it('passes the content check, so benchmarks build real pages', () => {
    for (const i of [0, 1, 7, 999]) {
      const { slug, source } = syntheticArticle(i);
      const { article, issues } = parseArticle(`content/posts/${slug}.md`, source);
      expect(issues).toEqual([]);
      expect(article?.readingMinutes).toBeGreaterThanOrEqual(1);
    }
  });
});
