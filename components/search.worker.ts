// The search box's worker (see lib/search-worker.ts for why it exists). Started by components/search-box.tsx.
import { SEARCH_BUNDLE_PATH, startPagefind, type Pagefind } from '@/lib/search';
import { createSearchWorker, type FromSearchWorker, type ToSearchWorker } from '@/lib/search-worker';
import { COMMON_ANSWERS_DIR } from '@/lib/search-answers';
import { fetchBundleFile } from '@/lib/search-combine-client';

/** Pagefind's script is part of the built site, not of the JavaScript bundle: it is imported by URL. */
async function loadPagefind(): Promise<Pagefind | undefined> {
  const url = `${SEARCH_BUNDLE_PATH}pagefind.js`;
  return startPagefind(await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url));
}

/**
 * The index chunks Pagefind has fetched, by hash (`…/index/<hash>.pf_index`): Pagefind does not say which it holds,
 * and its answer to a word depends on them. Pagefind runs in this worker and fetches with this global's fetch.
 */
const loaded = new Set<string>();
const fetchOfPagefind = self.fetch.bind(self);
self.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await fetchOfPagefind(input, init);
  const url = input instanceof Request ? input.url : String(input);
  const chunk = /\/index\/([^/?#]+)\.pf_index(?:[?#]|$)/.exec(url)?.[1];
  if (chunk && response.ok) loaded.add(chunk);
  return response;
};

const receive = createSearchWorker({
  loadPagefind,
  post: (message: FromSearchWorker) => self.postMessage(message),
  fetchFile: fetchBundleFile,
  combineDir: COMMON_ANSWERS_DIR,
  loadedChunks: () => loaded,
});
self.addEventListener('message', (event: MessageEvent<ToSearchWorker>) => void receive(event.data));
