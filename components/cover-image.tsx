import Image from 'next/image';
import { isRemote, localImageSize } from '@/lib/images';

type CoverImageProps = {
  src: string;
  alt: string;
  /** The article page's cover is usually its largest paint: load it first. Cards load lazily. */
  priority?: boolean;
  sizes: string;
  className?: string;
};

/**
 * A 16:9 frame whose box is reserved before the image arrives. Local images are resized by Next;
 * remote ones load directly (the build never fetches), and a failed one shows its alt text.
 */
export function CoverImage({ src, alt, priority = false, sizes, className = '' }: CoverImageProps) {
  const size = isRemote(src) ? undefined : localImageSize(src);
  return (
    <span className={`img-frame aspect-[16/9] ${className}`} data-alt={alt}>
      {size ? (
        <Image src={src} alt={alt} width={size.width} height={size.height} sizes={sizes} priority={priority} />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- remote covers bypass the optimizer, which cannot reach them at build or read time
        <img
          src={src}
          alt={alt}
          width={1600}
          height={900}
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : 'auto'}
          decoding="async"
        />
      )}
    </span>
  );
}
