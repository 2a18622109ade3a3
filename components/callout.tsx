import type { MdxAttributesOf } from '@/lib/mdx-components-names';

const TONES = {
  note: { label: 'Note', className: 'border-accent-400 bg-accent-50 dark:bg-accent-900/30' },
  warning: { label: 'Warning', className: 'border-amber-500 bg-amber-50 dark:bg-amber-900/20' },
} as const;

type CalloutProps = MdxAttributesOf<'Callout'> & { children?: React.ReactNode };

/** `<Callout type="warning" title="…">` in .mdx: a boxed aside for caveats and editor's notes. */
export function Callout({ type, title, children }: CalloutProps) {
  const tone = type === 'warning' ? TONES.warning : TONES.note;
  return (
    <aside className={`my-6 rounded-r-lg border-l-4 px-5 py-1 ${tone.className}`} aria-label={title ?? tone.label}>
      <p className="!mb-1 font-semibold">{title ?? tone.label}</p>
      <div className="[&>*:first-child]:mt-1">{children}</div>
    </aside>
  );
}
