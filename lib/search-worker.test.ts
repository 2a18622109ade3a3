import { describe, expect, it, vi } from 'vitest';
import type { Pagefind, PagefindResponse } from './search';
import { SearchWorkerClient, type SearchWorkerPort } from './search-client';
import { createSearchWorker, type FromSearchWorker, type SearchAnswer, type SearchWorkerOptions, type ToSearchWorker, type WithOtherWord } from './search-worker';
import { COMBINE_VERSION, encodePageTags, encodePostings, type CombineIndex } from './search-combine';
import { pagefindMetaFile } from './pagefind-meta.fixture';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A Pagefind over `count` articles, every one matching, whose steps the test can hold. */
function fakePagefind(count: number, options: { failExcerptsFrom?: number } = {}) {
  const excerptsLoaded: number[] = [];
  const searches: string[] = [];
  const searchedTerms: string[] = [];
  const gates: { preload?: Promise<void>; search?: Promise<void> } = {};
  let open: () => void = () => {};
  // As in Pagefind, results are counted by tag only once the filter data is loaded.
  let filterDataLoaded = false;
  const filters = vi.fn(async () => {
    filterDataLoaded = true;
    return {};
  });
  const preloaded: string[] = [];
  const pagefind: Pagefind = {
    options: async () => {},
    init: async () => {},
    filters,
    preload: async (term) => {
      preloaded.push(term);
      await gates.preload;
    },
    search: async (term): Promise<PagefindResponse> => {
      await gates.search;
      searches.push('search');
      searchedTerms.push(term);
      return {
        unfilteredResultCount: count,
        totalFilters: filterDataLoaded ? { tag: { AI: count, Policy: 2 } } : {},
        results: Array.from({ length: count }, (_, i) => ({
          id: `p${i}`,
          data: async () => {
            if (options.failExcerptsFrom !== undefined && i >= options.failExcerptsFrom) throw new Error('fragment did not arrive');
            excerptsLoaded.push(i);
            return { url: `/posts/a${i}`, excerpt: `about <mark>models</mark> ${i}`, meta: { title: `Article ${i}`, date: '2023-07-18' }, filters: { tag: ['AI'] } };
          },
        })),
      };
    },
  };
  return {
    pagefind,
    filters,
    preloaded,
    excerptsLoaded,
    searches,
    searchedTerms,
    /** Holds the next step (loading chunks or searching) until `release`. */
    hold: (step: 'preload' | 'search') => (gates[step] = new Promise<void>((resolve) => (open = resolve))),
    release: () => open(),
  };
}

/** The client and the worker's handler wired together as a real Worker would be: messages arrive as tasks. */
function connect(pagefind: Pagefind | undefined, options: Pick<SearchWorkerOptions, 'fetchFile' | 'loadedChunks' | 'pauseForNextKey'> = {}) {
  const listeners = { message: [] as ((event: { data: FromSearchWorker }) => void)[], error: [] as (() => void)[] };
  const receive = createSearchWorker({
    loadPagefind: async () => pagefind,
    post: (message) => setTimeout(() => listeners.message.forEach((listener) => listener({ data: message }))),
    yieldToMessages: tick,
    pauseBeforeRest: tick,
    ...options,
  });
  function addEventListener(type: 'message', listener: (event: { data: FromSearchWorker }) => void): void;
  function addEventListener(type: 'error', listener: () => void): void;
  function addEventListener(type: 'message' | 'error', listener: ((event: { data: FromSearchWorker }) => void) | (() => void)): void {
    if (type === 'message') listeners.message.push(listener);
    else listeners.error.push(listener as () => void);
  }
  const port: SearchWorkerPort = { postMessage: (message: ToSearchWorker) => setTimeout(() => void receive(message)), addEventListener };
  const answers: FromSearchWorker[] = [];
  listeners.message.push(({ data }) => answers.push(data));
  return { client: new SearchWorkerClient(port), answers };
}

