// The search box's worker (see lib/search-worker.ts for why it exists). Started by components/search-box.tsx.
import { PAGEFIND_OPTIONS, SEARCH_BUNDLE_PATH, isPagefind, isPagefindModule, type Pagefind } from '@/lib/search';
import { createSearchWorker, type FromSearchWorker, type ToSearchWorker } from '@/lib/search-worker';

/** Pagefind's script is part of the built site, not of the JavaScript bundle: it is imported by URL. */
async function loadPagefind(): Promise<Pagefind | undefined> {
  const url = `${SEARCH_BUNDLE_PATH}pagefind.js`;
  const loaded: unknown = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url);
  if (!isPagefindModule(loaded)) return undefined;
  const instance = loaded.createInstance({ noWorker: true });
  if (!isPagefind(instance)) return undefined;
  await instance.options(PAGEFIND_OPTIONS);
  await instance.init();
  return instance;
}

const receive = createSearchWorker({ loadPagefind, post: (message: FromSearchWorker) => self.postMessage(message) });
self.addEventListener('message', (event: MessageEvent<ToSearchWorker>) => void receive(event.data));
