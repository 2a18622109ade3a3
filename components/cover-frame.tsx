// The frame a cover or card picture sits in: its 16:9 box is reserved before the image arrives, and a failed
// image shows its alt text there, or the fallback it was given (the boot script marks it). Reads no files, so
// the tag filter's cards can draw it in the browser from the sizes their chunk carries.
import Image from 'next/image';
import type { CardImage } from '@/lib/card';

type CoverFrameProps = {
  image: CardImage;
  alt: string;
  /** The article page's cover is usually its largest paint: fetch it first. Cards load lazily. */
  priority?: boolean;
  sizes: string;
  className?: string;
  /** Shown in place of the image if it fails to load, instead of its alt text (a card's title panel). */
  fallback?: React.ReactNode;
};

export function CoverFrame({ image, alt, priority = false, sizes, className = '', fallback }: CoverFrameProps) {
  const loading = priority ? 'eager' : 'lazy';
  const fetchPriority = priority ? 'high' : 'auto';
  return (
    <span
      className={`img-frame aspect-[16/9] ${className}`}
      data-alt={alt}
      style={image.placeholder ? { backgroundImage: `url("${image.placeholder}")` } : undefined}
    >
      {image.optimise ? (
        <Image src={image.src} alt={alt} width={image.width} height={image.height} sizes={sizes} loading={loading} fetchPriority={fetchPriority} />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- remote covers bypass the optimizer, which cannot reach them at build or read time
        <img
          src={image.src}
          alt={alt}
          width={image.width}
          height={image.height}
          loading={loading}
          fetchPriority={fetchPriority}
          decoding="async"
        />
      )}
      {/* In the markup from the start and shown by CSS once the boot script marks the frame failed, so it
          also works for an image that fails before React has hydrated the page. */}
      {fallback ? <span className="img-frame-fallback">{fallback}</span> : null}
    </span>
  );
}
