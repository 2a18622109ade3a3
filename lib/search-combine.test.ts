import { describe, expect, it } from 'vitest';
import {
  addsUp,
  addsUpAsPair,
  pairParts,
  resolveChunks,
  shareCompounds,
  areIndependentWords,
  countTags,
  decodePageTags,
  decodePostings,
  encodePageTags,
  encodePostings,
  formScore,
  fragmentWords,
  matchedLocations,
  placeScore,
  splitWords,
  pagefindExcerpt,
  pagefindIdf,
  pagefindWord,
  queryWordsOf,
  isRepeatUnderway,
  withoutRepeatedWords,
  rankPages,
  wordWeights,
  type DecodedPageTags,
  type Fragment,
  type PostingsModel,
  type WordPostings,
} from './search-combine';
import { gzipSync } from 'node:zlib';

const postings = (numbered: number, entries: [page: number, base: number, fields?: number][]) =>
  decodePostings(encodePostings(numbered, entries.map(([page, base, fields = 0]) => ({ page, base, fields }))), numbered)!;

describe('a word’s file of scores', () => {
  it('holds each page the word is on, its score and its fields, whatever order they were given in', () => {
    const decoded = postings(40, [
      [33, 0.25, 1],
      [0, 0.5],
      [9, 1.5, 3],
    ]);
    expect([...decoded.pages]).toEqual([0, 9, 33]);
    expect(Array.from(decoded.base)).toEqual([0.5, 1.5, 0.25]);
    expect([...decoded.fields]).toEqual([0, 3, 1]);
  });

  it('carries the forms of the word an excerpt marks, with their bonus as exact 32-bit floats', () => {
    const bonus = Math.fround(0.8891377);
    // A page's word can be anything, "__proto__" included.
    const forms = Object.fromEntries([['model', bonus], ['Models,', 0.5], ['__proto__', 0.25]]);
    const decoded = decodePostings(encodePostings(4, [{ page: 1, base: 1, fields: 0 }], forms), 4)!;
    expect(decoded.forms.model).toBe(bonus);
    expect(decoded.forms['Models,']).toBe(0.5);
    expect(Object.keys(decoded.forms)).toEqual(['model', 'Models,', '__proto__']);
    expect(Object.getPrototypeOf(decoded.forms)).toBe(Object.prototype);
  });

  it('may hold each page’s weights instead of its score, and gives Pagefind’s scores from them and the pages’ lengths', () => {
    // As the build fits it for "model" at 10,000 articles: Pagefind's own IDF, average length and bonus.
    const scoring = { idf: Math.fround(0.0005501187406480312), averageLength: Math.fround(286.8207092285156), saturation: Math.fround(1.4), lengthWeight: 0.75, frequencyWeight: 1 };
    const forms = [{ bonus: Math.fround(0.8891377449035645), boost: Math.fround(1.8) }, { bonus: Math.fround(0.674712), boost: 1 }];
    const lengths = Array.from({ length: 10_000 }, (_, page) => 150 + ((page * 37) % 300));
    const model: PostingsModel = { scoring, forms, unit: 24, lengths };
    // Pagefind's score for "model" on page 0 (255 words, weight 32 × 24): 0.0012632968 × 1.8.
    lengths[0] = 255;
    expect(formScore(32 * 24, 255, forms[0]!, scoring)).toBe(Math.fround(0.002273934194818139));

    const entries = lengths.map((length, page) => {
      const weights: [number, number][] = page % 5 === 0 ? [[0, 1 + (page % 9)], [1, 1]] : [[0, 1 + (page % 9)]];
      const base = weights.reduce((sum, [form, weight]) => Math.fround(sum + formScore(weight * 24, length, forms[form]!, scoring)), 0);
      return { page, base, fields: page % 50 === 0 ? 1 : 0, weights };
    });
    // A page whose weights do not give its score (two forms at one place, counted once by Pagefind) keeps its score.
    entries[7]!.base = 0.125;
    const bytes = encodePostings(10_000, entries, {}, model);
    const decoded = decodePostings(bytes, 10_000, lengths)!;
    expect(Array.from(decoded.base)).toEqual(entries.map((entry) => Math.fround(entry.base)));
    expect(decoded.fields[50]).toBe(1);
    // Without the pages' lengths (Pagefind's metadata), such a file cannot be read.
    expect(decodePostings(bytes, 10_000)).toBeUndefined();
    // Compressed, as the box downloads it: a fraction of the same scores as floats.
    const asFloats = encodePostings(10_000, entries);
    expect(gzipSync(bytes).byteLength * 3).toBeLessThan(gzipSync(asFloats).byteLength);
  });

  it('is refused when it belongs to another build, is cut short or is not such a file', () => {
    const bytes = encodePostings(40, [{ page: 3, base: 1, fields: 0 }]);
    expect(decodePostings(bytes, 41)).toBeUndefined();
    expect(decodePostings(bytes.slice(0, -1), 40)).toBeUndefined();
    expect(decodePostings(new TextEncoder().encode('<html>not found</html>'), 40)).toBeUndefined();
    expect(() => encodePostings(40, [{ page: 40, base: 1, fields: 0 }])).toThrow(/outside/);
    expect(() => encodePostings(40, [{ page: 2, base: 1, fields: 0 }, { page: 2, base: 1, fields: 0 }])).toThrow(/twice/);
  });
});

