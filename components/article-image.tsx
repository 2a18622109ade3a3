import Image from 'next/image';
import { imageSizeOf, isRemote, remoteImage } from '@/lib/images';
import type { ImageLayout } from '@/lib/rehype-gallery';

// What rehype-gallery records on each image; MDX hands hast data attributes over as `data-*` props.
type ArticleImageProps = {
  src?: unknown;
  alt?: unknown;
  title?: unknown;
  'data-layout'?: unknown;
  'data-lightbox'?: unknown;
  'data-columns'?: unknown;
  'data-wide'?: unknown;
  'data-lead'?: unknown;
};

// Until a remote image's size is known, its box is reserved at this ratio so text below does not jump.
const FALLBACK = { width: 1600, height: 900 };
// The article column is 768px wide less its padding.
const COLUMN_PX = 720;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function layoutOf(value: unknown): ImageLayout {
  return value === 'gallery' || value === 'figure' ? value : 'inline';
}

/** Which width the browser should fetch: a gallery cell is a fraction of the column; phones show ≤ 2 columns. */
function sizesFor(layout: ImageLayout, columns: number, wide: boolean): string {
  if (layout !== 'gallery' || columns <= 1) return `(min-width: 768px) ${COLUMN_PX}px, 100vw`;
  const phone = wide || columns === 1 ? '100vw' : '50vw';
  return `(min-width: 768px) ${Math.ceil(COLUMN_PX / columns)}px, (min-width: 640px) ${Math.ceil(100 / columns)}vw, ${phone}`;
}

/**
 * An image in an article body: its box is sized before it loads, it shows its alt text in a tidy box if it
 * fails, and (when rehype-gallery gave it an address) it is a button that opens the lightbox.
 */
export function ArticleImage(props: ArticleImageProps) {
  const src = text(props.src);
  if (!src) return null;
  const alt = text(props.alt) ?? '';
  const caption = text(props.title);
  const layout = layoutOf(props['data-layout']);
  const id = text(props['data-lightbox']);
  const columns = Number(props['data-columns']) || 1;
  const lead = props['data-lead'] === 'true';
  const known = imageSizeOf(src);
  const size = known ?? FALLBACK;
  const remote = isRemote(src);
  const placeholder = remote ? remoteImage(src)?.placeholder : undefined;

  const frameStyle: React.CSSProperties = {
    // Gallery cells all take the gallery's shape (a CSS variable on the grid); other frames the image's own.
    aspectRatio: layout === 'gallery' ? undefined : `${size.width} / ${size.height}`,
    backgroundImage: placeholder ? `url("${placeholder}")` : undefined,
  };
  const fit = layout === 'gallery' || known ? '' : '!object-contain';
  const image =
    !remote && known ? (
      <Image
        src={src}
        alt={alt}
        width={size.width}
        height={size.height}
        sizes={sizesFor(layout, columns, props['data-wide'] === 'true')}
        loading={lead ? 'eager' : 'lazy'}
        fetchPriority={lead ? 'high' : undefined}
        title={id ? undefined : caption}
      />
    ) : (
      // eslint-disable-next-line @next/next/no-img-element -- remote images bypass the optimizer, which cannot reach them
      <img
        src={src}
        alt={alt}
        width={size.width}
        height={size.height}
        loading={lead ? 'eager' : 'lazy'}
        fetchPriority={lead ? 'high' : undefined}
        decoding="async"
        className={fit}
        title={id ? undefined : caption}
      />
    );
  const frame = (
    <span className={`img-frame${placeholder ? ' img-frame-placeholder' : ''}`} data-alt={alt} style={frameStyle}>
      {image}
    </span>
  );
  if (!id) return frame;
  return (
    // The lightbox (components/lightbox.tsx) listens for clicks on these buttons and reads what it shows from them.
    <button
      type="button"
      id={id}
      className="lightbox-trigger"
      data-lightbox-trigger=""
      data-caption={caption}
      data-width={known?.width}
      data-height={known?.height}
      aria-haspopup="dialog"
      // The image's alt text names the button; the build reports images without one, and this keeps them usable.
      aria-label={alt ? undefined : (caption ?? 'Open image')}
    >
      {frame}
    </button>
  );
}
