// `npx tsx scripts/gallery-budget.ts` after `npm run build`: how much JavaScript the lightbox adds, gzip-compressed,
// measured on the production chunks the article route loads (see BENCHMARKS.md).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

export type GalleryJavaScript = {
  /** The chunk of the article route that carries the lightbox, with whatever Turbopack bundled beside it. */
  chunk: string;
  chunkBytes: number;
  chunkGzip: number;
  /** The lightbox module alone: the code this feature adds. */
  moduleBytes: number;
  moduleGzip: number;
  /** First-load JavaScript of an article page and of the home page (which has no lightbox), each chunk gzipped. */
  articleRouteGzip: number;
  homeRouteGzip: number;
};

const MARKER = 'data-lightbox-trigger';
const gzipSize = (text: string) => gzipSync(text, { level: 9 }).length;

function firstLoadChunks(stats: unknown, route: string): string[] {
  const entry = Array.isArray(stats) ? stats.find((candidate) => candidate?.route === route) : undefined;
  const chunks: unknown[] = Array.isArray(entry?.firstLoadChunkPaths) ? entry.firstLoadChunkPaths : [];
  return chunks.filter((chunk): chunk is string => typeof chunk === 'string');
}

export function measureGalleryJavaScript(root: string): GalleryJavaScript {
  const stats: unknown = JSON.parse(fs.readFileSync(path.join(root, '.next/diagnostics/route-bundle-stats.json'), 'utf8'));
  const routeGzip = (route: string) =>
    firstLoadChunks(stats, route).reduce((sum, chunk) => sum + gzipSize(fs.readFileSync(path.join(root, chunk), 'utf8')), 0);
  for (const relative of firstLoadChunks(stats, '/posts/[slug]')) {
    const chunk = path.join(root, relative);
    const code = fs.readFileSync(chunk, 'utf8');
    if (!code.includes(MARKER)) continue;
    // A Turbopack chunk only registers module factories when run; running it in a sandbox hands them over
    // as functions, whose source is exactly each module's shipped code.
    const sandbox: { TURBOPACK: unknown[] } = { TURBOPACK: [] };
    vm.runInNewContext(code, { globalThis: sandbox, TURBOPACK: sandbox.TURBOPACK });
    const entries = sandbox.TURBOPACK.flat();
    const factory = entries.find((entry): entry is (...args: unknown[]) => unknown => typeof entry === 'function' && entry.toString().includes(MARKER));
    if (!factory) throw new Error(`${relative} mentions ${MARKER} outside any module`);
    const source = factory.toString();
    return {
      chunk,
      chunkBytes: Buffer.byteLength(code),
      chunkGzip: gzipSize(code),
      moduleBytes: Buffer.byteLength(source),
      moduleGzip: gzipSize(source),
      articleRouteGzip: routeGzip('/posts/[slug]'),
      homeRouteGzip: routeGzip('/'),
    };
  }
  throw new Error('no first-load chunk of /posts/[slug] holds the lightbox: run npm run build first');
}

// Run as a command, not when the end-to-end spec imports it (Playwright loads this file as CommonJS: no import.meta).
if (process.argv[1]?.endsWith('gallery-budget.ts')) {
  const figures = measureGalleryJavaScript(process.cwd());
  console.log(`lightbox module: ${figures.moduleBytes} B, ${figures.moduleGzip} B gzip`);
  console.log(`chunk ${path.relative(process.cwd(), figures.chunk)}: ${figures.chunkBytes} B, ${figures.chunkGzip} B gzip`);
  console.log(`first-load JS, gzip per chunk: article ${figures.articleRouteGzip} B, home ${figures.homeRouteGzip} B (+${figures.articleRouteGzip - figures.homeRouteGzip} B)`);
}
