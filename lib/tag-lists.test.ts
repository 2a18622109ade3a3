import { describe, expect, it } from 'vitest';
import { countTagsAmong, sortTags, toFilterTags } from './tag-lists';

const tag = (slug: string, name: string) => ({ slug, name });
const AI = tag('ai', 'AI');
const META = tag('meta', 'Meta');
const OPEN = tag('open-source', 'Open Source');

describe('countTagsAmong', () => {
  it('counts the other tags of a tag page, most used first, then by name', () => {
    const onAi = [{ tags: [AI, META] }, { tags: [AI, OPEN, META] }, { tags: [AI] }, { tags: [META, AI] }];
    expect(countTagsAmong(onAi, 'ai')).toEqual([
      { slug: 'meta', name: 'Meta', count: 3 },
      { slug: 'open-source', name: 'Open Source', count: 1 },
    ]);
    expect(countTagsAmong([{ tags: [OPEN] }, { tags: [META] }])).toEqual([
      { slug: 'meta', name: 'Meta', count: 1 },
      { slug: 'open-source', name: 'Open Source', count: 1 },
    ]);
  });
});

describe('toFilterTags', () => {
  it('keeps the first tags and only the fields the filter needs', () => {
    const described = { slug: 'ai', name: 'AI', count: 3, description: 'Not needed by the filter.' };
    expect(toFilterTags([described, { slug: 'meta', name: 'Meta', count: 1 }], 1)).toEqual([{ slug: 'ai', name: 'AI', count: 3 }]);
  });
});

describe('sortTags', () => {
  const tags = [
    { slug: 'ai', name: 'AI', count: 9 },
    { slug: 'c-plus-plus', name: 'C++', count: 2 },
    { slug: 'künstliche-intelligenz', name: 'Künstliche Intelligenz', count: 1 },
    { slug: 'c', name: 'C', count: 1 },
    { slug: 'anthropic', name: 'anthropic', count: 1 },
    { slug: 'gpt-4', name: 'GPT-4', count: 1 },
    { slug: 'gpt-35', name: 'GPT-35', count: 1 },
  ];
  it('leaves count order as given', () => {
    expect(sortTags(tags, 'count', 'en-US')).toEqual(tags);
  });
  it('sorts by name ignoring case, with numbers in numeric order', () => {
    expect(sortTags(tags, 'name', 'en-US').map((t) => t.name)).toEqual([
      'AI', 'anthropic', 'C', 'C++', 'GPT-4', 'GPT-35', 'Künstliche Intelligenz',
    ]);
  });
});
