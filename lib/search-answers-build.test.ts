// The build's answers come from a real Pagefind index, written to a scratch folder and searched with the same
// script and WebAssembly the browser loads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { close, createIndex } from 'pagefind';
import { answerCommonWords, writeCommonAnswers } from './search-answers-build';
import { compoundParts, fitWordModel } from './search-combine-build';
import { COMMON_ANSWERS_DIR, COMMON_ANSWERS_INDEX, COMMON_WORDS_LIMIT, COMPOUND_PHRASES_LIMIT, CommonAnswers, IndexedTextCounter, PHRASE_CANDIDATES, WordCounter, indexedWordsOf, parseCommonAnswersIndex, parseCommonAnswersShard, shardOf } from './search-answers';
import { areIndependentWords, decodePostings, encodePostings, formScore, resolveChunks, type WordPostings } from './search-combine';
import { syntheticArticle } from '../scripts/synthetic-articles';
import { CombinedSearch, dataOfResults, type OtherWordData } from './search-combine-client';
import { PAGEFIND_OPTIONS, tagChoices, type Pagefind } from './search';
import { SEARCH_INDEX_CONFIG } from './search-index';
import type { WithOtherWord } from './search-worker';

let bundle: string;

const page = (title: string, body: string, tags: string[]) =>
  `<html lang="en"><body><article data-pagefind-body><h1>${title}</h1>${body.startsWith('<') ? body : `<p>${body}</p>`}<div hidden>` +
  `<span data-pagefind-meta="date:2023-07-18"></span>${tags.map((tag) => `<span data-pagefind-filter="tag:${tag}"></span>`).join('')}` +
  `</div></article></body></html>`;

beforeAll(async () => {
  bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'search-answers-'));
  const { index } = await createIndex(SEARCH_INDEX_CONFIG);
  if (!index) throw new Error('Pagefind did not start');
  const pages = [
    ['llama', 'Llama 2 released', 'Meta released the Llama 2 model with open weights.', ['AI', 'Open Source']],
    ['claude', 'Claude 2', 'Anthropic released a model with a longer context.', ['AI']],
    ['act', 'The AI Act', 'Parliament voted on rules for every model sold in Europe.', ['Policy']],
    ['chips', 'Chips', 'Nothing about the word here.', ['Hardware']],
    // For adding words up: titles holding both words, one or none; a heading (with an id, as the site's are).
    ['open-model', 'An open model for everyone', 'The weights of the open model are out, and the model card too.', ['AI']],
    ['weights', 'Weights and licences', '<p>Open weights matter.</p><h2 id="model-cards">Model cards</h2><p>A model card lists what the weights were trained on, in long prose that goes on for a while before the next open question.</p>', ['Open Source']],
    ['models', 'Models everywhere', 'Every lab ships models; few ship open weights. Open models, open data, open everything.', ['AI']],
    ['closed', 'Closed doors', 'No open model here: the model stays closed, weights and all.', ['Policy']],
    // A compound word: Pagefind indexes "open" and "source" (and "opensource") at its one place.
    ['sources', 'Sources', 'Open-source weights, from a source that is open.', ['Open Source']],
  ] as const;
  for (const [slug, title, body, tags] of pages) {
    await index.addHTMLFile({ url: `/posts/${slug}`, content: page(title, body, [...tags]) });
  }
  await index.writeFiles({ outputPath: bundle });
  await close();
}, 60_000);

afterAll(() => fs.rmSync(bundle, { recursive: true, force: true }));

/** A Pagefind on the scratch index, in this process, set up as the box's (its files read from disk). */
async function pagefindFor(dir: string): Promise<Pagefind> {
  const base = pathToFileURL(dir + path.sep).href;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    try {
      return new Response(fs.readFileSync(fileURLToPath(new URL(String(input), base))));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  const loaded = (await import(/* @vite-ignore */ new URL('pagefind.js', base).href)) as { createInstance: (options: object) => Pagefind };
  const instance = loaded.createInstance({ noWorker: true, basePath: base });
  await instance.options(PAGEFIND_OPTIONS);
  await instance.init();
  return instance;
}

/** A Pagefind index of these pages (`/posts/p0`, `/posts/p1` …) in a new scratch folder, which the caller removes. */
async function scratchIndexOf(name: string, htmls: string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `search-answers-${name}-`));
  const { index } = await createIndex(SEARCH_INDEX_CONFIG);
  if (!index) throw new Error('Pagefind did not start');
  for (const [i, content] of htmls.entries()) await index.addHTMLFile({ url: `/posts/p${i}`, content });
  await index.writeFiles({ outputPath: dir });
  await close();
  return dir;
}

