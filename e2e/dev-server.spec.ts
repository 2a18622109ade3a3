// What an editor sees while writing with `npm run dev`: drafts and scheduled articles marked as such, an
// edited article's new text on reload without a restart, and a broken article explained on the page
// instead of a stack trace. These run against a real `next dev` in this checkout, after every other spec
// (the `dev` project depends on the others), because they write files under content/posts/.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

const PORT = Number(process.env.E2E_PORT ?? 3200) + 2;
const BASE = `http://127.0.0.1:${PORT}`;
const POSTS = path.join(process.cwd(), 'content', 'posts');
// A prefix the global teardown also sweeps, so an interrupted run leaves nothing behind for the next build.
const SLUG = `e2e-dev-${process.pid}`;
const FILE = path.join(POSTS, `${SLUG}.md`);

function article(title: string, body: string, date = '2023-08-01') {
  return `---\ntitle: ${title}\ndate: ${date}\ndescription: Written by the dev-server test.\ntags: [Testing]\n---\n\n${body}\n`;
}

/** Rewrites the file with a later mtime than before: the dev server rereads content when an mtime changes. */
function write(content: string) {
  fs.writeFileSync(FILE, content);
  const later = new Date(Date.now() + 2000);
  fs.utimesSync(FILE, later, later);
}

let server: ChildProcess | undefined;
let serverLog = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = spawn('npx', ['next', 'dev', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      // The first request compiles the page; once it answers, the server is ready for the tests.
      if ((await fetch(`${BASE}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next dev did not start on ${BASE}:\n${serverLog}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(() => {
  fs.rmSync(FILE, { force: true });
  // The whole process group: npx, next and its workers.
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

test.describe('npm run dev', () => {
  test.use({ baseURL: BASE });
  test.setTimeout(120_000);

  test('drafts and scheduled articles are listed with a badge', async ({ page }) => {
    await page.goto('/');
    const draft = page.locator('article', { has: page.getByRole('link', { name: /^Gemini: first look/ }) });
    await expect(draft.getByText('Draft', { exact: true })).toBeVisible();
    const scheduled = page.locator('article', { has: page.getByRole('link', { name: /^A century of language models/ }) });
    await expect(scheduled.getByText('Scheduled', { exact: true })).toBeVisible();

    await page.goto('/posts/gemini-first-look');
    await expect(page.locator('article header').getByText('Draft', { exact: true })).toBeVisible();
  });

  test('an edited article shows its new text on reload, without a restart', async ({ page }) => {
    write(article('Written in the dev server', 'The first version of this paragraph.'));
    // A new article: the first answer may be the dev server's stale 404, which reloads by itself.
    await page.goto(`/posts/${SLUG}`);
    await expect(page.locator('h1')).toHaveText('Written in the dev server', { timeout: 20_000 });
    await expect(page.locator('article')).toContainText('The first version of this paragraph.');

    write(article('Rewritten in the dev server', 'The second version, saved while the server ran.'));
    await expect(async () => {
      await page.reload();
      await expect(page.locator('h1')).toHaveText('Rewritten in the dev server', { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.locator('article')).toContainText('The second version, saved while the server ran.');
    await expect(page.locator('article')).not.toContainText('The first version');
  });

  test('a broken article, or an empty one, is explained on the page, and the page comes back once it is fixed', async ({ page }) => {
    write(article('A date that does not exist', 'Body.', '2023-02-30'));
    await expect(async () => {
      await page.goto(`/posts/${SLUG}`);
      await expect(page.locator('[data-content-errors]')).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    const problems = page.locator('[data-content-errors]');
    await expect(problems.getByRole('heading', { level: 1 })).toContainText('must be fixed');
    await expect(problems.getByRole('heading', { name: `content/posts/${SLUG}.md` })).toBeVisible();
    await expect(problems).toContainText('2023-02-30');
    // Words for an editor, not a stack trace.
    await expect(page.locator('body')).not.toContainText(/at \w+ \(.*:\d+:\d+\)/);

    // A file emptied mid-edit (or saved empty by a tool) is one more problem to explain, not a server error.
    write('');
    await expect(async () => {
      const response = await page.goto(`/posts/${SLUG}`);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.locator('[data-content-errors]')).toContainText('the file is empty', { timeout: 2000 });
    }).toPass({ timeout: 30_000 });

    write(article('A date that exists', 'Fixed.', '2023-02-28'));
    await expect(async () => {
      await page.reload();
      await expect(page.locator('h1')).toHaveText('A date that exists', { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.locator('[data-content-errors]')).toHaveCount(0);
  });
});
