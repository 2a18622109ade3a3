// Image facts read at build time, never over the network: intrinsic sizes of files under public/, and of remote
// images from the committed manifest, so no image shifts the page.
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { CardImage } from './card';
import { MANIFEST_FILE, emptyManifest, isRemoteUrl, parseManifest, type ImageManifest, type ManifestEntry } from './image-manifest';

export type ImageSize = { width: number; height: number };

export function isRemote(src: string): boolean {
  return isRemoteUrl(src);
}

/** Width and height as the browser shows them: EXIF orientations 5–8 turn the picture a quarter. */
export function measureImage(bytes: Uint8Array): ImageSize & { type?: string } {
  const { width, height, orientation, type } = imageSize(bytes);
  if (!width || !height) throw new Error('the file has no width or height');
  return orientation && orientation >= 5 ? { width: height, height: width, type } : { width, height, type };
}

const sizes = new Map<string, ImageSize | undefined>();

/**
 * The file under public/ that a site path such as `/images/x.png?v=2` names. Read at build time only: the ignore
 * comment keeps Turbopack's file tracing from copying all of public/ (the search index too) into every route.
 */
export function publicFilePath(src: string, root = process.cwd()): string {
  return path.join(/*turbopackIgnore: true*/ root, 'public', decodeURIComponent(src.split(/[?#]/)[0]!));
}

/** Width and height of `/images/x.png` (a path under public/), or undefined when the file is missing. */
export function localImageSize(src: string, root = process.cwd()): ImageSize | undefined {
  if (isRemote(src) || !src.startsWith('/')) return undefined;
  const key = `${root}\n${src}`;
  if (!sizes.has(key)) {
    const file = publicFilePath(src, root);
    let size: ImageSize | undefined;
    try {
      const { width, height } = measureImage(fs.readFileSync(file));
      size = { width, height };
    } catch {
      size = undefined;
    }
    sizes.set(key, size);
  }
  return sizes.get(key);
}

let manifestCache: { file: string; mtime: number; manifest: ImageManifest } | undefined;

/** The committed manifest, re-read when the file changes (`next dev` while an editor runs the probe). */
export function readImageManifest(root = process.cwd()): ImageManifest {
  // Spelled out (not MANIFEST_FILE) so the bundler sees which one file is read and does not trace the project.
  const file = path.join(root, 'content', 'image-manifest.json');
  let mtime: number;
  try {
    mtime = fs.statSync(file).mtimeMs;
  } catch {
    return emptyManifest();
  }
  if (!manifestCache || manifestCache.file !== file || manifestCache.mtime !== mtime) {
    manifestCache = { file, mtime, manifest: parseManifest(fs.readFileSync(file, 'utf8'), MANIFEST_FILE) };
  }
  return manifestCache.manifest;
}

/** What the manifest knows about a remote image: its size and perhaps a blurred preview. */
export function remoteImage(src: string, root = process.cwd()): ManifestEntry | undefined {
  return isRemote(src) ? readImageManifest(root).images[src] : undefined;
}

/** The intrinsic size of any article image, when the file or the manifest knows it. */
export function imageSizeOf(src: string, root = process.cwd()): ImageSize | undefined {
  if (isRemote(src)) {
    const entry = remoteImage(src, root);
    return entry ? { width: entry.width, height: entry.height } : undefined;
  }
  return localImageSize(src, root);
}

/**
 * How a cover or card shows an image. A local file of known size goes through Next's optimizer; a remote one
 * (which the build cannot reach, nor the optimizer at read time) loads as it is, in the box the manifest
 * gives it, over its blurred preview. An image of unknown size gets a 16:9 box, as the frame around it has.
 */
export function cardImageOf(src: string, root = process.cwd()): CardImage {
  const remote = isRemote(src);
  const size = imageSizeOf(src, root);
  const placeholder = remote ? remoteImage(src, root)?.placeholder : undefined;
  return {
    src,
    width: size?.width ?? 1600,
    height: size?.height ?? 900,
    optimise: !remote && size !== undefined,
    ...(placeholder ? { placeholder } : {}),
  };
}
