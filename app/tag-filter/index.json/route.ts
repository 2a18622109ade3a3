// The tag filter's index: which articles carry which tags. Fetched by the filter on first use.
import { getTagFilter } from '@/lib/tag-filter-data';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(getTagFilter().index);
}
