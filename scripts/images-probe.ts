// `npm run images:probe` measures every remote image the articles use, once, and records its size (and a tiny
// blurred preview) in content/image-manifest.json, which the offline build reads. `-- --localize [slug…]` also
// downloads the images into public/images/<slug>/ and rewrites those articles to use the copies.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { CONTENT_DIR, readSources } from '../lib/content';
import {
  MANIFEST_FILE,
  emptyManifest,
  extensionFor,
  localImagePath,
  parseManifest,
  remoteImagesOf,
  rewriteImageUrls,
  serializeManifest,
  type ImageManifest,
  type ManifestEntry,
} from '../lib/image-manifest';
import { measureImage } from '../lib/images';
import { slugOf } from '../lib/parse-article';

export type ProbeOptions = {
  /** The project root holding content/ and public/. */
  root: string;
  /** Articles (by slug) whose remote images are downloaded and rewritten; `true` for all of them. */
  localize?: boolean | readonly string[];
  /** Measure again even images the manifest already knows. */
  force?: boolean;
  fetch?: typeof fetch;
  timeoutMs?: number;
  log?: (line: string) => void;
};

export type ProbeReport = {
  /** URLs fetched and measured in this run. */
  probed: string[];
  /** URLs the manifest already knew, not fetched. */
  known: string[];
  localized: { url: string; path: string; file: string }[];
  failed: { url: string; reason: string; files: string[] }[];
};

// A larger download is more likely a mistake (a video, an archive) than an article image.
const MAX_BYTES = 25 * 1024 * 1024;
const PLACEHOLDER_WIDTH = 16;

type Download = { bytes: Buffer; extension: string; entry: ManifestEntry };

export async function probeImages(options: ProbeOptions): Promise<ProbeReport> {
  const { root, force = false, timeoutMs = 15_000, log = () => {} } = options;
  const fetcher = options.fetch ?? fetch;
  const manifestFile = path.join(root, MANIFEST_FILE);
  const manifest: ImageManifest = fs.existsSync(manifestFile) ? parseManifest(fs.readFileSync(manifestFile, 'utf8')) : emptyManifest();

  const articles = readArticles(root).map((article) => ({ ...article, urls: remoteImagesOf(article.file, article.raw) }));
  const wantsLocal = (slug: string) => options.localize === true || (Array.isArray(options.localize) && options.localize.includes(slug));
  const unknownSlugs = Array.isArray(options.localize) ? options.localize.filter((slug) => !articles.some((a) => a.slug === slug)) : [];
  if (unknownSlugs.length > 0) throw new Error(`no article with slug ${unknownSlugs.join(', ')} in ${CONTENT_DIR}`);

  const report: ProbeReport = { probed: [], known: [], localized: [], failed: [] };
  const filesOf = (url: string) => articles.filter((a) => a.urls.includes(url)).map((a) => a.file);
  const downloads = new Map<string, Download | undefined>();

  // Each URL is fetched at most once, however many articles use it.
  const download = async (url: string): Promise<Download | undefined> => {
    if (!downloads.has(url)) {
      try {
        const result = await fetchImage(fetcher, url, timeoutMs);
        downloads.set(url, result);
        report.probed.push(url);
        log(`measured ${url}: ${result.entry.width}×${result.entry.height}`);
      } catch (error) {
        downloads.set(url, undefined);
        const reason = error instanceof Error ? error.message : String(error);
        report.failed.push({ url, reason, files: filesOf(url) });
        log(`FAILED   ${url}: ${reason}`);
      }
    }
    return downloads.get(url);
  };

  for (const url of new Set(articles.flatMap((a) => a.urls))) {
    const needed = force || !manifest.images[url] || articles.some((a) => a.urls.includes(url) && wantsLocal(a.slug));
    if (needed) await download(url);
    else report.known.push(url);
  }

  for (const article of articles.filter((a) => wantsLocal(a.slug) && a.urls.length > 0)) {
    const folder = path.join(root, 'public', 'images', article.slug);
    const taken = new Set(fs.existsSync(folder) ? fs.readdirSync(folder) : []);
    const replacements = new Map<string, string>();
    for (const url of article.urls) {
      const result = downloads.get(url);
      if (!result) continue;
      const local = localImagePath(article.slug, url, result.extension, taken);
      taken.add(path.basename(local));
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(root, 'public', local), result.bytes);
      replacements.set(url, local);
      report.localized.push({ url, path: local, file: article.file });
      log(`saved    ${url} as public${local}`);
    }
    if (replacements.size > 0) {
      article.raw = rewriteImageUrls(article.raw, replacements);
      article.urls = article.urls.filter((url) => !replacements.has(url));
      fs.writeFileSync(path.join(root, article.file), article.raw);
      log(`rewrote  ${article.file}`);
    }
  }

  // The manifest lists exactly the remote images still in use: fresh measurements, else what it knew before.
  const next: ImageManifest = emptyManifest();
  for (const url of new Set(articles.flatMap((a) => a.urls))) {
    const entry = downloads.get(url)?.entry ?? manifest.images[url];
    if (entry) next.images[url] = entry;
  }
  const text = serializeManifest(next);
  if (!fs.existsSync(manifestFile) || fs.readFileSync(manifestFile, 'utf8') !== text) {
    fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
    fs.writeFileSync(manifestFile, text);
    log(`wrote    ${MANIFEST_FILE} (${Object.keys(next.images).length} images)`);
  }
  return report;
}

