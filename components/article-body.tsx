import { compileMDX } from 'next-mdx-remote/rsc';
import type { Article } from '@/lib/content';
import { remarkPlugins, rehypePlugins } from '@/lib/markdown';
import { Lightbox } from './lightbox';
import { LIGHTBOX_QUEUE_SCRIPT } from './lightbox-queue';
import { mdxComponents } from './mdx-components';

/** Renders an article's body at build time; the output is static HTML with no markdown code in the browser. */
export async function ArticleBody({ article }: { article: Pick<Article, 'body' | 'format' | 'file'> }) {
  // Filled in by rehype-gallery while compileMDX runs.
  const images = { count: 0 };
  const { content } = await compileMDX({
    source: article.body,
    components: mdxComponents,
    options: {
      // Frontmatter was already parsed and validated by the content layer.
      parseFrontmatter: false,
      blockJS: true,
      blockDangerousJS: true,
      mdxOptions: {
        format: article.format,
        remarkPlugins,
        rehypePlugins: rehypePlugins(article.format, {
          onImages: (count) => {
            images.count = count;
          },
        }),
      },
    },
  });
  return (
    <>
      <div className="prose-article">{content}</div>
      {/* The lightbox is the page's only script for images; an article without images does without it. */}
      {images.count > 0 ? (
        <>
          <script dangerouslySetInnerHTML={{ __html: LIGHTBOX_QUEUE_SCRIPT }} />
          <Lightbox />
        </>
      ) : null}
    </>
  );
}
