import { describe, expect, it } from 'vitest';
import { checkArticles, checkGalleries, checkImages, checkLinks, checkTagSpelling, checkUpdated, suggest } from './content-checks';
import { parseArticle, type ParsedArticle } from './parse-article';
import { indexContent } from './content';
import { parseTagRegistry } from './tag-registry';
import { ContentError, formatIssue } from './content-issue';

function article(name: string, frontmatter: string, body = 'Text.'): ParsedArticle {
  const file = `content/posts/${name}`;
  const { article: parsed, issues } = parseArticle(file, `---\n${frontmatter}\n---\n\n${body}\n`);
  if (!parsed) throw new Error(issues.map(formatIssue).join('\n'));
  return parsed;
}
const lines = (issues: ReturnType<typeof checkArticles>) => issues.map(formatIssue);

const target = article('target.md', 'title: Target\ndate: 2024-01-01');
const draft = article('draft.md', 'title: Draft\ndate: 2024-01-01\ndraft: true');
const later = article('later.md', 'title: Later\ndate: 2099-01-01');
const NOW = new Date('2024-06-01T00:00:00Z');
/** The only image file the checks below find under public/. */
const exists = (src: string) => src === '/images/here.png';

describe('checkLinks', () => {
  it('accepts file links and site paths to published articles', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01', '[one](./target.md) [two](target.md#x) [three](/posts/target/) [out](https://x.org/a.md)');
    expect(checkLinks([source, target], { now: NOW })).toEqual([]);
  });

  it('reports a link to an article that does not exist, where it is, with a suggestion', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01', 'Intro.\n\nSee [this](./targte.md) and [that](/posts/nothing-like-it).');
    expect(lines(checkLinks([source, target], { now: NOW }))).toEqual([
      'content/posts/a.md:8:5  the link ./targte.md leads nowhere: there is no article content/posts/targte.md or .mdx — did you mean ./target.md?',
      'content/posts/a.md:8:29  the link /posts/nothing-like-it leads nowhere: there is no article content/posts/nothing-like-it.md or .mdx',
    ]);
  });

  it('reports a link from a published article to a draft, but not from a draft', () => {
    const published = article('a.md', 'title: A\ndate: 2024-02-01', '[d](./draft.md)');
    const otherDraft = article('b.md', 'title: B\ndate: 2024-02-01\ndraft: true', '[d](./draft.md)');
    expect(lines(checkLinks([published, otherDraft, draft], { now: NOW }))).toEqual([
      'content/posts/a.md:6:1  the link ./draft.md leads to a draft (content/posts/draft.md), which readers cannot open: publish it first or remove the link',
    ]);
  });

  it('reports a link to an article scheduled after the linking one', () => {
    const published = article('a.md', 'title: A\ndate: 2024-02-01', '[l](/posts/later)');
    const sameDay = article('b.md', 'title: B\ndate: 2099-01-01', '[l](/posts/later)');
    expect(lines(checkLinks([published, sameDay, later], { now: NOW }))).toEqual([
      expect.stringMatching(/^content\/posts\/a\.md:6:1 {2}the link \/posts\/later leads to an article scheduled for 2099-01-01/),
    ]);
    expect(checkLinks([published, later], {})).toEqual([]);
  });

  it('reports markdown links that leave content/posts', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01', '[readme](../../README.md)');
    expect(lines(checkLinks([source], {}))).toEqual([expect.stringMatching(/the link \.\.\/\.\.\/README\.md leads to a file outside content\/posts/)]);
  });

  it('says nothing more about a link to an article that has errors of its own', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01', '[b](./broken.md)');
    expect(checkLinks([source], { files: ['content/posts/a.md', 'content/posts/broken.md'] })).toEqual([]);
  });
});

