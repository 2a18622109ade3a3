// The frontmatter schema: the single definition of what an article may declare, with editor-facing messages.
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { parseDate } from './dates';
import { toTagSlug } from './tags';

/**
 * A message for a field that is absent (`undefined`), left empty (`title:` with nothing after it: YAML's
 * null), or holds something other than text (YAML reads `title: 2023` as a number and `title: [x]` as a list).
 */
const byInput =
  (missing: string, empty: string, wrong: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? missing : issue.input === null ? empty : wrong;

/** An optional text field: left empty, whether as `field:` or `field: ''`, it is an error naming the way out. */
const OptionalText = (empty: string, wrong: string) =>
  z.string({ error: byInput(empty, empty, wrong) }).trim().min(1, empty).optional();

const DateField = (field: string) =>
  z
    .string({
      error: byInput(
        `${field} is missing: add a line such as \`${field}: 2023-03-01\``,
        `${field} is empty: write a date such as 2023-03-01 after \`${field}:\``,
        `${field} must be a date such as 2023-03-01`,
      ),
    })
    .transform((value, ctx) => {
      const parsed = parseDate(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${field} ${parsed.reason}` });
        return z.NEVER;
      }
      return { iso: parsed.iso, time: parsed.time };
    });

const TagName = z
  .union([z.string(), z.number()], { error: 'each tag must be a word or phrase, such as "Language Models"' })
  // YAML reads `tags: [2023]` as a number; an editor meant the text.
  .transform(String)
  .transform((value, ctx) => {
    const name = value.trim().replace(/\s+/g, ' ');
    if (toTagSlug(name) === '') {
      ctx.addIssue({ code: 'custom', message: `the tag "${value}" needs at least one letter or digit` });
      return z.NEVER;
    }
    return name;
  });

export const Frontmatter = z.strictObject({
  title: z
    .string({
      error: byInput(
        'title is missing: add a line such as `title: "What we know about Llama 2"`',
        'title is empty: write the headline after `title:`',
        'title must be text: put it in quotes, such as `title: "2023 in review"`',
      ),
    })
    .trim()
    .min(1, 'title is empty: write the headline after `title:`'),
  date: DateField('date'),
  updated: DateField('updated').optional(),
  description: OptionalText('description is empty: write a sentence or remove the line', 'description must be a sentence of text: put it in quotes'),
  image: OptionalText('image is empty: write a path such as /images/cover.jpg or a full URL, or remove the line', 'image must be a path such as /images/cover.jpg or a full URL'),
  // `tags:` with nothing after it: no tags yet.
  tags: z.preprocess(
    (value) => (value === null ? [] : value),
    z.array(TagName, { error: 'tags must be a list, such as `tags: [AI, Research]`' }).default([]),
  ),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
});

export type Frontmatter = z.infer<typeof Frontmatter>;
export const FRONTMATTER_KEYS = Object.keys(Frontmatter.shape);

export type FrontmatterProblem = { key?: string; message: string };

/** Why `data` is not valid frontmatter, in words an editor understands; empty when it is valid. */
export function describeProblems(error: z.ZodError): FrontmatterProblem[] {
  // `Title:` is the field title in the wrong case: say so once, not also "title is missing".
  const miscased = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) if (FRONTMATTER_KEYS.includes(key.toLowerCase())) miscased.set(key.toLowerCase(), key);
  }
  return error.issues.flatMap((issue): FrontmatterProblem[] => {
    if (issue.code === 'invalid_type' && issue.input === undefined && miscased.has(String(issue.path[0]))) return [];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        if (miscased.get(key.toLowerCase()) === key) {
          return { key, message: `field names are written in lowercase: write ${key.toLowerCase()}: instead of ${key}:` };
        }
        const suggestion = closest(key, FRONTMATTER_KEYS);
        const close = suggestion && levenshteinClose(key, suggestion);
        return {
          key,
          message:
            `unknown field "${key}"` +
            (close ? ` — did you mean "${suggestion}"?` : ` (allowed: ${FRONTMATTER_KEYS.join(', ')})`),
        };
      });
    }
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    return [{ key, message: issue.message }];
  });
}

function levenshteinClose(a: string, b: string): boolean {
  // Suggest only near misses ("tgas", "titel"); a far-off key gets the list of allowed keys instead.
  return distance(a, b) <= Math.max(2, Math.floor(b.length / 3));
}
