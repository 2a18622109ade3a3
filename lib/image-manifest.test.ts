import { describe, expect, it } from 'vitest';
import {
  emptyManifest,
  extensionFor,
  localImagePath,
  parseManifest,
  remoteImagesOf,
  rewriteImageUrls,
  serializeManifest,
} from './image-manifest';

const PLACEHOLDER = 'data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA';

describe('parseManifest', () => {
  it('reads sizes and optional placeholders keyed by URL', () => {
    const manifest = parseManifest(
      JSON.stringify({ images: { 'https://pbs.twimg.com/media/a.jpg': { width: 1200, height: 675, placeholder: PLACEHOLDER }, '//cdn.example/b.png': { width: 10, height: 20 } } }),
    );
    expect(manifest.images['https://pbs.twimg.com/media/a.jpg']).toEqual({ width: 1200, height: 675, placeholder: PLACEHOLDER });
    expect(manifest.images['//cdn.example/b.png']).toEqual({ width: 10, height: 20 });
  });

  it('fails naming the file and the entry when an entry is wrong', () => {
    const bad = JSON.stringify({ images: { 'https://x.test/a.jpg': { width: 0, height: 10 } } });
    expect(() => parseManifest(bad)).toThrow(/^content\/image-manifest\.json: images → https:\/\/x\.test\/a\.jpg → width/);
    expect(() => parseManifest(JSON.stringify({ images: { '/local.png': { width: 1, height: 1 } } }))).toThrow('keys must be remote image URLs');
    expect(() => parseManifest(JSON.stringify({ images: { 'https://x.test/a.jpg': { width: 1, height: 1, placeholder: 'javascript:alert(1)' } } }))).toThrow('placeholder');
    expect(() => parseManifest(JSON.stringify({ images: {}, extra: true }))).toThrow();
    expect(() => parseManifest('{ images: ', 'm.json')).toThrow(/^m\.json: not valid JSON/);
  });
});

describe('serializeManifest', () => {
  it('sorts URLs so an unchanged site gives the same bytes', () => {
    const a = { images: { 'https://b.test/2.jpg': { width: 2, height: 2 }, 'https://a.test/1.jpg': { width: 1, height: 1 } } };
    const b = { images: { 'https://a.test/1.jpg': { width: 1, height: 1 }, 'https://b.test/2.jpg': { width: 2, height: 2 } } };
    expect(serializeManifest(a)).toBe(serializeManifest(b));
    expect(serializeManifest(a).indexOf('a.test')).toBeLessThan(serializeManifest(a).indexOf('b.test'));
    expect(parseManifest(serializeManifest(a))).toEqual(b);
    expect(serializeManifest(emptyManifest())).toBe('{\n  "images": {}\n}\n');
  });
});

describe('remoteImagesOf', () => {
  const raw = [
    '---',
    "title: 'Llama 2'",
    'date: 2023-03-01',
    "image: 'https://pbs.twimg.com/media/cover.jpg'",
    '---',
    '',
    '![Cover again](https://pbs.twimg.com/media/cover.jpg)',
    '',
    '![Benchmarks](https://pbs.twimg.com/media/b.jpg "Scores")',
    '',
    '<img src="https://cdn.example/raw.png" alt="Raw">',
    '',
    '![Local](/images/local.png)',
    '',
    '[Not an image](https://example.com/page)',
  ].join('\n');

  it('finds the cover, markdown and HTML images, each once, and no local ones or links', () => {
    expect(remoteImagesOf('content/posts/llama.md', raw)).toEqual([
      'https://pbs.twimg.com/media/cover.jpg',
      'https://pbs.twimg.com/media/b.jpg',
      'https://cdn.example/raw.png',
    ]);
  });
});

describe('localImagePath', () => {
  it('names the copy after the URL, in lowercase with the real extension', () => {
    expect(localImagePath('llama-2', 'https://pbs.twimg.com/media/F1VPcWZaUAAC7T_.jpg', 'jpg', new Set())).toBe('/images/llama-2/f1vpcwzauaac7t.jpg');
    expect(localImagePath('s', 'https://cdn.example/img?id=7', 'png', new Set())).toBe('/images/s/img.png');
    expect(localImagePath('s', 'https://cdn.example/', 'webp', new Set())).toBe('/images/s/image.webp');
    expect(localImagePath('s', 'https://cdn.example/Ünïcode%20Photo.JPEG', 'jpg', new Set())).toBe('/images/s/unicode-photo.jpg');
  });

  it('never reuses a taken name', () => {
    expect(localImagePath('s', 'https://x.test/a.jpg', 'jpg', new Set(['a.jpg', 'a-2.jpg']))).toBe('/images/s/a-3.jpg');
  });
});

describe('extensionFor', () => {
  it('knows detected types and content types', () => {
    expect(extensionFor('jpg')).toBe('jpg');
    expect(extensionFor('image/jpeg; charset=binary')).toBe('jpg');
    expect(extensionFor('image/avif')).toBe('avif');
    expect(extensionFor('heif')).toBeUndefined();
    expect(extensionFor('text/html')).toBeUndefined();
  });
});

describe('rewriteImageUrls', () => {
  const replacements = new Map([['https://x.test/a.jpg', '/images/s/a.jpg']]);

  it('replaces a URL wherever markdown, HTML or YAML holds it', () => {
    const raw = "image: 'https://x.test/a.jpg'\nimage2: https://x.test/a.jpg\n![A](https://x.test/a.jpg \"T\")\n<img src=\"https://x.test/a.jpg\">\n[ref]: https://x.test/a.jpg";
    expect(rewriteImageUrls(raw, replacements)).toBe(
      "image: '/images/s/a.jpg'\nimage2: /images/s/a.jpg\n![A](/images/s/a.jpg \"T\")\n<img src=\"/images/s/a.jpg\">\n[ref]: /images/s/a.jpg",
    );
  });

  it('leaves longer URLs that start the same way', () => {
    const raw = '![A](https://x.test/a.jpg?name=large) ![B](https://x.test/a.jpgx) ![C](https://x.test/a.jpg)';
    expect(rewriteImageUrls(raw, replacements)).toBe('![A](https://x.test/a.jpg?name=large) ![B](https://x.test/a.jpgx) ![C](/images/s/a.jpg)');
  });
});
