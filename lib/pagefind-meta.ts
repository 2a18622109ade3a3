// Pagefind's metadata file (`pagefind.<hash>.pf_meta`), read: the pages in Pagefind's own order and the word
// range of each index chunk. Pagefind's script fetches this file before any search, so the box's worker reads
// the same bytes again from the browser's cache, for two things Pagefind does not expose:
// - the number of each page in the build's stored files (lib/search-combine.ts numbers pages in this order), so
//   that any answer of Pagefind's can be counted by tag from the stored tags instead of Pagefind's filter data;
// - which chunk a short word's preload would fetch, and whether the word the reader goes on to type can be in
//   another one (then the preload is skipped: a guess of 35 kB that is wrong more often than not);
// - each page's number of words, which Pagefind's score for a word on the page depends on, so that a common
//   word's stored scores can be its weights on each page instead of the scores (lib/search-combine.ts).
//
// The file is gzip (undone by the caller, see unpack) holding a CBOR array:
//   [version, [[page hash, word count, …], …], [[chunk's first word, last word, chunk hash], …], …]
// It is Pagefind's internal format, so anything unexpected gives undefined and the callers do without.

export type PagefindChunk = { from: string; to: string; hash: string };
/** `lengths[i]`: the number of words Pagefind counted on page `pages[i]`. */
export type PagefindMeta = { version: string; pages: string[]; lengths: number[]; chunks: PagefindChunk[] };

/** The subset of CBOR (RFC 8949) Pagefind writes: integers, floats, strings, arrays and maps of definite length. */
class CborReader {
  private at = 0;
  private readonly view: DataView;
  private readonly text = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(count: number): number {
    const at = this.at;
    if (at + count > this.bytes.byteLength) throw new Error('truncated');
    this.at += count;
    return at;
  }

  /** The argument of an item's head: its value, length or count. */
  private argument(info: number): number {
    if (info < 24) return info;
    if (info === 24) return this.view.getUint8(this.need(1));
    if (info === 25) return this.view.getUint16(this.need(2));
    if (info === 26) return this.view.getUint32(this.need(4));
    if (info === 27) {
      const at = this.need(8);
      const value = this.view.getUint32(at) * 2 ** 32 + this.view.getUint32(at + 4);
      if (!Number.isSafeInteger(value)) throw new Error('integer too large');
      return value;
    }
    throw new Error('indefinite lengths are not read');
  }

  read(): unknown {
    const head = this.view.getUint8(this.need(1));
    const [major, info] = [head >> 5, head & 31];
    if (major === 7) {
      if (info === 20 || info === 21) return info === 21;
      if (info === 22) return null;
      if (info === 26) return this.view.getFloat32(this.need(4));
      if (info === 27) return this.view.getFloat64(this.need(8));
      throw new Error(`simple value ${info} is not read`);
    }
    const value = this.argument(info);
    switch (major) {
      case 0:
        return value;
      case 1:
        return -1 - value;
      case 2:
        return this.bytes.subarray(this.need(value), this.at);
      case 3:
        return this.text.decode(this.bytes.subarray(this.need(value), this.at));
      case 4:
        return Array.from({ length: value }, () => this.read());
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < value; i++) map.set(this.read(), this.read());
        return map;
      }
      default:
        throw new Error(`tag ${value} is not read`);
    }
  }

  /** The number of items of the array that comes next. */
  arrayLength(): number {
    const head = this.view.getUint8(this.need(1));
    if (head >> 5 !== 4) throw new Error('not an array');
    return this.argument(head & 31);
  }

  /** Passes over the item that comes next without making it (most of an index chunk is words not asked for). */
  skip(): void {
    const head = this.view.getUint8(this.need(1));
    const [major, info] = [head >> 5, head & 31];
    if (major === 7) {
      if (info === 26 || info === 27) this.need(info === 26 ? 4 : 8);
      else if (info < 20 || info > 22) throw new Error(`simple value ${info} is not read`);
      return;
    }
    const value = this.argument(info);
    if (major === 2 || major === 3) this.need(value);
    else if (major === 4) for (let i = 0; i < value; i++) this.skip();
    else if (major === 5) for (let i = 0; i < value * 2; i++) this.skip();
    else if (major !== 0 && major !== 1) throw new Error(`tag ${value} is not read`);
  }

  get done(): boolean {
    return this.at === this.bytes.byteLength;
  }
}

