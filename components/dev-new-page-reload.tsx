'use client';
// `next dev` keeps a route's list of params from the previous request and refreshes it in the background, so
// the first visit to an article saved a moment ago answers 404. The not-found page gets, in dev only, the
// paths the content holds now; when the missing path is one of them this reloads (a few times, backing off)
// until the server has caught up, and says what is happening meanwhile.
import { useEffect, useSyncExternalStore } from 'react';
import { safeDecode } from '@/lib/paths';

const DELAYS_MS = [400, 1000, 2000, 4000];
const WINDOW_MS = 15_000;

function samePath(a: string, b: string): boolean {
  return safeDecode(a).replace(/\/$/, '') === safeDecode(b).replace(/\/$/, '');
}

const noSubscription = () => () => {};

export function DevNewPageReload({ paths }: { paths: readonly string[] }) {
  // The path is the browser's (a not-found page is not told which URL it answers); none while rendering on the server.
  const here = useSyncExternalStore(noSubscription, () => window.location.pathname, () => null);
  const known = here !== null && paths.some((path) => samePath(path, here));

  useEffect(() => {
    if (!known || here === null) return;
    const key = `dev-new-page-reload:${here}`;
    const previous = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { count: number; at: number } | null;
    const count = previous && Date.now() - previous.at < WINDOW_MS ? previous.count : 0;
    const delay = DELAYS_MS[count];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      sessionStorage.setItem(key, JSON.stringify({ count: count + 1, at: Date.now() }));
      window.location.reload();
    }, delay);
    return () => clearTimeout(timer);
  }, [known, here]);

  if (!known) return null;
  return (
    <p role="status" className="mt-6 rounded-lg border border-[var(--line)] bg-[var(--panel)] px-4 py-3 text-sm">
      This page was added a moment ago; the development server is picking it up and the page reloads by itself.
    </p>
  );
}
