import Image from 'next/image';
import { imageSizeOf, isRemote, remoteImage } from '@/lib/images';

type CoverImageProps = {
  src: string;
  alt: string;
  /** The article page's cover is usually its largest paint: fetch it first. Cards load lazily. */
  priority?: boolean;
  sizes: string;
  className?: string;
};

/**
 * A 16:9 frame whose box is reserved before the image arrives. Local images are resized by Next; remote ones
 * load directly (the build never fetches; their size comes from the image manifest) and a failed one shows
 * its alt text.
 */
export function CoverImage({ src, alt, priority = false, sizes, className = '' }: CoverImageProps) {
  const remote = isRemote(src);
  const size = imageSizeOf(src);
  const placeholder = remote ? remoteImage(src)?.placeholder : undefined;
  const loading = priority ? 'eager' : 'lazy';
  const fetchPriority = priority ? 'high' : 'auto';
  return (
    <span
      className={`img-frame aspect-[16/9] ${className}`}
      data-alt={alt}
      style={placeholder ? { backgroundImage: `url("${placeholder}")` } : undefined}
    >
      {size && !remote ? (
        <Image src={src} alt={alt} width={size.width} height={size.height} sizes={sizes} loading={loading} fetchPriority={fetchPriority} />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- remote covers bypass the optimizer, which cannot reach them at build or read time
        <img
          src={src}
          alt={alt}
          width={size?.width ?? 1600}
          height={size?.height ?? 900}
          loading={loading}
          fetchPriority={fetchPriority}
          decoding="async"
        />
      )}
    </span>
  );
}
