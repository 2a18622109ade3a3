// Cards for a run of consecutive articles, fetched by the tag filter when a result reaches them.
import { getTagFilter } from '@/lib/tag-filter-data';
import { parseChunkFile, toChunkFile } from '@/lib/tag-filter-index';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getTagFilter().chunks.map((_, i) => ({ chunk: toChunkFile(i) }));
}

export async function GET(_request: Request, { params }: RouteContext<'/tag-filter/[chunk]'>) {
  const number = parseChunkFile((await params).chunk);
  const chunk = number === undefined ? undefined : getTagFilter().chunks[number];
  return chunk ? Response.json(chunk) : new Response('Not found', { status: 404 });
}
