import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where it exists (CI and this team's machines); elsewhere Playwright's own browser,
// which a laptop gets once with `npx playwright install chromium`.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const executablePath = fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
const port = Number(process.env.E2E_PORT ?? 3200);
// The static export (`npm run build:static`, out/) is served by a plain static host one port up.
export const STATIC_PORT = port + 1;
const hasExport = fs.existsSync('out/index.html');

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Two cores run the server, the static host and two browsers at once: allow for a busy machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  // The dev-server spec starts `next dev` in this checkout and writes articles into content/posts/, so it
  // runs alone, after every spec that reads the built site.
  globalTeardown: './e2e/global-teardown.ts',
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /dev-server\.spec\.ts/ },
    { name: 'dev', use: { ...devices['Desktop Chrome'] }, testMatch: /dev-server\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: [
    {
      // Serves the production build made by `npm run build`; `npm test` builds first.
      command: `npx next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
    ...(hasExport
      ? [{ command: `node scripts/serve-static.mjs out ${STATIC_PORT}`, url: `http://127.0.0.1:${STATIC_PORT}/`, reuseExistingServer: !process.env.CI, timeout: 30_000 }]
      : []),
  ],
});