/** The pages and chunks of Pagefind's metadata, its gzip and signature already undone; undefined when it is not one. */
export function decodePagefindMeta(bytes: Uint8Array): PagefindMeta | undefined {
  let decoded: unknown;
  try {
    const reader = new CborReader(bytes);
    decoded = reader.read();
    if (!reader.done) return undefined;
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || typeof decoded[0] !== 'string' || !Array.isArray(decoded[1]) || !Array.isArray(decoded[2])) return undefined;
  const pages: string[] = [];
  const lengths: number[] = [];
  for (const page of decoded[1] as unknown[]) {
    if (!Array.isArray(page) || typeof page[0] !== 'string' || typeof page[1] !== 'number') return undefined;
    pages.push(page[0]);
    lengths.push(page[1]);
  }
  const chunks: PagefindChunk[] = [];
  for (const chunk of decoded[2] as unknown[]) {
    if (!Array.isArray(chunk) || !chunk.slice(0, 3).every((part) => typeof part === 'string')) return undefined;
    chunks.push({ from: chunk[0] as string, to: chunk[1] as string, hash: chunk[2] as string });
  }
  return { version: decoded[0], pages, lengths, chunks };
}

/**
 * Every chunk that may hold a word beginning with `prefix`. A chunk's bounds are words cut short ("ac" to "ac"
 * holds "accuraci"): its first word, cut to the prefix's length, is not after the prefix, and the prefix, cut to
 * its last word's length, is not after that.
 */
export function chunksHoldingPrefix(chunks: PagefindChunk[], prefix: string): string[] {
  return chunks.filter((chunk) => chunk.from.slice(0, prefix.length) <= prefix && prefix.slice(0, chunk.to.length) <= chunk.to).map((chunk) => chunk.hash);
}

/** A word of an index chunk: each page it is on (by Pagefind's number), with the weight of each of its places there. */
export type ChunkWord = { word: string; pages: { page: number; locations: number[]; weights: number[] }[] };

/**
 * The words of one of Pagefind's index chunks (`index/<hash>.pf_index`, its gzip and signature undone), for the
 * build: a CBOR array holding the list of words, each `[word, pages, variants]`. A page is `[page number minus
 * the previous page's, places, metadata places]`; its places are numbers, a negative one setting the weight of
 * the places after it (−(weight + 1); 24 is an ordinary word's) and starting their count again from zero, each
 * other one the distance from the place before. Undefined when it is not such a file; a word that has variants
 * (other spellings of it with diacritics, which Pagefind scores apart) is left out, and so is every word that
 * does not begin with `prefix`.
 */
export function decodePagefindChunk(bytes: Uint8Array, prefix = ''): ChunkWord[] | undefined {
  const words: ChunkWord[] = [];
  try {
    const reader = new CborReader(bytes);
    const parts = reader.arrayLength();
    if (parts < 1) return undefined;
    const count = reader.arrayLength();
    for (let w = 0; w < count; w++) {
      const length = reader.arrayLength();
      const word = length >= 2 ? reader.read() : undefined;
      if (typeof word !== 'string') return undefined;
      // Only the words asked for are made: the rest of a chunk is passed over.
      if (!word.startsWith(prefix)) {
        for (let i = 1; i < length; i++) reader.skip();
        continue;
      }
      const entry = [word, ...Array.from({ length: length - 1 }, () => reader.read())];
      if (!Array.isArray(entry[1])) return undefined;
      if (Array.isArray(entry[2]) && entry[2].length > 0) continue;
      const pages: ChunkWord['pages'] = [];
      let page = 0;
      for (const packed of entry[1] as unknown[]) {
        if (!Array.isArray(packed) || typeof packed[0] !== 'number' || !Array.isArray(packed[1])) return undefined;
        page += packed[0];
        const locations: number[] = [];
        const weights: number[] = [];
        let [weight, at] = [24, 0];
        for (const value of packed[1] as unknown[]) {
          if (typeof value !== 'number') return undefined;
          if (value < 0) [weight, at] = [-value - 1, 0];
          else {
            at += value;
            locations.push(at);
            weights.push(weight);
          }
        }
        pages.push({ page, locations, weights });
      }
      words.push({ word, pages });
    }
    for (let i = 1; i < parts; i++) reader.skip();
    if (!reader.done) return undefined;
  } catch {
    return undefined;
  }
  return words;
}

