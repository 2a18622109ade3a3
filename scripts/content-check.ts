// `npm run content:check [-- <project folder>]`: every problem in content/posts at once, one per line, as
// `content/posts/<file>:<line>:<column>  <message>`, without building the site. Exits 1 on any error;
// warnings alone pass. `npm run build` runs it first.
import path from 'node:path';
import { indexContent, publicFileExists, readSources, readTagsFile, type ScheduledArticle } from '../lib/content';
import { compareIssues, ContentError, formatIssue, type ContentIssue } from '../lib/content-issue';
import { resolveNow } from '../lib/schedule';
import { parseInParallel } from './parse-in-parallel';

async function check(root: string): Promise<{ articles: number; issues: ContentIssue[]; scheduled: ScheduledArticle[] }> {
  const { sources, strayFiles } = readSources(root);
  const parsed = await parseInParallel(sources);
  try {
    // The same index the build makes, with the same options as production: drafts are checked, not listed.
    const index = indexContent(sources, {
      includeDrafts: false,
      tagsFile: readTagsFile(root),
      now: resolveNow(process.env),
      imageExists: (src) => publicFileExists(src, root),
      parsed,
      strayFiles,
    });
    return { articles: sources.length, issues: index.issues, scheduled: index.scheduled };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { articles: sources.length, issues: error.issues, scheduled: [] };
  }
}

async function main() {
  const started = performance.now();
  const { articles, issues, scheduled } = await check(path.resolve(process.argv[2] ?? process.env.CONTENT_ROOT ?? '.'));

  issues.sort(compareIssues);
  for (const issue of issues) console.log(formatIssue(issue));

  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (issues.length > 0) console.log('');
  console.log(
    `${count(articles, 'article')} checked in ${seconds} s: ` +
      (issues.length === 0 ? 'no problems.' : `${count(errors, 'error')}, ${count(warnings, 'warning')}.`),
  );
  if (scheduled.length > 0) {
    console.log(`Held back until their date (${count(scheduled.length, 'scheduled article')}):`);
    for (const article of scheduled) console.log(`  ${article.date}  ${article.file}  ${article.title}`);
  }
  if (errors > 0) {
    console.log('Fix the errors above; the site cannot be built until they are gone.');
    process.exitCode = 1;
  }
}

void main();
