import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getArticles, getTags, paginate } from '@/lib/content';
import { FILTER_TAGS_LISTED, toFilterTags } from '@/lib/tag-lists';
import { listingMetadata } from '@/lib/listing';
import { listingPath } from '@/lib/paths';
import { site } from '@/lib/site';
import { HomeListing } from '@/components/home-listing';

export const dynamicParams = false;

// Page 1 is the home page itself; numbered pages start at 2.
export function generateStaticParams() {
  const pageCount = Math.ceil(getArticles().length / site.postsPerPage);
  return Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => ({ page: String(i + 2) }));
}

async function pageOf(params: Promise<{ page: string }>) {
  const { page } = await params;
  return /^[1-9]\d*$/.test(page) && page !== '1' ? paginate(getArticles(), Number(page), site.postsPerPage) : undefined;
}

export async function generateMetadata({ params }: PageProps<'/page/[page]'>): Promise<Metadata> {
  const page = await pageOf(params);
  if (!page) return {};
  return { title: `Articles, page ${page.page}`, ...listingMetadata(page, listingPath) };
}

export default async function ListingPage({ params }: PageProps<'/page/[page]'>) {
  const page = await pageOf(params);
  if (!page) notFound();
  return <HomeListing page={page} tags={toFilterTags(getTags(), FILTER_TAGS_LISTED)} />;
}
