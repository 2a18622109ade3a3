import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentSignature, indexContent, paginate, publicFileExists, readSources } from './content';
import { ContentError, formatIssue, type ContentIssue } from './content-issue';

const source = (name: string, frontmatter: string, body = 'Text.') => ({
  file: `content/posts/${name}`,
  raw: `---\n${frontmatter}\n---\n\n${body}\n`,
});

const sources = [
  source('old.md', 'title: Old\ndate: 2023-01-01\ntags: [AI, Meta]'),
  source('new.mdx', 'title: New\ndate: 2023-03-01\ntags: [ai]'),
  source('middle.md', 'title: Middle\ndate: 2023-02-01T10:00:00Z\ntags: [ AI , C++]'),
  source('draft.md', 'title: Draft\ndate: 2023-04-01\ntags: [AI, Secret]\ndraft: true'),
];

/** The errors indexContent refuses the content with; fails the test if it accepts it. */
function errorsOf(index: () => unknown): ContentIssue[] {
  try {
    index();
  } catch (error) {
    if (error instanceof ContentError) return error.issues.filter((issue) => issue.severity === 'error');
    throw error;
  }
  return expect.unreachable('the content was accepted');
}

describe('indexContent', () => {
  it('lists published articles newest first, without drafts', () => {
    const index = indexContent(sources, { includeDrafts: false });
    expect(index.articles.map((article) => article.slug)).toEqual(['new', 'middle', 'old']);
  });

  it('keeps drafts out of tags and counts', () => {
    const index = indexContent(sources, { includeDrafts: false });
    expect(index.tags.find((tag) => tag.slug === 'secret')).toBeUndefined();
    expect(index.tagBySlug.get('ai')?.count).toBe(3);
  });

  it('shows drafts, marked as such, when asked (next dev)', () => {
    const index = indexContent(sources, { includeDrafts: true });
    expect(index.articles[0]).toMatchObject({ slug: 'draft', status: 'draft' });
  });

  it('merges tags that differ in case and space, under the most used spelling', () => {
    const index = indexContent(sources, { includeDrafts: false });
    expect(index.articles.map((article) => article.tags.map((tag) => tag.name))).toEqual([['AI'], ['AI', 'C++'], ['AI', 'Meta']]);
    expect(index.articlesByTag.get('ai')?.map((article) => article.slug)).toEqual(['new', 'middle', 'old']);
  });

  it('reports every broken article in one error', () => {
    const broken = [...sources, source('a.md', 'date: 2023-01-01'), source('b.md', 'title: B\ndate: 2023-02-30')];
    try {
      indexContent(broken, { includeDrafts: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      const message = (error as ContentError).message;
      expect(message).toMatch(/2 problems in 2 articles/);
      expect(message).toMatch(/content\/posts\/a\.md:1:1 {2}title is missing/);
      expect(message).toMatch(/content\/posts\/b\.md:3:1 {2}date "2023-02-30" is not a real date/);
    }
  });

  it('refuses two files with one slug, naming both', () => {
    const twins = [source('a.md', 'title: A\ndate: 2023-01-01'), source('a.mdx', 'title: A2\ndate: 2023-01-02')];
    expect(() => indexContent(twins, { includeDrafts: false })).toThrow(
      /content\/posts\/a\.md and content\/posts\/a\.mdx would both be published at \/posts\/a/,
    );
  });

  it('refuses two different tags that would share a URL, at the tags line of an article, naming the tags as written', () => {
    const clash = [source('a.md', 'title: A\ndate: 2023-01-01\ntags: [C++]'), source('b.md', 'tags: [C plus plus]\ntitle: B\ndate: 2023-01-02')];
    const errors = errorsOf(() => indexContent(clash, { includeDrafts: false }));
    expect(errors.map(formatIssue)).toEqual([
      'content/posts/b.md:2:1  "C plus plus" in content/posts/b.md and "C++" in content/posts/a.md would share the URL /tags/c-plus-plus: ' +
        'if they are one tag, spell them the same (or list "C plus plus" under the aliases of "C++" in content/tags.yml); ' +
        'if they are different tags, give one of them a slug of its own in content/tags.yml',
    ]);
  });

  it('refuses markdown files the site would never publish, saying how to publish them', () => {
    const strayFiles = [
      'content/posts/x.MD',
      'content/posts/y.Mdx',
      'content/posts/Old Notes.markdown',
      'content/posts/z.mkd',
      'content/posts/2023/x.md',
      'content/posts/2023/deeper/Y.MDOWN',
    ];
    const errors = errorsOf(() => indexContent([source('a.md', 'title: A\ndate: 2023-01-01')], { includeDrafts: false, strayFiles }));
    expect(errors.map(formatIssue)).toEqual([
      'content/posts/x.MD:1:1  content/posts/x.MD is not published: article files end in .md or .mdx, in lowercase — rename it to x.md',
      'content/posts/y.Mdx:1:1  content/posts/y.Mdx is not published: article files end in .md or .mdx, in lowercase — rename it to y.mdx',
      'content/posts/Old Notes.markdown:1:1  content/posts/Old Notes.markdown is not published: article files end in .md or .mdx, in lowercase — ' +
        'rename it to old-notes.md',
      'content/posts/z.mkd:1:1  content/posts/z.mkd is not published: article files end in .md or .mdx, in lowercase — rename it to z.md',
      'content/posts/2023/x.md:1:1  content/posts/2023/x.md is not published: it is in a subfolder, which the site does not read — ' +
        'move it to content/posts/ (the file name becomes its URL)',
      'content/posts/2023/deeper/Y.MDOWN:1:1  content/posts/2023/deeper/Y.MDOWN is not published: it is in a subfolder, which the site does not read — ' +
        'move it to content/posts/ and rename it to y.md (the file name becomes its URL)',
    ]);
  });

  it('fails on a stray file even when it is the only markdown file there is', () => {
    expect(() => indexContent([], { includeDrafts: false, strayFiles: ['content/posts/first.MD'] })).toThrow(
      /content\/posts\/first\.MD:1:1 {2}content\/posts\/first\.MD is not published/,
    );
  });

  it('orders articles of the same day by time, then by slug for a stable build', () => {
    const sameDay = [
      source('b.md', 'title: B\ndate: 2023-01-01'),
      source('a.md', 'title: A\ndate: 2023-01-01'),
      source('c.md', 'title: C\ndate: 2023-01-01T08:00'),
    ];
    expect(indexContent(sameDay, { includeDrafts: false }).articles.map((article) => article.slug)).toEqual(['c', 'a', 'b']);
  });
});

describe('readSources and contentSignature, on a folder', () => {
  let root: string;
  const write = (file: string, text = '---\ntitle: T\ndate: 2023-01-01\n---\n') => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads the articles, and lists every other markdown file under content/posts as a stray', () => {
    for (const name of ['a.md', 'b.mdx', 'x.MD', 'y.Mdx', 'z.markdown', 'w.mdown', 'v.mkd', 'u.mkdn', '2023/sub.md', '2023/deeper/d.mdx']) {
      write(`content/posts/${name}`);
    }
    expect(readSources(root)).toEqual({
      sources: [
        { file: 'content/posts/a.md', raw: '---\ntitle: T\ndate: 2023-01-01\n---\n' },
        { file: 'content/posts/b.mdx', raw: '---\ntitle: T\ndate: 2023-01-01\n---\n' },
      ],
      strayFiles: [
        'content/posts/2023/deeper/d.mdx',
        'content/posts/2023/sub.md',
        'content/posts/u.mkdn',
        'content/posts/v.mkd',
        'content/posts/w.mdown',
        'content/posts/x.MD',
        'content/posts/y.Mdx',
        'content/posts/z.markdown',
      ],
    });
  });

  it('leaves hidden files and files that are not markdown alone', () => {
    for (const name of ['a.md', '.DS_Store', '.draft.md', '.obsidian/notes.md', 'cover.png', 'notes.txt', 'images/chart.svg']) {
      write(`content/posts/${name}`);
    }
    expect(readSources(root)).toEqual({ sources: [expect.objectContaining({ file: 'content/posts/a.md' })], strayFiles: [] });
  });

  it('has no sources and no strays without a content/posts folder', () => {
    expect(readSources(root)).toEqual({ sources: [], strayFiles: [] });
  });

  it('changes when a stray file appears, in content/posts or in a subfolder, so `next dev` shows the problem', () => {
    write('content/posts/a.md');
    const before = contentSignature(root);
    expect(contentSignature(root)).toBe(before);
    write('content/posts/2023/x.md');
    const withSubfolder = contentSignature(root);
    expect(withSubfolder).not.toBe(before);
    write('content/posts/y.MD');
    expect(contentSignature(root)).not.toBe(withSubfolder);
  });
});

describe('paginate', () => {
  it('splits items into pages and refuses pages that do not exist', () => {
    const items = [1, 2, 3, 4, 5];
    expect(paginate(items, 1, 2)).toEqual({ items: [1, 2], page: 1, pageCount: 3 });
    expect(paginate(items, 3, 2)).toEqual({ items: [5], page: 3, pageCount: 3 });
    expect(paginate(items, 4, 2)).toBeUndefined();
    expect(paginate(items, 0, 2)).toBeUndefined();
    expect(paginate([], 1, 2)).toEqual({ items: [], page: 1, pageCount: 1 });
  });
});

describe('publicFileExists', () => {
  it('is true for a file under public/ and false for a folder, which readers would get as a 404', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'public-'));
    try {
      fs.mkdirSync(path.join(root, 'public', 'files'), { recursive: true });
      fs.writeFileSync(path.join(root, 'public', 'files', 'report.pdf'), '%PDF');
      expect(publicFileExists('/files/report.pdf', root)).toBe(true);
      expect(publicFileExists('/files', root)).toBe(false);
      expect(publicFileExists('/files/missing.pdf', root)).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
