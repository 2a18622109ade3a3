// Image facts read at build time: intrinsic sizes of files under public/, so no image shifts the page.
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

export type ImageSize = { width: number; height: number };

export function isRemote(src: string): boolean {
  return /^(https?:)?\/\//.test(src);
}

const sizes = new Map<string, ImageSize | undefined>();

/** Width and height of `/images/x.png` (a path under public/), or undefined when the file is missing. */
export function localImageSize(src: string, root = process.cwd()): ImageSize | undefined {
  if (isRemote(src) || !src.startsWith('/')) return undefined;
  if (!sizes.has(src)) {
    const file = path.join(root, 'public', decodeURIComponent(src.split(/[?#]/)[0]!));
    let size: ImageSize | undefined;
    try {
      const { width, height } = imageSize(fs.readFileSync(file));
      size = width && height ? { width, height } : undefined;
    } catch {
      size = undefined;
    }
    sizes.set(src, size);
  }
  return sizes.get(src);
}