describe('ranking several words as Pagefind does', () => {
  it('keeps the pages holding every word, scored by the sum of the words’ scores', () => {
    const language = { postings: postings(10, [[1, 0.2], [2, 0.3], [5, 0.1]]), idf: 0.5 };
    const model = { postings: postings(10, [[2, 0.05], [3, 0.4], [5, 0.5]]), idf: 0.1 };
    const { total, top } = rankPages([language, model], [5], 8);
    expect(total).toBe(2);
    expect(top.map((entry) => entry.page)).toEqual([5, 2]);
    expect(top[0]!.score).toBeCloseTo(0.6, 6);
    expect(top[1]!.score).toBeCloseTo(0.35, 6);
  });

  it('boosts a title holding every word fully, and one holding some of them by their share squared', () => {
    // Both words in page 1's title; only the rarer in page 2's; only the commoner in page 3's.
    const rare = { postings: postings(4, [[1, 0, 1], [2, 0, 1], [3, 0]]), idf: 3 };
    const common = { postings: postings(4, [[1, 0, 1], [2, 0], [3, 0, 1]]), idf: 1 };
    const { top } = rankPages([rare, common], [5], 8);
    const score = Object.fromEntries(top.map((entry) => [entry.page, entry.score]));
    expect(score[1]).toBeCloseTo(5 * 4, 6);
    expect(score[2]).toBeCloseTo(5 * 3 * (3 / 4) ** 2, 6);
    expect(score[3]).toBeCloseTo(5 * 1 * (1 / 4) ** 2, 6);
    expect(top.map((entry) => entry.page)).toEqual([1, 2, 3]);
  });

  it('returns the first results only, ties in page order, and nothing for no words', () => {
    const a = { postings: postings(6, [[0, 1], [1, 1], [2, 1], [3, 2]]), idf: 1 };
    const b = { postings: postings(6, [[0, 1], [1, 1], [2, 1], [3, 1]]), idf: 1 };
    const ranked = rankPages([a, b], [], 3);
    expect(ranked.total).toBe(4);
    expect(ranked.top.map((entry) => entry.page)).toEqual([3, 0, 1]);
    expect(rankPages([], [], 3)).toEqual({ total: 0, top: [], pages: [] });
    expect(ranked.pages).toEqual([0, 1, 2, 3]);
  });

  it('computes the IDF as Pagefind does, in 32-bit floats', () => {
    expect(pagefindIdf(10_000, 9_995)).toBeCloseTo(Math.log(5.5 / 9995.5 + 1), 6);
    expect(pagefindIdf(10, 1)).toBe(Math.fround(Math.log(9.5 / 1.5 + 1)));
  });

  it('refuses words whose stems may overlap: Pagefind scores a position matching both once', () => {
    expect(areIndependentWords(['language', 'model'])).toBe(true);
    expect(areIndependentWords(['open', 'weights', 'licence'])).toBe(true);
    expect(areIndependentWords(['model', 'models'])).toBe(false);
    expect(areIndependentWords(['open', 'openai'])).toBe(false);
    expect(areIndependentWords(['argue', 'argument'])).toBe(false);
    expect(areIndependentWords(['model', 'model'])).toBe(false);
  });
});

