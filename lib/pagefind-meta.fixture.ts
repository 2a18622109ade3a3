// For tests: Pagefind's metadata file as Pagefind writes it (CBOR, after its signature; not compressed, which
// the box's reader also accepts), from pages and chunks.
import type { PagefindChunk } from './pagefind-meta';

type Cbor = number | string | Cbor[];

function head(major: number, value: number): number[] {
  if (value < 24) return [(major << 5) | value];
  if (value < 256) return [(major << 5) | 24, value];
  if (value < 65536) return [(major << 5) | 25, value >> 8, value & 255];
  return [(major << 5) | 26, (value >>> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function encode(value: Cbor): number[] {
  if (typeof value === 'number') return value < 0 ? head(1, -value - 1) : head(0, value);
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    return [...head(3, bytes.length), ...bytes];
  }
  return [...head(4, value.length), ...value.flatMap(encode)];
}

export function pagefindMetaFile(pages: string[], chunks: PagefindChunk[], signed = true, lengths: number[] = []): Uint8Array {
  const body = encode(['1.6.0', pages.map((page, i) => [page, lengths[i] ?? 100, '']), chunks.map(({ from, to, hash }) => [from, to, hash]), [['tag', 'en_f']], [], ['title']]);
  return Uint8Array.from([...(signed ? new TextEncoder().encode('pagefind_dcd') : []), ...body]);
}

/**
 * An index chunk as Pagefind writes it (after its signature): each word with its pages, each page as the
 * distance from the previous page's number and its places, each weight written before the places it applies
 * to (as −(weight + 1)), after which places count from zero again.
 */
export function pagefindChunkFile(words: { word: string; pages: { page: number; places: [location: number, weight: number][] }[] }[]): Uint8Array {
  const packedPages = (pages: { page: number; places: [number, number][] }[]) =>
    pages.map(({ page, places }, i) => {
      const packed: number[] = [];
      let [weight, at] = [-1, 0];
      for (const [location, placeWeight] of places) {
        if (placeWeight !== weight) {
          packed.push(-placeWeight - 1);
          [weight, at] = [placeWeight, 0];
        }
        packed.push(location - at);
        at = location;
      }
      return [page - (i === 0 ? 0 : pages[i - 1]!.page), packed, []];
    });
  return Uint8Array.from(encode([words.map(({ word, pages }) => [word, packedPages(pages), []])]));
}
