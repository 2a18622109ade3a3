import { getArticlesByTag, getTags } from '@/lib/content';
import { findTag } from '@/lib/tag-route';
import { buildFeed, feedResponse, tagFeedSpec } from '@/lib/feed';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getTags().map((tag) => ({ tag: tag.slug }));
}

export async function GET(_request: Request, { params }: RouteContext<'/tags/[tag]/feed.xml'>) {
  // The segment decoded or still percent-encoded, as the tag pages accept it.
  const tag = findTag((await params).tag);
  if (!tag) return new Response('Not found', { status: 404 });
  return feedResponse(await buildFeed(tagFeedSpec(tag, getArticlesByTag(tag.slug))), 'rss');
}