describe('checkLinks: links to other pages of the site', () => {
  // Two articles a page, so three published articles make the list /, /page/2.
  const SITE = { url: 'https://frontiernotes.example', postsPerPage: 2 };
  const files = (src: string) => src === '/files/report.pdf' || src === '/images/here.png';
  const llama = article('llama-2-released.md', 'title: Llama 2\ndate: 2024-01-02\ntags: [AI, Open Source, 机器学习]');
  const robotics = article('robots.md', 'title: Robots\ndate: 2024-01-03\ndraft: true\ntags: [Robotics]');
  const quantum = article('quantum.md', 'title: Quantum\ndate: 2099-01-01\ntags: [Quantum]');
  const linking = (name: string, frontmatter: string, links: string[]) =>
    article(name, frontmatter, links.map((url) => `[x](${url})`).join('\n\n'));
  const check = (source: ParsedArticle, options: Parameters<typeof checkLinks>[1] = {}, others: ParsedArticle[] = []) =>
    lines(checkLinks([source, target, llama, robotics, quantum, ...others], { now: NOW, imageExists: files, site: SITE, ...options }));

  it('accepts links to every kind of page the site serves, and to files under public/', () => {
    const valid = [
      '/', '/?tags=ai', '/#top', '/tags', '/tags/', '/tags/ai', '/tags/open-source#latest', '/tags/ai/feed.xml',
      '/tags/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0', '/tags/机器学习', '/posts/target', '/posts/llama-2-released/',
      '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/robots.txt', '/page/2',
      '/files/report.pdf', '/files/report.pdf?download=1', '/images/here.png',
      'https://frontiernotes.example/tags/ai', 'https://elsewhere.example/nothing', '//cdn.example.com/x', 'mailto:a@b.c', '#part',
    ];
    expect(check(linking('a.md', 'title: A\ndate: 2024-02-01', valid))).toEqual([]);
  });

  it('reports a link to a path the site has no page for, where it is, with the page it most likely meant', () => {
    const source = linking('news.md', 'title: A\ndate: 2024-02-01', [
      '/post/llama-2-released', '/tag/ai', '/tags/nope', '/tags/AI', '/posts', '/about', 'https://frontiernotes.example/post/llama-2-released',
    ]);
    expect(check(source)).toEqual([
      'content/posts/news.md:6:1  the link /post/llama-2-released leads nowhere: the site has no page /post/llama-2-released — did you mean /posts/llama-2-released?',
      'content/posts/news.md:8:1  the link /tag/ai leads nowhere: the site has no page /tag/ai — did you mean /tags/ai?',
      "content/posts/news.md:10:1  the link /tags/nope leads nowhere: there is no tag with the URL /tags/nope (tags are made from the articles' tags: lists)",
      "content/posts/news.md:12:1  the link /tags/AI leads nowhere: there is no tag with the URL /tags/AI (tags are made from the articles' tags: lists) — did you mean /tags/ai?",
      'content/posts/news.md:14:1  the link /posts leads nowhere: the site has no page /posts',
      'content/posts/news.md:16:1  the link /about leads nowhere: the site has no page /about',
      'content/posts/news.md:18:1  the link https://frontiernotes.example/post/llama-2-released leads nowhere: the site has no page /post/llama-2-released — did you mean /posts/llama-2-released?',
    ]);
  });

  it('reports a link to a missing file under public/, and one whose % sign breaks the address', () => {
    const source = linking('a.md', 'title: A\ndate: 2024-02-01', ['/files/reprot.pdf', '/files/annual%20report.pdf', '/files/100%.pdf']);
    // The real lookup decodes the path, which throws on a stray %: it must not be asked about one.
    const strict = (src: string) => files(decodeURIComponent(src));
    expect(check(source, { imageExists: strict })).toEqual([
      'content/posts/a.md:6:1  the link /files/reprot.pdf leads nowhere: there is no file public/files/reprot.pdf: add it under public/ or correct the link',
      'content/posts/a.md:8:1  the link /files/annual%20report.pdf leads nowhere: there is no file public/files/annual report.pdf: add it under public/ or correct the link',
      'content/posts/a.md:10:1  the link /files/100%.pdf is not a valid address: a % sign in a link must be written %25',
    ]);
  });

  it('reports listing pages past the end of their list, and page 1, whose address is the list itself', () => {
    const source = linking('a.md', 'title: A\ndate: 2024-02-01', ['/page/3', '/page/1', '/tags/ai/page/2', '/tags/ai/page/1']);
    expect(check(source)).toEqual([
      'content/posts/a.md:6:1  the link /page/3 leads nowhere: the site has no page /page/3, because the list holds 3 articles at 2 a page, so its last page is /page/2',
      'content/posts/a.md:8:1  the link /page/1 leads nowhere: the site has no page /page/1, because page 1 of the list is / — did you mean /?',
      'content/posts/a.md:10:1  the link /tags/ai/page/2 leads nowhere: the site has no page /tags/ai/page/2, because the list holds 1 article at 2 a page, so its last page is /tags/ai',
      'content/posts/a.md:12:1  the link /tags/ai/page/1 leads nowhere: the site has no page /tags/ai/page/1, because page 1 of the list is /tags/ai — did you mean /tags/ai?',
    ]);
  });

  it('reports a tag that only drafts or later articles use, except from a draft or an article published after them', () => {
    const links = ['/tags/robotics', '/tags/quantum/feed.xml'];
    expect(check(linking('a.md', 'title: A\ndate: 2024-02-01', links))).toEqual([
      'content/posts/a.md:6:1  the link /tags/robotics leads to a tag that only drafts use (content/posts/robots.md), so readers cannot open /tags/robotics: publish the draft first or remove the link',
      'content/posts/a.md:8:1  the link /tags/quantum/feed.xml leads to a tag whose first article is scheduled for 2099-01-01 (content/posts/quantum.md), ' +
        'so /tags/quantum is a broken link until then: remove the link or schedule this article for that date or later',
    ]);
    expect(check(linking('b.md', 'title: B\ndate: 2024-02-01\ndraft: true', [...links, '/tags/nope']))).toEqual([
      expect.stringMatching(/^content\/posts\/b\.md:11:1 {2}the link \/tags\/nope leads nowhere: there is no tag/),
    ]);
    expect(check(linking('c.md', 'title: C\ndate: 2099-01-02', ['/tags/quantum']))).toEqual([]);
    // Without a moment to judge by, nothing is scheduled.
    expect(check(linking('a.md', 'title: A\ndate: 2024-02-01', ['/tags/quantum']), { now: undefined })).toEqual([]);
  });

  it('suggests a tag by the name or alias written in place of its URL', () => {
    const { registry } = parseTagRegistry('content/tags.yml', 'Language Models:\n  slug: language-models\n  aliases: [LLMs]\n');
    const models = article('models.md', 'title: M\ndate: 2024-01-04\ntags: [LLMs]');
    const source = linking('a.md', 'title: A\ndate: 2024-02-01', ['/tags/llms', '/tags/language-models']);
    expect(lines(checkLinks([source, models], { imageExists: files, site: SITE, registry }))).toEqual([
      "content/posts/a.md:6:1  the link /tags/llms leads nowhere: there is no tag with the URL /tags/llms (tags are made from the articles' tags: lists) — did you mean /tags/language-models?",
    ]);
  });

  it('checks a relative link where the browser takes it from the article, /posts/<slug>, and suggests the path meant', () => {
    const source = linking('news.md', 'title: A\ndate: 2024-02-01', [
      'posts/llama-2-released', '../llama-2-released', './llama-2-releasd', 'files/report.pdf', 'about', 'posts/target#part',
    ]);
    expect(check(source)).toEqual([
      'content/posts/news.md:6:1  the link posts/llama-2-released is relative, so readers would land on /posts/posts/llama-2-released, which does not exist — did you mean /posts/llama-2-released?',
      'content/posts/news.md:8:1  the link ../llama-2-released is relative, so readers would land on /llama-2-released, which does not exist — did you mean /posts/llama-2-released?',
      'content/posts/news.md:10:1  the link ./llama-2-releasd is relative, so readers would land on /posts/llama-2-releasd, which does not exist — did you mean /posts/llama-2-released?',
      'content/posts/news.md:12:1  the link files/report.pdf is relative, so readers would land on /posts/files/report.pdf, which does not exist — did you mean /files/report.pdf?',
      'content/posts/news.md:14:1  the link about is relative, so readers would land on /posts/about, which does not exist',
      'content/posts/news.md:16:1  the link posts/target#part is relative, so readers would land on /posts/posts/target, which does not exist — did you mean /posts/target#part?',
    ]);
  });

  it('accepts a relative link that lands on a page, and holds it to the same draft and schedule rules', () => {
    const fine = ['../tags/ai', './target', 'llama-2-released#intro', '../files/report.pdf', '../', '?tags=ai'];
    expect(check(linking('a.md', 'title: A\ndate: 2024-02-01', fine))).toEqual([]);
    expect(check(linking('a.md', 'title: A\ndate: 2024-02-01', ['./draft', '../tags/quantum']), {}, [draft])).toEqual([
      'content/posts/a.md:6:1  the link ./draft leads to a draft (content/posts/draft.md), which readers cannot open: publish it first or remove the link',
      'content/posts/a.md:8:1  the link ../tags/quantum leads to a tag whose first article is scheduled for 2099-01-01 (content/posts/quantum.md), ' +
        'so /tags/quantum is a broken link until then: remove the link or schedule this article for that date or later',
    ]);
  });

  it('leaves paths that could be files unchecked when it is not told which files exist, but still checks tags', () => {
    const source = linking('a.md', 'title: A\ndate: 2024-02-01', ['/files/anything.pdf', '/tags/nope']);
    expect(check(source, { imageExists: undefined })).toEqual([expect.stringMatching(/the link \/tags\/nope leads nowhere/)]);
  });

  it('does not judge tags and listing pages while an article has errors of its own: it may carry the tag', () => {
    const source = linking('news.md', 'title: A\ndate: 2024-02-01', ['/tags/nope', '/page/7', '/post/x']);
    const found = checkLinks([source], { files: ['content/posts/news.md', 'content/posts/broken.md'], imageExists: files, site: SITE });
    expect(lines(found)).toEqual(['content/posts/news.md:10:1  the link /post/x leads nowhere: the site has no page /post/x']);
  });
});