/** The articles as the site reads them (lib/content.ts readSources): the probe covers exactly what is published. */
function readArticles(root: string): { file: string; slug: string; raw: string }[] {
  return readSources(root).sources.map(({ file, raw }) => ({ file, slug: slugOf(file), raw }));
}

async function fetchImage(fetcher: typeof fetch, url: string, timeoutMs: number): Promise<Download> {
  const absolute = url.startsWith('//') ? `https:${url}` : url;
  const response = await fetcher(absolute, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new Error(`${length} bytes is more than an article image should weigh`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new Error(`${bytes.length} bytes is more than an article image should weigh`);
  let measured: ReturnType<typeof measureImage>;
  try {
    measured = measureImage(bytes);
  } catch {
    throw new Error(`not an image (${response.headers.get('content-type') ?? 'no content type'})`);
  }
  const extension = extensionFor(measured.type ?? '') ?? extensionFor(response.headers.get('content-type') ?? '');
  if (!extension) throw new Error(`unsupported image type ${measured.type ?? 'unknown'}`);
  const entry: ManifestEntry = { width: measured.width, height: measured.height };
  const placeholder = await blurPlaceholder(bytes);
  if (placeholder) entry.placeholder = placeholder;
  return { bytes, extension, entry };
}

/** A 16-pixel-wide webp of the image, which the page stretches (and so blurs) until the real image arrives. */
async function blurPlaceholder(bytes: Buffer): Promise<string | undefined> {
  try {
    const tiny = await sharp(bytes).rotate().resize(PLACEHOLDER_WIDTH, PLACEHOLDER_WIDTH, { fit: 'inside' }).webp({ quality: 40 }).toBuffer();
    return `data:image/webp;base64,${tiny.toString('base64')}`;
  } catch {
    // The size is what matters; an image sharp cannot decode simply gets no preview.
    return undefined;
  }
}

export function parseArguments(argv: readonly string[]): Pick<ProbeOptions, 'localize' | 'force'> {
  const localize = argv.includes('--localize');
  const slugs = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = argv.filter((arg) => arg.startsWith('--') && arg !== '--localize' && arg !== '--force');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')}; use --localize [slug…] and --force`);
  if (slugs.length > 0 && !localize) throw new Error('article slugs only make sense after --localize');
  return { localize: localize ? (slugs.length > 0 ? slugs : true) : false, force: argv.includes('--force') };
}

async function main() {
  const report = await probeImages({ root: process.cwd(), ...parseArguments(process.argv.slice(2)), log: (line) => console.log(line) });
  console.log(
    `${report.probed.length} measured, ${report.known.length} already known, ${report.localized.length} localized, ${report.failed.length} failed`,
  );
  for (const failure of report.failed) console.error(`  ${failure.url} (${failure.files.join(', ')}): ${failure.reason}`);
  if (report.failed.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
