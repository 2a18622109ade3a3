// A card in the tag filter's results. Mirrors ArticleCard, which cannot run in the browser because
// CoverImage reads image sizes from disk: here the sizes arrive with the chunk instead.
import { memo } from 'react';
import Image from 'next/image';
import Link from 'next/link';
import type { ChunkArticle, TagFilterData } from '@/lib/tag-filter-index';
import { articlePath } from '@/lib/paths';
import { ArticleDate, DraftBadge } from './article-meta';
import { TagLinks } from './tag-links';

const COVER_SIZES = '(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw';

// Rows come from a cached chunk, so a card that stays in the results gets the same props and is skipped.
export const TagFilterCard = memo(function TagFilterCard({ row, tags }: { row: ChunkArticle; tags: TagFilterData['tags'] }) {
  const [slug, title, date, dateText, readingMinutes, summary, cover, tagIds, draft] = row;
  return (
    <article className="group relative flex flex-col gap-3">
      {cover ? (
        <span className="img-frame aspect-[16/9] transition-opacity group-hover:opacity-90" data-alt="">
          {cover.length === 3 ? (
            <Image src={cover[0]} alt="" width={cover[1]} height={cover[2]} sizes={COVER_SIZES} />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- remote covers bypass the optimizer, as in CoverImage
            <img src={cover[0]} alt="" width={1600} height={900} loading="lazy" decoding="async" />
          )}
        </span>
      ) : null}
      <div className="flex items-center gap-2 text-sm text-[var(--muted)]">
        <ArticleDate article={{ date }} text={dateText} />
        <span aria-hidden="true">·</span>
        <span>{readingMinutes} min read</span>
        <DraftBadge article={{ status: draft ? 'draft' : 'published' }} />
      </div>
      <h2 className="font-serif text-xl font-bold leading-snug tracking-tight sm:text-2xl">
        {/* Results change with every click: prefetching each one's page as it appears costs more than it saves. */}
        <Link href={articlePath(slug)} prefetch={false} className="hover:text-[var(--link)]">
          {title}
        </Link>
      </h2>
      <p className="line-clamp-3 text-[var(--muted)]">{summary}</p>
      <TagLinks tags={tagIds.flatMap((id) => tags[id] ?? [])} label={`Tags of ${title}`} prefetch={false} />
    </article>
  );
});
