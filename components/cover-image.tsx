import { cardImageOf } from '@/lib/images';
import { CoverFrame } from './cover-frame';

type CoverImageProps = {
  src: string;
  alt: string;
  priority?: boolean;
  sizes: string;
  className?: string;
};

/**
 * A cover on the server: its size is read from the file, or for a remote image from the manifest (the build
 * never fetches), so the frame reserves the image's exact box.
 */
export function CoverImage({ src, ...props }: CoverImageProps) {
  return <CoverFrame image={cardImageOf(src)} {...props} />;
}
