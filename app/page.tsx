import type { Metadata } from 'next';
import { getArticles, paginate } from '@/lib/content';
import { listingMetadata } from '@/lib/listing';
import { listingPath } from '@/lib/paths';
import { site } from '@/lib/site';
import { HomeListing } from '@/components/home-listing';

const firstPage = () => paginate(getArticles(), 1, site.postsPerPage)!;

export function generateMetadata(): Metadata {
  return { title: { absolute: site.name }, ...listingMetadata(firstPage(), listingPath) };
}

export default function HomePage() {
  return <HomeListing page={firstPage()} />;
}
