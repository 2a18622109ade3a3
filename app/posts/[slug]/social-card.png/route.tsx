import { ImageResponse } from 'next/og';
import { getArticle, getArticles } from '@/lib/content';
import { SOCIAL_IMAGE_SIZE } from '@/lib/seo';
import { loadCardFonts, toCardText } from '@/lib/social-card';
import { SocialCard } from '@/components/social-card';

// Drawn at build time, only for articles without a cover (those share their cover instead). A route rather
// than opengraph-image.tsx: that file convention would override the cover of every article.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getArticles()
    .filter((article) => !article.image)
    .map((article) => ({ slug: article.slug }));
}

export async function GET(_request: Request, { params }: RouteContext<'/posts/[slug]/social-card.png'>) {
  const article = getArticle((await params).slug);
  if (!article || article.image) return new Response('Not found', { status: 404 });
  return new ImageResponse(<SocialCard {...toCardText(article)} />, { ...SOCIAL_IMAGE_SIZE, fonts: await loadCardFonts() });
}
