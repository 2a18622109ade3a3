import { describe, expect, it } from 'vitest';
import { parseArticle } from './parse-article';

const article = (frontmatter: string, body = 'Some text.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const messages = (file: string, raw: string) => parseArticle(file, raw).issues.map((issue) => `${issue.line}: ${issue.message}`);

describe('parseArticle', () => {
  it('reads a valid article with quoted and unquoted dates alike', () => {
    const quoted = parseArticle('content/posts/a.md', article("title: A\ndate: '2023-03-01'\ntags: [AI, Meta]"));
    const unquoted = parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: [AI, Meta]'));
    expect(quoted.issues).toEqual([]);
    expect(quoted.article).toMatchObject({ slug: 'a', title: 'A', date: '2023-03-01', tagNames: ['AI', 'Meta'], draft: false });
    expect(unquoted.article?.time).toBe(quoted.article?.time);
  });

  it('uses the first paragraph as the summary when there is no description', () => {
    const { article: parsed } = parseArticle(
      'content/posts/a.md',
      article('title: A\ndate: 2023-03-01', '![Chart](/c.png)\n\nThe *first* real paragraph.\n\nSecond.'),
    );
    expect(parsed?.summary).toBe('The first real paragraph.');
  });

  it('leaves inline HTML out of the summary', () => {
    const { article: parsed } = parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01', 'Available in the UK.<sup>1</sup>'));
    expect(parsed?.summary).toBe('Available in the UK.1');
  });

  it('prefers the description as the summary', () => {
    const { article: parsed } = parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ndescription: Short.'));
    expect(parsed?.summary).toBe('Short.');
  });

  it('reports a missing title and an empty title on their lines', () => {
    expect(messages('content/posts/a.md', article('date: 2023-03-01'))).toEqual([
      expect.stringMatching(/^1: title is missing/),
    ]);
    expect(messages('content/posts/a.md', article("title: '  '\ndate: 2023-03-01"))).toEqual(['2: title is empty: write the headline after `title:`']);
  });

  it('reports an impossible date on its line', () => {
    expect(messages('content/posts/a.md', article('title: A\ndate: 2023-02-30'))).toEqual([
      '3: date "2023-02-30" is not a real date: February 2023 has 28 days',
    ]);
  });

  it('reports broken YAML with its line', () => {
    const [issue] = parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: [AI, Meta')).issues;
    expect(issue?.message).toMatch(/^the frontmatter is not valid YAML/);
    expect(issue?.line).toBeGreaterThanOrEqual(4);
  });

  it('suggests the key meant by an unknown key', () => {
    expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntgas: [AI]'))).toEqual([
      '4: unknown field "tgas" — did you mean "tags"?',
    ]);
  });

  it('reports every problem of an article at once', () => {
    expect(messages('content/posts/a.md', article("title: ''\ndate: 2023-02-30\ntgas: [x]"))).toHaveLength(3);
  });

  it('rejects tags that are not a list and a draft flag that is not true or false', () => {
    expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: AI'))).toEqual([
      expect.stringMatching(/^4: tags must be a list/),
    ]);
    expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ndraft: maybe'))).toEqual([
      '4: draft must be true or false',
    ]);
  });

  it('reads a number in the tag list as text', () => {
    expect(parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: [AI, 2023]')).article?.tagNames).toEqual(['AI', '2023']);
  });

  it('reports an MDX syntax error with its line in the file', () => {
    const raw = article('title: A\ndate: 2023-03-01', 'Fine.\n\n<Callout>\nnever closed');
    const [issue] = parseArticle('content/posts/a.mdx', raw).issues;
    expect(issue?.message).toMatch(/not valid MDX/);
    expect(issue?.line).toBe(8);
    expect(issue?.message).toMatch(/closing tag for `<Callout>`/);
  });

  it('names an unknown component and suggests a known one', () => {
    const raw = article('title: A\ndate: 2023-03-01', '<Galery>\n\n![a](/a.png)\n\n</Galery>');
    expect(messages('content/posts/a.mdx', raw)).toEqual([expect.stringMatching(/^6: unknown component <Galery>: did you mean <Gallery>\?/)]);
  });

  it('reports expressions and attribute expressions that MDX would silently drop', () => {
    const raw = article('title: A\ndate: 2023-03-01', 'Cost {price}.\n\n<Gallery columns={3}>\n\n![a](/a.png)\n\n</Gallery>');
    const found = messages('content/posts/a.mdx', raw);
    expect(found).toEqual([expect.stringMatching(/curly braces/), expect.stringMatching(/attribute columns of <Gallery> is a JavaScript expression/)]);
  });

  it('parses .md as markdown, where < and braces are plain text', () => {
    const raw = article('title: A\ndate: 2023-03-01', '3 < 4 and {braces} and <br> and <img src="/a.png">');
    expect(parseArticle('content/posts/a.md', raw).issues).toEqual([]);
  });

  it('asks for a URL-safe file name', () => {
    expect(messages('content/posts/My Post.md', article('title: A\ndate: 2023-03-01'))).toEqual([
      expect.stringMatching(/rename it to my-post\.md/),
    ]);
  });

  it('suggests only a file name the check accepts', () => {
    // ʰ is a letter, but not a lowercase one: kept, the suggestion would fail the same check.
    expect(messages('content/posts/Kʰmer_Notes.mdx', article('title: A\ndate: 2023-03-01'))).toEqual([
      expect.stringMatching(/rename it to k-mer-notes\.mdx$/),
    ]);
    expect(messages('content/posts/!!!.md', article('title: A\ndate: 2023-03-01'))).toEqual([
      expect.stringMatching(/single hyphens: rename it$/),
    ]);
  });

  it('collects headings with the ids rehype-slug gives them', () => {
    const raw = article('title: A\ndate: 2023-03-01', '## One\n\n### Two two\n\n## One');
    expect(parseArticle('content/posts/a.md', raw).article?.headings).toEqual([
      { depth: 2, text: 'One', id: 'one' },
      { depth: 3, text: 'Two two', id: 'two-two' },
      { depth: 2, text: 'One', id: 'one-1' },
    ]);
  });
});
