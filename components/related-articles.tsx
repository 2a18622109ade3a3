import Link from 'next/link';
import type { Article } from '@/lib/content';
import type { Related } from '@/lib/related';
import { articlePath } from '@/lib/paths';
import { ArticleDate } from './article-meta';

/** The end-of-article list of related reading; says which tags each shares, so the choice makes sense. */
export function RelatedArticles({ related }: { related: readonly Related<Article>[] }) {
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" data-testid="related-articles">
      <h2 id="related-heading" className="font-serif text-2xl font-bold tracking-tight">
        Related articles
      </h2>
      {/* Side by side, the cards share three rows (a subgrid): titles of different lengths leave the dates and the
          shared tags level with each other's. */}
      <ol className="mt-5 grid gap-4 sm:grid-cols-3">
        {related.map(({ article, sharedTags }) => (
          <li
            key={article.slug}
            className="relative flex flex-col gap-2 rounded-xl border border-[var(--line)] p-4 hover:border-[var(--ink)] sm:row-span-3 sm:grid sm:grid-rows-subgrid sm:gap-y-2"
          >
            <Link href={articlePath(article.slug)} className="font-serif font-semibold leading-snug after:absolute after:inset-0 after:rounded-xl">
              {article.title}
            </Link>
            <p className="mt-auto text-xs text-[var(--muted)] sm:mt-0">
              <ArticleDate article={article} />
            </p>
            <p className="text-xs text-[var(--muted)]">
              <span className="sr-only">Shared tags: </span>
              <span aria-hidden="true">Also tagged </span>
              {sharedTags.map((tag) => tag.name).join(', ')}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
