import { describe, expect, it } from 'vitest';
import { parseTagRegistry } from './tag-registry';
import { groupTags, TagCollisionError, toTagIdentity, type TagUse } from './tags';
import { indexContent } from './content';
import { ContentError } from './content-issue';

const FILE = 'content/tags.yml';
const REGISTRY = `
Language Models:
  description: How large language models are built, evaluated and run.
  aliases: [LLMs, LLM]
Policy:
  slug: policy-and-regulation
  aliases:
    - Regulation
AI:
`;

const tagUse = (name: string, file: string, date = 0, line = 4): TagUse => ({ name, file, date, line });

function collisionsOf(uses: TagUse[], registry: ReturnType<typeof registryOf>) {
  try {
    groupTags(uses, registry);
  } catch (error) {
    if (error instanceof TagCollisionError) return error.problems;
    throw error;
  }
  return [];
}

function registryOf(raw: string) {
  const { registry, issues } = parseTagRegistry(FILE, raw);
  expect(issues).toEqual([]);
  return registry;
}

function messagesOf(raw: string) {
  return parseTagRegistry(FILE, raw).issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`);
}

describe('parseTagRegistry', () => {
  it('reads descriptions, fixed slugs and aliases, and finds an entry by any of its names', () => {
    const registry = registryOf(REGISTRY);
    expect(registry.get('llms')).toMatchObject({
      name: 'Language Models',
      slug: 'language-models',
      description: 'How large language models are built, evaluated and run.',
      source: { file: FILE, line: 2, column: 1 },
    });
    expect(registry.get('language models')).toBe(registry.get('llm'));
    expect(registry.get('regulation')).toMatchObject({ name: 'Policy', slug: 'policy-and-regulation' });
    expect(registry.get('ai')).toMatchObject({ name: 'AI', slug: 'ai', aliases: [] });
  });

  it('accepts an empty file', () => {
    expect(registryOf('').size).toBe(0);
    expect(registryOf('# no tags described yet\n').size).toBe(0);
  });

  it('names the line of broken YAML', () => {
    expect(messagesOf('AI: {}\nAI: {}\n')).toEqual(['2:1 is not valid YAML: Map keys must be unique']);
    expect(messagesOf('AI:\n  description: "unclosed\n')[0]).toBe('3:1 is not valid YAML: Missing closing "quote');
  });

  it('refuses a list instead of a map, unknown fields with a suggestion, and a bad slug', () => {
    expect(messagesOf('- AI\n- ML\n')).toEqual(['1:1 must map tag names to their settings, such as `Language Models: { aliases: [LLMs] }`']);
    expect(messagesOf('AI:\n  descripton: x\n')).toEqual(['2:3 "AI": unknown field "descripton" — did you mean "description"?']);
    expect(messagesOf('AI:\n  slug: Artificial Intelligence\n')[0]).toMatch(/^2:9 "AI": slug may only hold lowercase letters/);
    expect(messagesOf('AI:\n  aliases: Artificial Intelligence\n')).toEqual(['2:12 "AI": aliases must be a list, such as [LLMs, LLM]']);
  });

  it('refuses two entries for one tag, and an alias claimed twice', () => {
    expect(messagesOf('AI: {}\n" ai ": {}\n')).toEqual(['2:1 "ai" is the same tag as "AI" (line 1): keep one entry']);
    expect(messagesOf('Language Models:\n  aliases: [LLMs]\nLLMs: {}\n')).toEqual([
      '2:12 "LLMs", an alias of "Language Models", has its own entry (line 3): merge the two entries',
    ]);
    expect(messagesOf('Language Models:\n  aliases: [LLMs]\nChatbots:\n  aliases: [llms]\n')).toEqual([
      '4:12 "llms" is an alias of both "Language Models" (line 1) and "Chatbots": keep it under one',
    ]);
  });
});

describe('groupTags with a registry', () => {
  it('merges aliases into their tag under its registered name, whatever spelling articles use', () => {
    const tags = groupTags(
      [tagUse('LLMs', 'a.md'), tagUse('language models', 'b.md'), tagUse('llm', 'c.md'), tagUse('AI', 'a.md')],
      registryOf(REGISTRY),
    );
    expect(tags).toEqual([
      { name: 'Language Models', slug: 'language-models', count: 3, description: 'How large language models are built, evaluated and run.' },
      { name: 'AI', slug: 'ai', count: 1 },
    ]);
  });

  it('publishes a tag at its fixed slug, and resolves aliases to it', () => {
    const registry = registryOf(REGISTRY);
    expect(groupTags([tagUse('policy', 'a.md'), tagUse('Regulation', 'b.md')], registry)).toEqual([
      { name: 'Policy', slug: 'policy-and-regulation', count: 2 },
    ]);
    expect(toTagIdentity('REGULATION', registry)).toEqual({ key: 'policy', slug: 'policy-and-regulation' });
    expect(toTagIdentity('Unregistered Tag', registry)).toEqual({ key: 'unregistered tag', slug: 'unregistered-tag' });
  });

  it('leaves tags without an entry as they were', () => {
    const withRegistry = groupTags([tagUse('C++', 'a.md'), tagUse('c++', 'b.md'), tagUse('C#', 'a.md')], registryOf(REGISTRY));
    expect(withRegistry).toEqual(groupTags([tagUse('C++', 'a.md'), tagUse('c++', 'b.md'), tagUse('C#', 'a.md')]));
  });

  it('fails, pointing at the registry line, when a fixed slug is the URL of another tag', () => {
    const registry = registryOf('Policy:\n  slug: ai\n');
    expect(collisionsOf([tagUse('Policy', 'a.md'), tagUse('AI', 'b.md')], registry)).toEqual([
      {
        source: { file: FILE, line: 1, column: 1 },
        message:
          'the tag "Policy" would be published at /tags/ai, which is also the URL of the tag "AI" (b.md). ' +
          'Give one of them another slug, or list "AI" under the aliases of "Policy" to merge them.',
      },
    ]);
  });

  it('still names both articles when two unregistered tags would share a URL', () => {
    expect(collisionsOf([tagUse('C#', 'a.md', 2), tagUse('C Sharp', 'b.md', 1)], registryOf(REGISTRY))).toEqual([
      {
        source: { file: 'a.md', line: 4, column: 1 },
        message: expect.stringMatching(/^"C#" in a\.md and "C Sharp" in b\.md would share the URL \/tags\/c-sharp:/),
      },
    ]);
  });

  it('lets an alias or a fixed slug, as the collision message advises, settle two tags sharing a URL', () => {
    const uses = [tagUse('C++', 'a.md'), tagUse('C plus plus', 'b.md')];
    expect(groupTags(uses, registryOf('C++:\n  aliases: [C plus plus]\n'))).toEqual([{ name: 'C++', slug: 'c-plus-plus', count: 2 }]);
    expect(groupTags(uses, registryOf('C plus plus:\n  slug: cplusplus\n')).map((tag) => tag.slug).sort()).toEqual(['c-plus-plus', 'cplusplus']);
  });

  it('fails when two registry entries claim one slug, even before any article uses them', () => {
    const registry = registryOf('Policy:\n  slug: rules\nRegulation:\n  slug: rules\n');
    expect(collisionsOf([], registry).map((problem) => [problem.source?.line, problem.message])).toEqual([
      [3, expect.stringMatching(/^the tag "Regulation" would be published at \/tags\/rules, which is also the URL of the tag "Policy" \(no article yet\)/)],
    ]);
  });
});

describe('indexContent with content/tags.yml', () => {
  const article = (slug: string, tags: string[], date = '2023-03-01') => ({
    file: `content/posts/${slug}.md`,
    raw: `---\ntitle: ${slug}\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n\nBody of ${slug}.\n`,
  });

  it('gives articles the registered tag for an alias, with its description', () => {
    const index = indexContent([article('a', ['LLMs']), article('b', ['Language Models', 'Regulation'])], {
      includeDrafts: false,
      tagsFile: { file: FILE, raw: REGISTRY },
    });
    expect(index.bySlug.get('a')?.tags).toEqual([{ name: 'Language Models', slug: 'language-models' }]);
    expect(index.bySlug.get('b')?.tags).toEqual([
      { name: 'Language Models', slug: 'language-models' },
      { name: 'Policy', slug: 'policy-and-regulation' },
    ]);
    expect(index.tagBySlug.get('language-models')?.description).toMatch(/^How large language models/);
    expect(index.articlesByTag.get('language-models')?.map((a) => a.slug)).toEqual(['a', 'b']);
  });

  it('fails the build naming content/tags.yml and the line of the colliding entry', () => {
    expect(() =>
      indexContent([article('a', ['AI', 'Policy'])], { includeDrafts: false, tagsFile: { file: FILE, raw: 'Intro:\nPolicy:\n  slug: ai\n' } }),
    ).toThrow(/content\/tags\.yml:2:1 {2}the tag "Policy" would be published at \/tags\/ai/);
    expect(() =>
      indexContent([article('a', ['AI'])], { includeDrafts: false, tagsFile: { file: FILE, raw: 'AI:\n  slug: A I\n' } }),
    ).toThrow(ContentError);
  });
});
