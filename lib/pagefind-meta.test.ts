import { describe, expect, it } from 'vitest';
import { chunkBeside, chunkOf, chunkOfStemApart, chunksHoldingPrefix, chunksOfWord, decodePagefindChunk, decodePagefindMeta, prefixFitsOneChunk, stemmedEnding, stemPrefix, type PagefindChunk } from './pagefind-meta';
import { pagefindChunkFile, pagefindMetaFile } from './pagefind-meta.fixture';

const chunks: PagefindChunk[] = [
  { from: '01', to: 'luxgan', hash: 'en_1' },
  { from: 'luxganb', to: 'luxqua', hash: 'en_2' },
  { from: 'luxquab', to: 'luxvelzenva', hash: 'en_3' },
  { from: 'luxvelzenve', to: 'mem', hash: 'en_4' },
  { from: 'men', to: 'zyx', hash: 'en_5' },
];

describe('Pagefind’s metadata', () => {
  it('gives the pages in Pagefind’s order and the word range of each index chunk', () => {
    const pages = Array.from({ length: 300 }, (_, i) => `en_${(300 - i).toString(16)}`);
    const lengths = pages.map((_, i) => 200 + i);
    const meta = decodePagefindMeta(pagefindMetaFile(pages, chunks, false, lengths));
    expect(meta?.version).toBe('1.6.0');
    expect(meta?.pages).toEqual(pages);
    // Each page's number of words, which its scores depend on.
    expect(meta?.lengths).toEqual(lengths);
    expect(meta?.chunks).toEqual(chunks);
  });

  it('is undefined for anything else: another shape, cut short, or trailing bytes', () => {
    const file = pagefindMetaFile(['en_1'], chunks, false);
    expect(decodePagefindMeta(file.subarray(0, file.length - 3))).toBeUndefined();
    expect(decodePagefindMeta(Uint8Array.from([...file, 0]))).toBeUndefined();
    expect(decodePagefindMeta(new TextEncoder().encode('{"pages":[]}'))).toBeUndefined();
    // An array of the wrong things: a number where the pages should be.
    expect(decodePagefindMeta(Uint8Array.from([0x83, 0x61, 0x31, 0x01, 0x80]))).toBeUndefined();
  });
});

describe('Pagefind’s index chunks', () => {
  it('give each word’s pages with the places it is at and their weights (24 an ordinary word’s, more a heading’s)', () => {
    const file = pagefindChunkFile([
      { word: 'model', pages: [{ page: 3, places: [[0, 168], [12, 24], [40, 24], [90, 144], [95, 144]] }, { page: 7, places: [[5, 24]] }] },
      { word: 'models', pages: [{ page: 300, places: [[2, 24]] }] },
    ]);
    expect(decodePagefindChunk(file)).toEqual([
      {
        word: 'model',
        pages: [
          { page: 3, locations: [0, 12, 40, 90, 95], weights: [168, 24, 24, 144, 144] },
          { page: 7, locations: [5], weights: [24] },
        ],
      },
      { word: 'models', pages: [{ page: 300, locations: [2], weights: [24] }] },
    ]);
    // Only the words beginning with what is asked for: the others are passed over.
    expect(decodePagefindChunk(file, 'models')?.map(({ word }) => word)).toEqual(['models']);
    expect(decodePagefindChunk(file, 'x')).toEqual([]);
    expect(decodePagefindChunk(file.subarray(0, file.length - 2))).toBeUndefined();
    expect(decodePagefindChunk(new TextEncoder().encode('not a chunk'))).toBeUndefined();
  });

  it('that may hold a word’s forms are found by their bounds, which are words cut short', () => {
    const cut: PagefindChunk[] = [
      { from: '7b', to: 'a', hash: 'en_1' },
      { from: 'ac', to: 'ac', hash: 'en_2' },
      { from: 'ag', to: 'an', hash: 'en_3' },
      { from: 'ao', to: 'attent', hash: 'en_4' },
      { from: 'attenu', to: 'b', hash: 'en_5' },
    ];
    // "accuraci" is in the chunk from "ac" to "ac"; the first may hold "a" alone, which begins no word of "acc".
    expect(chunksHoldingPrefix(cut, 'acc')).toEqual(['en_1', 'en_2']);
    // The stem of "attention", "attent", ends a chunk; "attention" itself, "attenuate", are in the next.
    expect(chunksHoldingPrefix(cut, 'att')).toEqual(['en_1', 'en_4', 'en_5']);
    expect(chunksHoldingPrefix(cut, 'zeta')).toEqual([]);
  });
});

describe('whether preloading an unfinished word fetches the chunk the finished word needs', () => {
  it('is yes when every word beginning with it is in the chunk Pagefind fetches for it', () => {
    expect(prefixFitsOneChunk(chunks, 'luxh')).toBe(true);
    expect(prefixFitsOneChunk(chunks, 'mo')).toBe(true);
    expect(prefixFitsOneChunk(chunks, 'ab')).toBe(true);
  });

  it('is no when a chunk boundary falls among those words, or no chunk holds it', () => {
    // "lux" is in the first chunk, but "luxvel" in the third.
    expect(prefixFitsOneChunk(chunks, 'lux')).toBe(false);
    expect(prefixFitsOneChunk(chunks, 'luxv')).toBe(false);
    expect(prefixFitsOneChunk(chunks, 'luxve')).toBe(false);
    expect(prefixFitsOneChunk(chunks, 'mem')).toBe(false);
    expect(prefixFitsOneChunk(chunks, 'zz')).toBe(false);
    expect(prefixFitsOneChunk([], 'lux')).toBe(false);
  });

  it('is yes in the last chunk, which nothing follows', () => {
    expect(prefixFitsOneChunk(chunks, 'zyx')).toBe(true);
  });
});

