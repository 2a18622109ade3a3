import type { MdxAttributesOf } from '@/lib/mdx-components-names';

type GalleryProps = MdxAttributesOf<'Gallery'> & { children?: React.ReactNode };

/**
 * `<Gallery caption="…" columns="3">` with markdown images as children, in .mdx. lib/rehype-gallery.ts rewrites
 * every <Gallery> into the same markup as an automatic gallery (numbered, one button per image) before React
 * sees it, so this component only renders when a pipeline leaves that plugin out: it then keeps the images
 * and the caption in a plain grid rather than failing the page.
 */
export function Gallery({ children, caption, columns }: GalleryProps) {
  return (
    <figure className="gallery not-prose" data-columns={columns}>
      <div className="gallery-grid">{children}</div>
      {caption ? <figcaption className="gallery-caption">{caption}</figcaption> : null}
    </figure>
  );
}
