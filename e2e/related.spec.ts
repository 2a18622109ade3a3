// At the end of an article, a reader finds up to three related articles, chosen by shared tags.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Opens a page without waiting for its images, which the server resizes on first request: slow on a busy machine. */
const open = (page: Page, path: string) => page.goto(path, { waitUntil: 'domcontentloaded' });

// Each test opens several pages; on a machine shared by parallel builds that can outlast the default 30 s.
test.describe.configure({ timeout: 60_000 });

async function relatedOf(page: Page, slug: string): Promise<string[]> {
  await open(page, `/posts/${slug}`);
  const section = page.getByTestId('related-articles');
  await expect(section.getByRole('heading', { name: 'Related articles' })).toBeVisible();
  return section.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

async function tagsOf(page: Page, path: string): Promise<string[]> {
  await open(page, path);
  return page.locator('article header').getByRole('list', { name: 'Tags' }).getByRole('link').allTextContents();
}

test('related articles prefer a rare shared tag over newer articles sharing as many common ones', async ({ page }) => {
  const related = await relatedOf(page, 'llama-2-released');
  expect(related.length).toBeGreaterThan(0);
  expect(related.length).toBeLessThanOrEqual(3);
  // It shares AI and the rare "Llama 2"; newer articles share AI and the common "Language Models".
  expect(related[0]).toBe('/posts/running-llama-2-locally-with-llama-cpp');
  const shared = await tagsOf(page, related[0]!);
  expect(shared).toContain('Llama 2');

  const mine = await tagsOf(page, '/posts/llama-2-released');
  for (const path of related) {
    const theirs = await tagsOf(page, path);
    expect(theirs.some((tag) => mine.includes(tag)), `${path} shares a tag`).toBe(true);
  }
});

test('an article is never related to itself, nor to a draft', async ({ page }) => {
  for (const slug of ['llama-2-released', 'mistral-7b-sliding-window-attention', 'chinese-open-models-rise']) {
    const related = await relatedOf(page, slug);
    expect(related).not.toContain(`/posts/${slug}`);
    expect(related).not.toContain('/posts/gemini-first-look');
    expect(new Set(related).size).toBe(related.length);
  }
  expect((await open(page, '/posts/gemini-first-look'))?.status()).toBe(404);
});

test('side by side, the related cards keep their dates and shared tags level, whatever their titles’ lengths', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '/posts/chinese-open-models-rise');
  const cards = page.getByTestId('related-articles').getByRole('listitem');
  expect(await cards.count()).toBeGreaterThan(1);
  const tops = (selector: string) => cards.locator(selector).evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().top)));
  // The titles wrap to different numbers of lines, and a card's shared tags may take two lines.
  const titleLines = await cards.getByRole('link').evaluateAll((links) =>
    links.map((link) => {
      const text = document.createRange();
      text.selectNodeContents(link);
      return new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size;
    }),
  );
  expect(new Set(titleLines).size).toBeGreaterThan(1);
  expect(new Set(await tops('time'))).toHaveProperty('size', 1);
  expect(new Set(await tops('p:last-child'))).toHaveProperty('size', 1);
});
