import { getArticlesByTag, getTags } from '@/lib/content';
import { findTagPage } from '@/lib/tag-route';
import { buildFeed, feedResponse, tagFeedSpec } from '@/lib/feed';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getTags().map((tag) => ({ tag: tag.slug }));
}

export async function GET(_request: Request, { params }: RouteContext<'/tags/[tag]/feed.xml'>) {
  // findTagPage accepts the segment decoded or still percent-encoded, as the tag pages do.
  const found = findTagPage((await params).tag, 1);
  if (!found) return new Response('Not found', { status: 404 });
  return feedResponse(await buildFeed(tagFeedSpec(found.tag, getArticlesByTag(found.tag.slug))), 'rss');
}
