import { getArticles } from '@/lib/content';
import { buildFeed, feedResponse, siteFeedSpec } from '@/lib/feed';

// Written once at build time (a plain file under a static export).
export const dynamic = 'force-static';

export async function GET() {
  return feedResponse(await buildFeed(siteFeedSpec(getArticles())), 'atom');
}