describe('excerpts as Pagefind makes them', () => {
  const fragment = (content: string, title: string, anchors: Fragment['anchors'] = []): Fragment => ({ url: '/posts/x', content, meta: { title }, filters: {}, anchors });

  it('weighs the title the page begins with as an h1, and headings with an id by their level', () => {
    const page = fragment('Open models win. Some text here. Why it matters. More text.', 'Open models win', [
      { element: 'h2', text: 'Why it matters', location: 6 },
      { element: 'button', text: '', location: 1 },
    ]);
    const { words } = fragmentWords(page);
    const weight = wordWeights(page, words);
    expect([0, 1, 2, 3, 6, 8, 9].map(weight)).toEqual([7, 7, 7, 1, 6, 6, 1]);
    // A page whose text does not begin with its title has no h1 there.
    const other = fragment('Intro first. Open models win.', 'Open models win');
    expect(wordWeights(other, fragmentWords(other).words)(0)).toBe(1);
  });

  it('finds the page’s forms of the words and marks them in the densest window', () => {
    const content = 'A b c model d e f g h i j k l m n o p q r s t u v w x y z Models, open model. end';
    const page = fragment(content, 'Not here');
    const split = fragmentWords(page);
    const located = matchedLocations(split.words, [{ model: 1, 'Models,': 0.5, 'model.': 1 }, { open: 1 }], wordWeights(page, split.words));
    expect(located.map((entry) => split.words[entry.location])).toEqual(['model', 'Models,', 'open', 'model.']);
    expect(located[0]!.score).toBe(576);
    const excerpt = pagefindExcerpt(split, located, 6);
    expect(excerpt).toContain('<mark>Models,</mark> <mark>open</mark> <mark>model.</mark>');
    expect(excerpt.split(' ')).toHaveLength(6);
  });

  it('scores a place two query words match as Pagefind merges them: weights and bonuses added up, or the lower weight kept', () => {
    // Pagefind 1.6's own scores on this site's articles, each word alone and then with the other: "model models"
    // (stemmed alike) on a word of the text, and on a title's word (its weight of 7 × 24, doubled, stops at a
    // byte's 255); "open source" on "open-source" (each a part, half the weight); "model models" on a part of
    // "models/llama-2-7b-chat.Q4_K_M.gguf" (a sixth).
    const measured = [
      { weight: 24, alone: 512.143310546875, both: 4097.146484375 },
      { weight: 168, alone: 25095.0234375, both: 115632.3671875 },
      { weight: 144, alone: 18437.16015625, both: 115632.3671875 },
      { weight: 24, alone: 128.03582763671875, both: 1024.28662109375 },
      { weight: 24, alone: 14.226203918457031, both: 113.80963134765625 },
    ];
    for (const { weight, alone, both } of measured) {
      const bonus = Math.fround(alone / (weight * weight));
      expect(placeScore(weight, [bonus])).toBe(alone);
      expect(placeScore(weight, [bonus, bonus])).toBe(both);
    }
    // A part ("open" in "open-source") and a whole word at one place: the part's lower weight is kept, its score alone.
    expect(placeScore(24, [0.889, 0.2223])).toBe(Math.fround(576 * 0.2223));
    // On the page: the place both words match outweighs two places one word matches each.
    const split = splitWords('models a b c d e f g h model model');
    const located = matchedLocations(split.words, [{ models: 0.8, model: 0.9 }, { models: 0.9 }], () => 1);
    expect(pagefindExcerpt(split, located, 2)).toBe('<mark>models</mark> a');
  });

  it('escapes the page’s angle brackets as Pagefind does, and keeps short pages whole', () => {
    const page = fragment('Use <b> tags with model', 'x');
    const split = fragmentWords(page);
    expect(split.words).toEqual(['Use', '&lt;b&gt;', 'tags', 'with', 'model']);
    expect(pagefindExcerpt(split, [{ location: 4, score: 576 }], 24)).toBe('Use &lt;b&gt; tags with <mark>model</mark>');
  });
});

