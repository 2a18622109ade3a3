// The one MDX component registry: what markdown elements render as, and which components .mdx may use.
import type { MDXComponents } from 'mdx/types';
import type { MdxComponentName } from '@/lib/mdx-components-names';
import { ArticleImage } from './article-image';
import { Callout } from './callout';
import { Gallery } from './gallery';

// Typed against the list the content check uses, so a component cannot be allowed there but missing here.
const articleComponents = { Gallery, Callout } satisfies Record<MdxComponentName, unknown>;

export const mdxComponents: MDXComponents = {
  ...articleComponents,
  img: ArticleImage,
};
