// Runs the real `npm run content:check` on fixture projects, as an editor or the build would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');

function contentCheck(folder?: string) {
  const result = spawnSync('npm', ['run', '--silent', 'content:check', '--', ...(folder ? [folder] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    // One moment for every run, so fixtures dated 2099 are scheduled whenever the test runs.
    env: { ...process.env, CONTENT_NOW: '2024-06-01' },
  });
  return { status: result.status, lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

describe('npm run content:check on a folder with one article per kind of breakage', () => {
  let run: ReturnType<typeof contentCheck>;
  beforeAll(() => {
    run = contentCheck('test/fixtures/broken-content');
  }, 60_000);

  it('fails', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });

  it.each([
    ['missing-title.md:1:1', 'title is missing'],
    ['empty-title.md:2:1', 'title is empty'],
    ['impossible-date.md:3:1', 'date "2023-02-30" is not a real date: February 2023 has 28 days'],
    ['broken-yaml.md:4:1', 'the list of tags opens with [ but is never closed: end it with ] on the same line'],
    ['unknown-key.md:4:1', 'unknown field "tgas" — did you mean "tags"?'],
    ['duplicate.md:1:1', 'content/posts/duplicate.md and content/posts/duplicate.mdx would both be published at /posts/duplicate'],
    ['duplicate.mdx:1:1', 'content/posts/duplicate.md and content/posts/duplicate.mdx would both be published at /posts/duplicate'],
    ['mdx-syntax.mdx:8:1', 'this .mdx file is not valid MDX: Expected a closing tag for `<Callout>`'],
    ['unknown-component.mdx:6:1', 'unknown component <Galery>: did you mean <Gallery>?'],
    ['broken-link.md:6:6', 'the link ./no-such-article.md leads nowhere: there is no article content/posts/no-such-article.md or .mdx'],
    ['link-to-draft.md:6:6', 'the link /posts/a-draft leads to a draft (content/posts/a-draft.md)'],
    ['missing-image.md:6:1', 'image /images/missing.png does not exist: there is no file public/images/missing.png'],
    ['image-without-alt.md:8:1', 'warning: image /images/present.png has no alt text'],
    ['empty-gallery.mdx:6:1', '<Gallery> holds no images'],
    ['empty-file.md:1:1', 'the file is empty: start it with a --- block holding at least title and date'],
    ['md-component.md:8:1', '<Callout> works only in .mdx articles, and this one is .md, where it would be dropped: rename the file to md-component.mdx'],
    ['tag-typo.md:4:1', 'warning: tag "Opn Source" is one letter away from "Open Source" (used by 2 articles) — did you mean "Open Source"?'],
    [
      'tag-c-plus-plus-spelled.md:4:1',
      '"C plus plus" in content/posts/tag-c-plus-plus-spelled.md and "C++" in content/posts/tag-c-plus-plus.md would share the URL ' +
        '/tags/c-plus-plus: if they are one tag, spell them the same (or list "C plus plus" under the aliases of "C++" in ' +
        'content/tags.yml); if they are different tags, give one of them a slug of its own in content/tags.yml',
    ],
    [
      'upper-case-extension.MD:1:1',
      'content/posts/upper-case-extension.MD is not published: article files end in .md or .mdx, in lowercase — rename it to upper-case-extension.md',
    ],
    [
      'long-extension.markdown:1:1',
      'content/posts/long-extension.markdown is not published: article files end in .md or .mdx, in lowercase — rename it to long-extension.md',
    ],
    [
      '2023/in-a-subfolder.md:1:1',
      'content/posts/2023/in-a-subfolder.md is not published: it is in a subfolder, which the site does not read — ' +
        'move it to content/posts/ (the file name becomes its URL)',
    ],
  ])('reports content/posts/%s  %s', (place, message) => {
    const line = run.lines.find((candidate) => candidate.startsWith(`content/posts/${place}`));
    expect(line, run.lines.join('\n')).toBeDefined();
    expect(line!.replace(/^\S+ {2}/, '')).toContain(message);
  });

  it('prints one line per problem, then a count', () => {
    const problems = run.lines.filter((line) => /^content\/posts\/\S+:\d+:\d+ {2}\S/.test(line));
    expect(problems).toHaveLength(21);
    expect(run.lines).toContainEqual(expect.stringMatching(/^23 articles checked in [\d.]+ s: 19 errors, 2 warnings\.$/));
  });

  it('says nothing about the valid articles next to the broken ones (one saved with Windows line endings), nor about hidden files and files that are not markdown', () => {
    for (const file of ['a-draft.md', 'open-weights.md', 'open-licences.md', 'tag-c-plus-plus.md', 'windows-line-endings.md', '.hidden-notes.md', 'notes.txt']) {
      expect(run.lines.some((line) => line.startsWith(`content/posts/${file}`))).toBe(false);
    }
  });
});

describe('npm run content:check on clean content', () => {
  it('passes a folder using links, images, a gallery, a draft and a scheduled article, and lists what it held back', () => {
    const run = contentCheck('test/fixtures/clean-content');
    expect(run.status).toBe(0);
    expect(run.lines[0]).toMatch(/^5 articles checked in [\d.]+ s: no problems\.$/);
    expect(run.lines.slice(1)).toEqual(['Held back until their date (1 scheduled article):', '  2099-01-01  content/posts/someday.md  Someday']);
  }, 60_000);

  it("passes the site's own articles", () => {
    expect(contentCheck().status).toBe(0);
  }, 60_000);
});
