// Reads the optional content/tags.yml: a description, a fixed slug and aliases for any tag, checked
// so that no two entries claim the same tag. Slug collisions with articles' tags are found by groupTags.
import YAML, { isMap, isNode, isScalar, LineCounter, type Node } from 'yaml';
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import type { ContentIssue } from './content-issue';
import { SLUG } from './parse-article';
import { toTagKey, toTagSlug, type RegisteredTag, type TagRegistry } from './tags';

export const TAGS_FILE = 'content/tags.yml';

// A fixed slug has the shape of an article slug (SLUG): what a URL segment may hold without being
// percent-encoded into a mess.

const TagName = z
  .union([z.string(), z.number()], { error: 'each alias must be a word or phrase, such as LLMs' })
  // YAML reads `aliases: [2023]` as a number; an editor meant the text.
  .transform((value) => String(value).trim().replace(/\s+/g, ' '))
  .refine((name) => toTagSlug(name) !== '', { error: 'each alias needs at least one letter or digit' });

const Entry = z
  .strictObject({
    description: z
      .string({ error: 'description must be a sentence of text' })
      .trim()
      .min(1, 'description is empty: write a sentence or remove the line')
      .optional(),
    slug: z
      .string({ error: 'slug must be text such as policy-and-regulation' })
      .trim()
      .regex(SLUG, 'slug may only hold lowercase letters, digits and single hyphens, such as policy-and-regulation')
      .optional(),
    aliases: z.array(TagName, { error: 'aliases must be a list, such as [LLMs, LLM]' }).default([]),
  })
  // `AI:` with nothing under it only fixes the tag's spelling.
  .nullable();

const ENTRY_KEYS = ['description', 'slug', 'aliases'];

export type ParsedTagRegistry = { registry: TagRegistry; issues: ContentIssue[] };

/** Parses content/tags.yml. `file` is only used in messages. */
export function parseTagRegistry(file: string, raw: string): ParsedTagRegistry {
  const issues: ContentIssue[] = [];
  const lineCounter = new LineCounter();
  const position = (node: Node | null | undefined) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const report = (at: { line: number; column: number }, message: string) =>
    issues.push({ file, ...at, message, severity: 'error' });

  // The core schema keeps every scalar as the editor wrote it, as for articles' frontmatter.
  const document = YAML.parseDocument(raw, { lineCounter, schema: 'core' });
  for (const error of document.errors) {
    const at = error.linePos?.[0];
    report({ line: at?.line ?? 1, column: at?.col ?? 1 }, `is not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  if (issues.length > 0) return { registry: new Map(), issues };
  const root = document.contents;
  if (root === null) return { registry: new Map(), issues };
  if (!isMap(root)) {
    report(position(root), 'must map tag names to their settings, such as `Language Models: { aliases: [LLMs] }`');
    return { registry: new Map(), issues };
  }

  const registry = new Map<string, RegisteredTag>();
  const entries: { tag: RegisteredTag; aliasNodes: Node | null }[] = [];
  for (const pair of root.items) {
    const keyNode = isScalar(pair.key) ? pair.key : null;
    const at = position(keyNode);
    const name = String(keyNode?.value ?? '').trim().replace(/\s+/g, ' ');
    if (toTagSlug(name) === '') {
      report(at, `the tag "${name}" needs at least one letter or digit`);
      continue;
    }
    const field = (key: string) =>
      isMap(pair.value) ? pair.value.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
    const parsed = Entry.safeParse(isNode(pair.value) ? pair.value.toJSON() : null);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
        if (issue.code === 'unrecognized_keys') {
          for (const unknown of issue.keys) {
            const suggestion = closest(unknown, ENTRY_KEYS);
            const hint = distance(unknown, suggestion) <= 2 ? ` — did you mean "${suggestion}"?` : ` (allowed: ${ENTRY_KEYS.join(', ')})`;
            report(position(nodeOf(field(unknown)?.key)), `"${name}": unknown field "${unknown}"${hint}`);
          }
        } else {
          report(position(nodeOf(key ? field(key)?.value : pair.value) ?? keyNode), `"${name}": ${issue.message}`);
        }
      }
      continue;
    }
    const nameKey = toTagKey(name);
    const existing = registry.get(nameKey);
    if (existing) {
      report(at, `"${name}" is the same tag as "${existing.name}" (line ${existing.source.line}): keep one entry`);
      continue;
    }
    const tag: RegisteredTag = {
      name,
      slug: parsed.data?.slug ?? toTagSlug(name),
      ...(parsed.data?.description ? { description: parsed.data.description } : {}),
      aliases: parsed.data?.aliases ?? [],
      source: { file, ...at },
    };
    registry.set(nameKey, tag);
    entries.push({ tag, aliasNodes: nodeOf(field('aliases')?.value) });
  }

  // Aliases after all names, so that an alias naming an entry further down is caught too.
  for (const { tag, aliasNodes } of entries) {
    const at = aliasNodes ? position(aliasNodes) : tag.source;
    for (const alias of tag.aliases) {
      const key = toTagKey(alias);
      const owner = registry.get(key);
      if (owner === tag) continue;
      if (!owner) {
        registry.set(key, tag);
      } else if (toTagKey(owner.name) === key) {
        report(at, `"${alias}", an alias of "${tag.name}", has its own entry (line ${owner.source.line}): merge the two entries`);
      } else {
        report(at, `"${alias}" is an alias of both "${owner.name}" (line ${owner.source.line}) and "${tag.name}": keep it under one`);
      }
    }
  }
  return { registry, issues };
}

function nodeOf(value: unknown): Node | null {
  return isNode(value) ? value : null;
}
