// Builds the Pagefind search index from the built article pages, under their real URLs. Runs after
// `next build` (see the `build` script); STATIC_EXPORT=1 indexes the export in out/ instead.
import fs from 'node:fs';
import { close, createIndex } from 'pagefind';
import { getArticles } from '../lib/content';
import { COMMON_WORDS_LIMIT, COMPOUND_PHRASES_LIMIT, IndexedTextCounter, PHRASE_CANDIDATES } from '../lib/search-answers';
import { writeCommonAnswers } from '../lib/search-answers-build';
import { SEARCH_INDEX_CONFIG, builtArticleFile, searchIndexDir, searchUrlOf, type BuildKind } from '../lib/search-index';

async function main() {
  const root = process.cwd();
  const kind: BuildKind = process.env.STATIC_EXPORT === '1' ? 'export' : 'server';
  const started = performance.now();
  // Published articles only: the content layer's own definition, the one the pages and feeds use.
  const articles = getArticles();

  const { index, errors } = await createIndex(SEARCH_INDEX_CONFIG);
  const counted = new IndexedTextCounter();
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);

  for (const article of articles) {
    const file = builtArticleFile(root, article.slug, kind);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`next build\` before indexing (${article.file})`);
    const content = fs.readFileSync(file, 'utf8');
    counted.add(content);
    const added = await index.addHTMLFile({ url: searchUrlOf(article.slug), content });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${article.file}: ${added.errors.join('; ')}`);
  }

  const outputPath = searchIndexDir(root, kind);
  fs.rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await close();
  const indexed = performance.now();
  // The words in the most articles are answered now, once, instead of by every reader's browser.
  // The next few words check how the box ranks a common word with one that is not.
  const ranked = counted.words.mostCommon(COMMON_WORDS_LIMIT + 8);
  // The most common phrases, many more than are answered: those the box adds up from the words' scores need none.
  // Compound words of three or four parts never add up: the most common are all answered.
  const common = await writeCommonAnswers(
    outputPath,
    ranked.slice(0, COMMON_WORDS_LIMIT),
    ranked.slice(COMMON_WORDS_LIMIT),
    counted.phrases.mostCommon(PHRASE_CANDIDATES),
    counted.compounds.mostCommon(COMPOUND_PHRASES_LIMIT),
  );
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `Search index: ${articles.length} articles → ${written.outputPath} in ${seconds(indexed - started)} s; ` +
      `answers for ${common.words} common words (${(common.bytes / 1000).toFixed(0)} kB) in ${seconds(performance.now() - indexed)} s, ` +
      `${common.combined.words} of them with scores to add up (${common.combined.weighed.words} stored as weights; checked against Pagefind on ${common.combined.checked} queries), ` +
      `and for ${common.pairs} phrases and pairs of words that do not add up (${common.combined.pairs} of them add up with a third word)` +
      (common.combined.unstable.length ? `; on ${common.combined.unstable.length} of the queries checked, a page Pagefind scores by the order of the words` : ''),
  );
  // As with the words: such a pair with a third word then goes to Pagefind, but a maintainer should know why.
  for (const refused of common.combined.pairsFailed) console.warn(`Search: a stored pair with a third word will be answered by Pagefind, because ${refused}`);
  // Not a failure: several words then go to Pagefind, as they did before the scores existed. But a maintainer
  // should know (a new Pagefind may rank differently), so the build says which query differed and how.
  if (common.combined.dropped) console.warn(`Search: several common words will be answered by Pagefind, because ${common.combined.dropped}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
