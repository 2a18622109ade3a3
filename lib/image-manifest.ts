// The committed record of remote images' sizes. The build never fetches, so `npm run images:probe` measures each
// remote image once where a network exists and writes it here; pages then reserve the image's exact box.
import { z } from 'zod';
import { parseArticle } from './parse-article';

export const MANIFEST_FILE = 'content/image-manifest.json';

const ManifestEntry = z
  .object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** A tiny blurred preview shown while the image loads; small enough to inline in every page. */
    placeholder: z
      .string()
      .regex(/^data:image\/(webp|png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'must be a base64 data: URL of a webp, png or jpeg')
      .max(4000)
      .optional(),
  })
  .strict();

const Manifest = z
  .object({
    images: z.record(z.string().regex(/^(https?:)?\/\//, 'keys must be remote image URLs'), ManifestEntry),
  })
  .strict();

export type ManifestEntry = z.infer<typeof ManifestEntry>;
export type ImageManifest = z.infer<typeof Manifest>;

export function emptyManifest(): ImageManifest {
  return { images: {} };
}

/** Reads the manifest's text; a damaged manifest fails loudly, naming the file and the entry. */
export function parseManifest(text: string, file = MANIFEST_FILE): ImageManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); run npm run images:probe to rewrite it`);
  }
  const result = Manifest.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      // A bad key is reported as "Invalid key in record" with the reason one level down.
      const message = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join(', ') : issue.message;
      return `${issue.path.map(String).join(' → ') || '(top level)'}: ${message}`;
    });
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Stable text: keys sorted, so re-probing an unchanged site leaves the file byte-for-byte the same. */
export function serializeManifest(manifest: ImageManifest): string {
  const images = Object.fromEntries(
    Object.keys(manifest.images)
      .sort()
      .map((url) => {
        const { width, height, placeholder } = manifest.images[url]!;
        return [url, placeholder ? { width, height, placeholder } : { width, height }];
      }),
  );
  return `${JSON.stringify({ images }, null, 2)}\n`;
}

export function isRemoteUrl(src: string): boolean {
  return /^(https?:)?\/\//.test(src);
}

/** Remote image URLs an article shows: its cover and its body images (markdown or HTML), each once. */
export function remoteImagesOf(file: string, raw: string): string[] {
  const { article } = parseArticle(file, raw);
  const urls = article ? [article.image ?? '', ...article.images.map((image) => image.src)] : [];
  return [...new Set(urls.filter(isRemoteUrl))];
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};

/** The extension for a detected image type (image-size's names) or a Content-Type. */
export function extensionFor(type: string): string | undefined {
  const normalised = type.split(';')[0]!.trim().toLowerCase();
  if (EXTENSIONS[normalised]) return EXTENSIONS[normalised];
  const short = normalised === 'jpeg' ? 'jpg' : normalised;
  return Object.values(EXTENSIONS).includes(short) ? short : undefined;
}

/**
 * Where `--localize` puts a remote image: `/images/<slug>/<name>.<ext>`, the name taken from the URL's last
 * path segment in lowercase letters, digits and hyphens. `taken` holds names already used in that folder.
 */
export function localImagePath(slug: string, url: string, extension: string, taken: ReadonlySet<string>): string {
  let segment = '';
  try {
    segment = decodeURIComponent(new URL(url, 'https://host.invalid').pathname.split('/').pop() ?? '');
  } catch {
    segment = '';
  }
  const stem =
    segment
      .replace(/\.[a-z0-9]{2,5}$/i, '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'image';
  let name = `${stem}.${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.${extension}`;
  return `/images/${slug}/${name}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces whole URLs only: `https://x/a.jpg` must not rewrite the front of `https://x/a.jpg?name=large`. A URL
 * counts where markdown, HTML or YAML would end it: before whitespace, a quote, `)`, `>` or the end.
 */
export function rewriteImageUrls(raw: string, replacements: ReadonlyMap<string, string>): string {
  let text = raw;
  for (const [from, to] of replacements) {
    text = text.replace(new RegExp(`(?<=^|[\\s("'<=:\\[])${escapeRegExp(from)}(?=$|[\\s)"'>\\]])`, 'gm'), () => to);
  }
  return text;
}
