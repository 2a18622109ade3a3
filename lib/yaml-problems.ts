// Frontmatter that YAML cannot read, explained in an editor's words. The YAML library's own messages
// ("Nested mappings are not allowed in compact mappings") name the grammar rule that broke, not the mistake
// that broke it, and often point past it (an unclosed quote is noticed lines later). The handful of mistakes
// editors actually make — a colon, a bracket or an apostrophe in a title, a tab, a list out of line, a field
// written twice, a missing closing `---` — are recognised from the error's code and the lines themselves.
import type { YAMLError } from 'yaml';

export type YamlProblem = { line: number; column: number; message: string };

/** A frontmatter line `key: value`; `value` as written, after the colon and its spaces. */
const FIELD = /^([A-Za-z_][\w-]*)\s*:[ \t]*(.*?)\s*$/;
/** Characters that mean something to YAML at the start of a value, so such a value must be quoted. */
const SPECIAL_START: Record<string, string> = {
  '[': 'a list',
  '{': 'a group of fields',
  '*': 'a reference',
  '&': 'a reference',
  '!': 'a type',
  '|': 'a block of text',
  '>': 'a block of text',
  '@': 'a reserved character',
  '`': 'a reserved character',
  '%': 'a directive',
};

/**
 * A frontmatter block whose closing `---` is missing, with the line to show it on; undefined when it is closed.
 * gray-matter ends the block at the next line that begins with `---`. Without one, it reads the whole article
 * as frontmatter, whose text then fails as YAML in confusing ways. With a later `---` (a horizontal rule in
 * the text), the article's first paragraphs are read as fields, and the editor is told about an "unknown
 * field" made of a sentence: recognised by a line, after an empty one, that is not a field, a list item or a
 * comment. `fields`: the frontmatter's field names.
 */
export function unclosedFrontmatter(lines: readonly string[], fields: readonly string[]): YamlProblem | undefined {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && line.startsWith('---'));
  if (closing === -1) {
    return {
      line: 1,
      column: 1,
      message: 'the frontmatter is never closed: add a line with only --- after its last field, before the text of the article',
    };
  }
  let last = 0;
  let afterBlank = false;
  for (let index = 1; index < closing; index++) {
    const text = lines[index]!;
    if (text.trim() === '') {
      afterBlank = true;
      continue;
    }
    const field = FIELD.exec(text);
    const key = field?.[1];
    // Indented (a list item, a continued value) or a comment: part of the field above.
    const inField = /^\s|^#/.test(text);
    // A sentence ("Update: Meta has confirmed the date.") rather than a misspelt field ("tgas: [AI]"), which
    // the unknown-field message handles better.
    const prose = !inField && (!field || (/^[A-Z]/.test(key!) && !fields.includes(key!.toLowerCase()) && field[2]!.split(/\s+/).length >= 3));
    if (afterBlank && prose) {
      return {
        line: index + 1,
        column: 1,
        message: `this line reads like the article's text, but it is still inside the frontmatter: add a line with only --- after the last field (line ${last + 1}) to close it`,
      };
    }
    if (!prose) last = index;
    afterBlank = false;
  }
  return undefined;
}

/**
 * `error` from parsing the frontmatter whose lines are `lines` (index 0 is the opening `---`, so a YAML line
 * number is also the file's line number); the problem with its place in the file.
 */
