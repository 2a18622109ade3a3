import { compareIssues, type ContentIssue } from '@/lib/content-issue';

/**
 * What `next dev` shows instead of the page while an article is broken: the same problems, in the same
 * words, as `npm run content:check`, grouped by file. It goes away on the reload after the fix.
 */
export function ContentErrorPage({ issues }: { issues: readonly ContentIssue[] }) {
  const byFile = new Map<string, ContentIssue[]>();
  for (const issue of issues) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  const files = [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="mx-auto max-w-4xl px-4 py-12 sm:px-6 sm:py-16" data-content-errors>
      <p className="text-sm font-semibold uppercase tracking-wider text-red-700 dark:text-red-400">Content problems</p>
      <h1 className="mt-3 font-serif text-3xl font-bold tracking-tight sm:text-4xl">
        {issues.length === 1 ? 'One problem must be fixed' : `${issues.length} problems must be fixed`} before the site can be built
      </h1>
      <p className="mt-4 text-[var(--muted)]">
        Fix the lines below and reload this page; the development server picks up the change without a restart.
        <code className="mx-1 whitespace-nowrap rounded bg-[var(--panel)] px-1.5 py-0.5 text-sm">npm run content:check</code>
        prints the same list in a terminal.
      </p>
      <div className="mt-10 space-y-8">
        {files.map(([file, fileIssues]) => (
          <section key={file} aria-labelledby={`problems-${file}`}>
            <h2 id={`problems-${file}`} className="font-mono text-base font-semibold break-all">
              {file}
            </h2>
            <ul className="mt-3 divide-y divide-[var(--line)] rounded-lg border border-[var(--line)] bg-[var(--panel)]">
              {fileIssues
                .sort(compareIssues)
                .map((issue, index) => (
                  <li key={index} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:gap-4">
                    <span className="shrink-0 font-mono text-sm text-[var(--muted)]">
                      line {issue.line}, column {issue.column}
                    </span>
                    <span className="break-words">{issue.message}</span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
