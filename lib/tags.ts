// Tag identity: one key per tag regardless of case and spacing, one URL slug per tag, no silent merges.

export type Tag = {
  /** Spelling shown to readers: the one most of the tag's articles use. */
  name: string;
  /** URL segment under /tags/. Unicode letters are kept as they are (no percent-encoding here). */
  slug: string;
  count: number;
  /** From content/tags.yml, shown on the tag's page. */
  description?: string;
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

/** A problem with tags; `source` is set when it lies in content/tags.yml rather than in the articles. */
export type TagProblem = { message: string; source?: RegisteredTag['source'] };

/** A tag as content/tags.yml declares it; parsed and checked by tag-registry.ts. */
export type RegisteredTag = {
  name: string;
  slug: string;
  description?: string;
  aliases: string[];
  source: { file: string; line: number; column: number };
};

/** Registered tags under the key of their name and of each of their aliases. */
export type TagRegistry = ReadonlyMap<string, RegisteredTag>;

const NO_REGISTRY: TagRegistry = new Map();

/** The tag a name written in an article belongs to: its registry entry (through an alias, too) or itself. */
export function toTagIdentity(name: string, registry: TagRegistry = NO_REGISTRY): { key: string; slug: string } {
  const registered = registry.get(toTagKey(name));
  return registered ? { key: toTagKey(registered.name), slug: registered.slug } : { key: toTagKey(name), slug: toTagSlug(name) };
}

export class TagCollisionError extends Error {
  readonly problems: TagProblem[];
  constructor(problems: TagProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.name = 'TagCollisionError';
    this.problems = problems;
  }
}

/**
 * Groups tag uses into tags, most articles first, then by name. Registered tags keep the name and
 * slug content/tags.yml gives them and absorb their aliases; a registered tag no article uses is left out.
 * Throws when two different tags would share one URL, naming both and where they come from.
 */
export function groupTags(uses: readonly TagUse[], registry: TagRegistry = NO_REGISTRY): Tag[] {
  type Group = {
    slug: string;
    files: Set<string>;
    spellings: Map<string, { count: number; newest: number }>;
    registered?: RegisteredTag;
  };
  const byKey = new Map<string, Group>();
  for (const registered of new Set(registry.values())) {
    byKey.set(toTagKey(registered.name), { slug: registered.slug, files: new Set(), spellings: new Map(), registered });
  }
  for (const use of uses) {
    const { key, slug } = toTagIdentity(use.name, registry);
    let group = byKey.get(key);
    if (!group) {
      group = { slug, files: new Set(), spellings: new Map() };
      byKey.set(key, group);
    }
    group.files.add(use.file);
    const spelling = use.name.trim().replace(/\s+/g, ' ');
    const seen = group.spellings.get(spelling) ?? { count: 0, newest: 0 };
    group.spellings.set(spelling, { count: seen.count + 1, newest: Math.max(seen.newest, use.date) });
  }

  // The registry's spelling wins; otherwise the most used spelling, then that of the newest article,
  // then the alphabet.
  const nameOf = (group: Group) =>
    group.registered?.name ??
    [...group.spellings.entries()].sort(([a, x], [b, y]) => y.count - x.count || y.newest - x.newest || a.localeCompare(b))[0]![0];

  const bySlug = new Map<string, { key: string; group: Group }>();
  const problems: TagProblem[] = [];
  const usedIn = (group: Group) => (group.files.size > 0 ? [...group.files].join(', ') : 'no article yet');
  for (const [key, group] of byKey) {
    const other = bySlug.get(group.slug);
    if (!other) {
      bySlug.set(group.slug, { key, group });
      continue;
    }
    // A registry entry is the likelier thing to fix, so the problem points at its line when there is one.
    const [mine, theirs] = group.registered ? [{ key, group }, other] : [other, { key, group }];
    const registered = mine.group.registered;
    if (registered) {
      problems.push({
        source: registered.source,
        message:
          `the tag "${registered.name}" would be published at /tags/${group.slug}, which is also the URL of the tag ` +
          `"${nameOf(theirs.group)}" (${usedIn(theirs.group)}). Give one of them another slug, ` +
          `or list "${nameOf(theirs.group)}" under the aliases of "${registered.name}" to merge them.`,
      });
    } else {
      problems.push({
        message:
          `Tags "${other.key}" (${usedIn(other.group)}) and "${key}" (${usedIn(group)}) ` +
          `would share the URL /tags/${group.slug}. Rename one of them.`,
      });
    }
  }
  if (problems.length > 0) throw new TagCollisionError(problems);

  const tags = [...byKey.values()]
    .filter((group) => group.files.size > 0)
    .map((group): Tag => {
      const description = group.registered?.description;
      return { name: nameOf(group), slug: group.slug, count: group.files.size, ...(description ? { description } : {}) };
    });
  return tags.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