describe('where Pagefind looks up the stem of a word being typed', () => {
  it('ends words as the first steps of the English stemmer do', () => {
    expect(stemmedEnding('murs')).toBe('mur');
    expect(stemmedEnding('models')).toBe('model');
    expect(stemmedEnding('glasses')).toBe('glass');
    expect(stemmedEnding('cries')).toBe('cri');
    expect(stemmedEnding('ties')).toBe('tie');
    expect(stemmedEnding('feny')).toBe('feni');
    expect(stemmedEnding('cry')).toBe('cri');
    // A final s after a lone vowel, or in "ss" and "us", stays; so does "y" after a vowel or as a second letter.
    for (const word of ['gas', 'yes', 'bus', 'glass', 'say', 'by', 'is', 'luxvel']) expect(stemmedEnding(word)).toBe(word);
  });

  it('tells what every stem of a word begins with, whole when no later step of the stemmer can shorten it', () => {
    expect(stemPrefix('luxstolux')).toBe('luxstolux');
    expect(stemPrefix('gandri')).toBe('gandri');
    expect(stemPrefix('murs')).toBe('mur');
    expect(stemPrefix('luxvels')).toBe('luxvel');
    expect(stemPrefix('models')).toBe('model');
    // Endings a later step may remove, "y" or not: only the first letters are sure.
    for (const word of ['training', 'attention', 'released', 'reasoning', 'luxure', 'safely', 'quickly', 'probabilities', 'skies']) {
      expect(stemPrefix(word)).toBe(word.slice(0, 3));
    }
    expect(stemPrefix('its')).toBe('it');
  });

  it('names the stem’s chunk when the word is in another one', () => {
    // "luxs" is in the third chunk, "lux" in the first; "luxvels" and "luxvel" share the third.
    expect(chunkOf(chunks, 'luxs')?.hash).toBe('en_3');
    expect(chunkOfStemApart(chunks, 'luxs')).toBe('en_1');
    expect(chunkOfStemApart(chunks, 'luxvels')).toBeUndefined();
    expect(chunkOfStemApart(chunks, 'luxvel')).toBeUndefined();
  });
});

describe('the index chunks a word’s search touches', () => {
  it('start with the chunk Pagefind fetches for the word: the one whose range holds it, else the first that holds its beginning', () => {
    expect(chunkOf(chunks, 'luxh')?.hash).toBe('en_2');
    expect(chunkOf(chunks, 'luxvel')?.hash).toBe('en_3');
    // Past the last word of the index: cut to the shorter length, "zz" is not after "zy…", but "zyxa" is "zyx".
    expect(chunkOf(chunks, 'zz')).toBeUndefined();
    expect(chunkOf(chunks, 'zyxa')?.hash).toBe('en_5');
  });

  it('go on with the chunks holding other words that begin with the first letters every stem of it keeps', () => {
    // "luxvel" alone fetches chunk 3; stemmed, it may match any "lux…" word, in chunks 1 to 4.
    expect(chunksOfWord(chunks, 'luxvel')).toEqual(['en_3', 'en_1', 'en_2', 'en_4']);
    expect(chunksOfWord(chunks, 'model')).toEqual(['en_5']);
    // A word of three letters keeps two ("its" is "it").
    expect(chunksOfWord(chunks, 'mex')).toEqual(['en_5', 'en_4']);
    expect(chunksOfWord([], 'model')).toEqual([]);
  });
});

describe('the chunk of another word where a word matches more', () => {
  // The chunks around "a" at 10,000 synthetic articles.
  const around: PagefindChunk[] = [
    { from: '7b', to: 'a', hash: 'en_a' },
    { from: 'ag', to: 'an', hash: 'en_ag' },
    { from: 'and', to: 'and', hash: 'en_and' },
    { from: 'ant', to: 'api', hash: 'en_ant' },
    { from: 'at', to: 'at', hash: 'en_at' },
    { from: 'att', to: 'attent', hash: 'en_att' },
    { from: 'au', to: 'b', hash: 'en_au' },
  ];

  it('is the other word’s own chunk when it holds the word’s forms', () => {
    // "an" alone fetches "ag"–"an"; beside "and", it also matches "and", "another" and "answer".
    expect(chunkBeside(around, 'an', 'and')).toBe('en_and');
  });

  it('is the chunk of the other word’s stem when its own chunk holds none of them', () => {
    // "attention" is fetched from "7b"–"a" as typed and from "att"–"attent" for its stem, where "at" matches it.
    expect(chunksOfWord(around, 'attention')[0]).toBe('en_a');
    expect(chunkBeside(around, 'at', 'attention')).toBe('en_att');
  });

  it('is none for words whose searches share nothing', () => {
    expect(chunkBeside(around, 'and', 'attention')).toBeUndefined();
    expect(chunkBeside(around, 'attention', 'model')).toBeUndefined();
  });
});
