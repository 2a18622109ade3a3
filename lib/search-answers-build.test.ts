// The build's answers come from a real Pagefind index, written to a scratch folder and searched with the same
// script and WebAssembly the browser loads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, createIndex } from 'pagefind';
import { answerCommonWords, writeCommonAnswers } from './search-answers-build';
import { COMMON_ANSWERS_DIR, COMMON_ANSWERS_INDEX, parseCommonAnswersIndex, parseCommonAnswersShard } from './search-answers';
import { SEARCH_INDEX_CONFIG } from './search-index';

let bundle: string;

const page = (title: string, body: string, tags: string[]) =>
  `<html lang="en"><body><article data-pagefind-body><h1>${title}</h1><p>${body}</p><div hidden>` +
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
  ] as const;
  for (const [slug, title, body, tags] of pages) {
    await index.addHTMLFile({ url: `/posts/${slug}`, content: page(title, body, [...tags]) });
  }
  await index.writeFiles({ outputPath: bundle });
  await close();
}, 60_000);

afterAll(() => fs.rmSync(bundle, { recursive: true, force: true }));

describe('answers made at build time', () => {
  it('are Pagefind’s own: every match counted, the first results with excerpts, counts by tag', async () => {
    const answers = await answerCommonWords(bundle, ['model', 'released', 'qzxqzx']);
    const model = answers.get('model')!;
    expect(model.total).toBe(3);
    expect(model.results.map((result) => result.url).sort()).toEqual(['/posts/act', '/posts/claude', '/posts/llama']);
    for (const result of model.results) expect(result.excerpt).toMatch(/<mark>model<\/mark>/i);
    expect(model.results.find((result) => result.url === '/posts/llama')?.meta).toMatchObject({ title: 'Llama 2 released', date: '2023-07-18' });
    expect(model.tags).toEqual([
      { name: 'AI', count: 2 },
      { name: 'Open Source', count: 1 },
      { name: 'Policy', count: 1 },
    ]);
    expect(answers.get('released')?.total).toBe(2);
    // A word with no results has nothing worth storing.
    expect(answers.get('qzxqzx')).toBeUndefined();
  });

  it('are written beside the index, in the files the box reads', async () => {
    const written = await writeCommonAnswers(bundle, ['model', 'meta']);
    expect(written).toMatchObject({ words: 2, files: 3 });
    const dir = path.join(bundle, COMMON_ANSWERS_DIR);
    const index = parseCommonAnswersIndex(JSON.parse(fs.readFileSync(path.join(dir, COMMON_ANSWERS_INDEX), 'utf8')));
    expect(Object.keys(index!.shards)).toEqual(['me', 'mo']);
    // Named by their content: a changed answer is a new file.
    expect(index!.shards.mo).toMatch(/^[0-9a-f]{16}\.json$/);
    const mo = parseCommonAnswersShard(JSON.parse(fs.readFileSync(path.join(dir, index!.shards.mo!), 'utf8')));
    expect(mo.get('model')?.total).toBe(3);
  });

  it('leave the global fetch as they found it', async () => {
    const before = globalThis.fetch;
    await answerCommonWords(bundle, ['model']);
    expect(globalThis.fetch).toBe(before);
  });
});
