import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
    environment: 'node',
    // CI adds a JSON report that .ci/run totals with the end-to-end results (Playwright empties test-results/).
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
  },
  resolve: { alias: { '@': new URL('./', import.meta.url).pathname } },
});