describe('checkImages', () => {
  it('reports local images, in the body and as cover, that are not under public/', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01\nimage: /images/cover.jpg', '![Here](/images/here.png)\n\n![Gone](/images/gone.png)');
    expect(lines(checkImages(source, exists))).toEqual([
      'content/posts/a.md:4:1  image /images/cover.jpg does not exist: there is no file public/images/cover.jpg. Add the file or correct the path',
      'content/posts/a.md:9:1  image /images/gone.png does not exist: there is no file public/images/gone.png. Add the file or correct the path',
    ]);
  });

  it('leaves remote images alone and asks for a path from public/ instead of a relative one', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01\nimage: https://example.com/a.jpg', '![Rel](images/here.png) ![Web](//cdn.example.com/x.png)');
    expect(lines(checkImages(source, exists))).toEqual([
      expect.stringMatching(/^content\/posts\/a\.md:7:1 {2}image images\/here\.png is a relative path.*such as \/images\/here\.png$/),
    ]);
  });

  it('suggests the path from public/ for an image written with public/ in it', () => {
    const source = article(
      'a.md',
      'title: A\ndate: 2024-02-01\nimage: /public/images/covers/gpt-4.jpg',
      '![Chart](../../public/images/sdxl/abstract.jpg)\n\n![x](public/images/a.png)\n\n![y](./public/here.png)',
    );
    expect(lines(checkImages(source, exists))).toEqual([
      'content/posts/a.md:4:1  image /public/images/covers/gpt-4.jpg does not exist: paths start from public/, so leave it out: write /images/covers/gpt-4.jpg',
      "content/posts/a.md:7:1  image ../../public/images/sdxl/abstract.jpg is a relative path, which breaks on the article's page: write the path from the public/ folder, such as /images/sdxl/abstract.jpg",
      "content/posts/a.md:9:1  image public/images/a.png is a relative path, which breaks on the article's page: write the path from the public/ folder, such as /images/a.png",
      "content/posts/a.md:11:1  image ./public/here.png is a relative path, which breaks on the article's page: write the path from the public/ folder, such as /here.png",
    ]);
  });

  it('reports an image path with a stray % sign instead of looking it up', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01', '![Growth](/images/100%.png)');
    expect(lines(checkImages(source, (src) => exists(decodeURIComponent(src))))).toEqual([
      'content/posts/a.md:6:1  image /images/100%.png is not a valid address: a % sign in a path must be written %25',
    ]);
  });

  it('warns about images without alt text', () => {
    const source = article('a.md', 'title: A\ndate: 2024-02-01', 'Text ![](/images/here.png) and ![ ](/images/here.png)');
    expect(lines(checkImages(source, exists))).toEqual([
      'content/posts/a.md:6:6  warning: image /images/here.png has no alt text: describe it for readers who cannot see it, as in ![What the picture shows](/images/here.png)',
      'content/posts/a.md:6:32  warning: image /images/here.png has no alt text: describe it for readers who cannot see it, as in ![What the picture shows](/images/here.png)',
    ]);
  });
});

