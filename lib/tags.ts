// Tag identity: one key per tag regardless of case and spacing, one URL slug per tag, no silent merges.

export type Tag = {
  /** Spelling shown to readers: the one most of the tag's articles use. */
  name: string;
  /** URL segment under /tags/. Unicode letters are kept as they are (no percent-encoding here). */
  slug: string;
  count: number;
};

/** Identity of a tag: "AI", "ai" and " AI " are the same tag. */
export function toTagKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}

// Symbols that distinguish real tags (C, C++, C#) are spelled out instead of dropped,
// which is how github-slugger alone would merge them into one "c".
const SPELLED_OUT: Record<string, string> = { '+': ' plus ', '#': ' sharp ', '&': ' and ', '@': ' at ' };

export function toTagSlug(name: string): string {
  return toTagKey(name)
    .replace(/[+#&@]/g, (symbol) => SPELLED_OUT[symbol] ?? ' ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export type TagUse = { name: string; file: string; date: number };

export class TagCollisionError extends Error {}

/**
 * Groups tag uses into tags, most articles first, then by name.
 * Throws when two different tags would share one URL, naming both and where they are used.
 */
export function groupTags(uses: readonly TagUse[]): Tag[] {
  type Group = { slug: string; files: Set<string>; spellings: Map<string, { count: number; newest: number }> };
  const byKey = new Map<string, Group>();
  for (const use of uses) {
    const key = toTagKey(use.name);
    let group = byKey.get(key);
    if (!group) {
      group = { slug: toTagSlug(use.name), files: new Set(), spellings: new Map() };
      byKey.set(key, group);
    }
    group.files.add(use.file);
    const spelling = use.name.trim().replace(/\s+/g, ' ');
    const seen = group.spellings.get(spelling) ?? { count: 0, newest: 0 };
    group.spellings.set(spelling, { count: seen.count + 1, newest: Math.max(seen.newest, use.date) });
  }

  const bySlug = new Map<string, { key: string; files: Set<string> }>();
  const collisions: string[] = [];
  for (const [key, group] of byKey) {
    const other = bySlug.get(group.slug);
    if (other) {
      collisions.push(
        `Tags "${other.key}" (${[...other.files].join(', ')}) and "${key}" (${[...group.files].join(', ')}) ` +
          `would share the URL /tags/${group.slug}. Rename one of them.`,
      );
    } else {
      bySlug.set(group.slug, { key, files: group.files });
    }
  }
  if (collisions.length > 0) throw new TagCollisionError(collisions.join('\n'));

  const tags = [...byKey.values()].map((group): Tag => {
    // Most used spelling wins; a tie goes to the spelling of the newest article, then to the alphabet.
    const [name] = [...group.spellings.entries()].sort(
      ([a, x], [b, y]) => y.count - x.count || y.newest - x.newest || a.localeCompare(b),
    )[0]!;
    return { name, slug: group.slug, count: group.files.size };
  });
  return tags.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
