// What the generated social card of an article says, and the fonts it is drawn with. The card is drawn by
// satori (next/og), which fetches a font from a CDN for any character its fonts lack: so the fonts ship in
// an npm package, and text is checked against the characters they cover before it is drawn.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import interSubsets from '@fontsource/inter/unicode.json';
import type { Article } from './content';
import { formatDate } from './dates';
import { site } from './site';

export type CodePointRange = readonly [number, number];

/** `"U+0000-00FF,U+0131"` (a CSS unicode-range, as fontsource lists its subsets) as code point ranges. */
export function parseUnicodeRange(value: string): CodePointRange[] {
  return value.split(',').flatMap((part): CodePointRange[] => {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) return [];
    const start = parseInt(match[1]!, 16);
    return [[start, match[2] ? parseInt(match[2], 16) : start]];
  });
}

// Every subset fontsource ships for Inter: Latin, Cyrillic, Greek and Vietnamese. (A CJK font would add
// megabytes to the repository's dependencies for a handful of tags; see isDrawable.)
// Latin first: satori draws with the first font that has a glyph.
export const CARD_SUBSETS = Object.keys(interSubsets).sort((a, b) => Number(b === 'latin') - Number(a === 'latin'));
export const CARD_RANGES: CodePointRange[] = Object.values(interSubsets).flatMap(parseUnicodeRange);

export function isDrawable(text: string, ranges: readonly CodePointRange[] = CARD_RANGES): boolean {
  return [...text].every((char) => {
    const code = char.codePointAt(0)!;
    return ranges.some(([start, end]) => code >= start && code <= end);
  });
}

/** Drops the characters the card's fonts lack (emoji, CJK) rather than have satori fetch fonts for them. */
export function toDrawable(text: string, ranges: readonly CodePointRange[] = CARD_RANGES): string {
  return [...text].filter((char) => isDrawable(char, ranges)).join('').replace(/\s+/g, ' ').trim();
}

export type CardText = { siteName: string; title: string; date: string; tags: string[] };

const MAX_TITLE = 120;
const MAX_TAGS = 4;

export function toCardText(article: Pick<Article, 'title' | 'date' | 'tags'>): CardText {
  const title = toDrawable(article.title);
  return {
    siteName: site.name,
    // A title in a script the fonts lack would leave an empty card: the site's name stands in.
    title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).trimEnd()}…` : title || site.name,
    date: formatDate(article.date, site.locale),
    // A tag is shown whole or not at all: half a tag name would read as a different tag.
    tags: article.tags.map((tag) => tag.name).filter((name) => isDrawable(name)).slice(0, MAX_TAGS),
  };
}

/** Bigger type for short titles, so a card is filled without long titles overflowing it. */
export function titleFontSize(title: string): number {
  if (title.length <= 40) return 76;
  if (title.length <= 70) return 64;
  return 54;
}

export type CardFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

// Each subset is its own family: satori keeps one font per family and weight, so subsets sharing the name
// "Inter" would hide each other, while distinct families are tried in turn for a missing glyph.
const familyOf = (subset: string) => `Inter ${subset}`;
export const CARD_FONT_FAMILY = familyOf('latin');

let fonts: Promise<CardFont[]> | undefined;

/** The folder of @fontsource/inter's font files: in node_modules here or in a folder above, as Node would look. */
export function findFontDir(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@fontsource', 'inter', 'files');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`@fontsource/inter is not installed above ${start}: run npm ci`);
  }
}

/** Inter's WOFF files (satori reads TTF, OTF and WOFF, not WOFF2), read once per build worker. */
export function loadCardFonts(root = process.cwd()): Promise<CardFont[]> {
  fonts ??= (async () => {
    const dir = findFontDir(root);
    return Promise.all(
      CARD_SUBSETS.flatMap((subset) =>
        ([400, 700] as const).map(async (weight): Promise<CardFont> => ({
          name: familyOf(subset),
          weight,
          style: 'normal',
          data: await fs.readFile(path.join(dir, `inter-${subset}-${weight}-normal.woff`)),
        })),
      ),
    );
  })();
  return fonts;
}