/** The store has an answer for the query, and it is a new Pagefind's own (on the index in `dir`): count, results, excerpts, tags. */
async function expectPagefindsAnswerStored(store: CommonAnswers, query: string, dir = bundle): Promise<void> {
  await vi.waitFor(() => expect(store.lookup(query).kind).not.toBe('loading'));
  const stored = store.lookup(query);
  if (stored.kind !== 'answer') throw new Error(`no stored answer for “${query}”`);
  const pagefind = await pagefindFor(dir);
  await pagefind.filters();
  const theirs = (await pagefind.search(query))!;
  const data = await Promise.all(theirs.results.map((result) => result.data()));
  expect(stored.answer.total, query).toBe(theirs.results.length);
  expect(stored.answer.results.map((result) => [result.url, result.excerpt])).toEqual(data.map((result) => [result.url, result.excerpt]));
  expect(stored.answer.tags).toEqual(tagChoices(theirs.totalFilters, undefined));
}

/**
 * The answers written in `dir`, read as the box reads them: the store of answers, and the search that adds words up
 * from their stored scores. Pagefind's fetch (pagefindFor) is undone when the test ends.
 */
function writtenAnswers(dir: string) {
  const answers = path.join(dir, COMMON_ANSWERS_DIR);
  const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(answers, COMMON_ANSWERS_INDEX), 'utf8')))!;
  const store = new CommonAnswers(async (file) => JSON.parse(fs.readFileSync(path.join(answers, file), 'utf8')));
  const search = new CombinedSearch(index.combine!, async (file) => new Uint8Array(fs.readFileSync(path.join(dir, file))), COMMON_ANSWERS_DIR);
  const realFetch = globalThis.fetch;
  onTestFinished(() => {
    globalThis.fetch = realFetch;
  });
  return { answersDir: answers, index, store, search };
}

/**
 * The query is added up from stored scores (CommonAnswers.combinationOf), and the sum is a new Pagefind's own answer
 * on the index in `dir`: count, the first results and their excerpts, counts by tag. Returns the scores added up.
 */
async function expectAddedUpAsPagefind({ store, search }: ReturnType<typeof writtenAnswers>, query: string, dir: string): Promise<WordPostings[]> {
  await vi.waitFor(() => expect(store.combinationOf(query).kind).not.toBe('loading'));
  const combination = store.combinationOf(query);
  if (combination.kind !== 'words') throw new Error(`“${query}” is not added up`);
  const ours = await search.answer(combination.words, 8);
  const pagefind = await pagefindFor(dir);
  await pagefind.filters();
  const theirs = (await pagefind.search(query))!;
  const data = await Promise.all(theirs.results.slice(0, 8).map((result) => result.data()));
  expect(ours.total, query).toBe(theirs.results.length);
  expect(ours.results.map((result) => [result.url, result.excerpt]), query).toEqual(data.map((result) => [result.url, result.excerpt]));
  // Counted by tag over every result, as the box counts them.
  expect(await search.tags((await search.rank(combination.words, 8)).pages), query).toEqual(tagChoices(theirs.totalFilters, undefined));
  return combination.words;
}

