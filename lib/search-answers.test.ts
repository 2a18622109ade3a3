import { describe, expect, it } from 'vitest';
import {
  COMMON_ANSWERS_INDEX, CommonAnswers, HEAVY_WORD_ARTICLES, IndexedTextCounter, PhraseCounter, compoundPhrasesOf, WordCounter, commonAnswerFiles, commonKeyOf, indexedTextOf, indexedWordsOf,
  pairsToAnswer, parseCommonAnswersIndex, parseCommonAnswersShard, phrasesOf, phrasesToAnswer, planSearch, shardOf, storedKeyOf, type CommonAnswer,
} from './search-answers';
import { SHORT_WORD_PAUSE_MS } from './search';
import { COMBINE_VERSION, type CombineIndex, type PairPostings } from './search-combine';

const answer = (total: number, title = 'Llama 2 is out'): CommonAnswer => ({
  total,
  results: [{ url: '/posts/llama-2', excerpt: 'Meta released <mark>Llama</mark> 2', meta: { title, date: '2023-07-18', date_text: 'July 18, 2023' }, filters: { tag: ['AI'] } }],
  tags: [{ name: 'AI', count: total }],
});

describe('which query a stored answer is for', () => {
  it('is one word of two characters or more, or of one letter, in any case, spaces around it ignored', () => {
    expect(commonKeyOf(' Model ')).toBe('model');
    expect(commonKeyOf('A')).toBe('a');
    expect(commonKeyOf('AI')).toBe('ai');
    expect(commonKeyOf('Überblick')).toBe('überblick');
    expect(commonKeyOf('2023')).toBe('2023');
  });

  it('is nothing for several words, punctuation or a lone digit: Pagefind answers those', () => {
    for (const text of ['open weights', 'gpt-4', '2', '', 'llama.cpp']) expect(commonKeyOf(text)).toBeUndefined();
    // A phrase's words have two characters at least, or are numbers.
    expect(storedKeyOf('llama 2')).toBe('llama 2');
    expect(storedKeyOf('a model')).toBeUndefined();
  });

  it('is grouped by its first two characters', () => {
    expect(shardOf('model')).toBe('mo');
    expect(shardOf('中文')).toBe('中文');
    expect(shardOf('ai')).toBe('ai');
  });

  it('may be two to four words, for a pair or phrase answered whole, grouped by the first word’s beginning', () => {
    expect(storedKeyOf(' Open  Source ')).toBe('open source');
    expect(storedKeyOf('model')).toBe('model');
    // In two words, one may be a number of one digit, as in "Llama 2"; a single letter is no query word.
    expect(storedKeyOf('Llama 2')).toBe('llama 2');
    // A compound word's parts, typed as words (compoundPhrasesOf).
    expect(storedKeyOf('State of the  Art')).toBe('state of the art');
    expect(storedKeyOf('gpt 4 turbo')).toBe('gpt 4 turbo');
    for (const text of ['open source model of it', 'state of the a', 'open-source', 'a 2', 'open s', '68 9', '2023 07 18', '']) expect(storedKeyOf(text), text).toBeUndefined();
    // A letter with a word it begins, in either order, is a stored pair of words beginning alike; with another word,
    // or three words, it is nothing stored, and never a phrase of the text (phrasesOf, below).
    expect(storedKeyOf('A and')).toBe('a and');
    expect(storedKeyOf('attention a')).toBe('attention a');
    for (const text of ['a model', 'model a', 'a an and', 'a a', 'a 2a']) expect(storedKeyOf(text), text).toBeUndefined();
    expect([...phrasesOf(['of', 'a', 'and', 'a', 'an'])]).toEqual([]);
    expect(shardOf('a and')).toBe('a+');
    expect(shardOf('open source')).toBe('op+');
    expect(shardOf('llama 2')).toBe('ll+');
    expect(shardOf('state of the art')).toBe('st+');
  });
});

describe('choosing the common words', () => {
  it('reads only the part of the page Pagefind indexes, without tags, scripts or entities', () => {
    const html =
      '<html><body><nav>Tags Search</nav><article data-pagefind-body><h1>Llama&nbsp;2 &amp; Meta</h1>' +
      '<article><p>Nested model</p></article><script>var hidden = 1</script><p>Model weights.</p></article>' +
      '<footer>Footer words</footer></body></html>';
    expect([...indexedWordsOf(html)].sort()).toEqual(['llama', 'meta', 'model', 'nested', 'weights']);
  });

  it('leaves out what Pagefind leaves out of its index: elements marked data-pagefind-ignore, with all inside them', () => {
    const html =
      '<main data-pagefind-body><p>Model weights</p><footer data-pagefind-ignore><div>Also <div>tagged</div></div> related</footer>' +
      '<span data-pagefind-ignore="index">June</span><img data-pagefind-ignore /><p>Open</p></main>';
    expect([...indexedWordsOf(html)].sort()).toEqual(['model', 'open', 'weights']);
  });

  it('reads the whole page when nothing is marked', () => {
    expect([...indexedWordsOf('<p>Open weights, open <b>models</b></p>')].sort()).toEqual(['models', 'open', 'weights']);
  });

  it('ranks words by the number of pages they are in, ties alphabetically, and skips words of one page', () => {
    const counter = new WordCounter();
    counter.add(['model', 'llama', 'rare']);
    counter.add(['model', 'llama', 'open']);
    counter.add(['model', 'open', 'zeta']);
    counter.add(['zeta']);
    expect(counter.mostCommon(10)).toEqual(['model', 'llama', 'open', 'zeta']);
    expect(counter.mostCommon(2)).toEqual(['model', 'llama']);
  });
});

/** Names a group's file by its first word's first letters, so tests can name them. */
const fakeHash = (text: string) => `g-${shardOf(Object.keys(JSON.parse(text) as object)[0]!).replace('+', '_')}`;

