// An interrupted dev-server spec can leave its article behind; the next build would publish it.
import fs from 'node:fs';
import path from 'node:path';

export default function globalTeardown() {
  const posts = path.join(process.cwd(), 'content', 'posts');
  for (const name of fs.readdirSync(posts)) {
    if (name.startsWith('e2e-dev-')) fs.rmSync(path.join(posts, name), { force: true });
  }
}