describe('images and links written in HTML', () => {
  it('holds an <img> in a .md body to the same rules: the file must exist, and it needs alt text', () => {
    const body = 'Intro.\n\n<img src="/images/here.png">\n\nText with <img src="/images/gone.png" alt="Gone"> inline.';
    const source = article('a.md', 'title: A\ndate: 2024-02-01', body);
    expect(lines(checkImages(source, exists))).toEqual([
      'content/posts/a.md:10:11  image /images/gone.png does not exist: there is no file public/images/gone.png. Add the file or correct the path',
      'content/posts/a.md:8:1  warning: image /images/here.png has no alt text: describe it for readers who cannot see it, as in <img src="/images/here.png" alt="What the picture shows">',
    ]);
  });

  it('checks an <a> like a markdown link, and refuses a file link that only markdown would rewrite', () => {
    const body = '<p>See <a href="/posts/nowhere">this</a> and <a href="./target.md">that</a>, or <a href="/posts/target">this one</a>.</p>';
    const source = article('a.md', 'title: A\ndate: 2024-02-01', body);
    expect(lines(checkLinks([source, target], { now: NOW }))).toEqual([
      'content/posts/a.md:6:8  the link /posts/nowhere leads nowhere: there is no article content/posts/nowhere.md or .mdx',
      'content/posts/a.md:6:46  the link ./target.md is written in HTML, where links to files are not turned into page links: write href="/posts/target", or a markdown link [text](./target.md)',
    ]);
  });

  it('checks <img> written as JSX in an .mdx body', () => {
    const source = article('a.mdx', 'title: A\ndate: 2024-02-01', 'Intro.\n\n<img src="/images/gone.png" alt="Gone" />');
    expect(lines(checkImages(source, exists))).toEqual([
      'content/posts/a.mdx:8:1  image /images/gone.png does not exist: there is no file public/images/gone.png. Add the file or correct the path',
    ]);
  });
});

