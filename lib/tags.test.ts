import { describe, expect, it } from 'vitest';
import { groupTags, TagCollisionError, toTagKey, toTagSlug } from './tags';

describe('toTagSlug', () => {
  it('gives C, C++ and C# different URLs', () => {
    expect(new Set([toTagSlug('C'), toTagSlug('C++'), toTagSlug('C#')]).size).toBe(3);
    expect(toTagSlug('C++')).toBe('c-plus-plus');
    expect(toTagSlug('C#')).toBe('c-sharp');
  });

  it('keeps dots from becoming file extensions', () => {
    expect(toTagSlug('Node.js')).toBe('node-js');
  });

  it('keeps non-Latin letters as they are', () => {
    expect(toTagSlug('机器学习')).toBe('机器学习');
    expect(toTagSlug('Künstliche Intelligenz')).toBe('künstliche-intelligenz');
  });

  it('treats case and spacing as the same tag', () => {
    expect(toTagSlug(' AI ')).toBe(toTagSlug('ai'));
    expect(toTagKey('Language   Models')).toBe(toTagKey('language models'));
  });
});

describe('groupTags', () => {
  const use = (name: string, file: string, date = 0) => ({ name, file, date });

  it('merges spellings and shows the one most articles use', () => {
    const [tag] = groupTags([use('AI', 'a.md'), use('ai', 'b.md'), use(' AI ', 'c.md')]);
    expect(tag).toEqual({ name: 'AI', slug: 'ai', count: 3 });
  });

  it('breaks a tie between spellings in favour of the newest article', () => {
    const [tag] = groupTags([use('llm', 'old.md', 1), use('LLM', 'new.md', 2)]);
    expect(tag?.name).toBe('LLM');
  });

  it('orders tags by number of articles, then by name', () => {
    const tags = groupTags([use('b', '1.md'), use('a', '1.md'), use('c', '1.md'), use('c', '2.md')]);
    expect(tags.map((tag) => tag.name)).toEqual(['c', 'a', 'b']);
  });

  it('fails naming both tags and their files when two different tags share a slug', () => {
    expect(() => groupTags([use('C++', 'a.md'), use('C plus plus', 'b.md')])).toThrow(TagCollisionError);
    expect(() => groupTags([use('C++', 'a.md'), use('C plus plus', 'b.md')])).toThrow(
      /"c\+\+" \(a\.md\) and "c plus plus" \(b\.md\) would share the URL \/tags\/c-plus-plus/,
    );
  });
});
