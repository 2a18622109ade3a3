import type { MetadataRoute } from 'next';
import { getArticles, getArticlesByTag, getTags } from '@/lib/content';
import { toSitemap } from '@/lib/sitemap';
import { site } from '@/lib/site';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return toSitemap({ articles: getArticles(), tags: getTags(), articlesByTag: getArticlesByTag, perPage: site.postsPerPage });
}
