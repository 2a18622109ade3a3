import Link from 'next/link';
import type { Article } from '@/lib/content';
import { articlePath } from '@/lib/paths';
import { ArticleDate, DraftBadge } from './article-meta';
import { CoverImage } from './cover-image';
import { TagLinks } from './tag-links';

/** A stable hue per article, so a card without any image still has its own colour. */
function hueOf(slug: string): number {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.codePointAt(0)!) % 360;
  return hash;
}

export function ArticleCard({ article }: { article: Article }) {
  // Without a cover, the article's first image stands in; without any image, a typographic panel keeps
  // the grid even.
  const thumbnail = article.image ?? article.images[0]?.src;
  return (
    <article className="group relative flex flex-col gap-3">
      {thumbnail ? (
        <CoverImage
          src={thumbnail}
          alt=""
          sizes="(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw"
          className="transition-opacity group-hover:opacity-90"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex aspect-[16/9] items-end rounded-lg p-5 font-serif text-2xl font-bold text-white"
          style={{ background: `linear-gradient(135deg, hsl(${hueOf(article.slug)} 45% 28%), hsl(${(hueOf(article.slug) + 50) % 360} 55% 42%))` }}
        >
          {article.tags[0]?.name ?? article.title}
        </span>
      )}
      <div className="flex items-center gap-2 text-sm text-[var(--muted)]">
        <ArticleDate article={article} />
        <span aria-hidden="true">·</span>
        <span>{article.readingMinutes} min read</span>
        <DraftBadge article={article} />
      </div>
      <h2 className="font-serif text-xl font-bold leading-snug tracking-tight sm:text-2xl">
        <Link href={articlePath(article.slug)} className="hover:text-[var(--link)]">
          {article.title}
        </Link>
      </h2>
      <p className="line-clamp-3 text-[var(--muted)]">{article.summary}</p>
      <TagLinks tags={article.tags} label={`Tags of ${article.title}`} />
    </article>
  );
}