describe('the search worker and its client', () => {
  const withOther: WithOtherWord = {
    index: { version: COMBINE_VERSION, indexed: 20, fields: [], tags: 'tags-a.bin', meta: 'pagefind.en_a.pf_meta' },
    words: [{ file: 'word-open.bin', pages: 20, chunks: ['en_1'], partners: [] }],
    others: ['luxvel'],
  };

  it('searches all the words as usual when a common word’s stored scores cannot be read', async () => {
    // No files at all, then files that are missing: either way the reader gets Pagefind's answer to the words.
    for (const options of [{}, { fetchFile: async () => undefined }]) {
      const fake = fakePagefind(20);
      const { client } = connect(fake.pagefind, options);
      const answer = await client.search({ text: 'open luxvel', withCounts: false, first: 4, shown: 8, combine: withOther }, () => {});
      expect(answer?.total).toBe(20);
      expect(answer?.withScores).toBeUndefined();
      expect(fake.searchedTerms.at(-1)).toBe('open luxvel');
    }
  });

  it('answers with the first results as soon as their excerpts arrive, then with all that are shown', async () => {
    const fake = fakePagefind(20);
    const { client } = connect(fake.pagefind);
    expect(await client.ready).toBe(true);
    const partial: SearchAnswer[] = [];
    const answer = await client.search({ text: 'models', withCounts: false, first: 4, shown: 8 }, (first) => partial.push(first));
    expect(partial.map((a) => a.hits.map((hit) => hit.title))).toEqual([['Article 0', 'Article 1', 'Article 2', 'Article 3']]);
    expect(answer?.hits.map((hit) => hit.url)).toEqual(['/posts/a0', '/posts/a1', '/posts/a2', '/posts/a3', '/posts/a4', '/posts/a5', '/posts/a6', '/posts/a7']);
    expect(answer?.total).toBe(20);
    // Counting by tag is left to the other worker: this one never loads the filter data.
    expect(answer?.tags).toEqual([]);
    expect(fake.filters).not.toHaveBeenCalled();
    expect(answer?.hits[0]?.excerpt).toEqual([{ text: 'about ', match: false }, { text: 'models', match: true }, { text: ' 0', match: false }]);
    // Only the excerpts shown are fetched, never those of the other results.
    expect(fake.excerptsLoaded.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(answer!.excerptsAt).toBeGreaterThanOrEqual(answer!.searchedAt);
  });

  it('sends one answer when every result fits in the first batch', async () => {
    const { client } = connect(fakePagefind(2).pagefind);
    const progress = vi.fn();
    const answer = await client.search({ text: 'rare', withCounts: false, first: 4, shown: 8 }, progress);
    expect(progress).not.toHaveBeenCalled();
    expect(answer?.hits).toHaveLength(2);
  });

  it('never searches a query the reader typed past while its index chunks were loading', async () => {
    const fake = fakePagefind(20);
    const { client, answers } = connect(fake.pagefind);
    await client.ready;
    fake.hold('preload');
    const stale = client.search({ text: 'mode', withCounts: false, first: 4, shown: 8 }, () => {});
    await tick();
    client.supersede();
    // Answered at once, before its chunks have arrived, so that the page can send the next query: by the
    // client itself, before the worker has had time to say so.
    expect(await stale).toBeUndefined();
    expect(answers.filter((answer) => answer.kind === 'stale')).toEqual([]);
    fake.release();
    for (let i = 0; i < 4; i++) await tick();
    expect(fake.searches).toEqual([]);
    expect(fake.excerptsLoaded).toEqual([]);
    // The worker goes on answering.
    expect((await client.search({ text: 'model', withCounts: false, first: 4, shown: 8 }, () => {}))?.hits).toHaveLength(8);
  });

  it('skips the excerpts of a search the reader typed past while it ran', async () => {
    const fake = fakePagefind(20);
    const { client } = connect(fake.pagefind);
    await client.ready;
    fake.hold('search');
    const stale = client.search({ text: 'mode', withCounts: false, first: 4, shown: 8 }, () => {});
    await tick();
    await tick();
    client.supersede();
    expect(await stale).toBeUndefined();
    fake.release();
    for (let i = 0; i < 4; i++) await tick();
    expect(fake.searches).toEqual(['search']);
    expect(fake.excerptsLoaded).toEqual([]);
  });

  it('fetches the excerpts below the first results only if the reader has not typed on meanwhile', async () => {
    const fake = fakePagefind(20);
    let resume = () => {};
    const receive = createSearchWorker({
      loadPagefind: async () => fake.pagefind,
      post: () => {},
      yieldToMessages: tick,
      pauseBeforeRest: () => new Promise<void>((resolve) => (resume = resolve)),
    });
    const asked = receive({ kind: 'search', id: 1, text: 'luxve', withCounts: false, first: 4, shown: 8 });
    await vi.waitFor(() => expect(fake.excerptsLoaded).toHaveLength(4));
    await receive({ kind: 'superseded' });
    resume();
    await asked;
    expect(fake.excerptsLoaded.sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });

  it('reports excerpts that do not arrive as a failed search', async () => {
    const { client } = connect(fakePagefind(20, { failExcerptsFrom: 2 }).pagefind);
    await expect(client.search({ text: 'models', withCounts: false, first: 4, shown: 8 }, () => {})).rejects.toThrow('fragment did not arrive');
  });

  it('says it is not ready where Pagefind could not be loaded (no index was built)', async () => {
    const { client } = connect(undefined);
    expect(await client.ready).toBe(false);
  });

  it('counts a query’s results by tag, loading the filter data first', async () => {
    const fake = fakePagefind(3);
    const { client } = connect(fake.pagefind);
    expect(await client.counts('models')).toEqual([{ name: 'AI', count: 3 }, { name: 'Policy', count: 2 }]);
    expect(fake.filters).toHaveBeenCalled();
    expect(fake.excerptsLoaded).toEqual([]);
  });

  it('fetches the chunks of words still being typed, searching nothing and answering nothing', async () => {
    const fake = fakePagefind(20);
    const { client, answers } = connect(fake.pagefind);
    await client.ready;
    client.preload('mod');
    await vi.waitFor(() => expect(fake.preloaded).toEqual(['mod']));
    await tick();
    expect(fake.searches).toEqual([]);
    expect(answers.filter((answer) => answer.kind !== 'ready')).toEqual([]);
  });

  it('warms up by searching preloaded words once, answering nothing, unless the reader has typed on', async () => {
    const fake = fakePagefind(20);
    const { client, answers } = connect(fake.pagefind);
    await client.ready;
    client.preload('open ', { warm: true });
    await vi.waitFor(() => expect(fake.searches).toEqual(['search']));
    expect(fake.excerptsLoaded).toEqual([]);
    expect(answers.filter((answer) => answer.kind !== 'ready')).toEqual([]);

    fake.hold('preload');
    client.preload('open ', { warm: true });
    void client.search({ text: 'open weights', withCounts: false, first: 4, shown: 8 }, () => {});
    // Both wait for their chunks: the warm-up's, then the query's.
    await vi.waitFor(() => expect(fake.preloaded).toEqual(['open ', 'open ', 'open weights']));
    fake.release();
    await vi.waitFor(() => expect(answers.some((answer) => answer.kind === 'answer')).toBe(true));
    // One search for the warm-up before, one for the reader's query: the second warm-up gave way.
    expect(fake.searches).toEqual(['search', 'search']);

    // With the reader's search answered, warming up is allowed again.
    client.preload('model ', { warm: true });
    await vi.waitFor(() => expect(fake.searches).toHaveLength(3));
  });

  it('searches a guessed query ahead with its first excerpts, and answers the reader from it when they type it', async () => {
    const fake = fakePagefind(20);
    const { client, answers } = connect(fake.pagefind);
    await client.ready;
    client.ahead('open weights', 4);
    await vi.waitFor(() => expect(fake.excerptsLoaded).toEqual([0, 1, 2, 3]));
    expect(fake.searchedTerms).toEqual(['open weights']);
    expect(answers.filter((answer) => answer.kind !== 'ready')).toEqual([]);
    // Guessed again on the next key: nothing more to do.
    client.ahead('open weights', 4);
    await tick();

    // The reader types it (case and spacing are Pagefind's own business): no second search.
    const answer = await client.search({ text: 'Open  Weights', withCounts: false, first: 4, shown: 8 }, () => {});
    expect(answer?.hits.map((hit) => hit.url)).toEqual(Array.from({ length: 8 }, (_, i) => `/posts/a${i}`));
    expect(answer?.answeredAhead).toBe(true);
    expect(fake.searchedTerms).toEqual(['open weights']);
    // Narrowed to a tag or other words, it is no answer.
    const narrowed = await client.search({ text: 'open weights', tag: 'AI', withCounts: true, first: 4, shown: 8 }, () => {});
    const other = await client.search({ text: 'open weight', withCounts: false, first: 4, shown: 8 }, () => {});
    expect([narrowed?.answeredAhead, other?.answeredAhead]).toEqual([false, false]);
    expect(fake.searchedTerms).toEqual(['open weights', 'open weights', 'open weight']);
  });

  /** A guess whose index chunks are still on their way when the reader asks for `text`. */
  async function askedDuringGuess(guess: string, text: string) {
    const fake = fakePagefind(20);
    const { client } = connect(fake.pagefind);
    await client.ready;
    fake.hold('preload');
    client.ahead(guess, 4);
    const asked = client.search({ text, withCounts: false, first: 4, shown: 8 }, () => {});
    await vi.waitFor(() => expect(fake.preloaded[0]).toBe(guess));
    // The reader's search arrives as the next task after the guess.
    await tick();
    fake.release();
    return { fake, client, answer: await asked };
  }

  it('lets a wrong guess give way to the query the reader asks for', async () => {
    const { fake, client, answer } = await askedDuringGuess('open weights', 'open weird');
    expect(answer?.total).toBe(20);
    expect(fake.preloaded).toEqual(['open weights', 'open weird']);
    // The guess's chunks arrived after the reader asked: it never searched, and is guessed again next time.
    expect(fake.searchedTerms).toEqual(['open weird']);
    client.ahead('open weights', 4);
    await vi.waitFor(() => expect(fake.searchedTerms).toEqual(['open weird', 'open weights']));
  });

  it('goes on with a guess the reader types before it is answered, searching it once', async () => {
    const { fake, answer } = await askedDuringGuess('language model', 'language model');
    expect(answer?.answeredAhead).toBe(true);
    expect(fake.preloaded).toEqual(['language model']);
    expect(fake.searchedTerms).toEqual(['language model']);
  });

  describe('with what the build stored', () => {
    // Thirty pages, numbered in Pagefind's order (here backwards), of which the fake Pagefind finds p0–p19: even
    // pages are tagged AI, every third Policy.
    const pages = Array.from({ length: 30 }, (_, i) => `p${29 - i}`);
    const stored: CombineIndex = { version: COMBINE_VERSION, indexed: 30, fields: [], tags: 'tags-a.bin', meta: 'pagefind.en_a.pf_meta' };
    const chunks = [
      { from: '01', to: 'luxgan', hash: 'en_1' },
      { from: 'luxganb', to: 'luxqua', hash: 'en_2' },
      { from: 'luxquab', to: 'zyx', hash: 'en_3' },
    ];
    const files = (missing: string[] = []) => {
      const fetched: string[] = [];
      const all: Record<string, Uint8Array> = {
        'pagefind.en_a.pf_meta': pagefindMetaFile(pages, chunks),
        'common/tags-a.bin': encodePageTags({
          names: ['AI', 'Policy'],
          pages: pages.map((id) => {
            const n = Number(id.slice(1));
            return [...(n % 2 === 0 ? [0] : []), ...(n % 3 === 0 ? [1] : [])];
          }),
        }),
      };
      const fetchFile = async (file: string) => {
        fetched.push(file);
        return missing.includes(file) ? undefined : all[file];
      };
      return { fetchFile, fetched };
    };

    it('counts Pagefind’s answer by tag from the stored tags, sent with the first results, without Pagefind’s filter data', async () => {
      const fake = fakePagefind(20);
      const { fetchFile } = files();
      const { client } = connect(fake.pagefind, { fetchFile });
      const first: SearchAnswer[] = [];
      const answer = await client.search({ text: 'luxvel praka', withCounts: false, first: 4, shown: 8, stored }, (answer) => first.push(answer));
      const counts = [{ name: 'AI', count: 10 }, { name: 'Policy', count: 7 }];
      expect(first[0]?.tags).toEqual(counts);
      expect(first[0]?.counted).toBe(true);
      expect(answer?.tags).toEqual(counts);
      expect(fake.filters).not.toHaveBeenCalled();
    });

    it('leaves the counts to the tags worker when the stored tags do not come', async () => {
      const fake = fakePagefind(20);
      const { client } = connect(fake.pagefind, files(['common/tags-a.bin']));
      const answer = await client.search({ text: 'luxvel praka', withCounts: false, first: 4, shown: 8, stored }, () => {});
      expect(answer?.total).toBe(20);
      expect(answer?.tags).toEqual([]);
      expect(answer?.counted).toBe(false);
    });

    it('searches all the words when the other word’s index chunk holds forms of a common word', async () => {
      // "open" is in the third chunk with forms in the second, the one Pagefind fetches for "luxh".
      const combine: WithOtherWord = { index: stored, words: [{ file: 'word-open.bin', pages: 20, chunks: ['en_3', 'en_2'], partners: [] }], others: ['luxh'] };
      const fake = fakePagefind(20);
      const { client } = connect(fake.pagefind, files());
      const answer = await client.search({ text: 'open luxh', withCounts: false, first: 4, shown: 8, combine, stored }, () => {});
      expect(answer?.withScores).toBeUndefined();
      expect(fake.searchedTerms).toEqual(['open luxh']);
    });

    it('fetches and decodes common words’ scores while another word is typed, searching nothing, once per set of words', async () => {
      const fake = fakePagefind(20);
      const { fetchFile, fetched } = files();
      const { client } = connect(fake.pagefind, { fetchFile });
      await client.ready;
      const words = [{ file: 'word-open.bin', pages: 20, chunks: ['en_3'], partners: [] }];
      client.prefetchScores(stored, words);
      client.prefetchScores(stored, words);
      await vi.waitFor(() => expect(fetched).toEqual(expect.arrayContaining(['pagefind.en_a.pf_meta', 'common/word-open.bin'])));
      await tick();
      expect(fetched.filter((file) => file === 'common/word-open.bin')).toHaveLength(1);
      expect(fake.searchedTerms).toEqual([]);
      expect(fake.preloaded).toEqual([]);
    });

    /**
     * A Pagefind whose answers rankWithOther can read (a score, and where the word is), and the stored scores of a
     * common word on every page it finds, whose chunk is `chunk`; `ask` searches it with an other word.
     */
    function withCommonWord(chunk: string, loaded: Set<string>) {
      const fake = fakePagefind(20);
      const search = fake.pagefind.search;
      fake.pagefind.search = async (term) => {
        const response = (await search(term))!;
        const results = response.results.map((result) => ({
          ...result,
          score: 1,
          words: [1],
          data: async () => ({ ...(await result.data()), content: `About ${term} here.` }),
        }));
        return { ...response, results };
      };
      const { fetchFile, fetched } = files();
      const scores = encodePostings(30, Array.from({ length: 20 }, (_, i) => ({ page: 29 - i, base: 1, fields: 0 })));
      const withScores = async (file: string) => (file === 'common/word-open.bin' ? scores : fetchFile(file));
      const { client } = connect(fake.pagefind, { fetchFile: withScores, loadedChunks: () => loaded });
      const open = { file: 'word-open.bin', pages: 20, chunks: [chunk], partners: [] };
      const ask = (text: string, other: string) =>
        client.search({ text, withCounts: false, first: 4, shown: 8, combine: { index: stored, words: [open], others: [other] }, stored }, () => {});
      return { fake, fetched, ask };
    }

    it('ranks an other word with a common word’s scores when no chunk holding words its stem begins with is the common word’s', async () => {
      // The common word is in the first chunk, which holds words beginning with "lux", but none with "luxvel".
      const { fake, ask } = withCommonWord('en_1', new Set(['en_1']));
      expect((await ask('open luxvel', 'luxvel'))?.withScores).toBe(true);
      expect(fake.searchedTerms).toEqual(['luxvel']);
      // The stem of "luxure" may be "lux": Pagefind would match it in the common word's chunk too, so it searches both.
      expect((await ask('open luxure', 'luxure'))?.withScores).toBeUndefined();
      expect(fake.searchedTerms).toEqual(['luxvel', 'open luxure']);
    });

    it('searches an other word again only when Pagefind has fetched a chunk that may hold more of its matches', async () => {
      const loaded = new Set<string>(['en_3']);
      const { fake, fetched, ask } = withCommonWord('en_3', loaded);
      const first = await ask('open zyx', 'zyx');
      expect(first?.withScores).toBe(true);
      expect(first?.total).toBe(20);
      // The reader typed on ("open zyx " and so on): the same word, the same chunks.
      expect((await ask('open zyx ', 'zyx'))?.total).toBe(20);
      expect(fake.searchedTerms).toEqual(['zyx']);
      // A chunk that cannot hold words beginning with "zy" changes nothing.
      loaded.add('en_2');
      await ask('open zyx  ', 'zyx');
      expect(fake.searchedTerms).toEqual(['zyx']);
      await ask('open luxvel', 'luxvel');
      await ask('open luxure', 'luxure');
      await ask('open luxure ', 'luxure');
      expect(fake.searchedTerms).toEqual(['zyx', 'luxvel', 'luxure']);
      // Words beginning with "lux" run from the first chunk to the third. The stem of "luxure" may be "lux": with the
      // first chunk fetched, Pagefind may match more of them, so it searches the word again. "luxvel" is its own
      // stem, and only the third chunk holds words beginning with it: its answer stands.
      loaded.add('en_1');
      await ask('open luxure', 'luxure');
      await ask('open luxvel', 'luxvel');
      expect(fake.searchedTerms).toEqual(['zyx', 'luxvel', 'luxure', 'luxure']);
      expect(fetched).toContain('pagefind.en_a.pf_meta');
    });

    it('waits for the next key before searching an unfinished word whose stem Pagefind would look up in another chunk', async () => {
      const fake = fakePagefind(20);
      // "luxs" is in the third chunk; its stem, "lux", in the first, which no word beginning with "luxs" is in.
      const loaded = new Set<string>(['en_3']);
      let pauses = 0;
      let endPause = () => {};
      const pauseForNextKey = () => {
        pauses++;
        return new Promise<void>((resolve) => (endPause = resolve));
      };
      const { client } = connect(fake.pagefind, { ...files(), loadedChunks: () => loaded, pauseForNextKey });
      const ask = (text: string) => client.search({ text, withCounts: false, first: 4, shown: 8, stored }, () => {});
      // Pagefind's metadata is decoded with the first answer; before it, nothing waits.
      await ask('luxvel praka');
      const typedPast = ask('luxs');
      await vi.waitFor(() => expect(pauses).toBe(1));
      // The reader types on: "luxs" is never searched, so the first chunk is never fetched for it.
      client.supersede();
      const next = ask('luxse');
      endPause();
      expect(await typedPast).toBeUndefined();
      expect((await next)?.total).toBe(20);
      expect(fake.searchedTerms).toEqual(['luxvel praka', 'luxse']);
      // A reader who stops on the word has its answer after the pause.
      const stopped = ask('luxs');
      await vi.waitFor(() => expect(pauses).toBe(2));
      endPause();
      expect((await stopped)?.total).toBe(20);
      // A finished word, or a stem whose chunk Pagefind holds, is searched at once.
      expect((await ask('luxs '))?.total).toBe(20);
      loaded.add('en_1');
      expect((await ask('luxs'))?.total).toBe(20);
      expect(pauses).toBe(2);
      expect(fake.searchedTerms).toEqual(['luxvel praka', 'luxse', 'luxs', 'luxs ', 'luxs']);
      // Nor does a last word with stored scores after an other word: Pagefind searches only the other word.
      loaded.delete('en_1');
      const combine: WithOtherWord = { index: stored, words: [{ file: 'word-luxs.bin', pages: 20, chunks: ['en_3'], partners: [] }], others: ['zyx'] };
      await client.search({ text: 'zyx luxs', withCounts: false, first: 4, shown: 8, stored, combine }, () => {});
      expect(pauses).toBe(2);
    });

    it('preloads an unfinished last word only when the word it becomes is in the chunk Pagefind would fetch', async () => {
      const fake = fakePagefind(20);
      const { client } = connect(fake.pagefind, files());
      await client.ready;
      // "lux" is in the first chunk, "luxvel" in the third: a guess; "luxh…" can only be in the second.
      for (const text of ['lux', 'open lux', 'luxh', 'model ']) client.preload(text, { stored });
      await vi.waitFor(() => expect(fake.preloaded).toEqual(['open', 'luxh', 'model ']));
      // Without what the build stored, every preload is made, as before.
      client.preload('lux');
      await vi.waitFor(() => expect(fake.preloaded).toEqual(['open', 'luxh', 'model ', 'lux']));
    });
  });

  it('answers with counts by tag when asked to', async () => {
    const { client } = connect(fakePagefind(3).pagefind);
    const answer = await client.search({ text: 'models', tag: 'AI', withCounts: true, first: 4, shown: 8 }, () => {});
    expect(answer?.tags).toEqual([{ name: 'AI', count: 3 }, { name: 'Policy', count: 2 }]);
  });
});
