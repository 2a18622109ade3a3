// Whether Pagefind's score for several words is the sum of its scores for parts of them, page by page, with the
// title boost off (the part the box adds up, lib/search-combine.ts). The measurements behind COMBINE_MAX_WORDS
// and PairPostings, in BENCHMARKS.md (session 14). Run it after a build, on the site's index or the benchmark's:
//
//   npx tsx scripts/score-sums.mts public/pagefind parts "open source|model" "language|model|luxvel|praka"
//   npx tsx scripts/score-sums.mts public/pagefind combos the,and,model,open,ai,llama 4 [limit]
//
// `parts`: each argument is a query split into parts at "|"; a part may be several words (a stored pair). `combos`:
// the combinations of that many of the words that the box would add up (addsUp, with the bundle's stored scores),
// the first `limit` of them if given.
import fs from 'node:fs';
import path from 'node:path';
import { startPagefind, type Pagefind } from '../lib/search';
import { addsUp } from '../lib/search-combine';
import { COMMON_ANSWERS_DIR, COMMON_ANSWERS_INDEX, parseCommonAnswersIndex, parseCommonAnswersShard, shardOf } from '../lib/search-answers';
import { withBundleFetch } from '../lib/search-answers-build';

const [bundle, mode, ...rest] = process.argv.slice(2);
if (!bundle || (mode !== 'parts' && mode !== 'combos')) {
  console.error('usage: score-sums.mts <bundle> parts "a b|c" … | combos <word,word,…> <size> [limit]');
  process.exit(1);
}

let copy = 0;
/** A new Pagefind for each query, as a reader's first search is, with no weight for the metadata fields. */
async function scoresOf(query: string): Promise<Map<string, number>> {
  // Pagefind's script fetches its files: the build's fetch reads them from the bundle on disk.
  return withBundleFetch(bundle!, async (base) => {
    const pagefind = (await startPagefind(await import(new URL(`pagefind.js?copy=${copy++}`, base).href), base)) as Pagefind;
    await pagefind.options({ ranking: { metaWeights: { title: 0, date: 0, date_text: 0, image: 0, image_alt: 0 } } });
    const results = ((await pagefind.search(query))?.results ?? []) as unknown as { id: string; score: number }[];
    await pagefind.destroy?.();
    return new Map(results.map((result) => [result.id, result.score]));
  });
}

/** How many pages of the whole query's results score the sum of the parts' scores, and how many do not. */
async function compare(parts: string[]): Promise<{ pages: number; differ: number }> {
  // One at a time: each swaps the global fetch while it runs.
  const each: Map<string, number>[] = [];
  for (const part of parts) each.push(await scoresOf(part));
  const whole = await scoresOf(parts.join(' '));
  let differ = 0;
  for (const [id, score] of whole) {
    const sum = each.reduce((total, scores) => total + (scores.get(id) ?? Number.NaN), 0);
    if (!(Math.abs(sum - score) <= 1e-5 + 1e-4 * score)) differ++;
  }
  return { pages: whole.size, differ };
}

if (mode === 'parts') {
  for (const query of rest) {
    const { pages, differ } = await compare(query.split('|'));
    console.log(`${query}: ${pages} pages, ${differ} not the sum of the parts`);
  }
} else {
  const words = (rest[0] ?? '').split(',').filter(Boolean);
  const size = Number(rest[1]);
  const dir = path.join(bundle, COMMON_ANSWERS_DIR);
  const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_INDEX), 'utf8')));
  const postingsOf = (word: string) => {
    const file = index?.shards[shardOf(word)];
    return file === undefined ? undefined : parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))).get(word)?.combine;
  };
  const combos: string[][] = [];
  const pick = (from: number, chosen: string[]) => {
    if (chosen.length === size) return void combos.push(chosen);
    for (let i = from; i < words.length; i++) pick(i + 1, [...chosen, words[i]!]);
  };
  pick(0, []);
  const added = combos
    .filter((combo) => combo.every((word) => postingsOf(word)) && addsUp(combo.map((word) => ({ word, postings: postingsOf(word) }))))
    .slice(0, rest[2] === undefined ? undefined : Number(rest[2]));
  let queries = 0;
  let pages = 0;
  let differ = 0;
  for (const combo of added) {
    const result = await compare(combo);
    pages += result.pages;
    differ += result.differ;
    if (result.differ > 0) queries++;
  }
  console.log(`${size} words: ${added.length} combinations the box adds up (of ${combos.length}); ${queries} with a page not the sum (${differ} of ${pages} pages)`);
}
