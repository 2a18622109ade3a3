// Related articles: those sharing the most tags with an article, where a rare shared tag says more
// than a common one, and the newer article wins a tie.
import type { PublicationStatus } from './schedule';

export type Relatable = {
  slug: string;
  /** Milliseconds since the epoch. */
  time: number;
  status: PublicationStatus;
  tags: readonly { slug: string }[];
};

export type Related<T extends Relatable> = {
  article: T;
  /** The tags both articles carry, rarest first. */
  sharedTags: T['tags'][number][];
  score: number;
};

/**
 * How much sharing a tag says about two articles: inverse document frequency, smoothed so that a tag
 * on every article still counts a little (plain log(total / count) would make it worth nothing).
 */
export function tagWeight(articleCount: number, total: number): number {
  return Math.log(1 + total / Math.max(1, articleCount));
}

/**
 * Up to `limit` articles related to `target`, best first. Only articles sharing at least one tag
 * qualify; the target itself and drafts never do. Looks only at the articles of the target's tags,
 * so a page costs the size of those tags, not of the whole site.
 */
export function rankRelated<T extends Relatable>(
  target: T,
  articlesByTag: ReadonlyMap<string, readonly T[]>,
  total: number,
  limit = 3,
): Related<T>[] {
  const sharedTags = [...target.tags].sort(
    (a, b) => (articlesByTag.get(a.slug)?.length ?? 0) - (articlesByTag.get(b.slug)?.length ?? 0),
  );
  const scores = new Map<string, Related<T>>();
  for (const tag of sharedTags) {
    const articles = articlesByTag.get(tag.slug) ?? [];
    const weight = tagWeight(articles.length, total);
    for (const article of articles) {
      if (article.slug === target.slug || article.status !== 'published') continue;
      const entry = scores.get(article.slug) ?? { article, sharedTags: [], score: 0 };
      entry.score += weight;
      entry.sharedTags.push(tag);
      scores.set(article.slug, entry);
    }
  }

  // A running top-k instead of sorting every candidate: a common tag can hold most of the site.
  const best: Related<T>[] = [];
  for (const candidate of scores.values()) {
    const at = best.findIndex((other) => ranksBefore(candidate, other));
    if (at !== -1) best.splice(at, 0, candidate);
    else if (best.length < limit) best.push(candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}

// Scores are sums of the same weights added in the same order, so equal tag sets give exactly equal scores.
function ranksBefore<T extends Relatable>(a: Related<T>, b: Related<T>): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.article.time !== b.article.time) return a.article.time > b.article.time;
  return a.article.slug < b.article.slug;
}
