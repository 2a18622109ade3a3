// A paragraph that holds nothing but one image is a figure, not a line of text: it becomes <figure>,
// with the image's title (`![alt](src "title")`) as its caption.
import type { Root, Element } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

function soleImage(node: Element): Element | undefined {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined;
}

export function rehypeStandaloneImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || index === undefined || !parent) return;
      const image = soleImage(node);
      if (!image) return;
      const title = typeof image.properties.title === 'string' ? image.properties.title : undefined;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['article-figure'] },
        children: title
          ? [image, { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title }] }]
          : [image],
      };
      parent.children[index] = figure;
      return SKIP;
    });
  };
}
