// The same site exported to plain files (STATIC_EXPORT=1) must work on a host without Node.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { STATIC_PORT } from '../playwright.config';

test.skip(!fs.existsSync('out/index.html'), 'needs the static export: npm run build:static');
test.use({ baseURL: `http://127.0.0.1:${STATIC_PORT}` });

test('tag pages load on a static host, including symbols and non-Latin letters', async ({ page }) => {
  for (const [path, name] of [['/tags/c-sharp', 'C#'], ['/tags/c-plus-plus', 'C++'], ['/tags/node-js', 'Node.js'], ['/tags/künstliche-intelligenz', 'Künstliche Intelligenz']]) {
    const response = await page.goto(path!);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1')).toHaveText(name!);
  }
  await page.goto('/tags');
  await page.getByRole('link', { name: /^机器学习/ }).click();
  await expect(page.locator('h1')).toHaveText('机器学习');
});

test('articles, listing pages and images work from plain files', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Older articles/ }).click();
  await expect(page).toHaveURL(/\/page\/2$/);
  await page.getByRole('link', { name: 'Llama 2 Released for Commercial Use - What We Know So Far' }).click();
  await expect(page.locator('h1')).toHaveText('Llama 2 Released for Commercial Use - What We Know So Far');
  await page.goto('/posts/mistral-7b-sliding-window-attention');
  const local = page.locator('.prose-article img[src^="/images/"]').first();
  await local.scrollIntoViewIfNeeded();
  await expect.poll(() => local.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('an unknown path answers 404 with the friendly page', async ({ page }) => {
  const response = await page.goto('/posts/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
});
