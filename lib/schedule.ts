// Scheduling: an article dated in the future is held back until its date. "Now" is always passed in,
// so the same content gives the same site for a given moment, in a build and in a test.
import { parseDate } from './dates';

export type PublicationStatus = 'published' | 'draft' | 'scheduled';

/**
 * `draft: true` wins over any date. Without `now` nothing counts as scheduled, which suits callers
 * (tests, tools) that do not care about time.
 */
export function publicationStatus(article: { draft: boolean; time: number }, now: Date | undefined): PublicationStatus {
  if (article.draft) return 'draft';
  if (now && article.time > now.getTime()) return 'scheduled';
  return 'published';
}

/**
 * The moment content is judged at: `CONTENT_NOW` when set (to preview the site as of a date, or to pin
 * one moment across a build's worker processes), else the clock.
 */
export function resolveNow(env: Readonly<Record<string, string | undefined>>, clock: () => Date = () => new Date()): Date {
  const raw = env.CONTENT_NOW?.trim();
  if (!raw) return clock();
  const parsed = parseDate(raw);
  if (!parsed.ok) throw new Error(`CONTENT_NOW ${parsed.reason}`);
  return new Date(parsed.time);
}
