// Takes screenshots of the main pages at phone and desktop widths, light and dark, for a visual review.
// Usage: npm run build && npm start (or any running server), then
//   npx tsx scripts/screenshots.ts [baseUrl=http://127.0.0.1:3000] [outDir=screenshots] [path …]
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

const [baseUrl = 'http://127.0.0.1:3000', outDir = 'screenshots', ...requested] = process.argv.slice(2);
const paths = requested.length > 0 ? requested : ['/', '/posts/llama-2-released', '/tags', '/tags/ai'];
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const fixture = fs.readFileSync(path.join(__dirname, '..', 'e2e', 'fixtures', 'remote-image.jpg'));

async function offline(page: Page) {
  // The machine that reviews may have no internet: remote images come from the test fixture.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/jpeg', body: fixture }),
  );
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-background-networking'] });
  for (const [device, viewport] of Object.entries(widths)) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await offline(page);
      for (const route of paths) {
        await page.goto(new URL(route, baseUrl).toString(), { waitUntil: 'networkidle' });
        // Scroll through so lazy images below the fold are in the picture too.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) {
            window.scrollTo(0, y);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForLoadState('networkidle');
        const name = `${route.replace(/^\/$/, 'home').replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '')}-${device}-${scheme}.png`;
        await page.screenshot({ path: path.join(outDir, name), fullPage: true });
        console.log(path.join(outDir, name));
      }
      await context.close();
    }
  }
  await browser.close();
}

void main();