export function describeYamlError(error: YAMLError, lines: readonly string[]): YamlProblem {
  const line = error.linePos?.[0]?.line ?? 1;
  const column = error.linePos?.[0]?.col ?? 1;
  const text = lines[line - 1] ?? '';
  const field = FIELD.exec(text);
  const at = (message: string, where = line, col = 1): YamlProblem => ({ line: where, column: col, message });

  // `draft:true`: YAML needs a space after the colon, and its message says something else entirely.
  const glued = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(text);
  if (glued && !/^\/\//.test(glued[2]!)) {
    return at(`put a space after the colon: ${glued[1]}: ${glued[2]}`);
  }
  // `-Research`: a list item needs a space after its dash.
  const dash = /^(\s*)-([^\s-].*)$/.exec(text);
  if (dash) return at(`put a space after the - that starts a list item: ${dash[1]}- ${dash[2]}`);
  if (/,\s*,/.test(text)) return at('two commas in a row in a list: remove one', line, text.search(/,\s*,/) + 1);

  switch (error.code) {
    case 'TAB_AS_INDENT':
      return at('this line is indented with a tab, which YAML does not allow: indent with spaces');
    case 'DUPLICATE_KEY': {
      const key = field?.[1];
      const first = key ? lines.findIndex((other) => FIELD.exec(other)?.[1] === key) + 1 : 0;
      return at(
        key && first > 0 && first < line
          ? `the field ${key} is written twice, on lines ${first} and ${line}: keep one of them`
          : 'a field is written twice: keep one of them',
      );
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(error.message)?.[1] ?? (/closing "quote/.test(error.message) ? '"' : undefined);
      if (quote) {
        // The parser only notices at the end of the frontmatter: point at the value that opened the quote.
        const opened = lines.findIndex((candidate, index) => index < line && opensQuote(candidate, quote)) + 1;
        if (opened > 0) {
          const key = FIELD.exec(lines[opened - 1]!)![1];
          return at(`the value of ${key} opens a ${quote} quote that is never closed: end the value with ${quote} on the same line`, opened);
        }
      }
      break;
    }
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const list = lines.findIndex((candidate, index) => index < line && opensFlowList(candidate)) + 1;
      if (list > 0 && error.code === 'BAD_INDENT') {
        const key = FIELD.exec(lines[list - 1]!)![1];
        return at(`the list of ${key} opens with [ but is never closed: end it with ] on the same line, such as ${key}: [AI, Research]`, list);
      }
      if (field) {
        const [, key, value] = field;
        const suggestion = `${key}: "${value!.replace(/^(['"])(.*)\1$/, '$2').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
        if (value!.startsWith("'") && error.code === 'UNEXPECTED_TOKEN') {
          return at(
            `the value of ${key} is in single quotes, so an apostrophe inside it ends it early: write the apostrophe twice ('') or use double quotes: ${suggestion}`,
          );
        }
        if (value!.startsWith('"') && error.code === 'UNEXPECTED_TOKEN') {
          return at(`the value of ${key} is in double quotes, so a " inside it ends it early: write \\" for a quotation mark inside it`);
        }
        const special = SPECIAL_START[value![0] ?? ''];
        if (special && !/^\[.*\]$|^\{.*\}$/.test(value!)) {
          return at(`the value of ${key} starts with ${value![0]}, which YAML reads as ${special}: put the whole value in quotes: ${suggestion}`);
        }
        if (/:\s/.test(value!)) {
          return at(`the value of ${key} contains a colon followed by a space, which YAML reads as the start of another field: put the whole value in quotes: ${suggestion}`);
        }
      }
      if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /^\s*-/.test(text)) {
        return at('this list item is not lined up with the items above it: start every item of a list with the same spaces before its -');
      }
      break;
    }
  }
  const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return at(
    `the frontmatter is not valid YAML here (${reason}). Common causes: a value containing a colon, a # or quotes that needs to be in quotes, or a line indented differently from the lines around it`,
    line,
    column,
  );
}

function opensQuote(line: string, quote: string): boolean {
  const value = FIELD.exec(line)?.[2] ?? /^\s*-\s+(.*?)\s*$/.exec(line)?.[1];
  if (!value?.startsWith(quote)) return false;
  // Closed on its own line: the quote appears again after the first character (a doubled '' is an escaped one).
  const rest = quote === "'" ? value.slice(1).replace(/''/g, '') : value.slice(1).replace(/\\./g, '');
  return !rest.includes(quote);
}

function opensFlowList(line: string): boolean {
  const value = FIELD.exec(line)?.[2];
  return value !== undefined && value.startsWith('[') && !value.includes(']');
}

/**
 * Frontmatter that YAML reads without complaint but not as the editor meant, each with its line:
 * - `title: Why Mistral is #1`: YAML ends the value at ` #` (a comment), publishing "Why Mistral is";
 * - a list item indented further than the one above it, which YAML joins to it ("AI - Research" for one tag).
 * `lines` are the file's; the frontmatter runs from line 2 up to `lastLine`.
 */
export function misreadFrontmatter(lines: readonly string[], lastLine: number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  for (let index = 1; index < Math.min(lastLine, lines.length); index++) {
    const text = lines[index]!;
    const field = FIELD.exec(text);
    const [, key, value] = field ?? [];
    // Text fields only: `draft: true # until Monday` is a comment meant as one.
    if (key && value && /^(title|description|image)$/.test(key) && !/^['"[{|>]/.test(value)) {
      const comment = value.search(/\s#/);
      if (comment > 0) {
        problems.push({
          line: index + 1,
          column: 1,
          message:
            `everything after " #" is a comment in YAML, so ${key} would be published as "${value.slice(0, comment)}": ` +
            `put the whole value in quotes: ${key}: "${value.replace(/"/g, '\\"')}"`,
        });
      }
    }
    const item = /^(\s*)-\s+\S/.exec(text);
    const next = /^(\s*)-\s/.exec(lines[index + 1] ?? '');
    if (item && next && index + 1 < lastLine && next[1]!.length > item[1]!.length) {
      problems.push({
        line: index + 2,
        column: 1,
        message: 'this list item is indented further than the one above it, so YAML joins the two into one: start every item of a list with the same spaces before its -',
      });
    }
  }
  return problems;
}