describe('checkGalleries', () => {
  it('reports a <Gallery> without images, and accepts one with images', () => {
    const source = article(
      'a.mdx',
      'title: A\ndate: 2024-02-01',
      '<Gallery caption="Empty">\nNo pictures yet.\n</Gallery>\n\n<Gallery>\n![One](/images/one.png)\n![Two](/images/two.png)\n</Gallery>',
    );
    expect(lines(checkGalleries(source))).toEqual([expect.stringMatching(/^content\/posts\/a\.mdx:6:1 {2}<Gallery> holds no images/)]);
  });
});

describe('checkTagSpelling', () => {
  const tagged = (name: string, tags: string) => article(name, `title: T\ndate: 2024-02-01\ntags: [${tags}]`);

  it('suggests the tag other articles use when one is a letter off', () => {
    const found = checkTagSpelling([tagged('a.md', 'Open Source'), tagged('b.md', 'Open Source, AI'), tagged('c.md', 'Opn Source')]);
    expect(lines(found)).toEqual([
      'content/posts/c.md:4:1  warning: tag "Opn Source" is one letter away from "Open Source" (used by 2 articles) — did you mean "Open Source"?',
    ]);
  });

  it('suggests the tag other articles use when two neighbouring letters are swapped', () => {
    const found = checkTagSpelling([tagged('a.md', 'Language Models'), tagged('b.md', 'Language Models'), tagged('c.md', 'Langauge Models')]);
    expect(lines(found)).toEqual([
      'content/posts/c.md:4:1  warning: tag "Langauge Models" has two letters swapped compared with "Language Models" (used by 2 articles) — did you mean "Language Models"?',
    ]);
    // Swapped digits are different versions, not a typo.
    expect(checkTagSpelling([tagged('a.md', 'Model 12'), tagged('b.md', 'Model 12'), tagged('c.md', 'Model 21')])).toEqual([]);
  });

  it('leaves tags apart that differ by a digit or a symbol, or are very short', () => {
    const articles = [tagged('a.md', 'GPT-4, C#, Llama 2'), tagged('b.md', 'GPT-4, C#, Llama 2'), tagged('c.md', 'GPT-3, C, Llama 1')];
    expect(checkTagSpelling(articles)).toEqual([]);
  });

  it('does not guess between two tags used equally often', () => {
    expect(checkTagSpelling([tagged('a.md', 'Robotics'), tagged('b.md', 'Robotic')])).toEqual([]);
  });

  it('treats the aliases content/tags.yml merges as one tag, and suggests the registered name', () => {
    const { registry } = parseTagRegistry('content/tags.yml', 'Language Models:\n  aliases: [Transformer, Transformers]\n');
    const articles = [tagged('a.md', 'Transformer'), tagged('b.md', 'Transformers'), tagged('c.md', 'Transformers'), tagged('d.md', 'Language Model')];
    // Without the registry, Transformer looks like a typo of Transformers.
    expect(lines(checkTagSpelling(articles))).toContainEqual(expect.stringMatching(/tag "Transformer" is one letter away from "Transformers"/));
    expect(lines(checkTagSpelling(articles, registry))).toEqual([
      'content/posts/d.md:4:1  warning: tag "Language Model" is one letter away from "Language Models" (used by 3 articles) — did you mean "Language Models"?',
    ]);
  });
});