/** Whether the word falls within the chunk's range of words. */
function holds(chunk: PagefindChunk, word: string): boolean {
  return word >= chunk.from && word <= chunk.to;
}

/**
 * Whether every word beginning with `prefix` is in one index chunk, the one Pagefind fetches for the prefix:
 * only then does preloading it while the reader types on fetch what the finished word needs. Pagefind takes the
 * chunk whose range holds the prefix itself; when a chunk boundary falls among the words beginning with it
 * ("lux" at 10,000 articles: luxgan | luxganb…luxqua | luxquab…), the finished word is more likely elsewhere.
 */
export function prefixFitsOneChunk(chunks: PagefindChunk[], prefix: string): boolean {
  const holder = chunks.findIndex((chunk) => holds(chunk, prefix));
  if (holder < 0) return false;
  const { to } = chunks[holder]!;
  // The chunk ends past every word beginning with the prefix, or it is the last chunk.
  return !to.startsWith(prefix) || holder === chunks.length - 1;
}

/**
 * The chunk Pagefind fetches for a word of a query, by its own rule (`request_indexes`): the chunk whose range
 * holds the word; failing that, the first whose range holds it once both are cut to the shorter length.
 */
export function chunkOf(chunks: PagefindChunk[], word: string): PagefindChunk | undefined {
  const strict = chunks.find((chunk) => holds(chunk, word));
  if (strict) return strict;
  return chunks.find((chunk) => word.slice(0, chunk.from.length) >= chunk.from.slice(0, word.length) && word.slice(0, chunk.to.length) <= chunk.to.slice(0, word.length));
}

/**
 * The letters every stem Pagefind may search for a word begins with. Pagefind stems the words of a query
 * (Snowball) and matches every indexed word that begins with the stem; a stem keeps at least the first three
 * letters of a longer word, two of a word of three ("its" is "it").
 */
export function stemFloor(word: string): string {
  return word.slice(0, word.length <= 3 ? 2 : 3);
}

/**
 * How the first steps of Snowball's English stemmer, which Pagefind applies to the words of a query, end a word:
 * a final "s" goes when a vowel comes before the letter before it ("murs" is "mur", "bus" stays), "sses" and
 * "ies" lose their "es" ("cries" is "cri", "ties" "tie"), and a final "y" after a consonant that is not the
 * first letter becomes "i" ("feny" is "feni", "by" stays). These are the steps that move a word the reader is
 * still typing to another place in the index; the later ones remove longer endings, which begin further
 * back than the reader has typed. Words of one or two letters stay as they are.
 */
export function stemmedEnding(word: string): string {
  return withYAsI(withoutPluralEnding(word));
}

const VOWEL = /[aeiouy]/;

/** The stemmer's step 1a: a final "s", "sses" or "ies" (see stemmedEnding). */
function withoutPluralEnding(word: string): string {
  if (word.length <= 2) return word;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return word.slice(0, word.length > 4 ? -2 : -1);
  if (word.endsWith('s') && !/[su]s$/.test(word) && VOWEL.test(word.slice(0, -2).replace(/^y/, ''))) return word.slice(0, -1);
  return word;
}

/** The stemmer's step 1c: a final "y" after a consonant that is not the first letter (see stemmedEnding). */
function withYAsI(word: string): string {
  return word.length > 2 && word.endsWith('y') && !VOWEL.test(word.at(-2)!) ? `${word.slice(0, -1)}i` : word;
}