describe('the stored files', () => {
  it('are an index naming one file per group of words, and the files read back as written', () => {
    const answers = new Map([
      ['model', answer(9)],
      ['models', answer(8)],
      ['ai', answer(7)],
    ]);
    const files = commonAnswerFiles(answers, fakeHash);
    const index = parseCommonAnswersIndex(JSON.parse(files.get(COMMON_ANSWERS_INDEX)!));
    expect(index?.shards).toEqual({ ai: 'g-ai.json', mo: 'g-mo.json' });
    expect([...files.keys()].sort()).toEqual(['g-ai.json', 'g-mo.json', COMMON_ANSWERS_INDEX]);
    const mo = parseCommonAnswersShard(JSON.parse(files.get('g-mo.json')!));
    expect([...mo.keys()]).toEqual(['model', 'models']);
    expect(mo.get('model')).toEqual(answer(9));
  });

  it('refuse what is not theirs: another format, damaged answers, words that are not keys', () => {
    expect(parseCommonAnswersIndex({ version: 2, shards: { mo: 'a1.json' } })).toBeUndefined();
    expect(parseCommonAnswersIndex('<html>')).toBeUndefined();
    const shards = { mo: 'a1.json', ai: '../../secrets.json', x: 3, y: 'https://elsewhere.example/b.json' };
    expect(parseCommonAnswersIndex({ version: 1, shards })?.shards).toEqual({ mo: 'a1.json' });
    const shard = parseCommonAnswersShard({
      model: answer(9),
      Model: answer(9),
      'open weights model of the': answer(3),
      'open-weights': answer(3),
      broken: { ...answer(3), total: 'many' },
      fewer: { ...answer(0) },
      badresult: { ...answer(3), results: [{ url: '/posts/x', excerpt: 1, meta: {}, filters: {} }] },
    });
    expect([...shard.keys()]).toEqual(['model']);
  });
});

