import { describe, expect, it } from 'vitest';
import { editUrl } from './edit-link';

describe('editUrl', () => {
  const config = { repositoryUrl: 'https://github.com/acme/site/', repositoryBranch: 'main' };

  it("opens the article's file on the site's branch", () => {
    expect(editUrl('content/posts/llama-2-released.md', config)).toBe(
      'https://github.com/acme/site/edit/main/content/posts/llama-2-released.md',
    );
  });

  it('encodes non-Latin file names once', () => {
    expect(editUrl('content/posts/机器.md', config)).toBe('https://github.com/acme/site/edit/main/content/posts/%E6%9C%BA%E5%99%A8.md');
  });
});
