// `npm run content:new -- "Title of the article"`: creates content/posts/<slug>.md from a template and
// prints its path. CONTENT_ROOT names another project folder (tests use a temporary one).
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from '../lib/content';
import { toIsoDay } from '../lib/dates';
import { newArticleText, toArticleSlug } from '../lib/new-article';
import { resolveNow } from '../lib/schedule';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const title = process.argv.slice(2).join(' ').trim();
if (!title) fail('Give the article a title: npm run content:new -- "Title of the article"');
const slug = toArticleSlug(title);
if (!slug) fail(`"${title}" has no letters or digits to make a file name from: choose another title`);

const root = path.resolve(process.env.CONTENT_ROOT ?? '.');
const dir = path.join(root, CONTENT_DIR);
const existing = ['md', 'mdx'].map((ext) => `${CONTENT_DIR}/${slug}.${ext}`).find((file) => fs.existsSync(path.join(root, file)));
if (existing) fail(`${existing} already exists, so nothing was written: edit that file, or choose a different title`);

const file = `${CONTENT_DIR}/${slug}.md`;
fs.mkdirSync(dir, { recursive: true });
try {
  // 'wx' fails instead of overwriting if the file appeared since the check above.
  fs.writeFileSync(path.join(root, file), newArticleText(title, toIsoDay(resolveNow(process.env)), slug), { flag: 'wx' });
} catch (error) {
  fail(error instanceof Error && 'code' in error && error.code === 'EEXIST' ? `${file} already exists, so nothing was written` : String(error));
}
console.log(file);
console.error(`Created ${file} as a draft dated today. Set draft: false when it is ready, then run npm run content:check.`);
