import { editUrl } from '@/lib/edit-link';

/** Sends an editor (or a reader with a correction) straight to the article's file in the repository. */
export function EditArticleLink({ file }: { file: string }) {
  return (
    <p className="text-sm text-[var(--muted)]">
      <a
        href={editUrl(file)}
        className="inline-flex items-center gap-1.5 underline decoration-[var(--line)] underline-offset-4 hover:text-[var(--ink)] hover:decoration-current"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" fill="currentColor">
          <path d="M11.013 1.427a1.75 1.75 0 0 1 2.474 0l1.086 1.086a1.75 1.75 0 0 1 0 2.474l-8.61 8.61c-.21.21-.47.364-.756.445l-3.251.93a.75.75 0 0 1-.927-.928l.929-3.25c.081-.286.235-.547.445-.758l8.61-8.61Zm1.414 1.06a.25.25 0 0 0-.354 0L10.811 3.75l1.439 1.44 1.263-1.263a.25.25 0 0 0 0-.354l-1.086-1.086ZM11.189 6.25 9.75 4.81l-6.286 6.287a.25.25 0 0 0-.064.108l-.558 1.953 1.953-.558a.249.249 0 0 0 .108-.064l6.286-6.286Z" />
        </svg>
        Edit this article
      </a>
    </p>
  );
}
