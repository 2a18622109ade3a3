// Prints "N passed, N failed" over the unit (vitest) and end-to-end (Playwright) JSON reports of this run.
import fs from 'node:fs';

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
}

const e2e = read('reports/e2e.json');
if (e2e?.stats) {
  // A test that failed once and passed on retry counts as passed ("flaky"), as Playwright itself reports it.
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected ?? 0;
}

console.log(`${passed} passed, ${failed} failed`);
