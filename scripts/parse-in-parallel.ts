// Parses articles on every core. Parsing is nearly all of a content check's time and each article parses
// alone, so thousands of articles are split between worker threads and this one.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseArticle, type ParseResult } from '../lib/parse-article';
import type { SourceFile } from '../lib/content';

// A worker spends one to two seconds loading tsx and the parsers before it parses anything: below this many
// articles per thread, one thread finishes sooner (BENCHMARKS.md).
const MIN_ARTICLES_PER_THREAD = 2000;

// `npm run content:check` runs this bundled as JavaScript, with parse-worker.js beside it; tests run the
// TypeScript through tsx, whose loader a worker does not inherit, so it registers it first.
const WORKER_SCRIPT = __filename.endsWith('.ts')
  ? `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'parse-worker.ts'))});`
  : `require(${JSON.stringify(path.join(__dirname, 'parse-worker.js'))});`;

/** `threads` defaults to CONTENT_CHECK_THREADS, else the number of cores (1 turns threads off). */
export async function parseInParallel(
  sources: readonly SourceFile[],
  { threads: wanted = Number(process.env.CONTENT_CHECK_THREADS) || os.availableParallelism(), minPerThread = MIN_ARTICLES_PER_THREAD } = {},
): Promise<Map<string, ParseResult>> {
  const threads = Math.max(1, Math.min(wanted, Math.floor(sources.length / minPerThread)));
  // Interleaved, so that each thread gets its share of the slower .mdx files.
  const chunks: SourceFile[][] = Array.from({ length: threads }, () => []);
  sources.forEach((source, index) => chunks[index % threads]!.push(source));
  const [own = [], ...others] = chunks;

  const pending = others.map(
    (chunk) =>
      new Promise<ParseResult[]>((resolve, reject) => {
        const worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: chunk });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  const results = new Map<string, ParseResult>();
  for (const source of own) results.set(source.file, parseArticle(source.file, source.raw));
  const parsed = await Promise.all(pending);
  others.forEach((chunk, k) => chunk.forEach((source, i) => results.set(source.file, parsed[k]![i]!)));
  return results;
}
