// What `npm run content:new` writes: the file name an article's title gives, and the frontmatter template.

const MAX_SLUG_LENGTH = 80;

/**
 * "What's new in Llama 2?" → `whats-new-in-llama-2`. Accents on Latin letters are dropped (café → cafe);
 * other scripts are kept as they are, since the URL may hold them.
 */
export function toArticleSlug(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    // The same letters the content check accepts in a file name.
    .replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** A new article: a draft dated `day`, with the optional fields as comments to fill in or delete. */
export function newArticleText(title: string, day: string, slug = toArticleSlug(title)): string {
  // A JSON string is a valid double-quoted YAML string, so any title survives quotes and colons.
  return [
    '---',
    `title: ${JSON.stringify(title.trim())}`,
    `date: ${day}`,
    '# description: One or two sentences shown under the title, in listings and in search results.',
    `# image: /images/${slug}/cover.jpg`,
    `# updated: ${day}`,
    'tags: []',
    '# Readers see the article once this is false (or the line is deleted) and the date has come.',
    'draft: true',
    '---',
    '',
    'Write the article here. Without a description, this first paragraph is the summary in listings.',
    '',
  ].join('\n');
}