describe('answers made at build time', () => {
  it('are Pagefind’s own: every match counted, the first results with excerpts, counts by tag', async () => {
    const answers = await answerCommonWords(bundle, ['model', 'released', 'qzxqzx']);
    const model = answers.get('model')!;
    expect(model.total).toBe(7);
    expect(model.results.map((result) => result.url).sort()).toEqual(['/posts/act', '/posts/claude', '/posts/closed', '/posts/llama', '/posts/models', '/posts/open-model', '/posts/weights']);
    for (const result of model.results) expect(result.excerpt).toMatch(/<mark>models?\W?<\/mark>/i);
    expect(model.results.find((result) => result.url === '/posts/llama')?.meta).toMatchObject({ title: 'Llama 2 released', date: '2023-07-18' });
    expect(model.tags).toEqual([
      { name: 'AI', count: 4 },
      { name: 'Open Source', count: 2 },
      { name: 'Policy', count: 2 },
    ]);
    expect(answers.get('released')?.total).toBe(2);
    // A word with no results has nothing worth storing.
    expect(answers.get('qzxqzx')).toBeUndefined();
  });

  it('are written beside the index, in the files the box reads', async () => {
    const written = await writeCommonAnswers(bundle, ['model', 'meta']);
    expect(written).toMatchObject({ words: 2, combined: { words: 2 } });
    const dir = path.join(bundle, COMMON_ANSWERS_DIR);
    const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_INDEX), 'utf8')));
    expect(Object.keys(index!.shards)).toEqual(['me', 'mo']);
    // Named by their content: a changed answer is a new file.
    expect(index!.shards.mo).toMatch(/^[0-9a-f]{16}\.json$/);
    const mo = parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(dir, index!.shards.mo!), 'utf8')));
    expect(mo.get('model')?.total).toBe(7);
  });

  it('let the box add common words up, and what it adds up is Pagefind’s own answer, excerpts included', async () => {
    const words = ['open', 'model', 'weights', 'released'];
    const written = await writeCommonAnswers(bundle, words, ['card', 'lab']);
    // The build checked pairs, a triple and common words with others against Pagefind, and kept the files.
    expect(written.combined).toMatchObject({ words: 4, dropped: undefined });
    expect(written.combined.checked).toBeGreaterThanOrEqual(8);

    const dir = path.join(bundle, COMMON_ANSWERS_DIR);
    const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_INDEX), 'utf8')))!;
    const postingsOf = (word: string) => {
      const shard = parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(dir, index.shards[shardOf(word)]!), 'utf8')));
      return shard.get(word)!.combine!;
    };
    const search = new CombinedSearch(index.combine!, async (file) => new Uint8Array(fs.readFileSync(path.join(bundle, file))), COMMON_ANSWERS_DIR);
    const realFetch = globalThis.fetch;
    const pagefind = await pagefindFor(bundle);
    await pagefind.filters();
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    for (const query of [['open', 'model'], ['model', 'weights'], ['open', 'model', 'weights'], ['released', 'open'], ['weights', 'released', 'model', 'open']]) {
      const ours = await search.answer(query.map(postingsOf), 8);
      const theirs = await pagefind.search(query.join(' '));
      const data = await Promise.all(theirs!.results.map((result) => result.data()));
      expect(ours.total, query.join(' ')).toBe(theirs!.results.length);
      expect(ours.results.map((result) => result.url)).toEqual(data.map((result) => result.url));
      expect(ours.results.map((result) => result.excerpt)).toEqual(data.map((result) => result.excerpt));
      const { pages } = await search.rank(query.map(postingsOf), 8);
      expect(await search.tags(pages)).toEqual(tagChoices(theirs!.totalFilters, undefined));
    }
    // A common word with one that is not: Pagefind searches that one alone (as the box's worker does), and
    // its results ranked with the common words' scores are Pagefind's answer to all the words.
    for (const [common, other] of [[['model'], 'card'], [['open', 'weights'], 'matter'], [['model'], 'europe']] as const) {
      const alone = await pagefindFor(bundle);
      const otherResults = (await alone.search(other))!.results as unknown as Parameters<CombinedSearch['rankWithOther']>[1][number];
      const ranked = (await search.rankWithOther(common.map(postingsOf), [otherResults], 8))!;
      const theirs = await pagefind.search([...common, other].join(' '));
      const data = await Promise.all(theirs!.results.map((result) => result.data()));
      expect(ranked.total, other).toBe(theirs!.results.length);
      expect(await Promise.all(ranked.top.map((entry) => search.pageId(entry.page)))).toEqual(theirs!.results.map((result) => result.id));
      const ours = await Promise.all(
        ranked.top.map(async (entry) => search.otherResultData(common.map(postingsOf), [await (otherResults[entry.results[0]!] as unknown as { data: () => Promise<OtherWordData> }).data()])),
      );
      expect(ours.map((result) => result.excerpt)).toEqual(data.map((result) => result.excerpt));
      expect(await search.tags(ranked.pages)).toEqual(tagChoices(theirs!.totalFilters, undefined));
    }

    // Common words with two that are not: Pagefind searches each alone, one after the other (as the box's worker
    // does), and their results ranked with the common words' scores are Pagefind's answer to all the words.
    for (const [common, others] of [[['model'], ['card', 'trained']], [['open'], ['card', 'everyone']], [['open', 'model'], ['card', 'lists']]] as const) {
      const alone = await pagefindFor(bundle);
      const lists: Parameters<CombinedSearch['rankWithOther']>[1] = [];
      for (const other of others) lists.push((await alone.search(other))!.results as unknown as Parameters<CombinedSearch['rankWithOther']>[1][number]);
      const ranked = (await search.rankWithOther(common.map(postingsOf), lists, 8))!;
      const query = [...common, ...others].join(' ');
      const theirs = await pagefind.search(query);
      const data = await Promise.all(theirs!.results.map((result) => result.data()));
      expect(ranked.total, query).toBe(theirs!.results.length);
      expect(ranked.total, query).toBeGreaterThan(0);
      expect(await Promise.all(ranked.top.map((entry) => search.pageId(entry.page)))).toEqual(theirs!.results.map((result) => result.id));
      const ours = await Promise.all(
        ranked.top.map(async (entry) =>
          search.otherResultData(
            common.map(postingsOf),
            await dataOfResults(entry.results.map((result, k) => lists[k]![result] as unknown as { data: () => Promise<OtherWordData> })),
          ),
        ),
      );
      expect(ours.map((result) => result.excerpt)).toEqual(data.map((result) => result.excerpt));
      expect(await search.tags(ranked.pages)).toEqual(tagChoices(theirs!.totalFilters, undefined));
    }

    // Two such words at one place ("Open-source"), which Pagefind scores once for both: not ranked here.
    const alone = await pagefindFor(bundle);
    const parts: Parameters<CombinedSearch['rankWithOther']>[1] = [];
    for (const other of ['open', 'source']) parts.push((await alone.search(other))!.results as unknown as Parameters<CombinedSearch['rankWithOther']>[1][number]);
    expect(await search.rankWithOther([postingsOf('weights')], parts, 8)).toBeUndefined();

    // Any query Pagefind answers is counted by tag from the stored tags, its pages numbered from Pagefind's
    // own metadata (every page, including the one no common word is on), as Pagefind counts it.
    expect(index.combine!.meta).toMatch(/^pagefind\.en_[0-9a-f]+\.pf_meta$/);
    for (const query of ['card', 'europe', 'chips', 'nothing', 'every', 'closed doors']) {
      const theirs = await pagefind.search(query);
      expect(theirs!.results.length, query).toBeGreaterThan(0);
      expect(await search.countResults(theirs!.results.map((result) => result.id)), query).toEqual(tagChoices(theirs!.totalFilters, undefined));
    }

    // The heading's words weigh more, as in Pagefind: the excerpt for "model weights" there is around it.
    const weights = (await search.answer(['model', 'weights'].map(postingsOf), 8)).results.find((result) => result.url === '/posts/weights')!;
    expect(weights.excerpt).toContain('<mark>Model</mark> cards');
  });

  it('do not add up a word Pagefind has not indexed, which it answers with a shorter word it begins with', async () => {
    // No page has a word beginning "azzz" or "aqqq": Pagefind answers both with "a", so "azzz aqqq" is not the
    // sum of their answers (it scores each "a" once, with both words' weight).
    const answers = await answerCommonWords(bundle, ['azzz', 'aqqq']);
    expect(answers.get('azzz')?.total).toBeGreaterThan(0);
    expect(answers.get('azzz')?.results.map((result) => result.excerpt)).toEqual(answers.get('aqqq')?.results.map((result) => result.excerpt));
    const written = await writeCommonAnswers(bundle, ['open', 'model', 'azzz', 'aqqq']);
    expect(written.combined).toMatchObject({ words: 2, skipped: ['azzz', 'aqqq'], dropped: undefined });
  });

  it('store a word’s weights on each page, fitted to Pagefind’s scores, a form whose places weigh nothing left out', () => {
    const f = Math.fround;
    const lengths = Array.from({ length: 40 }, (_, page) => 100 + page * 7);
    // Pagefind's settings as it computes them (the fit tries the values near these).
    const idf = f(Math.log(f(f(f(f(f(40) - f(40)) + 0.5) / f(f(40) + 0.5)) + 1)));
    const averageLength = f(f(lengths.reduce((sum, length) => sum + length, 0)) / f(40));
    const scoring = { idf, averageLength, saturation: f(1.4), lengthWeight: f(0.75), frequencyWeight: 1 };
    const bonus = f(f(Math.exp(f(f(Math.exp(f(f(-0.5 * f(1)) / 4))) * f(1)))) / f(Math.exp(f(1))));
    const form = { bonus, boost: f(1.8) };
    const pages = lengths.map((length, page) => ({ id: `p${page}`, page, base: formScore(24 * (1 + (page % 4)), length, form, scoring), locations: [page % 4 === 0 ? 3 : 2, 10, 20, 30].slice(0, 1 + (page % 4)).concat(page < 10 ? [50] : []) }));
    const chunk = [
      { word: 'model', pages: pages.map(({ page, locations }) => ({ page, locations: locations.filter((at) => at < 50), weights: locations.filter((at) => at < 50).map(() => 24) })) },
      // "models" on ten pages, in an element Pagefind gives no weight: it adds nothing to their scores.
      { word: 'models', pages: pages.slice(0, 10).map(({ page }) => ({ page, locations: [50], weights: [0] })) },
      // Not a form of "model": its places are not among the results'.
      { word: 'modern', pages: [{ page: 3, locations: [70], weights: [24] }] },
    ];
    const model = fitWordModel('model', pages, chunk, lengths)!;
    expect(model).toMatchObject({ unit: 24, scored: 0, forms: [form, expect.anything()] });
    expect(model.weights.get('p0')).toEqual([[0, 1]]);
    expect(model.weights.get('p3')).toEqual([[0, 4]]);
    const bytes = encodePostings(40, pages.map(({ id, page, base }) => ({ page, base, fields: 0, weights: model.weights.get(id) })), {}, { ...model, lengths });
    expect(Array.from(decodePostings(bytes, 40, lengths)!.base)).toEqual(pages.map(({ base }) => base));
  });

  it('know the parts of a compound word: at punctuation, a capital after a small letter, and between letters and digits', () => {
    expect(compoundParts('open-source')).toEqual(['open', 'source']);
    expect(compoundParts('OpenAI’s')).toEqual(['open', 'ai', 's']);
    expect(compoundParts('GPT4,')).toEqual(['gpt', '4']);
    expect(compoundParts('model')).toEqual(['model']);
  });

  it('are not added up for words that are parts of one compound word, which Pagefind scores together: the pair is answered whole', async () => {
    const written = await writeCommonAnswers(bundle, ['open', 'source', 'weights']);
    expect(written.combined).toMatchObject({ words: 3, dropped: undefined });
    const dir = path.join(bundle, COMMON_ANSWERS_DIR);
    const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_INDEX), 'utf8')))!;
    const postingsOf = (word: string) => parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(dir, index.shards[shardOf(word)]!), 'utf8'))).get(word)!.combine!;
    // "opensource" begins like "open": never added up with it anyway (areIndependentWords).
    expect(postingsOf('open').partners).toEqual(['source']);
    expect(postingsOf('weights').partners).toEqual([]);
    // Why: on the compound's page, Pagefind's score for "open source" is not the sum of the two words' scores.
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    type Scored = { score: number; data: () => Promise<{ url: string }> };
    const scoreOnCompoundPage = async (query: string) => {
      const results = (await (await pagefindFor(bundle)).search(query))!.results as unknown as Scored[];
      const urls = await Promise.all(results.map(async (result) => (await result.data()).url));
      return results[urls.indexOf('/posts/sources')]!.score;
    };
    const [open, source, both] = [await scoreOnCompoundPage('open'), await scoreOnCompoundPage('source'), await scoreOnCompoundPage('open source')];
    expect(Math.abs(both - (open + source))).toBeGreaterThan(0.01);
    // So the box leaves "open source" to Pagefind; "open weights" it adds up.
    const store = new CommonAnswers(async (file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    store.start();
    await vi.waitFor(() => expect(store.combinationOf('open weights').kind).toBe('words'));
    await vi.waitFor(() => expect(store.combinationOf('open source').kind).not.toBe('loading'));
    expect(store.combinationOf('open source')).toEqual({ kind: 'none' });

    // Instead, the build stored Pagefind's own answer to the pair, in both orders; no other pair.
    expect(written.pairs).toBe(2);
    for (const query of ['open source', 'source open']) await expectPagefindsAnswerStored(store, query);
    await vi.waitFor(() => expect(store.lookup('open weights').kind).not.toBe('loading'));
    expect(store.lookup('open weights')).toEqual({ kind: 'none' });
  });

  it('add a stored pair up with a third word by the pair’s own scores, which is Pagefind’s answer, excerpts included', async () => {
    const written = await writeCommonAnswers(bundle, ['open', 'source', 'weights', 'model'], ['card', 'matter']);
    // "open source" in both orders, each checked with a third word against Pagefind.
    expect(written.combined).toMatchObject({ words: 4, dropped: undefined, pairs: 2, pairsFailed: [] });
    const answers = writtenAnswers(bundle);
    const { answersDir, index, store, search } = answers;
    // On the compound's page ("Open-source weights"), the excerpt marks the compound and the third word.
    for (const query of ['open source weights', 'weights open source', 'source open model']) await expectAddedUpAsPagefind(answers, query, bundle);
    expect((await search.answer((store.combinationOf('open source weights') as { words: WordPostings[] }).words, 8)).results.map((result) => result.url)).toContain('/posts/sources');
    // With a word that is not common, which Pagefind searches alone, as the box's worker does.
    await vi.waitFor(() => expect(store.withOtherOf('open source matter')).toHaveProperty('others', ['matter']));
    const withOther = store.withOtherOf('open source matter') as WithOtherWord;
    const otherResults = (await (await pagefindFor(bundle)).search('matter'))!.results as unknown as Parameters<CombinedSearch['rankWithOther']>[1][number];
    const ranked = (await search.rankWithOther(withOther.words, [otherResults], 8))!;
    const theirs = (await (await pagefindFor(bundle)).search('open source matter'))!;
    expect(ranked.total).toBe(theirs.results.length);
    expect(await Promise.all(ranked.top.map((entry) => search.pageId(entry.page)))).toEqual(theirs.results.map((result) => result.id));
    // Without the pair's scores, the words' own sums differ from Pagefind's on the compound's page.
    const own = ['open', 'source', 'weights'].map((word) => parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(answersDir, index.shards[shardOf(word)]!), 'utf8'))).get(word)!.combine!);
    const summed = await search.rank(own, 8);
    const pagefind = await pagefindFor(bundle);
    const scores = (await pagefind.search('open source weights'))!.results as unknown as { id: string; score: number }[];
    expect(summed.top.map((entry) => entry.score)).not.toEqual(scores.map((result) => result.score));
  });

  it('add a stored pair of words beginning alike up with other words, which is Pagefind’s answer, excerpts included', async () => {
    const written = await writeCommonAnswers(bundle, ['open', 'model', 'models', 'weights'], ['card', 'matter']);
    // "model models" in both orders, each checked with a third word against Pagefind.
    expect(written.combined).toMatchObject({ dropped: undefined, pairsFailed: [] });
    const answers = writtenAnswers(bundle);
    for (const query of ['open model models', 'models model weights', 'model weights models']) {
      const words = await expectAddedUpAsPagefind(answers, query, bundle);
      expect(words.some((word) => word.file.startsWith('pair-')), query).toBe(true);
    }
  });

  it('answer the text’s common phrases the box cannot add up, as Pagefind does', async () => {
    const written = await writeCommonAnswers(bundle, ['model', 'open', 'llama'], [], ['llama 2', 'open model', 'model card']);
    // "open model" adds up from the words' scores; "2" has none, "card" is no common word here.
    expect(written).toMatchObject({ words: 3, pairs: 2, combined: { words: 3, dropped: undefined } });
    const dir = path.join(bundle, COMMON_ANSWERS_DIR);
    const store = new CommonAnswers(async (file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    for (const query of ['Llama 2', 'model card']) await expectPagefindsAnswerStored(store, query);
    await vi.waitFor(() => expect(store.lookup('open model').kind).not.toBe('loading'));
    expect(store.lookup('open model')).toEqual({ kind: 'none' });
  });

  it('leave the global fetch as they found it', async () => {
    const before = globalThis.fetch;
    await answerCommonWords(bundle, ['model']);
    expect(globalThis.fetch).toBe(before);
  });
});

