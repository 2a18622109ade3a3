// Shared test setup: the network outside this machine does not exist, so remote images are served from a
// local fixture and every other outside request fails fast instead of hanging.
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const FIXTURE_IMAGE = fs.readFileSync(path.join(__dirname, 'fixtures', 'remote-image.jpg'));

export async function routeRemoteImages(page: Page) {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
  await page.route('https://pbs.twimg.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/jpeg', body: FIXTURE_IMAGE }),
  );
}

export const test = base.extend({
  // Not named `use`: the React hooks lint rule would take Playwright's fixture callback for a hook.
  page: async ({ page }, provide) => {
    await routeRemoteImages(page);
    await provide(page);
  },
});

/** Runs axe-core (WCAG 2.1 A/AA) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

export { expect };
