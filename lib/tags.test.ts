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
  // Line 4 is where `tags:` sits under a `---`, a title and a date.
  const use = (name: string, file: string, date = 0, line = 4) => ({ name, file, date, line });

  function problemsOf(uses: ReturnType<typeof use>[]) {
    try {
      groupTags(uses);
    } catch (error) {
      if (error instanceof TagCollisionError) return error.problems;
      throw error;
    }
    return [];
  }

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

  it('fails when two different tags share a slug, at the tags line of the newer article, naming the tags as written', () => {
    expect(() => groupTags([use('C++', 'content/posts/a.md', 1), use('C plus plus', 'content/posts/b.md', 2)])).toThrow(TagCollisionError);
    expect(problemsOf([use('C++', 'content/posts/a.md', 1), use('C plus plus', 'content/posts/b.md', 2, 6)])).toEqual([
      {
        source: { file: 'content/posts/b.md', line: 6, column: 1 },
        message:
          '"C plus plus" in content/posts/b.md and "C++" in content/posts/a.md would share the URL /tags/c-plus-plus: ' +
          'if they are one tag, spell them the same (or list "C plus plus" under the aliases of "C++" in content/tags.yml); ' +
          'if they are different tags, give one of them a slug of its own in content/tags.yml',
      },
    ]);
  });

  it('points a collision at the less used tag, and counts the articles of the other', () => {
    const problems = problemsOf([
      use('C++', 'content/posts/a.md', 5),
      use('C++', 'content/posts/c.md', 3),
      use('c++', 'content/posts/d.md', 4),
      use('C plus plus', 'content/posts/b.md', 1, 7),
    ]);
    expect(problems.map((problem) => problem.source)).toEqual([{ file: 'content/posts/b.md', line: 7, column: 1 }]);
    expect(problems[0]?.message).toMatch(
      /^"C plus plus" in content\/posts\/b\.md and "C\+\+" in content\/posts\/a\.md \(and 2 other articles\) would share the URL \/tags\/c-plus-plus:/,
    );
  });
});