/** Answers served from memory; `held` files wait until released. */
function served(files: Record<string, unknown>) {
  const asked: string[] = [];
  const held = new Map<string, () => void>();
  const store = new CommonAnswers(async (file) => {
    asked.push(file);
    if (file in files) await new Promise<void>((resolve) => held.set(file, resolve));
    return files[file];
  });
  const release = async (file: string) => {
    held.get(file)?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { store, asked, release };
}

describe('looking up what is in the box', () => {
  const written = commonAnswerFiles(new Map([['model', answer(9)], ['models', answer(HEAVY_WORD_ARTICLES)], ['modest', answer(12)], ['ai', answer(7)]]), fakeHash);
  const files = Object.fromEntries([...written].map(([name, text]) => [name, JSON.parse(text) as unknown]));

  it('fetches the index, then only the group of the word typed, and answers from it', async () => {
    const { store, asked, release } = served(files);
    store.start();
    expect(store.lookup('mo').kind).toBe('loading');
    await release(COMMON_ANSWERS_INDEX);
    expect(store.lookup('mo').kind).toBe('loading');
    await release('g-mo.json');
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-mo.json']);
    expect(store.lookup('Model')).toEqual({ kind: 'answer', answer: answer(9) });
    // Heavy when any word it begins is: "model" is not, "models" is.
    expect(store.lookup('mode')).toEqual({ kind: 'prefix', heavy: true });
    expect(store.lookup('modes')).toEqual({ kind: 'prefix', heavy: false });
    expect(store.lookup('modelling')).toEqual({ kind: 'none' });
    expect(store.lookup('open model')).toEqual({ kind: 'none' });
    // A word whose group has no file is known to have no answer without asking.
    expect(store.lookup('zebra')).toEqual({ kind: 'none' });
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-mo.json']);
  });

  it('has no answers when the index is missing or damaged, so Pagefind answers', async () => {
    const { store, release } = served({ [COMMON_ANSWERS_INDEX]: { version: 99 } });
    const first = store.lookup('model');
    expect(first.kind).toBe('loading');
    await release(COMMON_ANSWERS_INDEX);
    expect(store.lookup('model')).toEqual({ kind: 'none' });
  });

  it('treats a group that fails to arrive as holding no answers', async () => {
    const store = new CommonAnswers(async (file) => {
      if (file === COMMON_ANSWERS_INDEX) return files[file];
      throw new Error('offline');
    });
    const loading = store.lookup('model');
    if (loading.kind !== 'loading') throw new Error('expected the index to be loading');
    await loading.ready;
    const group = store.lookup('model');
    if (group.kind !== 'loading') throw new Error('expected the group to be loading');
    await group.ready;
    expect(store.lookup('model')).toEqual({ kind: 'none' });
  });
});

describe('guessing the query of several words being typed', () => {
  const heavy = HEAVY_WORD_ARTICLES;
  const written = commonAnswerFiles(
    new Map([['model', answer(9)], ['models', answer(heavy)], ['modest', answer(12)], ['data', answer(heavy * 2)], ['dataset', answer(heavy)], ['praka', answer(7)]]),
    fakeHash,
  );
  const files = Object.fromEntries([...written].map(([name, text]) => [name, JSON.parse(text) as unknown]));

  it('completes the last word to the heavy word it begins, keeping the words before it as typed', async () => {
    const { store, asked, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    // The group is fetched from the word's second letter, a guess made from the third, once it has arrived.
    expect(store.aheadOf('Open m')).toBeUndefined();
    expect(asked).toEqual([COMMON_ANSWERS_INDEX]);
    expect(store.aheadOf('Open mo')).toBeUndefined();
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-mo.json']);
    expect(store.aheadOf('Open mod')).toBeUndefined();
    await release('g-mo.json');
    expect(store.aheadOf('Open  mod')).toBe('Open  models');
    // "model" is common but not heavy: the guess is still the heavy "models".
    expect(store.aheadOf('open model')).toBe('open models');
  });

  it('guesses nothing for one word, a short or finished last word, or one that begins no heavy word', async () => {
    const { store, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    store.aheadOf('open mod');
    store.aheadOf('open dat');
    await release('g-mo.json');
    await release('g-da.json');
    expect(store.aheadOf('open dat')).toBe('open data');
    // Heavy words have stored answers of their own.
    expect(store.aheadOf('mod')).toBeUndefined();
    // The word it most likely becomes, whatever its frequency, for the box to get adding up ready.
    store.aheadOf('open pra');
    await release('g-pr.json');
    expect(store.aheadOf('open pra')).toBeUndefined();
    expect(store.completionOf('open pra')).toBe('open praka');
    expect(store.completionOf('open praka')).toBeUndefined();
    expect(store.completionOf('pra')).toBeUndefined();
    expect(store.aheadOf('open mo')).toBeUndefined();
    expect(store.aheadOf('open mod ')).toBeUndefined();
    expect(store.aheadOf('open modest')).toBeUndefined();
    // "data" itself is in more articles than "dataset": the reader most likely stops there.
    expect(store.aheadOf('open data')).toBeUndefined();
    expect(store.aheadOf('open zebra')).toBeUndefined();
  });

  it('never completes the last word to one beginning like an earlier word, which Pagefind would answer', async () => {
    const { store, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    store.aheadOf('models mod');
    await release('g-mo.json');
    // "models models" cannot be added up: the next most frequent word that can be is the guess, if any.
    expect(store.aheadOf('models mod')).toBeUndefined();
    expect(store.completionOf('models mod')).toBeUndefined();
    expect(store.completionOf('data mod')).toBe('data models');
  });
});

describe('phrases of the text answered whole', () => {
  it('are the pairs of words that follow each other in the indexed text, as a reader types them', () => {
    const html = '<article data-pagefind-body><h1>Llama 2 is out</h1><p>An open-source model. GPT-4, and Llama 2 again.</p></article>';
    expect(indexedTextOf(html)).toEqual(['llama', '2', 'is', 'out', 'an', 'open', 'source', 'model', 'gpt', '4', 'and', 'llama', '2', 'again']);
    const phrases = phrasesOf(indexedTextOf(html));
    expect([...phrases]).toContain('llama 2');
    expect([...phrases]).toContain('open source');
    expect([...phrases]).toContain('gpt 4');
    // Once per page, however often.
    expect([...phrases].filter((phrase) => phrase === 'llama 2')).toHaveLength(1);
    // A single letter, a word twice, or two numbers are not phrases.
    expect([...phrasesOf(['a', '2', 'the', 'the', 's', 'model', '68', '9'])]).toEqual(['2 the', 'model 68']);
  });

  it('are the compound words of three or four parts, typed as words, counted once a page', () => {
    const html =
      '<article data-pagefind-body><h1>A State-of-the-Art model</h1><p>GPT-4-Turbo is state\u2011of\u2011the\u2011art. ' +
      'Open-source, 2023-07-18, pages 10–20–30, a-b-c, one-to-one-to-many-to-all.</p></article>';
    const counted = new IndexedTextCounter();
    counted.add(html);
    counted.add('<p>Nothing state of the art here: the words are apart.</p>');
    counted.add('<p>End-to-end, and state-of-the-art again.</p>');
    // Not "open source" (a two-word phrase, counted with those), a date, a range, single letters or five parts.
    expect(counted.compounds.mostCommon(10)).toEqual(['state of the art']);
    expect([...compoundPhrasesOf('GPT-4-Turbo is state-of-the-art and end-to-end.')]).toEqual(['gpt 4 turbo', 'state of the art', 'end to end']);
    // The words and two-word phrases are counted as before.
    expect(counted.words.mostCommon(3)).toEqual(['art', 'of', 'state']);
  });

  it('are counted by pages, dropping now and then the phrases seen in one page only', () => {
    const counter = new PhraseCounter();
    const extra = (page: number) => (page === 3 || page === 500 ? ['open source'] : page === 7 ? ['gpt 4'] : []);
    for (let page = 0; page < PhraseCounter.PRUNE_EVERY; page++) counter.add(new Set(['llama 2', `rare ${page}`, ...extra(page)]));
    counter.add(['open source', 'gpt 4']);
    // "open source", in two pages, was kept when the phrases of one page were dropped; "gpt 4" was dropped then,
    // so its page before is lost: one page, not listed.
    expect(counter.mostCommon(10)).toEqual(['llama 2', 'open source']);
    counter.add(['gpt 4']);
    expect(counter.mostCommon(10)).toEqual(['llama 2', 'open source', 'gpt 4']);
  });

  it('are the most common phrases the box cannot add up from its stored scores', () => {
    const scored = new Map([
      ['open', { file: 'word-open.bin', pages: 90, chunks: ['en_a'], partners: ['source'] }],
      ['source', { file: 'word-source.bin', pages: 50, chunks: ['en_a'], partners: ['open'] }],
      ['model', { file: 'word-model.bin', pages: 80, chunks: ['en_a'], partners: [] }],
      ['llama', { file: 'word-llama.bin', pages: 30, chunks: ['en_a'], partners: [] }],
    ]);
    const phrases = ['open model', 'llama 2', 'open source', 'model models', 'llama model', 'luxvel praka'];
    // "open model" and "llama model" add up; "2" has no scores, "luxvel" neither.
    expect(phrasesToAnswer(phrases, (word) => scored.get(word))).toEqual(['llama 2', 'open source', 'model models', 'luxvel praka']);
    expect(phrasesToAnswer(phrases, (word) => scored.get(word), 2)).toEqual(['llama 2', 'open source']);
  });
});

describe('pairs of common words answered whole', () => {
  const postings = (pages: number, partners: string[] = [], chunks = ['en_a']) => ({ file: 'word-x.bin', pages, chunks, partners });

  it('are the pairs the box cannot add up, in both orders: parts of compound words first, each kind on the most pages first', () => {
    const words = [
      // "open" is in "open-source" and in "open-weight"; "weights" spills into the chunk of "tokens".
      { word: 'open', postings: postings(90, ['source', 'weight']) },
      { word: 'model', postings: postings(80) },
      { word: 'source', postings: postings(40, ['open']) },
      { word: 'weights', postings: postings(60, [], ['en_w', 'en_t']) },
      { word: 'tokens', postings: postings(50, [], ['en_t']) },
      { word: 'openai', postings: postings(30, ['ai']) },
    ];
    // "open weights": "weight" begins what every stem of "weights" keeps.
    expect(pairsToAnswer(words)).toEqual([
      ['open', 'weights'],
      ['weights', 'open'],
      ['open', 'source'],
      ['source', 'open'],
      // To be safe, a partner that begins like a word counts: "open" (of "open-source") begins like "openai".
      ['source', 'openai'],
      ['openai', 'source'],
      // Not parts of one compound: after those, however many pages they are on.
      ['weights', 'tokens'],
      ['tokens', 'weights'],
      // Words beginning alike, which never add up, after all those, by their own limit.
      ['open', 'openai'],
      ['openai', 'open'],
    ]);
    expect(pairsToAnswer(words, 1, 0)).toEqual([
      ['open', 'weights'],
      ['weights', 'open'],
    ]);
    const alike = [...words, { word: 'models', postings: postings(70) }, { word: 'an', postings: postings(99) }, { word: 'and', postings: postings(99) }, { word: 'a', postings: postings(99) }];
    // A short word with one it begins too (the build measures it beside that word's chunk), the most pages first.
    expect(pairsToAnswer(alike, 0, 2, 0)).toEqual([
      ['an', 'and'],
      ['and', 'an'],
      ['model', 'models'],
      ['models', 'model'],
    ]);
    // A letter with words it begins ("a and"), by a limit of its own, after those: they take no other pair's place.
    expect(pairsToAnswer(alike, 0, 2, 1)).toEqual([
      ['an', 'and'],
      ['and', 'an'],
      ['model', 'models'],
      ['models', 'model'],
      ['an', 'a'],
      ['a', 'an'],
    ]);
    expect(pairsToAnswer(alike, 0, 2, 0).flat()).not.toContain('a');
    // Words that all add up: no pair.
    expect(pairsToAnswer(words.filter(({ word }) => ['model', 'source', 'tokens'].includes(word)))).toEqual([]);
  });

  it('are looked up as the two words typed, in their group, fetched once a space follows the first word', async () => {
    const files = Object.fromEntries(
      [...commonAnswerFiles(new Map([['open', answer(90)], ['open source', answer(HEAVY_WORD_ARTICLES)], ['source open', answer(HEAVY_WORD_ARTICLES)]]), fakeHash)].map(([name, text]) => [name, JSON.parse(text) as unknown]),
    );
    expect(Object.keys(files).sort()).toEqual(['g-op_.json', 'g-op.json', 'g-so_.json', COMMON_ANSWERS_INDEX].sort());
    const { store, asked, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    expect(store.lookup('open').kind).toBe('loading');
    await release('g-op.json');
    // Not with the first word: its group holds only words. Nor for a word with no stored pairs.
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-op.json']);
    store.pairsAfter('zebra ');
    store.pairsAfter('open');
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-op.json']);
    store.pairsAfter('Open ');
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-op.json', 'g-op_.json']);
    expect(store.lookup('open so').kind).toBe('loading');
    await release('g-op_.json');
    expect(store.lookup('open s')).toEqual({ kind: 'none' });
    expect(store.lookup('open sou')).toEqual({ kind: 'prefix', heavy: true });
    expect(store.lookup('Open  Source')).toEqual({ kind: 'answer', answer: answer(HEAVY_WORD_ARTICLES) });
    expect(store.lookup('open sora')).toEqual({ kind: 'none' });
    // A word beginning the first word is no pair: "ope" begins "open", not "open source".
    expect(store.lookup('ope')).toEqual({ kind: 'prefix', heavy: false });
  });

  it('hold a compound word’s phrase, looked up as typed: the words on their way to it wait for the next key', async () => {
    const stored = new Map([
      ['state', answer(60)],
      ['state of', answer(40)],
      ['state of the art', answer(30, 'The state of the art')],
    ]);
    const files = Object.fromEntries([...commonAnswerFiles(stored, fakeHash)].map(([name, text]) => [name, JSON.parse(text) as unknown]));
    const { store, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    store.pairsAfter('state ');
    await release('g-st_.json');
    expect(store.lookup('state of')).toEqual({ kind: 'answer', answer: answer(40) });
    for (const text of ['state of th', 'state of the', 'State of the ar']) expect(store.lookup(text), text).toEqual({ kind: 'prefix', heavy: false });
    expect(store.lookup('state of the art')).toEqual({ kind: 'answer', answer: answer(30, 'The state of the art') });
    expect(store.lookup('State  of the Art ')).toEqual({ kind: 'answer', answer: answer(30, 'The state of the art') });
    // Words that go elsewhere, or the compound written as one word (Pagefind finds it in its own chunk, fast).
    for (const text of ['state of the union', 'state of mind', 'state-of-the-art', 'state of the art today']) expect(store.lookup(text), text).toEqual({ kind: 'none' });
  });
});

describe('what the box does with a query', () => {
  it('shows a stored answer at once, fetching the word’s chunks only once another word is begun', () => {
    expect(planSearch('model', { kind: 'answer', answer: answer(9) })).toEqual({ kind: 'answer', answer: answer(9), preload: false });
    expect(planSearch('model ', { kind: 'answer', answer: answer(9) })).toEqual({ kind: 'answer', answer: answer(9), preload: true });
    // Not for a pair the box adds up with a third word (its parts, PairPostings), nor for a word with scores.
    const pair = { ...answer(9), pair: [{ file: 'a.bin', pages: 9, chunks: ['A'], partners: [] }, { file: 'b.bin', pages: 9, chunks: ['B'], partners: [] }] as PairPostings };
    expect(planSearch('open source ', { kind: 'answer', answer: pair })).toEqual({ kind: 'answer', answer: pair, preload: false });
  });

  it('waits for answers on their way', () => {
    const ready = Promise.resolve();
    expect(planSearch('model', { kind: 'loading', ready })).toEqual({ kind: 'wait', ready });
  });

  it('pauses on a word that begins a common word, fetching no chunks when that word is heavy', () => {
    expect(planSearch('mode', { kind: 'prefix', heavy: true })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
    expect(planSearch('mo', { kind: 'prefix', heavy: true })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
    expect(planSearch('prak', { kind: 'prefix', heavy: false })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: true });
    // Two words on the way to a stored pair: their chunks would be two common words' (the pair's answer needs none).
    expect(planSearch('open sou', { kind: 'prefix', heavy: false })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
  });

  it('otherwise searches as before: long words at once, short ones after a pause with their chunks coming', () => {
    expect(planSearch('modular', { kind: 'none' })).toEqual({ kind: 'search', delayMs: 0, preload: false });
    expect(planSearch('we', { kind: 'none' })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: true });
    // The short last of several words fetches nothing while the reader may type on: at 10,000 articles the
    // chunks of "pr" and "pra" were not those "praka" needed (34 kB of "luxvel praka"'s 313).
    expect(planSearch('open we', { kind: 'none' })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
    expect(planSearch('open w', { kind: 'none' })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
  });

  it('pauses on the last of several words while Pagefind answers the guess ahead', () => {
    expect(planSearch('open weig', { kind: 'none' }, 'open weights')).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false, ahead: 'open weights' });
  });
});

describe('several common words added up from their stored scores', () => {
  const combine: CombineIndex = { version: COMBINE_VERSION, indexed: 100, fields: [{ name: 'title', weight: 5 }], tags: 'tags-a.bin', meta: 'pagefind.en_a.pf_meta' };
  // Each word's forms in one index chunk of its own, except "weights", whose forms spill into the chunk of "tokens".
  // "data" is part of compound words with "code" ("data-and-code").
  const withScores = (total: number, file: string, chunks = [`en_${file}`], partners: string[] = []): CommonAnswer => ({ ...answer(total), combine: { file, pages: total, chunks, partners } });
  const dataCode: PairPostings = [
    { file: 'pair-data.bin', pages: 30, idfPages: 40, chunks: ['en_word-data.bin'], partners: ['and', 'dataandcode'] },
    { file: 'pair-code.bin', pages: 30, idfPages: 40, chunks: ['en_word-code.bin'], partners: [] },
  ];
  const written = commonAnswerFiles(
    new Map([
      ['model', withScores(80, 'word-model.bin')],
      ['models', withScores(70, 'word-models.bin')],
      ['modest', answer(12)],
      ['open', withScores(60, 'word-open.bin')],
      ['openai', withScores(20, 'word-openai.bin')],
      ['weights', withScores(50, 'word-weights.bin', ['en_word-weights.bin', 'en_word-tokens.bin'])],
      ...['data', 'code', 'paper', 'safety', 'tokens', 'users', 'billion', 'europe'].map((word): [string, CommonAnswer] => [word, withScores(40, `word-${word}.bin`, undefined, word === 'data' ? ['and', 'code', 'dataandcode'] : [])]),
      // Stored whole, as it is typed ("code data" is not), with the parts to add it up with a third word.
      ['data code', { ...answer(30), pair: dataCode }],
      // Short common words: one with scores, one without.
      ['ai', withScores(25, 'word-ai.bin')],
      ['an', answer(90)],
    ]),
    fakeHash,
    combine,
  );
  const files = Object.fromEntries([...written].map(([name, text]) => [name, JSON.parse(text) as unknown]));

  /** The other words of common words with others, or what withOtherOf said instead. */
  const othersOf = (store: CommonAnswers, text: string) => {
    const found = store.withOtherOf(text);
    return found && 'others' in found ? found.others : found;
  };

  async function loaded(...groups: string[]) {
    const { store, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    // A group by a word's first two letters, or by a pair it holds ("data code").
    for (const group of groups) {
      store.lookup(group);
      await release(`g-${shardOf(group).replace('+', '_')}.json`);
    }
    return store;
  }

  it('of a short common word are named in the index, to be fetched with its group after other words', async () => {
    expect((files[COMMON_ANSWERS_INDEX] as { short?: unknown }).short).toEqual({ ai: { file: 'word-ai.bin', pages: 25 } });
    const store = await loaded();
    // Its group ("ai") has not come, and need not have: the file is known.
    expect(store.shortScoresOf('safety ai')).toEqual({ file: 'word-ai.bin', pages: 25 });
    expect(store.shortScoresOf('Safety,  AI')).toEqual({ file: 'word-ai.bin', pages: 25 });
    // Alone, its stored answer shows without scores; a word without scores, or a longer one, is not named.
    expect(store.shortScoresOf('ai')).toBeUndefined();
    expect(store.shortScoresOf('safety an')).toBeUndefined();
    expect(store.shortScoresOf('safety model')).toBeUndefined();
    expect(store.shortScoresOf('safety ai ')).toBeUndefined();
  });

  it('of short words are refused when the index names them wrongly, or has nothing to add them up with', () => {
    const index = files[COMMON_ANSWERS_INDEX] as Record<string, unknown>;
    const short = (entries: unknown, withCombine = true) => parseCommonAnswersIndex({ ...index, combine: withCombine ? index.combine : undefined, short: entries })?.short;
    expect(short({ ai: { file: 'word-ai.bin', pages: 25 } })).toEqual({ ai: { file: 'word-ai.bin', pages: 25 } });
    expect(short({ ai: { file: '../word-ai.bin', pages: 25 } })).toBeUndefined();
    expect(short({ ai: { file: 'word-ai.bin', pages: 0 } })).toBeUndefined();
    expect(short({ model: { file: 'word-model.bin', pages: 80 } })).toBeUndefined();
    expect(short({ AI: { file: 'word-ai.bin', pages: 25 } })).toBeUndefined();
    expect(short({ ai: { file: 'word-ai.bin', pages: 25 } }, false)).toBeUndefined();
  });

  it('are the words when each has its scores stored, whatever their case and spacing', async () => {
    const store = await loaded('mo', 'op', 'we');
    expect(store.combinationOf(' Open  model ')).toEqual({
      kind: 'words',
      index: combine,
      words: [
        { file: 'word-open.bin', pages: 60, chunks: ['en_word-open.bin'], partners: [] },
        { file: 'word-model.bin', pages: 80, chunks: ['en_word-model.bin'], partners: [] },
      ],
    });
    expect(store.combinationOf('open weights model').kind).toBe('words');
    // Punctuation is dropped, as Pagefind drops it.
    expect(store.combinationOf('“Open”, model!').kind).toBe('words');
  });

  it('know the other words of common words, which Pagefind then searches alone, each by itself', async () => {
    const store = await loaded('mo', 'op', 'we', 'ze', 'gp');
    expect(store.withOtherOf('open zebra')).toEqual({ index: combine, words: [{ file: 'word-open.bin', pages: 60, chunks: ['en_word-open.bin'], partners: [] }], others: ['zebra'] });
    expect(store.withOtherOf('GPT-4 model weights')).toEqual({
      index: combine,
      words: [
        { file: 'word-model.bin', pages: 80, chunks: ['en_word-model.bin'], partners: [] },
        { file: 'word-weights.bin', pages: 50, chunks: ['en_word-weights.bin', 'en_word-tokens.bin'], partners: [] },
      ],
      others: ['gpt4'],
    });
    // "modest" is common but has no scores: it is another word. Two such words are two searches.
    expect(othersOf(store, 'open modest')).toEqual(['modest']);
    expect(othersOf(store, 'zebra open gpt4')).toEqual(['zebra', 'gpt4']);
    // Not with no common word, nor none other, nor words that begin alike.
    for (const text of ['open model', 'zebra gpt', 'open', 'open openai zebra', 'open zebra zebras']) expect(store.withOtherOf(text), text).toBeUndefined();
  });

  it('wait, with other words, for every group of answers on their way: else Pagefind would search all the words', async () => {
    const { store, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    for (const group of ['op', 'mo']) {
      store.lookup(group);
      await release(`g-${group}.json`);
    }
    // "modest" has no scores, so the words do not add up, whatever "weights" (its group still coming) has.
    expect(store.combinationOf('open modest weights')).toEqual({ kind: 'none' });
    const waiting = store.withOtherOf('open modest weights');
    expect(waiting && 'ready' in waiting).toBe(true);
    await release('g-we-scores.json');
    expect(store.withOtherOf('open modest weights')).toEqual({
      index: combine,
      words: [
        { file: 'word-open.bin', pages: 60, chunks: ['en_word-open.bin'], partners: [] },
        { file: 'word-weights.bin', pages: 50, chunks: ['en_word-weights.bin', 'en_word-tokens.bin'], partners: [] },
      ],
      others: ['modest'],
    });
    // A stored pair's group on its way, which may say how "data code" adds up with the other word.
    for (const group of ['da', 'co', 'gp']) {
      store.lookup(group);
      await release(`g-${group}.json`);
    }
    const pair = store.withOtherOf('data code gpt4');
    expect(pair && 'ready' in pair).toBe(true);
    await release('g-da_.json');
    expect(store.withOtherOf('data code gpt4')).toEqual({ index: combine, words: dataCode, others: ['gpt4'] });
  });

  it('need only the scores of the groups of the words after the first, under a tenth of their bytes', async () => {
    expect((files[COMMON_ANSWERS_INDEX] as { scores?: boolean }).scores).toBe(true);
    // One for each group of words, none for a pair's, whose answer shows as soon as it is typed.
    expect(files['g-da_-scores.json']).toBeUndefined();
    expect(files['g-mo-scores.json']).toEqual({
      model: { total: 80, results: [], tags: [], combine: { file: 'word-model.bin', pages: 80, chunks: ['en_word-model.bin'], partners: [] } },
      models: { total: 70, results: [], tags: [], combine: { file: 'word-models.bin', pages: 70, chunks: ['en_word-models.bin'], partners: [] } },
      modest: { total: 12, results: [], tags: [] },
    });
    const { store, asked, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    expect(store.combinationOf('open model').kind).toBe('loading');
    await release('g-op.json');
    await release('g-mo-scores.json');
    expect(store.combinationOf('open model').kind).toBe('words');
    expect(store.withOtherOf('open modest')).toMatchObject({ others: ['modest'] });
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-op.json', 'g-mo-scores.json']);
    // Alone, a word shows its stored answer: its whole group comes, and serves the word after others from then on.
    expect(store.lookup('model').kind).toBe('loading');
    await release('g-mo.json');
    expect(store.lookup('model')).toMatchObject({ kind: 'answer', answer: { total: 80 } });
    expect(store.combinationOf('open models').kind).toBe('words');
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-op.json', 'g-mo-scores.json', 'g-mo.json']);
    // Without them (a build that made no scores, or an index that says otherwise), the whole group comes.
    const whole = served({ ...files, [COMMON_ANSWERS_INDEX]: { ...(files[COMMON_ANSWERS_INDEX] as object), scores: 'yes' } });
    whole.store.start();
    await whole.release(COMMON_ANSWERS_INDEX);
    whole.store.combinationOf('open model');
    expect(whole.asked).toEqual([COMMON_ANSWERS_INDEX, 'g-op.json', 'g-mo.json']);
  });

  it('are added up for as many as five words, beyond which Pagefind answers', async () => {
    const store = await loaded('mo', 'op', 'da', 'pa', 'sa', 'us');
    const five = 'open model data paper safety';
    const combination = store.combinationOf(five);
    expect(combination.kind === 'words' && combination.words.map((word) => word.file)).toEqual(five.split(' ').map((word) => `word-${word}.bin`));
    expect(store.combinationOf(`${five} users`)).toEqual({ kind: 'none' });
    expect(othersOf(store, 'open model data gpt4')).toEqual(['gpt4']);
    expect(othersOf(store, 'open model gpt4 zebra')).toEqual(['gpt4', 'zebra']);
    expect(othersOf(store, 'open model data paper gpt4')).toEqual(['gpt4']);
    expect(store.withOtherOf('open model data paper safety gpt4')).toBeUndefined();
  });

  it('are not for words that are parts of one compound word of a page, nor with such another word', async () => {
    const store = await loaded('mo', 'op', 'da', 'co', 'an', 'gp', 'data code');
    // "data" is in "data-and-code": Pagefind scores "data code" there once, for both words.
    expect(store.combinationOf('data code')).toEqual({ kind: 'none' });
    expect(store.combinationOf('code data model')).toEqual({ kind: 'none' });
    expect(store.combinationOf('data model').kind).toBe('words');
    // The other word, not common, matched against the common words' partners: "andes" begins like "and".
    expect(store.withOtherOf('data andes')).toBeUndefined();
    expect(othersOf(store, 'model andes')).toEqual(['andes']);
    expect(othersOf(store, 'data gpt4')).toEqual(['gpt4']);
    expect(store.withOtherOf('data gpt4 andes')).toBeUndefined();
  });

  it('are for a stored pair of such words with a third word, by the pair’s parts, as typed', async () => {
    const { store, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    for (const group of ['mo', 'da', 'co', 'an', 'gp']) {
      store.lookup(group);
      await release(`g-${group}.json`);
    }
    // The pair's group ("da+") is on its way: the words wait for it.
    expect(store.combinationOf('data code model').kind).toBe('loading');
    await release('g-da_.json');
    const model = { file: 'word-model.bin', pages: 80, chunks: ['en_word-model.bin'], partners: [] };
    expect(store.combinationOf('data code model')).toEqual({ kind: 'words', index: combine, words: [...dataCode, model] });
    expect(store.combinationOf('Model, data code')).toEqual({ kind: 'words', index: combine, words: [model, ...dataCode] });
    // With the third word between them, the same parts: Pagefind's answer does not depend on where it is.
    expect(store.combinationOf('data model code')).toEqual({ kind: 'words', index: combine, words: [dataCode[0], model, dataCode[1]] });
    // Only as stored: "code data" is not; two words alone are the pair's stored answer (lookup), not this.
    expect(store.combinationOf('code data model')).toEqual({ kind: 'none' });
    expect(store.combinationOf('code model data')).toEqual({ kind: 'none' });
    expect(store.combinationOf('data code')).toEqual({ kind: 'none' });
    // With a word that is not common, unless that word may be a part of the pair's compounds too ("andes").
    expect(store.withOtherOf('data code gpt4')).toEqual({ index: combine, words: dataCode, others: ['gpt4'] });
    expect(store.withOtherOf('data code andes')).toBeUndefined();
    // While the third word is typed, the pair's parts are the scores to fetch.
    expect(store.earlierWordsOf('data code mo')).toEqual(dataCode);
    expect(store.earlierWordsOf('data code model sa')).toEqual([...dataCode, model]);
    expect(store.mayCombine('data code mo')).toBe(true);
  });

  it('are for a stored pair of words beginning alike with other words, by the pair’s parts, and for no other such words', async () => {
    const modelModels: PairPostings = [
      { file: 'pair-model.bin', pages: 60, idfPages: 80, chunks: ['en_word-model.bin'], partners: [] },
      { file: 'pair-models.bin', pages: 60, idfPages: 70, chunks: ['en_word-models.bin'], partners: [] },
    ];
    const alike = commonAnswerFiles(
      new Map([
        ['model', withScores(80, 'word-model.bin')],
        ['models', withScores(70, 'word-models.bin')],
        ['modest', withScores(20, 'word-modest.bin')],
        ['paper', withScores(40, 'word-paper.bin')],
        ['model models', { ...answer(60), pair: modelModels }],
      ]),
      fakeHash,
      combine,
    );
    const { store, release } = served(Object.fromEntries([...alike].map(([name, text]) => [name, JSON.parse(text) as unknown])));
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    for (const group of ['mo', 'pa']) {
      store.lookup(group);
      await release(`g-${group}.json`);
    }
    expect(store.combinationOf('paper model models').kind).toBe('loading');
    await release('g-mo_.json');
    const paper = { file: 'word-paper.bin', pages: 40, chunks: ['en_word-paper.bin'], partners: [] };
    expect(store.combinationOf('paper model models')).toEqual({ kind: 'words', index: combine, words: [paper, ...modelModels] });
    expect(store.withOtherOf('model models zebra')).toEqual({ index: combine, words: modelModels, others: ['zebra'] });
    // Only the pair's two words may begin alike: "modest" begins like both. Only as stored, and not two words alone.
    expect(store.combinationOf('model models modest')).toEqual({ kind: 'none' });
    expect(store.withOtherOf('model models modes')).toBeUndefined();
    expect(store.combinationOf('paper models model')).toEqual({ kind: 'none' });
    expect(store.combinationOf('model models')).toEqual({ kind: 'none' });
  });

  it('are not for words whose index chunks interact: together, Pagefind would match more of one of them', async () => {
    const store = await loaded('mo', 'we', 'to');
    // The forms of "weights" spill into the chunk "tokens" fetches.
    expect(store.combinationOf('weights tokens')).toEqual({ kind: 'none' });
    expect(store.combinationOf('tokens weights')).toEqual({ kind: 'none' });
    expect(store.combinationOf('weights model').kind).toBe('words');
    expect(store.combinationOf('model tokens').kind).toBe('words');
  });

  it('are not for one word, a word without scores or not common, words beginning alike, or too many words', async () => {
    const store = await loaded('mo', 'op', 'we');
    for (const text of ['model', 'open modest', 'open zebra', 'model models', 'open openai', 'open weights model data paper users']) {
      expect(store.combinationOf(text), text).toEqual({ kind: 'none' });
    }
  });

  it('wait for a group of answers on its way, and are nothing when the build made no scores', async () => {
    const { store, release } = served(files);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    const waiting = store.combinationOf('open model');
    expect(waiting.kind).toBe('loading');
    await release('g-op.json');
    await release('g-mo-scores.json');
    expect(store.combinationOf('open model').kind).toBe('words');

    const without = Object.fromEntries([...commonAnswerFiles(new Map([['model', answer(80)], ['open', answer(60)]]), fakeHash)].map(([name, text]) => [name, JSON.parse(text) as unknown]));
    const plain = served(without);
    plain.store.start();
    await plain.release(COMMON_ANSWERS_INDEX);
    plain.store.combinationOf('open model');
    await plain.release('g-op.json');
    await plain.release('g-mo.json');
    expect(plain.store.combinationOf('open model')).toEqual({ kind: 'none' });
  });

  it('are on their way while the last word begins a word with scores: no Pagefind chunks are worth fetching then', async () => {
    const store = await loaded('mo', 'op');
    expect(store.earlierWordsOf('open mo')).toEqual([{ file: 'word-open.bin', pages: 60, chunks: ['en_word-open.bin'], partners: [] }]);
    expect(store.mayCombine('open mo')).toBe(true);
    expect(store.mayCombine('open mode')).toBe(true);
    // "modes" begins no word with scores; "modest" has none; "zebra" before it has none.
    expect(store.mayCombine('open modes')).toBe(false);
    expect(store.mayCombine('open modest')).toBe(false);
    expect(store.mayCombine('mo')).toBe(false);
    // With words that have none before it: those are searched alone, and the last word's scores ranked with them.
    expect(store.mayCombine('zebra mo')).toBe(true);
    expect(store.mayCombine('open zebra mode')).toBe(true);
    expect(store.mayCombine('zebra gpt mo')).toBe(true);
    // Not when the words cannot be answered so, whatever the last word becomes: too many words, or none common.
    expect(store.mayCombine('open zebra gpt data mo')).toBe(false);
    expect(store.mayCombine('zebra modes')).toBe(false);
    // Words beginning alike are left to Pagefind: no reason to wait for the next key.
    expect(store.mayCombine('model mode')).toBe(false);
    // Nor when the last word is one with scores: the box asks only when the words do not add up as they stand
    // ("data code", parts of one compound word), and the reader has most likely typed them all.
    expect(store.mayCombine('open model')).toBe(false);
  });

  it('change what the box does: no chunks fetched for a word with scores, a pause on the way to another', () => {
    const open = withScores(60, 'word-open.bin');
    expect(planSearch('open ', { kind: 'answer', answer: open })).toEqual({ kind: 'answer', answer: open, preload: false });
    expect(planSearch('open mo', { kind: 'none' }, undefined, true)).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
    expect(planSearch('open mode', { kind: 'none' }, undefined, true)).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
    // A short last word with scores after another word ("zebra in"): only the other word is searched, at once.
    expect(planSearch('zebra in', { kind: 'none' })).toEqual({ kind: 'search', delayMs: SHORT_WORD_PAUSE_MS, preload: false });
    expect(planSearch('zebra in', { kind: 'none' }, undefined, false, true)).toEqual({ kind: 'search', delayMs: 0, preload: false });
  });

  it('are for a word of one letter among others, whose group is fetched only once it is such a word', async () => {
    const withA = new Map([...['model', 'open', 'data'].map((word): [string, CommonAnswer] => [word, withScores(40, `word-${word}.bin`)]), ['a', withScores(95, 'word-a.bin')], ['and', withScores(90, 'word-and.bin')]]);
    const stored = Object.fromEntries([...commonAnswerFiles(withA, fakeHash, combine)].map(([name, text]) => [name, JSON.parse(text) as unknown]));
    const { store, asked, release } = served(stored);
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    for (const group of ['mo', 'op']) {
      store.lookup(group);
      await release(`g-${group}.json`);
    }
    // Typed alone, it is the first key of many a word, and Pagefind's to answer: its group is not fetched.
    expect(store.lookup('a')).toEqual({ kind: 'none' });
    expect(store.lookup('A ')).toEqual({ kind: 'none' });
    // Nor while it is the last word, for a guess: no longer word is in its group.
    expect(store.mayCombine('open a')).toBe(false);
    expect(store.aheadOf('open a')).toBeUndefined();
    expect(store.completionOf('open a')).toBeUndefined();
    expect(asked).toEqual([COMMON_ANSWERS_INDEX, 'g-mo.json', 'g-op.json']);
    // Among other words, its scores are added up with theirs, and it is never another word for Pagefind.
    expect(store.combinationOf('open a model').kind).toBe('loading');
    await release('g-a-scores.json');
    const three = store.combinationOf('open a model');
    expect(three.kind === 'words' && three.words.map((word) => word.file)).toEqual(['word-open.bin', 'word-a.bin', 'word-model.bin']);
    expect(store.shortScoresOf('open a')).toEqual({ file: 'word-a.bin', pages: 95 });
    // Being typed, it is most often the first key of a longer word: the box waits for the next key first.
    expect(store.letterLastOf('open a')).toBe(true);
    expect(store.letterLastOf('Open  A')).toBe(true);
    for (const text of ['open a ', 'a', 'open a model', 'open ai', 'open x']) expect(store.letterLastOf(text), text).toBe(false);
    expect(store.withOtherOf('zebra a model')).toMatchObject({ others: ['zebra'] });
    // First, too, it needs only its group's scores: its answer alone is never shown.
    expect(store.combinationOf('a model').kind).toBe('words');
    expect(asked).not.toContain('g-a.json');
    // Not with a word it begins, which Pagefind scores together with it: only a stored pair of the two adds up with
    // other words (below), and here none is stored.
    expect(store.combinationOf('a and model').kind).toBe('loading');
    await release('g-an-scores.json');
    expect(store.combinationOf('a and model')).toEqual({ kind: 'none' });
    expect(store.withOtherOf('a and zebra')).toBeUndefined();
    // Stored in a pair only with a word it begins, by its own limit (LETTER_PAIRS_LIMIT): "a model" is no pair to store.
    // (Here every word's forms spill into the others' chunks, so no two add up, and every other two are a pair to store.)
    const words = [...withA.keys()];
    const pairs = pairsToAnswer(words.map((word) => ({ word, postings: { ...withA.get(word)!.combine!, chunks: [word, ...words.filter((other) => other !== word)] } })));
    expect(pairs).toContainEqual(['open', 'model']);
    expect(pairs.filter((pair) => pair.includes('a'))).toEqual([
      ['a', 'and'],
      ['and', 'a'],
    ]);
  });

  it('hold a letter with a word it begins, and add up with other words', async () => {
    const aAnd: PairPostings = [
      { file: 'pair-a.bin', pages: 90, idfPages: 95, chunks: ['en_word-a.bin'], partners: [] },
      { file: 'pair-and.bin', pages: 90, idfPages: 90, chunks: ['en_word-and.bin'], partners: [] },
    ];
    const files = commonAnswerFiles(
      new Map([
        ['a', withScores(95, 'word-a.bin')],
        ['and', withScores(90, 'word-and.bin')],
        ['data', withScores(40, 'word-data.bin')],
        ['a and', { ...answer(90), pair: aAnd }],
      ]),
      fakeHash,
      combine,
    );
    const { store, release } = served(Object.fromEntries([...files].map(([name, text]) => [name, JSON.parse(text) as unknown])));
    store.start();
    await release(COMMON_ANSWERS_INDEX);
    store.lookup('da');
    await release('g-da.json');
    expect(store.combinationOf('data a and').kind).toBe('loading');
    for (const group of ['g-a-scores.json', 'g-an-scores.json']) await release(group);
    // The two begin alike: the pair's group is asked for, and waited on.
    expect(store.combinationOf('data a and').kind).toBe('loading');
    await release('g-a_.json');
    const data = { file: 'word-data.bin', pages: 40, chunks: ['en_word-data.bin'], partners: [] };
    expect(store.combinationOf('data a and')).toEqual({ kind: 'words', index: combine, words: [data, ...aAnd] });
    expect(store.withOtherOf('a and zebra')).toEqual({ index: combine, words: aAnd, others: ['zebra'] });
    // Typed alone, the two are the pair's own stored answer.
    expect(store.lookup('a and')).toMatchObject({ kind: 'answer', answer: { total: 90 } });
    // In the other order the pair is another stored key, which this build did not store.
    expect(store.combinationOf('data and a')).toEqual({ kind: 'none' });
  });

  it('are refused from an index that does not describe them properly', () => {
    // Files of another version, which a box of this build must not read (the page table of version 3).
    expect(parseCommonAnswersIndex({ version: 1, shards: {}, combine: { ...combine, version: 3, table: ['pages-a.bin'] } })).toEqual({ version: 1, shards: {} });
    expect(parseCommonAnswersIndex({ version: 1, shards: {}, combine: { ...combine, tags: '../x.bin' } })).toEqual({ version: 1, shards: {} });
    expect(parseCommonAnswersIndex({ version: 1, shards: {}, combine: { ...combine, indexed: 0 } })).toEqual({ version: 1, shards: {} });
    expect(parseCommonAnswersIndex({ version: 1, shards: {}, combine: { ...combine, tags: undefined } })).toEqual({ version: 1, shards: {} });
    expect(parseCommonAnswersIndex({ version: 1, shards: {}, combine })).toEqual({ version: 1, shards: {}, combine });
    const shard = parseCommonAnswersShard({ model: { ...answer(3), combine: { file: '../../etc.bin', pages: 3 } } });
    expect(shard.size).toBe(0);
  });
});
