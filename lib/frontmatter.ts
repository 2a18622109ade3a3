// The frontmatter schema: the single definition of what an article may declare, with editor-facing messages.
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { parseDate } from './dates';
import { toTagSlug } from './tags';

const DateField = (field: string) =>
  z
    .string({ error: `${field} must be a date such as 2023-03-01` })
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
    .string({ error: 'title is missing: add a line such as `title: "What we know about Llama 2"`' })
    .trim()
    .min(1, 'title is empty: write the headline after `title:`'),
  date: DateField('date'),
  updated: DateField('updated').optional(),
  description: z.string({ error: 'description must be a sentence of text' }).trim().min(1).optional(),
  image: z.string({ error: 'image must be a path such as /images/cover.jpg or a full URL' }).trim().min(1).optional(),
  tags: z
    .array(TagName, { error: 'tags must be a list, such as `tags: [AI, Research]`' })
    .default([]),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
});

export type Frontmatter = z.infer<typeof Frontmatter>;
export const FRONTMATTER_KEYS = Object.keys(Frontmatter.shape);

export type FrontmatterProblem = { key?: string; message: string };

/** Why `data` is not valid frontmatter, in words an editor understands; empty when it is valid. */
export function describeProblems(error: z.ZodError): FrontmatterProblem[] {
  return error.issues.flatMap((issue): FrontmatterProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
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
    if (issue.code === 'too_small' && key === 'description') {
      return [{ key, message: 'description is empty: write a sentence or remove the line' }];
    }
    return [{ key, message: issue.message }];
  });
}

function levenshteinClose(a: string, b: string): boolean {
  // Suggest only near misses ("tgas", "titel"); a far-off key gets the list of allowed keys instead.
  return distance(a, b) <= Math.max(2, Math.floor(b.length / 3));
}