/**
 * The chunk Pagefind fetches for a word's stem when it is not the word's own chunk, by hash. Pagefind fetches
 * the chunk of the word as typed and the chunk of its stem: for an unfinished word they can differ ("murs",
 * stemmed "mur", at 10,000 articles; `mur…` up to "murs" fill a chunk), and then the stem's chunk is of no use
 * to the word the reader goes on to type ("murseldex", in the chunk of "murs").
 */
export function chunkOfStemApart(chunks: PagefindChunk[], word: string): string | undefined {
  const stem = stemmedEnding(word);
  if (stem === word) return undefined;
  const own = chunkOf(chunks, word);
  const ofStem = chunkOf(chunks, stem);
  return ofStem && ofStem !== own ? ofStem.hash : undefined;
}

/**
 * Endings that the stemmer's later steps may remove (its steps 1b to 5, each ending as its rule allows it at the
 * least: "ion" only after "s" or "t", a final "l" only after another), checked after the first steps
 * (stemmedEnding) and before the "y" becomes "i". And the words it stems by a list of its own ("skies", "news").
 */
const LATER_ENDINGS = /(?:e|ed|ing|ly|li|iti|enci|anci|bli|logi|er|ator|[st]ion|ant|ent|ism|ous|ness|ic|al|ful|ll)$/;
const STEMMED_BY_LIST = new Set(['skis', 'skies', 'sky', 'dying', 'lying', 'tying', 'idly', 'gently', 'ugly', 'early', 'only', 'singly', 'news', 'howe', 'atlas', 'cosmos', 'bias', 'andes']);

/**
 * What every stem Pagefind may search for a word begins with, as much of it as can be told without the whole
 * stemmer: a word that ends in none of the endings the stemmer's later steps remove ("luxstolux", "gandri") is
 * its own stem once its first steps are done (stemmedEnding); any other keeps at least its first letters
 * (stemFloor). The more letters, the fewer index chunks may hold its matches: "luxstolux" matches nothing in the
 * chunk from "luxyorstost" to "mem", where the words beginning with "lux" end, so it adds up with "memory",
 * whose chunk that is.
 */
export function stemPrefix(word: string): string {
  const firstStep = withoutPluralEnding(word);
  const ended = withYAsI(firstStep);
  if (word.length <= 3 || STEMMED_BY_LIST.has(word) || LATER_ENDINGS.test(firstStep) || LATER_ENDINGS.test(ended)) return stemFloor(word);
  // A "y" left after a "y" may still become "i" (the stemmer tells a consonant "y" from a vowel by what precedes it).
  return ended.endsWith('y') ? ended.slice(0, -1) : ended;
}

/**
 * What of the index a word's search touches: first the chunk Pagefind fetches for it, then the other chunks
 * holding words its stem may match (`floor`: what every stem of it begins with, stemFloor unless more is known).
 * A word searched alone matches only what its own chunk holds; searched with a word whose chunk is among its
 * others, it matches more (lib/search-combine.ts, resolveChunks).
 */
export function chunksOfWord(chunks: PagefindChunk[], word: string, floor = stemFloor(word)): string[] {
  const own = chunkOf(chunks, word);
  if (!own) return [];
  const others = chunks.filter((chunk) => chunk !== own && chunk.to >= floor && (chunk.from <= floor || chunk.from.startsWith(floor)));
  return [own.hash, ...others.map((chunk) => chunk.hash)];
}

/**
 * The chunk of another word's search where a word's forms may be too (chunksOfWord), by hash: with both words in
 * one query, the word matches what that chunk holds beginning with its stem, as it does not alone. Any chunk the
 * other's search may fetch, not only its own: "attention" fetches its own chunk and its stem's, which at 10,000
 * articles are not the same ("7b"–"a" and "att"–"attent"), and "at" matches "attention" in the second. Whether the
 * search did fetch it, the build tells by measuring the pair against Pagefind (lib/search-combine-build.ts).
 */
export function chunkBeside(chunks: PagefindChunk[], word: string, other: string): string | undefined {
  const spillsInto = chunksOfWord(chunks, word).slice(1);
  return chunksOfWord(chunks, other).find((chunk) => spillsInto.includes(chunk));
}
