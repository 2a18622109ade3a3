import { describe, expect, it } from 'vitest';
import { rankRelated, tagWeight, type Relatable } from './related';
import { indexContent } from './content';

type Fixture = Relatable & { tags: { slug: string }[] };

function site(list: { slug: string; day: number; tags: string[]; draft?: boolean }[]) {
  const articles: Fixture[] = list.map(({ slug, day, tags, draft }) => ({
    slug,
    time: Date.UTC(2023, 0, day),
    status: draft ? 'draft' : 'published',
    tags: tags.map((tag) => ({ slug: tag })),
  }));
  const byTag = new Map<string, Fixture[]>();
  for (const article of articles) for (const tag of article.tags) byTag.set(tag.slug, [...(byTag.get(tag.slug) ?? []), article]);
  const related = (slug: string, limit?: number) =>
    rankRelated(articles.find((a) => a.slug === slug)!, byTag, articles.length, limit).map((r) => r.article.slug);
  return { articles, byTag, related };
}

describe('tagWeight', () => {
  it('weighs a rare tag more than a common one, and a tag on every article still above zero', () => {
    expect(tagWeight(1, 100)).toBeGreaterThan(tagWeight(10, 100));
    expect(tagWeight(100, 100)).toBeGreaterThan(0);
  });
});

describe('rankRelated', () => {
  it('prefers an article sharing a rare tag over newer ones sharing as many common tags', () => {
    const { related } = site([
      { slug: 'target', day: 1, tags: ['ai', 'llama', 'models'] },
      { slug: 'rare-match', day: 2, tags: ['ai', 'llama'] },
      { slug: 'common-match-new', day: 9, tags: ['ai', 'models'] },
      { slug: 'common-match-old', day: 8, tags: ['ai', 'models'] },
      { slug: 'filler-1', day: 3, tags: ['ai', 'models'] },
      { slug: 'filler-2', day: 4, tags: ['ai'] },
    ]);
    expect(related('target')).toEqual(['rare-match', 'common-match-new', 'common-match-old']);
  });

  it('breaks ties by recency, then by slug', () => {
    const { related } = site([
      { slug: 'target', day: 1, tags: ['x'] },
      { slug: 'b-old', day: 2, tags: ['x'] },
      { slug: 'new', day: 5, tags: ['x'] },
      { slug: 'a-old', day: 2, tags: ['x'] },
      { slug: 'c-old', day: 2, tags: ['x'] },
    ]);
    expect(related('target')).toEqual(['new', 'a-old', 'b-old']);
  });

  it('never returns the article itself, a draft, or an article sharing no tag', () => {
    const { related } = site([
      { slug: 'target', day: 1, tags: ['x', 'y'] },
      { slug: 'draft', day: 9, tags: ['x', 'y'], draft: true },
      { slug: 'unrelated', day: 9, tags: ['z'] },
      { slug: 'related', day: 2, tags: ['y'] },
    ]);
    expect(related('target')).toEqual(['related']);
  });

  it('returns at most `limit` articles, and nothing for an article without tags', () => {
    const { related } = site([
      { slug: 'target', day: 1, tags: ['x'] },
      ...Array.from({ length: 10 }, (_, i) => ({ slug: `a${i}`, day: i + 2, tags: ['x'] })),
      { slug: 'bare', day: 1, tags: [] },
    ]);
    expect(related('target')).toHaveLength(3);
    expect(related('target', 5)).toEqual(['a9', 'a8', 'a7', 'a6', 'a5']);
    expect(related('bare')).toEqual([]);
  });

  it('names the shared tags, rarest first', () => {
    const { articles, byTag } = site([
      { slug: 'target', day: 1, tags: ['common', 'rare'] },
      { slug: 'other', day: 2, tags: ['common', 'rare'] },
      { slug: 'third', day: 3, tags: ['common'] },
    ]);
    const [top] = rankRelated(articles[0]!, byTag, articles.length);
    expect(top?.sharedTags.map((tag) => tag.slug)).toEqual(['rare', 'common']);
  });

  it('works on the content index, where drafts are listed in development', () => {
    const post = (slug: string, tags: string, extra = '') => ({
      file: `content/posts/${slug}.md`,
      raw: `---\ntitle: ${slug}\ndate: 2023-03-0${slug.length % 9 + 1}\ntags: [${tags}]\n${extra}---\n\nText.\n`,
    });
    const index = indexContent(
      [post('one', 'AI, Meta'), post('two', 'ai, meta'), post('three', 'AI'), post('four', 'Meta', 'draft: true\n')],
      { includeDrafts: true },
    );
    const related = rankRelated(index.bySlug.get('one')!, index.articlesByTag, index.articles.length);
    expect(related.map((r) => r.article.slug)).toEqual(['two', 'three']);
  });
});
