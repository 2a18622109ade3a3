import type { Metadata } from 'next';
import { getArticles, getTags, paginate } from '@/lib/content';
import { FILTER_TAGS_LISTED, toFilterTags } from '@/lib/tag-lists';
import { listingMetadata } from '@/lib/listing';
import { listingPath } from '@/lib/paths';
import { site } from '@/lib/site';
import { HomeListing } from '@/components/home-listing';

const firstPage = () => paginate(getArticles(), 1, site.postsPerPage)!;

export function generateMetadata(): Metadata {
  return { title: { absolute: site.name }, ...listingMetadata(firstPage(), listingPath) };
}

export default function HomePage() {
  return <HomeListing page={firstPage()} tags={toFilterTags(getTags(), FILTER_TAGS_LISTED)} />;
}
