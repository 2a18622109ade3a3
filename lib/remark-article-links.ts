// Editors may link to another article by its file (`./other.md`), which is what their editor and GitHub
// follow; readers need its URL, so file links become `/posts/other` when the article is rendered.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { toArticleLink } from './article-links';

export function remarkArticleLinks() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const target = toArticleLink(node.url);
      if (target?.kind === 'file') node.url = target.href;
    });
  };
}
