// What an editor's work looks like on the published site: edit links, revision dates, links between
// articles written as files, and scheduled articles kept back until their date.
import { test, expect, expectNoAxeViolations } from './fixtures';

const SCHEDULED = { slug: 'a-century-of-language-models', title: 'A century of language models' };

test.describe('editing an article', () => {
  test('each article links to its file in the repository', async ({ page }) => {
    await page.goto('/posts/llama-2-released');
    await expect(page.getByRole('link', { name: 'Edit this article' })).toHaveAttribute(
      'href',
      'https://github.com/frontier-notes/site/edit/main/content/posts/llama-2-released.md',
    );
    await page.goto('/posts/stable-diffusion-xl-1-0');
    await expect(page.getByRole('link', { name: 'Edit this article' })).toHaveAttribute('href', /\/content\/posts\/stable-diffusion-xl-1-0\.mdx$/);
  });

  test('an article revised after its date says when', async ({ page }) => {
    await page.goto('/posts/gpt-4-technical-report');
    const header = page.locator('article header');
    await expect(header.getByText('Updated March 27, 2023')).toBeVisible();
    await expect(header.locator('time[datetime="2023-03-27"]')).toBeVisible();
    await expect(header.locator('time').first()).toHaveText('March 15, 2023');
    await expectNoAxeViolations(page);
  });

  test('an article without a revision shows only its date', async ({ page }) => {
    await page.goto('/posts/llama-2-released');
    await expect(page.locator('article header')).not.toContainText('Updated');
  });

  test('a link written as a file (./llama-2-released.md) leads to the article', async ({ page }) => {
    await page.goto('/posts/running-llama-2-locally-with-llama-cpp');
    const link = page.locator('.prose-article').getByRole('link', { name: 'Llama 2', exact: true });
    await expect(link).toHaveAttribute('href', '/posts/llama-2-released');
    await link.click();
    await expect(page).toHaveURL(/\/posts\/llama-2-released$/);
    await expect(page.locator('h1')).toHaveText('Llama 2 Released for Commercial Use - What We Know So Far');
  });
});

test.describe('a scheduled article', () => {
  test('is nowhere on the published site before its date', async ({ page }) => {
    expect((await page.goto(`/posts/${SCHEDULED.slug}`))?.status()).toBe(404);

    const titles: string[] = [];
    for (let url: string | null = '/'; url; ) {
      await page.goto(url);
      titles.push(...(await page.getByTestId('article-list').locator('h2').allTextContents()));
      const next = page.locator('head link[rel="next"]');
      url = (await next.count()) > 0 ? new URL((await next.getAttribute('href'))!).pathname : null;
    }
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join('\n')).not.toContain(SCHEDULED.title);

    await page.goto('/tags/language-models');
    await expect(page.getByTestId('article-list')).not.toContainText(SCHEDULED.title);
    await expect(page.locator('body')).not.toContainText(/Scheduled for|Draft/);
  });

  test('is absent from the feeds, the sitemap and the tag filter data', async ({ request }) => {
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/tags/language-models/feed.xml', '/tag-filter/index.json']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      expect(text, path).not.toContain(SCHEDULED.slug);
      expect(text, path).not.toContain(SCHEDULED.title);
    }
  });

  test('its neighbours do not link to it', async ({ page }) => {
    // It is the newest article by date, so it would sit before the newest published one.
    await page.goto('/');
    const newest = page.getByTestId('article-list').locator('h2 a').first();
    await newest.click();
    await expect(page.locator(`a[href="/posts/${SCHEDULED.slug}"]`)).toHaveCount(0);
  });
});