describe('checkUpdated', () => {
  it('warns about a revision dated after today, which readers would see at once', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(lines(checkUpdated(article('a.md', 'title: A\ndate: 2024-01-01\nupdated: 2204-01-02'), now))).toEqual([
      'content/posts/a.md:4:1  warning: updated (2204-01-02) is in the future, and readers see it at once: is the year right?',
    ]);
    expect(checkUpdated(article('a.md', 'title: A\ndate: 2024-01-01\nupdated: 2024-05-31'), now)).toEqual([]);
    expect(checkUpdated(article('a.md', 'title: A\ndate: 2024-01-01'), now)).toEqual([]);
    expect(checkUpdated(article('a.md', 'title: A\ndate: 2099-01-01\nupdated: 2099-02-01'), now)).toEqual([]);
  });
});

describe('suggest', () => {
  it('offers only plausible typos', () => {
    expect(suggest('llama-2-relased', ['llama-2-released', 'gpt-4'])).toBe('llama-2-released');
    expect(suggest('something-else', ['llama-2-released', 'gpt-4'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });
});

describe('the build runs the checks', () => {
  it('fails on a broken link and a missing image, and passes warnings through', () => {
    const sources = [
      { file: 'content/posts/a.md', raw: '---\ntitle: A\ndate: 2024-01-01\n---\n\n[b](./b.md) ![](/images/x.png)\n' },
    ];
    expect(() => indexContent(sources, { includeDrafts: false, imageExists: () => false })).toThrow(ContentError);
    const index = indexContent(sources.map((s) => ({ ...s, raw: s.raw.replace('[b](./b.md) ', '') })), { includeDrafts: false, imageExists: () => true });
    expect(index.issues.map((issue) => issue.severity)).toEqual(['warning']);
  });

  it('fails on a link to a tag no article has, naming the file and line', () => {
    const sources = [{ file: 'content/posts/a.md', raw: '---\ntitle: A\ndate: 2024-01-01\ntags: [AI]\n---\n\nSee [AI](/tags/ai) and [more](/tag/ai).\n' }];
    expect(() => indexContent(sources, { includeDrafts: false, imageExists: () => false })).toThrow(
      'content/posts/a.md:7:24  the link /tag/ai leads nowhere: the site has no page /tag/ai — did you mean /tags/ai?',
    );
  });
});
