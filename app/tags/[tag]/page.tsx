import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findTagPage, tagPageMetadata, tagPageParams } from '@/lib/tag-route';
import { TagListing } from '@/components/tag-listing';
import { withTagFeed } from '@/lib/seo';

export const dynamicParams = false;

export function generateStaticParams() {
  return tagPageParams()
    .filter(({ page }) => page === 1)
    .map(({ tag }) => ({ tag }));
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]'>): Promise<Metadata> {
  const found = findTagPage((await params).tag, 1);
  return found ? withTagFeed(tagPageMetadata(found), found.tag) : {};
}

export default async function TagPage({ params }: PageProps<'/tags/[tag]'>) {
  const found = findTagPage((await params).tag, 1);
  if (!found) notFound();
  return <TagListing {...found} />;
}
