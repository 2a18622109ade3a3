// A problem found in an article, located precisely enough for an editor to jump to it.

export type ContentIssue = {
  /** Path from the project root, such as content/posts/llama-2-released.md. */
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
};

/** By file, then line and column: the order editors read problems in. */
export function compareIssues(a: ContentIssue, b: ContentIssue): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** `content/posts/a.md:3:1  title is missing …`: the form editors' tools and terminals link to. */
export function formatIssue(issue: ContentIssue): string {
  const label = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.file}:${issue.line}:${issue.column}  ${label}${issue.message}`;
}

export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const files = new Set(errors.map((issue) => issue.file)).size;
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in ${files} article${files === 1 ? '' : 's'} ` +
        `must be fixed before the site can be built:\n` +
        errors.map(formatIssue).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}
