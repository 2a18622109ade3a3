import { describe, expect, it } from 'vitest';
import { SHORT_WORD_PAUSE_MS, isPagefind, isPagefindModule, isSearchable, isSearchShortcut, isWorthPreloading, searchDelayMs, tagChoices, toExcerptParts, toSearchHit } from './search';

describe('toExcerptParts', () => {
  it('splits out the highlighted matches', () => {
    expect(toExcerptParts('runs <mark>llama.cpp</mark> on a <mark>laptop</mark>.')).toEqual([
      { text: 'runs ', match: false },
      { text: 'llama.cpp', match: true },
      { text: ' on a ', match: false },
      { text: 'laptop', match: true },
      { text: '.', match: false },
    ]);
  });

  it('turns escaped characters back into text, never into markup', () => {
    expect(toExcerptParts('3 &lt; 4 &amp; <mark>&lt;b&gt;</mark>')).toEqual([
      { text: '3 < 4 & ', match: false },
      { text: '<b>', match: true },
    ]);
  });
});

describe('toSearchHit', () => {
  it('gives the title, the date as the build formatted it, and the tags of a result', () => {
    const hit = toSearchHit({
      url: '/posts/x',
      excerpt: 'a <mark>b</mark>',
      meta: { title: 'X marks', date: '2023-06-14T12:30:00+02:00', date_text: 'June 14, 2023' },
      filters: { tag: ['AI', 'Policy'] },
    });
    expect(hit).toEqual({
      url: '/posts/x',
      title: 'X marks',
      excerpt: [{ text: 'a ', match: false }, { text: 'b', match: true }],
      date: { iso: '2023-06-14T12:30:00+02:00', text: 'June 14, 2023' },
      tags: ['AI', 'Policy'],
    });
  });

  it('shows the ISO date of a page indexed without its formatted date', () => {
    expect(toSearchHit({ url: '/posts/z', excerpt: '', meta: { date: '2023-06-14' }, filters: {} }).date).toEqual({ iso: '2023-06-14', text: '2023-06-14' });
  });

  it('copes with a page that has no date, title or tags', () => {
    expect(toSearchHit({ url: '/posts/y', excerpt: '', meta: {}, filters: {} })).toMatchObject({ title: '/posts/y', date: undefined, tags: [] });
  });
});

describe('tagChoices', () => {
  const totals = { tag: { AI: 9, Policy: 2, Europe: 2, Meta: 0, Rare: 1 } };

  it('offers the tags of the results, most frequent first, none with no results', () => {
    expect(tagChoices(totals, undefined)).toEqual([
      { name: 'AI', count: 9 }, { name: 'Europe', count: 2 }, { name: 'Policy', count: 2 }, { name: 'Rare', count: 1 },
    ]);
  });

  it('keeps the chosen tag even when it is not among the most frequent', () => {
    expect(tagChoices(totals, 'Rare', 1)).toEqual([{ name: 'AI', count: 9 }, { name: 'Rare', count: 1 }]);
  });
});

describe('isSearchShortcut', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('takes "/" on the page', () => {
    expect(isSearchShortcut(key('/'), { tagName: 'BODY' })).toBe(true);
  });

  it('leaves "/" alone while typing or with a modifier', () => {
    expect(isSearchShortcut(key('/'), { tagName: 'INPUT' })).toBe(false);
    expect(isSearchShortcut(key('/'), { tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }), { tagName: 'BODY' })).toBe(false);
    expect(isSearchShortcut(key('a'), { tagName: 'BODY' })).toBe(false);
  });
});

describe('isPagefind', () => {
  it('accepts an instance with the functions the search worker calls', () => {
    const noop = async () => undefined;
    expect(isPagefind({ options: noop, init: noop, filters: async () => ({}), search: async () => null, preload: noop })).toBe(true);
    expect(isPagefind({ options: noop, init: noop, filters: async () => ({}), search: async () => null })).toBe(false);
    expect(isPagefind({ search: noop })).toBe(false);
    expect(isPagefind(undefined)).toBe(false);
  });

  it('accepts a module that can create an instance', () => {
    expect(isPagefindModule({ createInstance: () => ({}) })).toBe(true);
    expect(isPagefindModule({ search: async () => null })).toBe(false);
    expect(isPagefindModule(null)).toBe(false);
  });
});

describe('isSearchable', () => {
  it('waits for a second Latin letter but takes a single CJK character', () => {
    expect(isSearchable('m')).toBe(false);
    expect(isSearchable(' m ')).toBe(false);
    expect(isSearchable('mo')).toBe(true);
    expect(isSearchable('机')).toBe(true);
  });
});

describe('searchDelayMs', () => {
  it('waits for a pause on a last word of one to three Latin letters', () => {
    expect(searchDelayMs('ai')).toBe(SHORT_WORD_PAUSE_MS);
    expect(searchDelayMs('att')).toBe(SHORT_WORD_PAUSE_MS);
    expect(searchDelayMs('open w')).toBe(SHORT_WORD_PAUSE_MS);
    expect(searchDelayMs('gpt 4 ')).toBe(SHORT_WORD_PAUSE_MS);
  });

  it('searches at once from the fourth letter, and for any CJK character', () => {
    expect(searchDelayMs('atte')).toBe(0);
    expect(searchDelayMs('open weig')).toBe(0);
    expect(searchDelayMs('机器')).toBe(0);
    expect(searchDelayMs('机')).toBe(0);
  });
});

describe('isWorthPreloading', () => {
  it('fetches the chunks of a two- or three-letter word the box is pausing on', () => {
    expect(isWorthPreloading('mo')).toBe(true);
    expect(isWorthPreloading('mod')).toBe(true);
    expect(isWorthPreloading('open we')).toBe(true);
  });

  it('not of a single letter, nor of a word searched at once', () => {
    expect(isWorthPreloading('m')).toBe(false);
    expect(isWorthPreloading('open w')).toBe(false);
    expect(isWorthPreloading('mode')).toBe(false);
    expect(isWorthPreloading('机器')).toBe(false);
  });
});
