import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageResponse } from 'next/og';
import { CARD_SUBSETS, loadCardFonts, toCardText } from '@/lib/social-card';
import { SOCIAL_IMAGE_SIZE } from '@/lib/seo';
import { SocialCard } from './social-card';

afterEach(() => vi.unstubAllGlobals());

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('SocialCard', () => {
  it('puts Latin first among the font subsets', () => {
    expect(CARD_SUBSETS[0]).toBe('latin');
  });

  it('draws a 1200×630 PNG from bundled fonts alone, whatever the script, without fetching a font', async () => {
    // next/og loads its own WebAssembly through fetch(data:…); only requests leaving the machine count.
    const realFetch = globalThis.fetch;
    const outside: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith('data:')) {
        outside.push(url);
        return Promise.reject(new Error('no network in builds'));
      }
      return realFetch(input, init);
    });
    const text = toCardText({
      title: 'Künstliche Intelligenz, Ελληνικά, Привет и 机器学习 🚀',
      date: '2023-10-30',
      tags: [{ name: '机器学习', slug: '机器学习' }, { name: 'Open Source', slug: 'open-source' }],
    });
    const response = new ImageResponse(SocialCard(text), { ...SOCIAL_IMAGE_SIZE, fonts: await loadCardFonts() });
    const png = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(outside).toEqual([]);
  }, 30_000);
});