describe('answers made at build time, where Pagefind’s score depends on the order of the words', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-order-'));
    const { index } = await createIndex(SEARCH_INDEX_CONFIG);
    if (!index) throw new Error('Pagefind did not start');
    // "OpenAI’s" puts "openais" and "openai" at one place, both of which "open" matches; with more than twenty
    // matches on the page, which one Pagefind credits depends on all of them.
    await index.addHTMLFile({ url: '/posts/lab', content: page('The lab', 'OpenAI’s model and the open weights of the lab. '.repeat(12), ['AI']) });
    await index.addHTMLFile({ url: '/posts/weights', content: page('Weights', 'The model and open weights.', ['Open Source']) });
    await index.writeFiles({ outputPath: dir });
    await close();
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check four words against Pagefind, and take a page Pagefind scores by their order for what it is', async () => {
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    const scoreOf = async (query: string) => ((await (await pagefindFor(dir)).search(query))!.results as unknown as { score: number }[]).map((result) => result.score);
    const [forward, backward] = [await scoreOf('the and model open'), await scoreOf('open model and the')];
    expect(forward[0]).not.toBeCloseTo(backward[0]!, 3);
    expect(forward[1]).toBeCloseTo(backward[1]!, 5);

    const written = await writeCommonAnswers(dir, ['the', 'and', 'model', 'open']);
    // Not dropped: the one page that differs is one Pagefind scores differently itself.
    expect(written.combined).toMatchObject({ words: 4, dropped: undefined });
    expect(written.combined.unstable).toContain('the and model open');
    const store = new CommonAnswers(async (file) => JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_DIR, file), 'utf8')));
    await vi.waitFor(() => expect(store.combinationOf('the and model open').kind).toBe('words'));
    const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_DIR, COMMON_ANSWERS_INDEX), 'utf8')))!;
    const search = new CombinedSearch(index.combine!, async (file) => new Uint8Array(fs.readFileSync(path.join(dir, file))), COMMON_ANSWERS_DIR);
    const ours = await search.rank((store.combinationOf('the and model open') as { words: WordPostings[] }).words, 8);
    // The count and the second page's score are Pagefind's; the first page's is the words' own, added up.
    expect(ours.total).toBe(forward.length);
    expect(ours.top[1]!.score).toBeCloseTo(forward[1]!, 4);
  });
});

