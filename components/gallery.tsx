type GalleryProps = { children?: React.ReactNode; caption?: string; columns?: string };

export function Gallery({ children, caption, columns }: GalleryProps) {
  const count = Number(columns) || 2;
  return (
    <figure className="not-prose my-8">
      <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${Math.min(Math.max(count, 1), 4)}, minmax(0, 1fr))` }}>
        {children}
      </div>
      {caption ? <figcaption className="mt-2 text-center text-sm text-[var(--muted)]">{caption}</figcaption> : null}
    </figure>
  );
}
