// What a server deployed on its own (Next's standalone output, a serverless host) would carry: each route's
// .nft.json lists the files it needs. The articles are read at build time with file tracing turned off
// (lib/content.ts), so the traces must name content/ (next.config.ts) and nothing of public/, out/ or the tests,
// which dynamic paths once pulled into every route (1,700–2,700 files each).
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

const APP = '.next/server/app';

/** Every route's trace under .next/server/app. */
const traces = () =>
  fs
    .readdirSync(APP, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.nft.json'))
    .map((file) => path.join(APP, file));

/** The files a trace names, as paths from the project root. */
function tracedFiles(trace: string): string[] {
  const { files } = JSON.parse(fs.readFileSync(trace, 'utf8')) as { files: string[] };
  return files.map((file) => path.relative(process.cwd(), path.resolve(path.dirname(trace), file)).split(path.sep).join('/'));
}

test.skip(!fs.existsSync(`${APP}/page.js.nft.json`), 'needs the server build: npm run build');

test('each route traces the articles, and not the public folder, the export or the tests', () => {
  const all = traces();
  expect(all.length).toBeGreaterThan(10);
  for (const trace of all) {
    const files = tracedFiles(trace);
    const stray = files.filter((file) => /^(public|out|test|e2e)\//.test(file));
    expect(stray.slice(0, 5), `${trace} traces ${stray.length} files it does not need`).toEqual([]);
  }
  const article = tracedFiles(`${APP}/posts/[slug]/page.js.nft.json`);
  expect(article).toContain('content/posts/llama-2-released.md');
});
