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

const receive = createSearchWorker({ loadPagefind, post: (message: FromSearchWorker) => self.postMessage(message), fetchFile: fetchBundleFile, combineDir: COMMON_ANSWERS_DIR });
self.addEventListener('message', (event: MessageEvent<ToSearchWorker>) => void receive(event.data));
