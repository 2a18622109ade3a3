import { describe, expect, it } from 'vitest';
import { parseInParallel } from './parse-in-parallel';
import { parseArticle } from '../lib/parse-article';

const sources = Array.from({ length: 6 }, (_, i) => ({
  file: `content/posts/a-${i}.${i % 2 ? 'mdx' : 'md'}`,
  raw: `---\ntitle: Article ${i}\ndate: 2024-01-0${i + 1}\n---\n\nBody with [a link](./a-${(i + 1) % 6}.md) and ![pic](/p-${i}.png).\n`,
}));

describe('parseInParallel', () => {
  it('gives, from worker threads, exactly what parsing here gives', async () => {
    const results = await parseInParallel(sources, { threads: 3, minPerThread: 1 });
    expect([...results.keys()].sort()).toEqual(sources.map((source) => source.file).sort());
    for (const source of sources) expect(results.get(source.file)).toEqual(parseArticle(source.file, source.raw));
  }, 60_000);

  it('stays on this thread for a small site', async () => {
    const results = await parseInParallel(sources, { threads: 8 });
    expect(results.size).toBe(6);
  });
});
