// Times the real `npm run content:check` on synthetic projects of 1,000 and 10,000 articles.
// Usage: npx tsx scripts/bench-content-check.ts [counts=1000,10000] [runs=3]
// Articles are ~2 KB like the real ones: headings, lists, a table or code block, links to other articles
// (as files and as site paths), local images that exist, tags from a pool of 150 distinct ones; one in five is .mdx with
// a <Gallery> and a <Callout>, one in fifty is a draft, one in a hundred is scheduled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markdownFacts } from '../lib/markdown-facts';
import { mdastFacts } from '../lib/parse-article';

const ROOT = path.join(__dirname, '..');
const counts = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 3);
const FIRST = ['Applied', 'Open', 'Deep', 'Edge', 'Cloud', 'Quantum', 'Neural', 'Secure', 'Mobile', 'Green', 'Medical', 'Legal', 'Public', 'Private', 'Global'];
const SECOND = ['Robotics', 'Models', 'Vision', 'Speech', 'Search', 'Hardware', 'Policy', 'Research', 'Startups', 'Datasets'];
const TAGS = FIRST.flatMap((first) => SECOND.map((second) => `${first} ${second}`));

function article(i: number, count: number): { name: string; text: string } {
  const mdx = i % 5 === 0;
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
  const date = i % 100 === 7 ? '2099-01-01' : day;
  const other = (i * 7 + 3) % count;
  // Links only to articles that are neither drafts nor scheduled, so the synthetic site is clean.
  const target = other % 50 === 1 || other % 100 === 7 ? (other + 2) % count : other;
  const tags = [TAGS[i % 150], TAGS[(i * 3) % 150], TAGS[(i * 11) % 150]];
  const paragraph = (n: number) =>
    `Paragraph ${n} of article ${i} explains what changed, with **bold** words, *emphasis*, \`inline code\`, ` +
    `and a [reference](https://example.com/${i}/${n}). It runs for a few lines so that the article has the ` +
    `length of a real news piece, about three hundred words in all, spread over several sections.`;
  const body = [
    paragraph(1),
    `![Chart for article ${i}](/images/bench/chart-${i % 10}.png "Figure ${i}")`,
    '## What is new',
    paragraph(2),
    `- first point, see [an earlier piece](./article-${target}.${target % 5 === 0 ? 'mdx' : 'md'})\n- second point\n- third point with [the site path](/posts/article-${target})`,
    '## How it works',
    paragraph(3),
    i % 2 === 0
      ? '| Model | Score |\n| --- | --- |\n| A | 1.0 |\n| B | 2.0 |'
      : '```python\nprint("hello")\nfor i in range(3):\n    print(i)\n```',
    '### Details',
    paragraph(4),
    mdx
      ? `<Gallery caption="Figures">\n![One](/images/bench/chart-1.png)\n![Two](/images/bench/chart-2.png)\n</Gallery>\n\n<Callout type="note" title="Note">\nA callout in article ${i}.\n</Callout>`
      : paragraph(5),
  ].join('\n\n');
  const frontmatter = [
    '---',
    `title: "Synthetic article ${i}: a headline of typical length"`,
    `date: ${date}`,
    `description: "Article ${i}, generated for the content check benchmark."`,
    i % 3 === 0 ? `image: /images/bench/chart-${i % 10}.png` : '',
    `tags: [${tags.join(', ')}]`,
    i % 50 === 1 ? 'draft: true' : '',
    '---',
  ].filter(Boolean);
  return { name: `article-${i}.${mdx ? 'mdx' : 'md'}`, text: `${frontmatter.join('\n')}\n\n${body}\n` };
}

function makeProject(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-content-${count}-`));
  fs.mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'public/images/bench'), { recursive: true });
  const png = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-content/public/images/present.png'));
  for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(dir, `public/images/bench/chart-${i}.png`), png);
  for (let i = 0; i < count; i++) {
    const { name, text } = article(i, count);
    fs.writeFileSync(path.join(dir, 'content/posts', name), text);
  }
  return dir;
}

/** CPU seconds used by this process's finished children (user + system), from /proc. */
function childCpuSeconds(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After the ") " the fields start at "state" (field 3): cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The parser swap on its own, in this process: the same .md bodies read by the mdast parser and by markdown-it. */
function compareParsers(dir: string) {
  const posts = path.join(dir, 'content/posts');
  const bodies = fs
    .readdirSync(posts)
    .filter((name) => name.endsWith('.md'))
    .map((name) => fs.readFileSync(path.join(posts, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  const cpu = (read: (body: string) => unknown) => {
    for (const body of bodies.slice(0, 50)) read(body);
    const before = process.cpuUsage();
    for (const body of bodies) read(body);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  };
  const mdast = cpu((body) => mdastFacts(body, 'md', 0, () => undefined));
  const fast = cpu((body) => markdownFacts(body, 0));
  console.log(
    `${bodies.length} .md bodies, CPU: mdast parser ${mdast.toFixed(2)} s, markdown-it ${fast.toFixed(2)} s ` +
      `(${(mdast / fast).toFixed(1)}x faster)`,
  );
}

// CONTENT_CHECK_THREADS is passed through: 1 measures the check on one thread.
for (const count of counts) {
  const dir = makeProject(count);
  if (count === counts[0]) compareParsers(dir);
  const size = fs.readdirSync(path.join(dir, 'content/posts')).reduce((sum, name) => sum + fs.statSync(path.join(dir, 'content/posts', name)).size, 0);
  const walls: number[] = [];
  const cpus: number[] = [];
  let output = '';
  for (let run = 0; run < runs; run++) {
    const cpuBefore = childCpuSeconds();
    const started = performance.now();
    const result = spawnSync('npm', ['run', '--silent', 'content:check', '--', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_NOW: '2024-06-01' } });
    walls.push((performance.now() - started) / 1000);
    cpus.push(childCpuSeconds() - cpuBefore);
    output = result.stdout;
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      process.exit(1);
    }
  }
  const summary = output.split('\n').find((line) => /articles checked/.test(line));
  console.log(
    `${count} articles (${(size / 1e6).toFixed(1)} MB): wall median ${median(walls).toFixed(2)} s ` +
      `[${walls.map((w) => w.toFixed(2)).join(', ')}], CPU median ${median(cpus).toFixed(2)} s; ${summary}`,
  );
  // BENCH_KEEP=1 leaves the project in place, to profile the check on it.
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
