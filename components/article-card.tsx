import Link from 'next/link';
import type { Article } from '@/lib/content';
import { articlePath } from '@/lib/paths';
import { ArticleDate, DraftBadge } from './article-meta';
import { CoverImage } from './cover-image';
import { TagLinks } from './tag-links';

export function ArticleCard({ article }: { article: Article }) {
  return (
    <article className="group relative flex flex-col gap-3">
      {article.image ? (
        <CoverImage
          src={article.image}
          alt=""
          sizes="(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw"
          className="transition-opacity group-hover:opacity-90"
        />
      ) : null}
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
