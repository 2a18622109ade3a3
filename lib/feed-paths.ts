// Where the feeds live and what they are served as: shared by the feed routes and the pages announcing them.
import { tagPath } from './paths';

export const FEED_PATHS = { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' } as const;
export type FeedFormat = keyof typeof FEED_PATHS;

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export const tagFeedPath = (slug: string) => `${tagPath(slug)}/feed.xml`;
