import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from './image-manifest';
import { cardImageOf, imageSizeOf, localImageSize, measureImage, remoteImage } from './images';

let root = '';

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'images-'));
  fs.mkdirSync(path.join(root, 'public/images'), { recursive: true });
  fs.mkdirSync(path.join(root, 'content'), { recursive: true });
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } }).png().toFile(path.join(root, 'public/images/chart.png'));
  fs.writeFileSync(
    path.join(root, MANIFEST_FILE),
    JSON.stringify({ images: { 'https://pbs.twimg.com/media/a.jpg': { width: 1200, height: 675, placeholder: 'data:image/webp;base64,AAAA' } } }),
  );
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('image sizes at build time', () => {
  it('reads a local image from public/', () => {
    expect(localImageSize('/images/chart.png', root)).toEqual({ width: 40, height: 30 });
    expect(imageSizeOf('/images/chart.png', root)).toEqual({ width: 40, height: 30 });
    expect(localImageSize('/images/missing.png', root)).toBeUndefined();
  });

  it('takes a remote image from the manifest and never guesses one it lacks', () => {
    expect(imageSizeOf('https://pbs.twimg.com/media/a.jpg', root)).toEqual({ width: 1200, height: 675 });
    expect(remoteImage('https://pbs.twimg.com/media/a.jpg', root)?.placeholder).toBe('data:image/webp;base64,AAAA');
    expect(imageSizeOf('https://pbs.twimg.com/media/other.jpg', root)).toBeUndefined();
  });

  it('reads the manifest where lib/images.ts spells its path out for the bundler', () => {
    expect(MANIFEST_FILE).toBe('content/image-manifest.json');
  });

  it('swaps width and height for EXIF orientations that turn the picture', async () => {
    const rotated = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#000' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(measureImage(rotated)).toMatchObject({ width: 20, height: 60 });
    const upright = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect(measureImage(upright)).toMatchObject({ width: 60, height: 20, type: 'jpg' });
  });

  it('tells a card how to show its picture: local files optimised, remote ones as they are, over their preview', () => {
    expect(cardImageOf('/images/chart.png', root)).toEqual({ src: '/images/chart.png', width: 40, height: 30, optimise: true });
    expect(cardImageOf('https://pbs.twimg.com/media/a.jpg', root)).toEqual({
      src: 'https://pbs.twimg.com/media/a.jpg',
      width: 1200,
      height: 675,
      optimise: false,
      placeholder: 'data:image/webp;base64,AAAA',
    });
    // Unknown sizes get the frame's own 16:9 box, and never the optimizer, which would refuse them.
    expect(cardImageOf('https://pbs.twimg.com/media/other.jpg', root)).toEqual({ src: 'https://pbs.twimg.com/media/other.jpg', width: 1600, height: 900, optimise: false });
    expect(cardImageOf('/images/missing.png', root)).toMatchObject({ width: 1600, height: 900, optimise: false });
  });
});
