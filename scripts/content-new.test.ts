// Runs the real `npm run content:new` in a temporary project folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'content-new-'));
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

function npmRun(script: string, ...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_ROOT: project, CONTENT_NOW: '2024-06-01T09:30:00Z' },
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('npm run content:new', () => {
  const file = 'content/posts/whats-new-in-llama-3.md';

  it('creates a draft named after the title, dated today, and prints its path', () => {
    const run = npmRun('content:new', "What's new in Llama 3");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(file);
    const text = fs.readFileSync(path.join(project, file), 'utf8');
    expect(text).toMatch(/^---\ntitle: "What's new in Llama 3"\ndate: 2024-06-01\n/);
    expect(text).toContain('draft: true');
  }, 60_000);

  it('writes an article that passes the content check', () => {
    const run = npmRun('content:check');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1 article checked in [\d.]+ s: no problems\.$/);
  }, 60_000);

  it('refuses to overwrite an existing article, under either extension', () => {
    fs.writeFileSync(path.join(project, file), 'edited by hand');
    const again = npmRun('content:new', "What's new in Llama 3");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${file} already exists, so nothing was written`);
    expect(fs.readFileSync(path.join(project, file), 'utf8')).toBe('edited by hand');

    fs.writeFileSync(path.join(project, 'content/posts/gemini-2.mdx'), 'mdx by hand');
    const twin = npmRun('content:new', 'Gemini 2');
    expect(twin.status).toBe(1);
    expect(fs.existsSync(path.join(project, 'content/posts/gemini-2.md'))).toBe(false);
  }, 60_000);

  it('asks for a title when given none', () => {
    const run = npmRun('content:new');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Give the article a title/);
  }, 60_000);
});
