// Builds the Pagefind search index from the built article pages, under their real URLs. Runs after
// `next build` (see the `build` script); STATIC_EXPORT=1 indexes the export in out/ instead.
import fs from 'node:fs';
import { close, createIndex } from 'pagefind';
import { getArticles } from '../lib/content';
import { SEARCH_INDEX_CONFIG, builtArticleFile, searchIndexDir, searchUrlOf, type BuildKind } from '../lib/search-index';

async function main() {
  const root = process.cwd();
  const kind: BuildKind = process.env.STATIC_EXPORT === '1' ? 'export' : 'server';
  const started = performance.now();
  // Published articles only: the content layer's own definition, the one the pages and feeds use.
  const articles = getArticles();

  const { index, errors } = await createIndex(SEARCH_INDEX_CONFIG);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);

  for (const article of articles) {
    const file = builtArticleFile(root, article.slug, kind);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`next build\` before indexing (${article.file})`);
    const added = await index.addHTMLFile({ url: searchUrlOf(article.slug), content: fs.readFileSync(file, 'utf8') });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${article.file}: ${added.errors.join('; ')}`);
  }

  const outputPath = searchIndexDir(root, kind);
  fs.rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Search index: ${articles.length} articles → ${written.outputPath} in ${seconds} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
