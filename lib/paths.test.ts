import { describe, expect, it } from 'vitest';
import { articlePath, headerLinkCurrent, listingPath, tagPath } from './paths';

describe('headerLinkCurrent', () => {
  it('marks the link of the page the reader is on', () => {
    expect(headerLinkCurrent('/', '/')).toBe('page');
    expect(headerLinkCurrent('/tags', '/tags')).toBe('page');
  });

  it('marks the part of the site a page belongs to', () => {
    expect(headerLinkCurrent(listingPath(2), '/')).toBe('true');
    expect(headerLinkCurrent(articlePath('llama-2-released'), '/')).toBe('true');
    expect(headerLinkCurrent(tagPath('open-source', 2), '/tags')).toBe('true');
  });

  it('marks nothing elsewhere', () => {
    expect(headerLinkCurrent('/tags', '/')).toBeUndefined();
    expect(headerLinkCurrent(articlePath('llama-2-released'), '/tags')).toBeUndefined();
    expect(headerLinkCurrent('/pages-about', '/')).toBeUndefined();
    expect(headerLinkCurrent('/tagsy', '/tags')).toBeUndefined();
  });
});
