// Metadata shared by every paginated listing (home and tag pages): canonical URL and rel=prev/next.
import type { Metadata } from 'next';
import type { Page } from './content';

export function listingMetadata(page: Page<unknown>, pathFor: (page: number) => string): Pick<Metadata, 'alternates' | 'pagination'> {
  return {
    alternates: { canonical: pathFor(page.page) },
    pagination: {
      previous: page.page > 1 ? pathFor(page.page - 1) : undefined,
      next: page.page < page.pageCount ? pathFor(page.page + 1) : undefined,
    },
  };
}
