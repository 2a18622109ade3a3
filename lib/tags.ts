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

/** A tag as one article writes it; `line` is that of the article's `tags:` field, where a problem is shown. */
export type TagUse = { name: string; file: string; date: number; line: number };

/** A problem with tags, located where an editor fixes it: an entry of content/tags.yml or an article's `tags:`. */
export type TagProblem = { message: string; source: RegisteredTag['source'] };

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
    /** Each article using the tag, with where it is used: the first use in a file is kept. */
    files: Map<string, TagUse>;
    spellings: Map<string, { count: number; newest: number }>;
    registered?: RegisteredTag;
  };
  const byKey = new Map<string, Group>();
  for (const registered of new Set(registry.values())) {
    byKey.set(toTagKey(registered.name), { slug: registered.slug, files: new Map(), spellings: new Map(), registered });
  }
  for (const use of uses) {
    const { key, slug } = toTagIdentity(use.name, registry);
    let group = byKey.get(key);
    if (!group) {
      group = { slug, files: new Map(), spellings: new Map() };
      byKey.set(key, group);
    }
    if (!group.files.has(use.file)) group.files.set(use.file, use);
    const spelling = use.name.trim().replace(/\s+/g, ' ');
    const seen = group.spellings.get(spelling) ?? { count: 0, newest: 0 };
    group.spellings.set(spelling, { count: seen.count + 1, newest: Math.max(seen.newest, use.date) });
  }

  // The registry's spelling wins; otherwise the most used spelling, then that of the newest article,
  // then the alphabet.
  const nameOf = (group: Group) =>
    group.registered?.name ??
    [...group.spellings.entries()].sort(([a, x], [b, y]) => y.count - x.count || y.newest - x.newest || a.localeCompare(b))[0]![0];

  // Newest first: the article that most likely brought the clash in, and the one to show first.
  const usesOf = (group: Group) =>
    [...group.files.values()].sort((a, b) => b.date - a.date || a.file.localeCompare(b.file));
  // One file and a count, not a list: a common tag may be on hundreds of articles.
  const filesOf = (group: Group) => {
    const [first, ...rest] = usesOf(group);
    if (!first) return 'no article yet';
    return rest.length === 0 ? first.file : `${first.file} (and ${rest.length} other article${rest.length === 1 ? '' : 's'})`;
  };

  const bySlug = new Map<string, Group>();
  const problems: TagProblem[] = [];
  for (const group of byKey.values()) {
    const other = bySlug.get(group.slug);
    if (!other) {
      bySlug.set(group.slug, group);
      continue;
    }
    // A registry entry is the likelier thing to fix, so the problem points at its line when there is one.
    const registered = group.registered ?? other.registered;
    if (registered) {
      const theirs = registered === group.registered ? other : group;
      problems.push({
        source: registered.source,
        message:
          `the tag "${registered.name}" would be published at /tags/${group.slug}, which is also the URL of the tag ` +
          `"${nameOf(theirs)}" (${filesOf(theirs)}). Give one of them another slug, ` +
          `or list "${nameOf(theirs)}" under the aliases of "${registered.name}" to merge them.`,
      });
      continue;
    }
    // Neither is registered, so both are used by articles. The less used tag is the cheaper one to change,
    // and of two equally used, the one in the newer article most likely caused the clash.
    const newest = (g: Group) => usesOf(g)[0]!;
    const [mine, theirs] =
      group.files.size < other.files.size || (group.files.size === other.files.size && newest(group).date >= newest(other).date)
        ? [group, other]
        : [other, group];
    const at = newest(mine);
    problems.push({
      source: { file: at.file, line: at.line, column: 1 },
      message:
        `"${nameOf(mine)}" in ${filesOf(mine)} and "${nameOf(theirs)}" in ${filesOf(theirs)} would share the URL /tags/${group.slug}: ` +
        `if they are one tag, spell them the same (or list "${nameOf(mine)}" under the aliases of "${nameOf(theirs)}" in content/tags.yml); ` +
        `if they are different tags, give one of them a slug of its own in content/tags.yml`,
    });
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
