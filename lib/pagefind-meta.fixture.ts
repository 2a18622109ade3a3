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
  if (typeof value === 'number') return head(0, value);
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    return [...head(3, bytes.length), ...bytes];
  }
  return [...head(4, value.length), ...value.flatMap(encode)];
}

export function pagefindMetaFile(pages: string[], chunks: PagefindChunk[], signed = true): Uint8Array {
  const body = encode(['1.6.0', pages.map((page) => [page, 100, '']), chunks.map(({ from, to, hash }) => [from, to, hash]), [['tag', 'en_f']], [], ['title']]);
  return Uint8Array.from([...(signed ? new TextEncoder().encode('pagefind_dcd') : []), ...body]);
}