describe('answers made at build time, on an index of several chunks', () => {
  let big: string;
  let ranked: string[];

  beforeAll(async () => {
    big = fs.mkdtempSync(path.join(os.tmpdir(), 'search-answers-chunks-'));
    const { index } = await createIndex(SEARCH_INDEX_CONFIG);
    if (!index) throw new Error('Pagefind did not start');
    const counter = new WordCounter();
    for (let i = 0; i < 300; i++) {
      const { source } = syntheticArticle(i);
      const [, frontmatter, body] = source.split('---\n');
      const title = /title: '(.*)'/.exec(frontmatter!)![1]!.replace(/''/g, "'");
      const html = page(title, body!.replace(/[#|`*-]/g, ' ').replace(/\n+/g, ' '), ['AI']);
      counter.add(indexedWordsOf(html));
      await index.addHTMLFile({ url: `/posts/a${i}`, content: html });
    }
    await index.writeFiles({ outputPath: big });
    await close();
    ranked = counter.mostCommon(40);
  }, 120_000);

  afterAll(() => fs.rmSync(big, { recursive: true, force: true }));

  it('add up words whose forms are in each other’s chunks, with their scores for that chunk, as Pagefind answers them', async () => {
    expect(fs.readdirSync(path.join(big, 'index')).length).toBeGreaterThan(2);
    const written = await writeCommonAnswers(big, ranked);
    expect(written.combined).toMatchObject({ dropped: undefined });
    // Weights, from which the box works out Pagefind's scores, for every word and for its scores with another's
    // chunk, but "to", which matches every indexed word that begins with it (413), more than a file of weights lists.
    expect(written.combined.weighed).toMatchObject({ words: written.combined.words - 1, scoredPages: 0 });
    expect(written.combined.weighed.files).toBeGreaterThan(written.combined.weighed.words);
    const dir = path.join(big, COMMON_ANSWERS_DIR);
    const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_INDEX), 'utf8')))!;
    const postingsOf = (word: string) => parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(dir, index.shards[shardOf(word)]!), 'utf8'))).get(word)?.combine;
    // The pairs that add up only with a word's scores for the other's chunk.
    const pairs: WordPostings[][] = [];
    const words: string[][] = [];
    for (const [i, a] of ranked.entries()) {
      for (const b of ranked.slice(i + 1)) {
        const stored = [postingsOf(a), postingsOf(b)];
        if (!stored[0] || !stored[1] || !areIndependentWords([a, b])) continue;
        const resolved = resolveChunks(stored as WordPostings[]);
        if (resolved?.some((word, k) => word.file !== stored[k]!.file)) {
          pairs.push(resolved);
          words.push([a, b]);
        }
      }
    }
    expect(pairs.length).toBeGreaterThan(0);
    const search = new CombinedSearch(index.combine!, async (file) => new Uint8Array(fs.readFileSync(path.join(big, file))), COMMON_ANSWERS_DIR);
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    for (const [k, query] of words.slice(0, 4).entries()) {
      const ours = await search.answer(pairs[k]!, 8);
      // A new Pagefind, as a reader's: it fetches each word's own chunk, and the word matches its forms in both.
      const theirs = (await (await pagefindFor(big)).search(query.join(' ')))!;
      const data = await Promise.all(theirs.results.slice(0, 8).map((result) => result.data()));
      expect(ours.total, query.join(' ')).toBe(theirs.results.length);
      expect(ours.results.map((result) => result.url)).toEqual(data.map((result) => result.url));
      expect(ours.results.map((result) => result.excerpt)).toEqual(data.map((result) => result.excerpt));
    }
  }, 120_000);

  it('add up a stored pair of a short word and a longer one it begins ("at attention"), measured beside the longer one’s chunk, with a third word: Pagefind’s answer', async () => {
    const written = await writeCommonAnswers(big, ranked);
    expect(written.combined).toMatchObject({ dropped: undefined });
    const answers = writtenAnswers(big);
    const stored = (key: string) => {
      const file = answers.index.shards[shardOf(key)];
      return file === undefined ? undefined : parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(answers.answersDir, file), 'utf8'))).get(key);
    };
    // The stored pairs with parts whose first word matches forms in the second's own chunk, where it has none alone.
    const spilling = ranked.flatMap((a) =>
      ranked.flatMap((b) => {
        const [own, other] = [stored(a)?.combine, stored(b)?.combine];
        const pair = stored(`${a} ${b}`)?.pair;
        return own && other && pair && !areIndependentWords([a, b]) && own.chunks.slice(1).includes(other.chunks[0]!) ? [[a, b] as const] : [];
      }),
    );
    // Here "at attention"; without its measure beside the chunk of "attention" it has no parts.
    expect(spilling.length).toBeGreaterThan(0);
    let checked = 0;
    for (const [a, b] of spilling.slice(0, 4)) {
      // The first common word the pair adds up with, as the box finds it.
      for (const third of ranked) {
        const query = `${third} ${a} ${b}`;
        await vi.waitFor(() => expect(answers.store.combinationOf(query).kind).not.toBe('loading'));
        if (answers.store.combinationOf(query).kind !== 'words') continue;
        await expectAddedUpAsPagefind(answers, query, big);
        checked++;
        break;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);
});