describe('counting results by tag', () => {
  /** One page's tags, as indexes into `names`, read from the decoded file's flat arrays. */
  const tagsOfPage = ({ offsets, tags }: DecodedPageTags, page: number) => Array.from(tags.subarray(offsets[page], offsets[page + 1]));

  it('counts each result’s tags, every tag named even at zero, as Pagefind’s totalFilters does', () => {
    const tags = decodePageTags(encodePageTags({ names: ['AI', 'Open Source', 'Policy'], pages: [[0, 1], [0], [2], []] }), 4)!;
    expect(countTags(tags, [0, 1, 3])).toEqual({ AI: 2, 'Open Source': 1, Policy: 0 });
  });

  it('reads back what was written, with more than 255 tags too', () => {
    const names = Array.from({ length: 300 }, (_, i) => `tag ${i}`);
    const pages = [[0, 299], [], [256]];
    const decoded = decodePageTags(encodePageTags({ names, pages }), 3)!;
    expect(decoded.names).toEqual(names);
    expect([0, 1, 2].map((page) => tagsOfPage(decoded, page))).toEqual(pages);
  });

  it('refuses a file of another build or a damaged one', () => {
    const bytes = encodePageTags({ names: ['AI'], pages: [[0]] });
    expect(decodePageTags(bytes, 2)).toBeUndefined();
    expect(decodePageTags(bytes.slice(0, -1), 1)).toBeUndefined();
    expect(decodePageTags(encodePageTags({ names: ['AI'], pages: [[1]] }), 1)).toBeUndefined();
    expect(decodePageTags(new TextEncoder().encode('tags'), 1)).toBeUndefined();
  });
});

describe('whether words answered alone add up to their answer together', () => {
  it('is no when two of them may be parts of one compound word', () => {
    const open = { word: 'open', partners: ['source', 'weights'] };
    expect(shareCompounds([open, { word: 'source' }])).toBe(true);
    // A word matches what begins with its stem: "sources" matches "source".
    expect(shareCompounds([open, { word: 'sources', partners: [] }])).toBe(true);
    expect(shareCompounds([{ word: 'weights', partners: [] }, open])).toBe(true);
    expect(shareCompounds([open, { word: 'model', partners: [] }])).toBe(false);
    expect(shareCompounds([{ word: 'model', partners: [] }, { word: 'luxvel' }])).toBe(false);
    // A word of one letter with its scores stored matched nothing but itself ("a" is not "art" of
    // "state-of-the-art"); without them, it is searched alone, and may match any word it begins.
    const of = { word: 'of', partners: ['state', 'the', 'art', 'a'] };
    expect(shareCompounds([of, { word: 'a', partners: [] }])).toBe(true);
    expect(shareCompounds([{ ...of, partners: ['state', 'the', 'art'] }, { word: 'a', partners: [] }])).toBe(false);
    expect(shareCompounds([{ ...of, partners: ['state', 'the', 'art'] }, { word: 'a' }])).toBe(true);
  });

  it('takes a word’s scores for the chunk another word fetches, where its forms may be, when they are stored', () => {
    const word = (file: string, chunks: string[], variants?: WordPostings['variants']): WordPostings => ({ file, pages: 10, chunks, partners: [], ...(variants ? { variants } : {}) });
    const [a, b] = [word('a.bin', ['A']), word('b.bin', ['B'])];
    expect(resolveChunks([a, b])).toEqual([a, b]);
    // "research" (chunk A) may have forms in "results"'s chunk B ("researchers"): its scores with B fetched.
    const research = word('research.bin', ['A', 'B'], { B: { file: 'research-b.bin', pages: 12 } });
    expect(resolveChunks([research, b])).toEqual([{ ...research, file: 'research-b.bin', pages: 12 }, b]);
    // Spilling into a chunk no other word fetches changes nothing.
    expect(resolveChunks([word('x.bin', ['A', 'C']), b])).toEqual([word('x.bin', ['A', 'C']), b]);
    // Without those scores, or with two such chunks at once, the words do not add up.
    expect(resolveChunks([word('x.bin', ['A', 'B']), b])).toBeUndefined();
    expect(resolveChunks([word('x.bin', ['A', 'B', 'C'], { B: { file: 'x-b.bin', pages: 1 }, C: { file: 'x-c.bin', pages: 1 } }), b, word('c.bin', ['C'])])).toBeUndefined();
    // The other word (no stored scores): the common words may take their scores for its chunk; it may not spill.
    expect(resolveChunks([research], [['B']])).toEqual([{ ...research, file: 'research-b.bin', pages: 12 }]);
    expect(resolveChunks([b], [['A', 'B']])).toBeUndefined();
    // Not known: not added up.
    expect(resolveChunks([a, word('y.bin', [])])).toBeUndefined();
  });

  it('is yes for a stored pair’s parts with a third word, checked only against that word', () => {
    // "open" (chunk O) may have forms in "source"'s chunk S; both are parts of "open-source".
    const open: WordPostings = { file: 'open.bin', pages: 60, chunks: ['O', 'S', 'X'], partners: ['opensource', 'source'] };
    const source: WordPostings = { file: 'source.bin', pages: 40, chunks: ['S'], partners: ['open', 'opensource'] };
    const parts = pairParts(['open', 'source'], [open, source], [
      { file: 'pair-open.bin', pages: 30 },
      { file: 'pair-source.bin', pages: 30 },
    ]);
    // On the pair's pages, each word's IDF from its own; what the pair already made (S fetched, "source") left out.
    expect(parts).toEqual([
      { file: 'pair-open.bin', pages: 30, idfPages: 60, chunks: ['O', 'X'], partners: ['opensource'] },
      { file: 'pair-source.bin', pages: 30, idfPages: 40, chunks: ['S'], partners: [] },
    ]);
    const model: WordPostings = { file: 'model.bin', pages: 80, chunks: ['M'], partners: [] };
    const pair = [{ word: 'open', postings: parts[0] }, { word: 'source', postings: parts[1] }];
    expect(addsUp([{ word: 'open', postings: open }, { word: 'source', postings: source }, { word: 'model', postings: model }])).toBe(false);
    expect(addsUp([...pair, { word: 'model', postings: model }])).toBe(true);
    expect(addsUp([...pair, { word: 'luxvel' }])).toBe(true);
    // Not with a word the compound holds too, nor one whose chunk holds more of the pair's forms.
    expect(addsUp([...pair, { word: 'opensourced' }])).toBe(false);
    expect(addsUp([...pair, { word: 'xenon', postings: { ...model, chunks: ['X'] } }])).toBe(false);
  });

  it('lets a stored pair’s two words begin alike, and no other two', () => {
    const part = (file: string, chunk: string): WordPostings => ({ file, pages: 50, chunks: [chunk], partners: [] });
    const words = [
      { word: 'paper', postings: part('paper.bin', 'P') },
      { word: 'model', postings: part('pair-model.bin', 'M') },
      { word: 'models', postings: part('pair-models.bin', 'M') },
    ];
    expect(addsUp(words)).toBe(false);
    expect(addsUpAsPair(words, 1, 2)).toBe(true);
    expect(addsUpAsPair(words, 0, 1)).toBe(false);
    expect(addsUpAsPair([...words, { word: 'modest' }], 1, 2)).toBe(false);
    // The rest of addsUp still holds: parts of one compound word with the third do not add up.
    expect(addsUpAsPair([...words.slice(0, 2), { ...words[2]!, postings: { ...words[2]!.postings, partners: ['paper'] } }], 1, 2)).toBe(false);
  });
});

