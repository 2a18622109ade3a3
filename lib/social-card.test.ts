import { describe, expect, it } from 'vitest';
import { findFontDir, isDrawable, parseUnicodeRange, titleFontSize, toCardText, toDrawable } from './social-card';
import { site } from './site';

const tags = (...names: string[]) => names.map((name) => ({ name, slug: name.toLowerCase() }));

describe('parseUnicodeRange', () => {
  it('reads single code points and ranges', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+2000-206F')).toEqual([[0, 255], [0x131, 0x131], [0x2000, 0x206f]]);
  });
});

describe('isDrawable', () => {
  it('accepts Latin with accents, Greek and Cyrillic, which the bundled fonts cover', () => {
    expect(isDrawable('Künstliche Intelligenz — “quoted” C++ & C#')).toBe(true);
    expect(isDrawable('Ελληνικά и русский')).toBe(true);
  });

  it('refuses CJK and emoji, for which satori would fetch a font from the network', () => {
    expect(isDrawable('机器学习')).toBe(false);
    expect(isDrawable('Launch 🚀')).toBe(false);
  });
});

describe('toCardText', () => {
  it('shows the title, the formatted date and the drawable tags', () => {
    expect(toCardText({ title: 'Chinese open models climb', date: '2023-10-30', tags: tags('机器学习', 'Open Source', 'AI') })).toEqual({
      siteName: site.name, title: 'Chinese open models climb', date: 'October 30, 2023', tags: ['Open Source', 'AI'],
    });
  });

  it('drops undrawable characters from a title and shortens a very long one', () => {
    expect(toCardText({ title: 'Launch 🚀 day', date: '2023-01-01', tags: [] }).title).toBe('Launch day');
    const long = toCardText({ title: 'word '.repeat(40), date: '2023-01-01', tags: [] }).title;
    expect(long.length).toBe(120);
    expect(long.endsWith('…')).toBe(true);
  });

  it('falls back to the site name when no character of the title can be drawn', () => {
    expect(toCardText({ title: '机器学习', date: '2023-01-01', tags: [] }).title).toBe(site.name);
  });

  it('keeps at most four tags', () => {
    expect(toCardText({ title: 'T', date: '2023-01-01', tags: tags('a', 'b', 'c', 'd', 'e') }).tags).toHaveLength(4);
  });
});

describe('toDrawable / titleFontSize', () => {
  it('collapses the gaps left by dropped characters', () => {
    expect(toDrawable('a 🚀 b')).toBe('a b');
  });

  it('sets short titles larger than long ones', () => {
    expect(titleFontSize('Short')).toBeGreaterThan(titleFontSize('A title that runs on for well over seventy characters in total, yes'));
  });
});

describe('findFontDir', () => {
  it('finds the font files from a folder below the project, as a bundled build worker may run', () => {
    expect(findFontDir(`${process.cwd()}/app/posts`)).toBe(`${process.cwd()}/node_modules/@fontsource/inter/files`);
  });

  it('says what to do when the package is missing', () => {
    expect(() => findFontDir('/')).toThrow(/npm ci/);
  });
});
