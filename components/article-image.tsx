import Image from 'next/image';
import { isRemote, localImageSize } from '@/lib/images';

type ArticleImageProps = { src?: unknown; alt?: unknown; title?: unknown };

// Until a remote image's size is known, its box is reserved at this ratio so text below does not jump.
const FALLBACK = { width: 1600, height: 900 };

/** An image in an article body: sized before it loads, and a tidy alt-text box if it fails. */
export function ArticleImage({ src, alt, title }: ArticleImageProps) {
  if (typeof src !== 'string' || src === '') return null;
  const text = typeof alt === 'string' ? alt : '';
  const local = isRemote(src) ? undefined : localImageSize(src);
  const size = local ?? FALLBACK;
  return (
    <span className="img-frame" data-alt={text} style={{ aspectRatio: `${size.width} / ${size.height}` }}>
      {local ? (
        <Image src={src} alt={text} width={size.width} height={size.height} sizes="(min-width: 768px) 720px, 100vw" title={typeof title === 'string' ? title : undefined} />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- remote images bypass the optimizer, which cannot reach them
        <img src={src} alt={text} width={size.width} height={size.height} loading="lazy" decoding="async" className="!object-contain" />
      )}
    </span>
  );
}