describe('the words of a query as Pagefind reads them', () => {
  it('are lowercase, without punctuation; a word of nothing but punctuation goes', () => {
    expect(queryWordsOf('  “Open”,  Model!  GPT-4 — ')).toEqual(['open', 'model', 'gpt4']);
    expect(pagefindWord('Llama.cpp')).toBe('llamacpp');
    expect(pagefindWord('Überblick')).toBe('überblick');
  });

  it('drop a word typed again, however it is written, with the space after it', () => {
    expect(withoutRepeatedWords('the the is as')).toBe('the is as');
    expect(withoutRepeatedWords('Model open model, source')).toBe('Model open source');
    expect(withoutRepeatedWords('murseldex is is results open')).toBe('murseldex is results open');
  });

  it('keep the space before a repeat typed last, so the word before it is still complete', () => {
    expect(withoutRepeatedWords('is is')).toBe('is ');
    expect(withoutRepeatedWords('open model open ')).toBe('open model ');
  });

  it('keep a word that only begins like an earlier one, and text that repeats nothing as it is', () => {
    expect(withoutRepeatedWords('model mode')).toBe('model mode');
    expect(withoutRepeatedWords('  open   source — — ')).toBe('  open   source — — ');
  });

  it('are on their way while the last word begins an earlier one, until a space ends it', () => {
    for (const text of ['licence licenc', 'Licence by lic', 'open source Sou', 'model, mod']) expect(isRepeatUnderway(text), text).toBe(true);
    // A word complete (a space after it), the same word (withoutRepeatedWords drops it), longer, or beginning nothing earlier.
    for (const text of ['licence licenc ', 'licence licence', 'model models', 'open model', 'licence', '', 'open —']) expect(isRepeatUnderway(text), text).toBe(false);
  });
});