describe('answers made at build time, for a word of one letter', () => {
  const dirs: string[] = [];

  /** A scratch index of these pages ([title, body]), all tagged AI. */
  async function indexOf(pages: [string, string][]): Promise<string> {
    const dir = await scratchIndexOf('letter', pages.map(([title, body]) => page(title, body, ['AI'])));
    dirs.push(dir);
    return dir;
  }

  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The stored answers' index in `dir`, and a word's stored scores. */
  const answersIn = (dir: string) => {
    const answers = path.join(dir, COMMON_ANSWERS_DIR);
    const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(answers, COMMON_ANSWERS_INDEX), 'utf8')))!;
    const postingsOf = (word: string) => parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(answers, index.shards[shardOf(word)]!), 'utf8'))).get(word)?.combine;
    return { index, postingsOf };
  };

  it('add it up with other words when it matched nothing but itself, as Pagefind answers them', async () => {
    // No other word of these pages begins with "a".
    const dir = await indexOf([
      ['Open model', 'We ship a model with open weights.'],
      ['The weights', 'Weights of a model, a big one, for the people.'],
      ['Model cards', 'Every model needs a card.'],
      ['Chips', 'Nothing on the model here.'],
      ['A new model', 'Open weights: a model for everyone, a gift.'],
      ['Open letters', 'Nobody wrote one.'],
    ]);
    const written = await writeCommonAnswers(dir, ['model', 'a', 'open', 'weights'], ['card']);
    expect(written.combined).toMatchObject({ words: 4, dropped: undefined });
    const { index, postingsOf } = answersIn(dir);
    expect(postingsOf('a')).toBeDefined();
    const search = new CombinedSearch(index.combine!, async (file) => new Uint8Array(fs.readFileSync(path.join(dir, file))), COMMON_ANSWERS_DIR);
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    for (const query of [['a', 'model'], ['model', 'a'], ['open', 'a', 'weights']]) {
      const ours = await search.answer(query.map((word) => postingsOf(word)!), 8);
      const theirs = (await (await pagefindFor(dir)).search(query.join(' ')))!;
      const data = await Promise.all(theirs.results.map((result) => result.data()));
      expect(ours.total, query.join(' ')).toBe(theirs.results.length);
      expect(ours.results.map((result) => [result.url, result.excerpt])).toEqual(data.map((result) => [result.url, result.excerpt]));
    }
  }, 60_000);

  it('leave it to Pagefind when it matched other words too, whose places Pagefind credits by the order of the query', async () => {
    const dir = await indexOf([
      ['Open model', 'We ship a model with open weights and AI’s all-new card.'],
      ['The weights', 'Weights of a model, about a big one.'],
      ['Model cards', 'Every model needs a card, and a label.'],
      ['Chips', 'Nothing on the model here.'],
    ]);
    const written = await writeCommonAnswers(dir, ['model', 'a', 'open', 'weights']);
    // Stored, for a reader who searches it alone; its scores not, so that the others still add up.
    expect(written.combined).toMatchObject({ words: 3, dropped: undefined });
    expect(written.words).toBe(4);
    const { postingsOf } = answersIn(dir);
    expect(postingsOf('a')).toBeUndefined();
    expect(postingsOf('model')).toBeDefined();
  }, 60_000);
});

