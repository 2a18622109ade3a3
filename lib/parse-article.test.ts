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

  it('reports a list that is never closed on the line that opens it', () => {
    expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: [AI, Meta\ndescription: x'))).toEqual([
      '4: the list of tags opens with [ but is never closed: end it with ] on the same line, such as tags: [AI, Research]',
    ]);
  });

  it('suggests the key meant by an unknown key', () => {
    expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntgas: [AI]'))).toEqual([
      '4: unknown field "tgas" — did you mean "tags"?',
    ]);
  });

  it('names a field written with a capital once, without also calling it missing', () => {
    expect(messages('content/posts/a.md', article('Title: A\nDate: 2023-03-01\ntags: [AI]'))).toEqual([
      '2: field names are written in lowercase: write title: instead of Title:',
      '3: field names are written in lowercase: write date: instead of Date:',
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

  it('reads a number in the tag list as text, exactly as written', () => {
    expect(parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: [AI, 2023]')).article?.tagNames).toEqual(['AI', '2023']);
    expect(parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: [3.10, 007]')).article?.tagNames).toEqual(['3.10', '007']);
    expect(parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags:\n  - 1e3')).article?.tagNames).toEqual(['1e3']);
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

  describe('frontmatter mistakes editors make, explained on their own line', () => {
    it('a colon in a value: quote it', () => {
      expect(messages('content/posts/a.md', article('title: Llama 2: what we know\ndate: 2023-03-01'))).toEqual([
        '2: the value of title contains a colon followed by a space, which YAML reads as the start of another field: put the whole value in quotes: title: "Llama 2: what we know"',
      ]);
    });

    it('an apostrophe inside single quotes: double it or use double quotes', () => {
      expect(messages('content/posts/a.md', article("title: 'Meta's new model'\ndate: 2023-03-01"))).toEqual([
        `2: the value of title is in single quotes, so an apostrophe inside it ends it early: write the apostrophe twice ('') or use double quotes: title: "Meta's new model"`,
      ]);
    });

    it('a value starting with a bracket: quote it', () => {
      expect(messages('content/posts/a.md', article('title: [Update] New model\ndate: 2023-03-01'))).toEqual([
        '2: the value of title starts with [, which YAML reads as a list: put the whole value in quotes: title: "[Update] New model"',
      ]);
    });

    it('a value starting with #: YAML reads a comment, so the field is empty', () => {
      expect(messages('content/posts/a.md', article('title: #1 open model\ndate: 2023-03-01'))).toEqual([
        '2: everything after # is a comment in YAML, so title is read as empty: put the whole value in quotes: title: "#1 open model"',
      ]);
    });

    it('a quote never closed: the line that opens it, not where YAML noticed', () => {
      expect(messages('content/posts/a.md', article('title: "Llama 2\ndate: 2023-03-01\ndescription: x'))).toEqual([
        '2: the value of title opens a " quote that is never closed: end the value with " on the same line',
      ]);
    });

    it('a field written twice names the field and both lines', () => {
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntitle: B'))).toEqual([
        '4: the field title is written twice, on lines 2 and 4: keep one of them',
      ]);
    });

    it('a tab, and a list item out of line', () => {
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags:\n\t- AI'))).toEqual([
        '5: this line is indented with a tab, which YAML does not allow: indent with spaces',
      ]);
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags:\n  - AI\n - Research'))).toEqual([
        '6: this list item is not lined up with the items above it: start every item of a list with the same spaces before its -',
      ]);
    });

    it('frontmatter never closed, even when the text after it would pass as a field', () => {
      const unclosed = '---\ntitle: A\ndate: 2023-03-01\n\nSome text: here.\n';
      expect(messages('content/posts/a.md', unclosed)).toEqual([
        '1: the frontmatter is never closed: add a line with only --- after its last field, before the text of the article',
      ]);
    });

    it('frontmatter never closed, but closed by a horizontal rule further down', () => {
      const raw = '---\ntitle: Ok\ndate: 2023-03-01\n\nUpdate: Meta has confirmed the date.\n\n---\nMore text.\n';
      expect(messages('content/posts/a.md', raw)).toEqual([
        "5: this line reads like the article's text, but it is still inside the frontmatter: add a line with only --- after the last field (line 3) to close it",
      ]);
      // A misspelt field after an empty line is still a misspelt field.
      expect(messages('content/posts/a.md', '---\ntitle: Ok\ndate: 2023-03-01\n\ntgas: [AI]\n---\n\nText.\n')).toEqual([
        '5: unknown field "tgas" — did you mean "tags"?',
      ]);
      // Empty lines between known fields, and a rule in the text of a closed article, are fine.
      expect(messages('content/posts/a.md', '---\ntitle: Ok\n\ndate: 2023-03-01\ntags:\n\n  - AI\n---\n\nText.\n\n---\n\nMore.\n')).toEqual([]);
    });

    it('a title that is not text, a missing date and an empty title are told apart', () => {
      expect(messages('content/posts/a.md', article('title: 2023\ndate: 2023-03-01'))).toEqual([
        '2: title must be text: put it in quotes, such as `title: "2023 in review"`',
      ]);
      expect(messages('content/posts/a.md', article('title: [A, B]\ndate: 2023-03-01'))).toEqual([
        expect.stringMatching(/^2: title must be text/),
      ]);
      expect(messages('content/posts/a.md', article('title:\ndate: 2023-03-01'))).toEqual(['2: title is empty: write the headline after `title:`']);
      expect(messages('content/posts/a.md', article('title: A'))).toEqual(['1: date is missing: add a line such as `date: 2023-03-01`']);
    });

    it('an empty description or image says so; an empty tags line means no tags', () => {
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ndescription:'))).toEqual([
        '4: description is empty: write a sentence or remove the line',
      ]);
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\nimage:'))).toEqual([
        expect.stringMatching(/^4: image is empty/),
      ]);
      expect(parseArticle('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags:')).article?.tagNames).toEqual([]);
    });

    it('empty lines before the opening --- are one clear problem', () => {
      expect(messages('content/posts/a.md', `\n\n${article('title: A\ndate: 2023-03-01')}`)).toEqual([
        '1: the file starts with empty lines: the --- line that opens the frontmatter must be the very first line of the file',
      ]);
    });

    it('an empty file is one clear problem, not a crash', () => {
      expect(messages('content/posts/a.md', '')).toEqual([
        '1: the file is empty: start it with a --- block holding at least title and date, followed by the text of the article',
      ]);
      expect(messages('content/posts/a.md', '\n  \n')).toHaveLength(1);
    });

    it('reads files saved with Windows line endings or a byte-order mark like any other', () => {
      const unix = article("title: 'Llama 2'\ndate: 2023-03-01\ntags: [AI, Research]\ndraft: false", 'Text.\n\n## Part\n\nMore.');
      const windows = parseArticle('content/posts/a.md', `\uFEFF${unix.replace(/\n/g, '\r\n')}`);
      expect(windows.issues).toEqual([]);
      expect(windows.article).toMatchObject({ title: 'Llama 2', tagNames: ['AI', 'Research'], draft: false, headings: [{ text: 'Part' }] });
      expect(windows.article?.body).toBe(parseArticle('content/posts/a.md', unix).article?.body);
    });
  });

  describe('components', () => {
    const mdx = (body: string) => messages('content/posts/a.mdx', article('title: A\ndate: 2023-03-01', body));

    it('names a misspelt or unknown attribute and the ones the component takes', () => {
      expect(mdx('<Gallery colums="3">\n\n![A](/a.png)\n\n</Gallery>')).toEqual([
        '6: <Gallery> has no attribute colums — did you mean columns? It takes caption and columns',
      ]);
      expect(mdx('<Callout colour="red">\n\nCareful.\n\n</Callout>')).toEqual([
        '6: <Callout> has no attribute colour: it takes type and title',
      ]);
    });

    it('refuses a value the component does not know, which would otherwise fall back without a word', () => {
      expect(mdx('<Callout type="danger">\n\nCareful.\n\n</Callout>')).toEqual([
        '6: type="danger" is not something <Callout> knows: type must be "note" or "warning"',
      ]);
      expect(mdx('<Gallery columns="three">\n\n![A](/a.png)\n\n</Gallery>')).toEqual([
        '6: columns="three" is not something <Gallery> knows: columns must be "1", "2", "3" or "4"',
      ]);
      expect(mdx('<Callout title>\n\nCareful.\n\n</Callout>')).toEqual(['6: attribute title of <Callout> needs a value, such as title="…"']);
    });

    it('asks for the capital a lowercase component name lacks', () => {
      expect(mdx('<callout type="warning">\n\nCareful.\n\n</callout>')).toEqual(['6: components start with a capital letter: write <Callout>, not <callout>']);
    });

    it('accepts every attribute the components document', () => {
      expect(mdx('<Gallery caption="Figures" columns="2">\n\n![A](/a.png)\n\n</Gallery>\n\n<Callout type="warning" title="Mind">\n\nText.\n\n</Callout>')).toEqual([]);
    });

    it('lets MDX comments through, and only them', () => {
      expect(mdx('Before.\n\n{/* a note for editors */}\n\nAfter {/* inline */} text.')).toEqual([]);
      expect(mdx('Sum {1 + 1}.')).toEqual([expect.stringMatching(/^6: curly braces start a JavaScript expression/)]);
    });

    it('tells an editor who used a component in a .md file to rename it to .mdx', () => {
      const raw = article('title: A\ndate: 2023-03-01', 'Intro.\n\n<Callout type="warning">\nCareful.\n</Callout>\n\nText with `<Gallery>` in code and <!-- <Gallery> --> a comment.');
      expect(messages('content/posts/a.md', raw)).toEqual([
        '8: <Callout> works only in .mdx articles, and this one is .md, where it would be dropped: rename the file to a.mdx',
      ]);
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01', 'A <gallery> of lowercase HTML is not a component.'))).toEqual([]);
    });
  });

  describe('frontmatter that YAML reads, but not as the editor meant', () => {
    it('a # inside an unquoted title or description would cut it short', () => {
      expect(messages('content/posts/a.md', article('title: Why Mistral is #1 on the leaderboard\ndate: 2023-03-01'))).toEqual([
        '2: everything after " #" is a comment in YAML, so title would be published as "Why Mistral is": put the whole value in quotes: title: "Why Mistral is #1 on the leaderboard"',
      ]);
      // Quoted, or a # that follows no space (C#), is text; a comment on another field is meant as one.
      expect(messages('content/posts/a.md', article('title: "Why Mistral is #1"\ndescription: Learn C# fast\ndate: 2023-03-01\ndraft: false # for now'))).toEqual([]);
    });

    it('a list item indented further than the one above would be joined to it', () => {
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags:\n  - AI\n    - Research'))).toEqual([
        '6: this list item is indented further than the one above it, so YAML joins the two into one: start every item of a list with the same spaces before its -',
      ]);
    });

    it('a missing space after a colon or a dash, and a doubled comma, are named as such', () => {
      expect(messages('content/posts/a.md', article('title: A\ndraft:true\ndate: 2023-03-01'))).toEqual(['3: put a space after the colon: draft: true']);
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags:\n  - AI\n  -Research'))).toEqual([
        '6: put a space after the - that starts a list item:   - Research',
      ]);
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01\ntags: [AI,, Research]'))).toEqual(['4: two commas in a row in a list: remove one']);
    });

    it('a revision dated by its day alone may share the day of a timed date', () => {
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01T09:30\nupdated: 2023-03-01'))).toEqual([]);
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01T09:30\nupdated: 2023-02-28'))).toEqual([
        expect.stringMatching(/^4: updated \(2023-02-28\) is before date/),
      ]);
    });
  });

  describe('images and links that would reach readers as raw text', () => {
    it('an address with a space is reported on its line, in .md and .mdx alike', () => {
      const body = 'Intro.\n\n![A cover](/images/sdxl/my cover.jpg)\n\nSee [the post](/posts/llama 2) and [a titled one](/posts/a "Title").\n\n```\n![in code](/a b.png)\n```\n\nAnd `[x](/a b)` inline.';
      const expected = [
        '8: this image would be published as plain text, because its address /images/sdxl/my cover.jpg contains a space: rename the file without spaces, or write %20 for each space',
        '10: this link would be published as plain text, because its address /posts/llama 2 contains a space: write %20 for each space',
      ];
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01', body))).toEqual(expected);
      expect(messages('content/posts/a.mdx', article('title: A\ndate: 2023-03-01', body))).toEqual(expected);
    });

    it('a component written inline in a .md file is caught too', () => {
      expect(messages('content/posts/a.md', article('title: A\ndate: 2023-03-01', 'Note: <Callout type="warning">Remember this.</Callout>'))).toEqual([
        '6: <Callout> works only in .mdx articles, and this one is .md, where it would be dropped: rename the file to a.mdx',
      ]);
    });
  });
});

