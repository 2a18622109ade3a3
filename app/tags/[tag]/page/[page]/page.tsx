import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findTagPage, tagPageMetadata, tagPageParams } from '@/lib/tag-route';
import { TagListing } from '@/components/tag-listing';
import { withTagFeed } from '@/lib/seo';

export const dynamicParams = false;

export function generateStaticParams() {
  return tagPageParams()
    .filter(({ page }) => page > 1)
    .map(({ tag, page }) => ({ tag, page: String(page) }));
}

async function find(params: Promise<{ tag: string; page: string }>) {
  const { tag, page } = await params;
  return /^[1-9]\d*$/.test(page) && page !== '1' ? findTagPage(tag, Number(page)) : undefined;
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]/page/[page]'>): Promise<Metadata> {
  const found = await find(params);
  return found ? withTagFeed(tagPageMetadata(found), found.tag) : {};
}

export default async function TagPageN({ params }: PageProps<'/tags/[tag]/page/[page]'>) {
  const found = await find(params);
  if (!found) notFound();
  return <TagListing {...found} />;
}