describe('answers made at build time, for a compound word’s parts typed as words', () => {
  let dir: string;
  const pages: [string, string, string[]][] = [
    ['State-of-the-art models', 'A state-of-the-art model of the year, and the art of the state.', ['AI']],
    ['The art of training', 'Training is an art; the state of the field is good.', ['Research']],
    ['Benchmarks', 'Every lab claims state-of-the-art results on the benchmark.', ['AI', 'Benchmarks']],
    ['State of play', 'Where the state of the models is: the art is young.', ['Policy']],
    ['Nothing here', 'A page about chips.', ['Hardware']],
  ];

  beforeAll(async () => {
    const htmls = pages.map(([title, body, tags]) => page(title, body, tags));
    dir = await scratchIndexOf('compound', htmls);
    const counted = new IndexedTextCounter();
    for (const html of htmls) counted.add(html);
    // As the build does (scripts/build-search-index.mts): the compounds counted in the pages.
    const words = counted.words.mostCommon(COMMON_WORDS_LIMIT);
    expect(counted.compounds.mostCommon(COMPOUND_PHRASES_LIMIT)).toEqual(['state of the art']);
    const written = await writeCommonAnswers(dir, words, [], counted.phrases.mostCommon(PHRASE_CANDIDATES), counted.compounds.mostCommon(COMPOUND_PHRASES_LIMIT));
    expect(written.combined.dropped).toBeUndefined();
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('store Pagefind’s own answer to the phrase, which the words’ scores could not add up to', async () => {
    const answers = path.join(dir, COMMON_ANSWERS_DIR);
    const store = new CommonAnswers(async (file) => JSON.parse(fs.readFileSync(path.join(answers, file), 'utf8')));
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    // Every word has its scores, but they are parts of one compound word: the box cannot add them up.
    await vi.waitFor(() => expect(store.combinationOf('state of the art').kind).not.toBe('loading'));
    expect(store.combinationOf('state of the art').kind).toBe('none');
    await expectPagefindsAnswerStored(store, 'State of the Art', dir);
    // Two pages say "state-of-the-art"; Pagefind finds the two with the four words apart too.
    const stored = store.lookup('state of the art');
    expect(stored.kind === 'answer' && stored.answer.total).toBe(4);
    expect(store.lookup('state of the')).toEqual({ kind: 'prefix', heavy: false });
  }, 60_000);
});
