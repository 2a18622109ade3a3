import { describe, expect, it } from 'vitest';
import { htmlRefs, placeIn } from './html-refs';

describe('htmlRefs', () => {
  it('finds images with their alt text and links, in any quoting, with or without a closing slash', () => {
    const html = `<p><img src="/images/a.png" alt="A chart"> <IMG SRC='/images/b.png'/> <a href=/posts/c title="x">c</a></p>`;
    expect(htmlRefs(html)).toEqual([
      { kind: 'image', src: '/images/a.png', alt: 'A chart', index: html.indexOf('<img') },
      { kind: 'image', src: '/images/b.png', alt: '', index: html.indexOf('<IMG') },
      { kind: 'link', url: '/posts/c', index: html.indexOf('<a ') },
    ]);
  });

  it('decodes entities in attribute values', () => {
    expect(htmlRefs('<img src="/images/a.png?x=1&amp;y=2" alt="Q&amp;A">')).toEqual([
      { kind: 'image', src: '/images/a.png?x=1&y=2', alt: 'Q&A', index: 0 },
    ]);
  });

  it('skips commented-out tags, anchors without href and elements that only start alike', () => {
    expect(htmlRefs('<!-- <img src="/images/old.png"> --><a name="top"></a><abbr title="x">X</abbr><aside></aside>')).toEqual([]);
  });
});

describe('placeIn', () => {
  it('counts columns from the start of the HTML on its first line, and from the line start after', () => {
    expect(placeIn('ab<img>', 2, { line: 10, column: 5 })).toEqual({ line: 10, column: 7 });
    expect(placeIn('ab\n  <img>', 5, { line: 10, column: 5 })).toEqual({ line: 11, column: 3 });
  });
});
