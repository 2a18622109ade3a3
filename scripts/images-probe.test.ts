// The probe against a local HTTP server serving fixture images: never the internet.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseManifest } from '../lib/image-manifest';
import { parseArguments, probeImages } from './images-probe';

let server: http.Server;
let origin = '';
const hits: string[] = [];
const fixtures = new Map<string, { type: string; body: Buffer }>();

beforeAll(async () => {
  fixtures.set('/media/photo.jpg', { type: 'image/jpeg', body: await sharp({ create: { width: 120, height: 80, channels: 3, background: '#c0392b' } }).jpeg().toBuffer() });
  fixtures.set('/media/chart.png', { type: 'image/png', body: await sharp({ create: { width: 64, height: 100, channels: 4, background: '#2980b9' } }).png().toBuffer() });
  // A URL without an extension, as image CDNs often serve: the type comes from the bytes.
  fixtures.set('/media/F1VPcWZ', { type: 'image/webp', body: await sharp({ create: { width: 30, height: 30, channels: 3, background: '#27ae60' } }).webp().toBuffer() });
  fixtures.set('/page.html', { type: 'text/html', body: Buffer.from('<!doctype html><p>Not an image</p>') });
  server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    const fixture = fixtures.get(request.url ?? '');
    if (!fixture) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': fixture.type, 'content-length': fixture.body.length }).end(fixture.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let root = '';

function article(slug: string, body: string, image?: string) {
  const cover = image ? `image: '${image}'\n` : '';
  fs.writeFileSync(path.join(root, 'content/posts', `${slug}.md`), `---\ntitle: 'A title'\ndate: 2023-07-01\n${cover}---\n\n${body}\n`);
}
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const manifest = () => parseManifest(read('content/image-manifest.json'));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'images-probe-'));
  fs.mkdirSync(path.join(root, 'content/posts'), { recursive: true });
  hits.length = 0;
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('images:probe', () => {
  it('records the size and a blurred preview of every remote image, cover included', async () => {
    article('first', `![Photo](${origin}/media/photo.jpg)\n\n<img src="${origin}/media/chart.png" alt="Chart">\n\n![Local](/images/x.png)`, `${origin}/media/F1VPcWZ`);
    const report = await probeImages({ root });
    expect(report.failed).toEqual([]);
    expect(report.probed.sort()).toEqual([`${origin}/media/F1VPcWZ`, `${origin}/media/chart.png`, `${origin}/media/photo.jpg`]);
    const images = manifest().images;
    expect(images[`${origin}/media/photo.jpg`]).toMatchObject({ width: 120, height: 80 });
    expect(images[`${origin}/media/chart.png`]).toMatchObject({ width: 64, height: 100 });
    expect(images[`${origin}/media/F1VPcWZ`]).toMatchObject({ width: 30, height: 30 });
    expect(images[`${origin}/media/photo.jpg`]?.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(Object.keys(images)).toHaveLength(3);
  });

  it('fetches each image once, and not at all on the next run', async () => {
    article('first', `![A](${origin}/media/photo.jpg)`);
    article('second', `![Same](${origin}/media/photo.jpg)`, `${origin}/media/photo.jpg`);
    await probeImages({ root });
    expect(hits).toEqual(['/media/photo.jpg']);
    const before = read('content/image-manifest.json');
    const again = await probeImages({ root });
    expect(hits).toHaveLength(1);
    expect(again.known).toEqual([`${origin}/media/photo.jpg`]);
    expect(read('content/image-manifest.json')).toBe(before);
    await probeImages({ root, force: true });
    expect(hits).toHaveLength(2);
  });

  it('reports images it cannot measure, naming the article, and still records the others', async () => {
    article('broken', `![Gone](${origin}/media/gone.jpg)\n\n![Page](${origin}/page.html)\n\n![Fine](${origin}/media/photo.jpg)`);
    const report = await probeImages({ root });
    expect(report.failed).toEqual([
      { url: `${origin}/media/gone.jpg`, reason: 'HTTP 404', files: ['content/posts/broken.md'] },
      { url: `${origin}/page.html`, reason: 'not an image (text/html)', files: ['content/posts/broken.md'] },
    ]);
    expect(Object.keys(manifest().images)).toEqual([`${origin}/media/photo.jpg`]);
  });

  it('drops entries for images no article uses any more', async () => {
    fs.writeFileSync(
      path.join(root, 'content/image-manifest.json'),
      JSON.stringify({ images: { 'https://old.example/removed.jpg': { width: 10, height: 10 } } }),
    );
    article('first', `![A](${origin}/media/photo.jpg)`);
    await probeImages({ root });
    expect(Object.keys(manifest().images)).toEqual([`${origin}/media/photo.jpg`]);
  });

  it('--localize downloads into public/images/<slug>/ and rewrites only that article', async () => {
    article('local', `Text ![Photo](${origin}/media/photo.jpg "Caption") and [a link](${origin}/media/photo.jpg?size=large).\n\n![Id](${origin}/media/F1VPcWZ)`, `${origin}/media/chart.png`);
    article('other', `![Photo](${origin}/media/photo.jpg)`);
    const otherBefore = read('content/posts/other.md');
    const report = await probeImages({ root, localize: ['local'] });
    expect(report.failed).toEqual([]);
    expect(report.localized.map((entry) => entry.path).sort()).toEqual(['/images/local/chart.png', '/images/local/f1vpcwz.webp', '/images/local/photo.jpg']);
    expect(fs.readFileSync(path.join(root, 'public/images/local/photo.jpg'))).toEqual(fixtures.get('/media/photo.jpg')!.body);
    const rewritten = read('content/posts/local.md');
    expect(rewritten).toContain("image: '/images/local/chart.png'");
    expect(rewritten).toContain('![Photo](/images/local/photo.jpg "Caption")');
    expect(rewritten).toContain('![Id](/images/local/f1vpcwz.webp)');
    // A longer URL that merely starts with an image's URL is a different resource and stays as written.
    expect(rewritten).toContain(`[a link](${origin}/media/photo.jpg?size=large)`);
    expect(read('content/posts/other.md')).toBe(otherBefore);
    // The other article still shows the remote photo, so the manifest keeps it; the localized ones are gone.
    expect(Object.keys(manifest().images)).toEqual([`${origin}/media/photo.jpg`]);
  });

  it('--localize never overwrites a different file already in the folder', async () => {
    fs.mkdirSync(path.join(root, 'public/images/local'), { recursive: true });
    fs.writeFileSync(path.join(root, 'public/images/local/photo.jpg'), 'an older image');
    article('local', `![Photo](${origin}/media/photo.jpg)`);
    await probeImages({ root, localize: true });
    expect(read('public/images/local/photo.jpg')).toBe('an older image');
    expect(read('content/posts/local.md')).toContain('![Photo](/images/local/photo-2.jpg)');
  });

  it('refuses to localize an article that does not exist', async () => {
    article('first', `![A](${origin}/media/photo.jpg)`);
    await expect(probeImages({ root, localize: ['frist'] })).rejects.toThrow('no article with slug frist');
    expect(hits).toEqual([]);
  });
});

describe('parseArguments', () => {
  it('reads --localize with or without slugs, and --force', () => {
    expect(parseArguments([])).toEqual({ localize: false, force: false });
    expect(parseArguments(['--localize'])).toEqual({ localize: true, force: false });
    expect(parseArguments(['--localize', 'llama-2-released', '--force'])).toEqual({ localize: ['llama-2-released'], force: true });
    expect(() => parseArguments(['llama-2-released'])).toThrow('after --localize');
    expect(() => parseArguments(['--localise'])).toThrow('unknown option --localise');
  });
});
