// The page's query string as React state, for islands that keep their state in the URL. Reads '' on
// the server and during hydration, so the server's HTML is what the first client render produces.
import { useSyncExternalStore } from 'react';

// pushState and replaceState fire no event; islands announce their own URL changes with this one.
const URL_CHANGE = 'island:url-change';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(URL_CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(URL_CHANGE, onChange);
  };
}

export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search, () => '');
}

/** Moves to `search` on the current path: a new history entry, or the same one with `replace`. */
export function setLocationSearch(search: string, { replace = false } = {}): void {
  const url = `${window.location.pathname}${search}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(URL_CHANGE));
}

const subscribeToNothing = () => () => {};

/** False on the server and during hydration, true after: what needs JavaScript renders only then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => true, () => false);
}
