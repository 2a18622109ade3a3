import { compileMDX } from 'next-mdx-remote/rsc';
import type { Article } from '@/lib/content';
import { remarkPlugins, rehypePlugins } from '@/lib/markdown';
import { mdxComponents } from './mdx-components';

/** Renders an article's body at build time; the output is static HTML with no markdown code in the browser. */
export async function ArticleBody({ article }: { article: Pick<Article, 'body' | 'format' | 'file'> }) {
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
        rehypePlugins: rehypePlugins(article.format),
      },
    },
  });
  return <div className="prose-article">{content}</div>;
}
