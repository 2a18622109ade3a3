// Tags as first-class content: the /tags index and what content/tags.yml adds to tag pages.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';

/** Opens a page without waiting for its images, which the server resizes on first request: slow on a busy machine. */
const open = (page: Page, path: string) => page.goto(path, { waitUntil: 'domcontentloaded' });

// Each test opens several pages; on a machine shared by parallel builds that can outlast the default 30 s.
test.describe.configure({ timeout: 60_000 });

test('/tags shows the total number of articles and sorts by count or by name', async ({ page }) => {
  await open(page, '/tags');
  await expect(page.getByText(/^\d+ topics across \d+ articles\.$/)).toBeVisible();
  const list = page.getByRole('list', { name: 'All tags' });
  const names = () => list.locator('li .font-medium').allTextContents();
  const counts = async () => (await list.locator('li .tabular-nums').allTextContents()).map((text) => parseInt(text, 10));

  const byCount = await counts();
  expect(byCount).toEqual([...byCount].sort((a, b) => b - a));
  await expect(page.getByRole('button', { name: 'Most articles' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'A–Z' }).click();
  await expect(page).toHaveURL(/\/tags\?sort=name$/);
  const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });
  const sorted = await names();
  expect(sorted).toEqual([...sorted].sort(collator.compare));
  expect(sorted.length).toBe(byCount.length);
  await expectNoAxeViolations(page);

  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('button', { name: 'A–Z' })).toHaveAttribute('aria-pressed', 'true');
  expect(await names()).toEqual(sorted);
  await page.getByRole('button', { name: 'Most articles' }).click();
  await expect(page).toHaveURL(/\/tags$/);
  expect(await counts()).toEqual(byCount);
});

test('a tag page shows the description from content/tags.yml', async ({ page }) => {
  await open(page, '/tags/language-models');
  await expect(page.getByTestId('tag-description')).toHaveText('How large language models are built, evaluated, licensed and run.');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^How large language models/);
});

test('an alias merges into its tag: an article tagged LLMs is listed under Language Models', async ({ page }) => {
  await open(page, '/posts/claude-2-long-context');
  const tags = page.locator('article header').getByRole('list', { name: 'Tags' });
  await expect(tags.getByRole('link', { name: 'Language Models' })).toHaveAttribute('href', '/tags/language-models');
  await expect(tags.getByRole('link', { name: 'LLMs' })).toHaveCount(0);
  expect((await open(page, '/tags/llms'))?.status()).toBe(404);
  await open(page, '/tags/language-models');
  await expect(page.getByTestId('article-list').getByRole('link', { name: /Claude 2/ })).toBeVisible();
});

test('a fixed slug from content/tags.yml is the tag’s URL', async ({ page }) => {
  await open(page, '/tags/policy-and-regulation');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Policy');
  expect((await open(page, '/tags/policy'))?.status()).toBe(404);
});
