import { describe, expect, it } from 'vitest';
import { SHORT_WORD_PAUSE_MS, isPagefind, isPagefindModule, isSearchable, isSearchShortcut, isWorthPreloading, searchDelayMs, tagChoices, toExcerptParts, toSearchHit, withoutLeadingTitle } from './search';

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

  it('drops the title from the start of the excerpt, as stored answers have it too', () => {
    const hit = toSearchHit({
      url: '/posts/gpt-4',
      excerpt: 'GPT-4&#39;s technical report: what OpenAI disclosed. OpenAI&#39;s <mark>GPT-4</mark> passes a simulated bar exam',
      meta: { title: "GPT-4's technical report: what OpenAI disclosed" },
      filters: {},
    });
    expect(hit.excerpt).toEqual([
      { text: "OpenAI's ", match: false },
      { text: 'GPT-4', match: true },
      { text: ' passes a simulated bar exam', match: false },
    ]);
  });

  it('shows the ISO date of a page indexed without its formatted date', () => {
    expect(toSearchHit({ url: '/posts/z', excerpt: '', meta: { date: '2023-06-14' }, filters: {} }).date).toEqual({ iso: '2023-06-14', text: '2023-06-14' });
  });

  it('copes with a page that has no date, title or tags', () => {
    expect(toSearchHit({ url: '/posts/y', excerpt: '', meta: {}, filters: {} })).toMatchObject({ title: '/posts/y', date: undefined, tags: [] });
  });
});

describe('withoutLeadingTitle', () => {
  const text = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

  it('drops the title an excerpt begins with, and the full stop Pagefind puts after it', () => {
    const parts = toExcerptParts('Claude 2 reads a 100,000-token document in one go. <mark>Anthropic</mark>’s Claude 2 accepts prompts');
    expect(withoutLeadingTitle(parts, 'Claude 2 reads a 100,000-token document in one go')).toEqual([
      { text: 'Anthropic', match: true },
      { text: '’s Claude 2 accepts prompts', match: false },
    ]);
  });

  it('compares as plain text: across and inside <mark>s, any case, any spacing', () => {
    const parts = toExcerptParts('  running <mark>Llama</mark> 2 on a\nlaptop  WITH <mark>llama.cpp</mark>. Quantised to 4 bits, <mark>Llama</mark> 2 7B');
    expect(withoutLeadingTitle(parts, 'Running Llama 2 on a laptop with llama.cpp')).toEqual([
      { text: 'Quantised to 4 bits, ', match: false },
      { text: 'Llama', match: true },
      { text: ' 2 7B', match: false },
    ]);
  });

  it('splits a highlighted word the title ends inside of, keeping the rest highlighted', () => {
    const parts = [{ text: 'Open weights', match: false }, { text: '. Open', match: true }, { text: ' source', match: false }];
    expect(withoutLeadingTitle(parts, 'Open weights')).toEqual([{ text: 'Open', match: true }, { text: ' source', match: false }]);
  });

  it('drops the last words of the title where the excerpt starts inside it', () => {
    const parts = toExcerptParts('models climb the <mark>leaderboards.</mark> Qwen, Baichuan and Yi now sit near the top');
    expect(text(withoutLeadingTitle(parts, 'Chinese open models climb the leaderboards'))).toBe('Qwen, Baichuan and Yi now sit near the top');
  });

  it('takes a title ending in a question mark without a full stop after it', () => {
    const parts = toExcerptParts('How well do AI coding assistants handle C, C++, C# and Node.js? A new study measured');
    expect(text(withoutLeadingTitle(parts, 'How well do AI coding assistants handle C, C++, C# and Node.js?'))).toBe('A new study measured');
    expect(text(withoutLeadingTitle(toExcerptParts('C# and Node.js? A new study'), 'How well do AI coding assistants handle C, C++, C# and Node.js?'))).toBe('A new study');
  });

  it('keeps body text that only begins like the title or like its last word', () => {
    const title = 'Running Llama 2 on a laptop with llama.cpp';
    for (const excerpt of ['llama.cpp needs a C++ compiler', 'llama.cpp, a dependency-free C++ implementation', 'Running Llama 2 on a laptop is easy', 'Running Llama 2 on a laptop with llama.cppx and more']) {
      expect(text(withoutLeadingTitle(toExcerptParts(excerpt), title))).toBe(excerpt);
    }
  });

  it('keeps an excerpt that would be left empty, or that does not begin with the title', () => {
    expect(text(withoutLeadingTitle(toExcerptParts('Open <mark>weights</mark>.'), 'Open weights'))).toBe('Open weights.');
    expect(text(withoutLeadingTitle(toExcerptParts('Open weights'), 'Open weights'))).toBe('Open weights');
    expect(text(withoutLeadingTitle(toExcerptParts('benchmarks. Mistral ran every comparison'), 'Mistral 7B: a small model'))).toBe('benchmarks. Mistral ran every comparison');
    expect(withoutLeadingTitle([], 'Anything')).toEqual([]);
    expect(text(withoutLeadingTitle(toExcerptParts('Some text'), '  '))).toBe('Some text');
  });
});

describe('tagChoices', () => {
  const totals = { tag: { AI: 9, Policy: 2, Europe: 2, Meta: 0, Rare: 1 } };

  it('offers the tags of the results, most frequent first, none with no results', () => {
    expect(tagChoices(totals, undefined)).toEqual([
      { name: 'AI', count: 9 }, { name: 'Europe', count: 2 }, { name: 'Policy', count: 2 }, { name: 'Rare', count: 1 },
    ]);
  });

  it('orders tags of equal counts as the reader\'s language does, not by character code', () => {
    expect(tagChoices({ tag: { Zeta: 1, éclair: 1, Apple: 1 } }, undefined).map((choice) => choice.name)).toEqual(['Apple', 'éclair', 'Zeta']);
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
