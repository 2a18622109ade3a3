import { describe, expect, it } from 'vitest';
import { cardDataOf, excerpt, hueOf, panelLabelOf, thumbnailOf, type CardSource } from './card';

describe('article cards', () => {
  it("show the cover, else the body's first image, else nothing", () => {
    expect(thumbnailOf({ image: '/images/cover.jpg', images: [{ src: '/images/a.png' }] })).toBe('/images/cover.jpg');
    expect(thumbnailOf({ images: [{ src: '/images/a.png' }, { src: '/images/b.png' }] })).toBe('/images/a.png');
    expect(thumbnailOf({ images: [] })).toBeUndefined();
  });

  it('give a card without a picture a colour of its own that stays the same from build to build', () => {
    const hues = ['llama-2-released', 'claude-2-long-context', 'gemini-first-look', 'gpt-4-technical-report'].map(hueOf);
    expect(new Set(hues).size).toBe(hues.length);
    for (const hue of hues) {
      expect(hue).toBeGreaterThanOrEqual(0);
      expect(hue).toBeLessThan(360);
    }
    expect(hueOf('llama-2-released')).toBe(hues[0]);
  });

  it('label that panel with the first tag, or the title when there is none', () => {
    expect(panelLabelOf({ title: 'T', tags: [{ slug: 'ai', name: 'AI' }, { slug: 'meta', name: 'Meta' }] })).toBe('AI');
    expect(panelLabelOf({ title: 'T', tags: [] })).toBe('T');
  });

  it('are built once, the same for the server and the tag filter: date in the site\'s locale, summary cut to three lines', () => {
    const article: CardSource = {
      slug: 'a',
      title: 'A',
      date: '2023-03-01',
      readingMinutes: 4,
      summary: `${'word '.repeat(80)}end.`,
      images: [{ src: '/images/a.png' }],
      status: 'published',
      tags: [{ slug: 'ai', name: 'AI' }],
    };
    const card = cardDataOf(article, { imageOf: (src) => ({ src, width: 40, height: 30, optimise: true }), locale: 'de-DE' });
    expect(card).toMatchObject({ dateText: '1. März 2023', image: { src: '/images/a.png', width: 40, height: 30, optimise: true }, tags: article.tags });
    expect(card.summary).toMatch(/^word word .*word…$/);
    expect(card.summary.length).toBeLessThanOrEqual(221);
    expect(cardDataOf({ ...article, images: [] }, { imageOf: () => { throw new Error('no picture to look up'); }, locale: 'en-US' }).image).toBeUndefined();
  });

  it('cut a summary at a word, never inside one', () => {
    expect(excerpt('short enough', 20)).toBe('short enough');
    expect(excerpt('one two three four', 10)).toBe('one two…');
    expect(excerpt('one two, three', 9)).toBe('one two…');
  });
});
