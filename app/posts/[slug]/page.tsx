import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getArticle, getArticles, getNeighbours, getRelated } from '@/lib/content';
import { articleJsonLd, articleMetadata, toJsonLdScript } from '@/lib/seo';
import { ArticleBody } from '@/components/article-body';
import { ArticleDate, ArticleFacts, DraftBadge, UpdatedDate } from '@/components/article-meta';
import { EditArticleLink } from '@/components/edit-article-link';
import { ArticleNeighbours } from '@/components/article-neighbours';
import { CoverImage } from '@/components/cover-image';
import { TableOfContents } from '@/components/table-of-contents';
import { TagLinks } from '@/components/tag-links';
import { SearchIndexFacts } from '@/components/search-index-facts';
import { RelatedArticles } from '@/components/related-articles';

export const dynamicParams = false;

export function generateStaticParams() {
  return getArticles().map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: PageProps<'/posts/[slug]'>): Promise<Metadata> {
  const article = getArticle((await params).slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: PageProps<'/posts/[slug]'>) {
  const article = getArticle((await params).slug);
  if (!article) notFound();
  const { newer, older } = getNeighbours(article.slug);
  // Many articles open with their cover image in the body too; showing it twice looks like a mistake.
  const cover = article.image && !article.images.some((image) => image.src === article.image) ? article.image : undefined;

  return (
    <article className="mx-auto max-w-3xl px-4 py-12 sm:px-6 sm:py-16" data-pagefind-body>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: toJsonLdScript(articleJsonLd(article)) }} />
      <header className="mb-10">
        <div data-pagefind-ignore>
          <TagLinks tags={article.tags} />
        </div>
        <h1 className="mt-5 font-serif text-3xl font-bold leading-tight tracking-tight text-balance sm:text-5xl">
          {article.title}
        </h1>
        {article.description ? <p className="mt-5 text-lg text-[var(--muted)] sm:text-xl">{article.description}</p> : null}
        <div data-pagefind-ignore>
          <ArticleFacts
            className="mt-6 text-sm text-[var(--muted)]"
            facts={[
              <ArticleDate key="date" article={article} />,
              article.updated ? <UpdatedDate key="updated" article={article} /> : null,
              <span key="reading">{article.readingMinutes} min read</span>,
            ]}
            badge={<DraftBadge article={article} />}
          />
        </div>
      </header>
      {cover ? (
        <CoverImage src={cover} alt="" priority sizes="(min-width: 768px) 768px, 100vw" className="article-cover mb-10" />
      ) : null}
      <div className="mb-10" data-pagefind-ignore>
        <TableOfContents headings={article.headings} />
      </div>
      <ArticleBody article={article} />
      <footer className="mt-16 space-y-10 border-t border-[var(--line)] pt-10" data-pagefind-ignore>
        <EditArticleLink file={article.file} />
        <RelatedArticles related={getRelated(article.slug)} />
        <ArticleNeighbours newer={newer} older={older} />
      </footer>
      <SearchIndexFacts article={article} />
    </article>
  );
}
