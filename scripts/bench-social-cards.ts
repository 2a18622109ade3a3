// What the generated social cards cost a build: the same synthetic site of N articles without covers is built
// in two scratch copies of this project, with the card route and without it, alternately, RUNS times each.
// Usage: npx tsx scripts/bench-social-cards.ts [articles=1000] [runs=1]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticArticle } from './synthetic-articles';

const [count = 1000, runs = 1] = process.argv.slice(2).map(Number);
const root = process.cwd();
// Inside the project but without its lockfile: Turbopack then takes the project as the workspace root and
// resolves packages from its node_modules (it refuses a symlinked node_modules outside the root).
const scratch = path.join(root, '.bench', 'social-cards');
const CARD_ROUTE = 'app/posts/[slug]/social-card.png';

function prepare(name: 'cards' | 'baseline'): string {
  const dir = path.join(scratch, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    if (file.startsWith('content/posts/') || file === 'package-lock.json' || !fs.existsSync(path.join(root, file))) continue;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  fs.mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const { slug, source } = syntheticArticle(i);
    fs.writeFileSync(path.join(dir, 'content/posts', `${slug}.md`), source);
  }
  if (name === 'baseline') fs.rmSync(path.join(dir, CARD_ROUTE), { recursive: true });
  return dir;
}

type Run = { name: string; wall: number; generate: number; cpu: number; rssMb: number; cards: number; cardBytes: number; load: number };

function build(name: string, dir: string): Run {
  fs.rmSync(path.join(dir, '.next'), { recursive: true, force: true });
  const load = os.loadavg()[0]!;
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'npx', 'next', 'build'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${name} build failed:\n${result.stdout}\n${result.stderr}`);
  const [wall, user, system, rssKb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  // Next's own timing of the prerendering phase, where the cards are drawn. The CPU total below misses that
  // phase's worker: it came out equal with and without 1,000 cards.
  const phase = /Generating static pages[^\n]*in ([\d.]+)(ms|s)/.exec(result.stdout);
  const generate = phase ? Number(phase[1]) / (phase[2] === 'ms' ? 1000 : 1) : NaN;
  const posts = path.join(dir, '.next/server/app/posts');
  const cards = fs.readdirSync(posts, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(posts, entry.name, 'social-card.png.body'))
    .filter((file) => fs.existsSync(file));
  const cardBytes = cards.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  return { name, wall: wall!, generate, cpu: user! + system!, rssMb: Math.round(rssKb! / 1024), cards: cards.length, cardBytes, load };
}

function main() {
  const dirs = { baseline: prepare('baseline'), cards: prepare('cards') };
  const results: Run[] = [];
  for (let run = 0; run < runs; run++) {
    for (const name of ['baseline', 'cards'] as const) {
      const result = build(name, dirs[name]);
      results.push(result);
      console.log(JSON.stringify(result));
    }
  }
  const median = (name: string, key: 'wall' | 'cpu') => {
    const values = results.filter((r) => r.name === name).map((r) => r[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  console.log(`\n| build (${count} articles, no covers) | wall s | prerender phase s | CPU s (without the worker) | peak RSS MB | cards | card bytes |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    console.log(`| ${result.name} (load ${result.load.toFixed(1)}) | ${result.wall.toFixed(1)} | ${result.generate.toFixed(1)} | ${result.cpu.toFixed(1)} | ${result.rssMb} | ${result.cards} | ${(result.cardBytes / 1e6).toFixed(1)} MB |`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`\nratio cards/baseline: wall ${(median('cards', 'wall') / median('baseline', 'wall')).toFixed(2)}×, CPU ${(median('cards', 'cpu') / median('baseline', 'cpu')).toFixed(2)}×`);
}

main();
