// The page's side of the search worker (lib/search-worker.ts): one request per query, answered first with
// the results on screen and then with the rest.
import type { TagChoice } from './search';
import type { CombineIndex, WordPostings } from './search-combine';
import type { FromSearchWorker, SearchAnswer, ToSearchWorker, WithOtherWord } from './search-worker';

/** The part of a `Worker` this uses; tests pass the worker's handler wired to a fake. */
export type SearchWorkerPort = {
  postMessage: (message: ToSearchWorker) => void;
  addEventListener: ((type: 'message', listener: (event: { data: FromSearchWorker }) => void) => void) &
    ((type: 'error', listener: () => void) => void);
};

type Pending = {
  progress: (answer: SearchAnswer) => void;
  resolve: (answer: SearchAnswer | undefined) => void;
  reject: (error: Error) => void;
};

type PendingCount = { resolve: (tags: TagChoice[]) => void; reject: (error: Error) => void };

export type SearchRequest = { text: string; tag?: string; withCounts: boolean; first: number; shown: number; combine?: WithOtherWord; stored?: CombineIndex };

export class SearchWorkerClient {
  /** Whether Pagefind started in the worker: false where no index was built (as under `next dev`). */
  readonly ready: Promise<boolean>;
  private lastId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly counting = new Map<number, PendingCount>();
  private scoresAsked: string | undefined;

  constructor(private readonly port: SearchWorkerPort) {
    this.ready = new Promise((resolve) => {
      port.addEventListener('error', () => {
        resolve(false);
        for (const { reject } of [...this.pending.values(), ...this.counting.values()]) reject(new Error('The search worker stopped'));
        this.pending.clear();
        this.counting.clear();
      });
      port.addEventListener('message', ({ data }) => {
        if (data.kind === 'ready') resolve(data.ok);
        else this.receive(data);
      });
    });
  }

  /**
   * Resolves with the full answer, or undefined when the query went stale: superseded (see supersede), or left
   * unanswered by Pagefind; `progress` gets the first results when there are more to come.
   */
  search(request: SearchRequest, progress: (answer: SearchAnswer) => void): Promise<SearchAnswer | undefined> {
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { progress, resolve, reject });
      this.port.postMessage({ kind: 'search', id, ...request });
    });
  }

  /**
   * The reader typed on: whatever the worker is answering will not be shown. Its searches are answered
   * stale here and now, rather than by the worker: the page can send the next query in the same task as
   * the key, instead of after a message to the worker and one back (each a thread to wake, on a busy
   * machine 5–30 ms). The worker still learns of it first, as messages arrive in order, forgets the stale
   * search and stops it at its next step.
   */
  supersede(): void {
    this.port.postMessage({ kind: 'superseded' });
    for (const { resolve } of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }

  /**
   * Starts fetching the index chunks `text` needs, for a search expected to follow. `warm`: also search it once,
   * dropping the answer, because Pagefind's first searches in a fresh worker run two to three times slower than
   * later ones (its WebAssembly starts in V8's baseline tier); used when the words have a stored answer on
   * screen and the reader has begun another word, which Pagefind will have to answer. `stored`: what the build
   * stored, with which the worker skips an unfinished last word whose chunk is a guess (lib/search-worker.ts).
   */
  preload(text: string, { warm = false, stored }: { warm?: boolean; stored?: CombineIndex } = {}): void {
    this.port.postMessage({ kind: 'preload', text, warm, stored });
  }

  /**
   * Has the worker search `text` now and keep the answer, with the excerpts of its `first` results, for when
   * it is asked: the query the reader's next keys most likely make (lib/search-answers.ts, planSearch).
   */
  ahead(text: string, first: number): void {
    this.port.postMessage({ kind: 'ahead', text, first });
  }

  /**
   * Has the worker fetch and decode these common words' stored scores (and Pagefind's metadata) while the reader
   * types another word after them: the search of them all will rank with them. Asked once per set of words.
   */
  prefetchScores(stored: CombineIndex, words: WordPostings[]): void {
    const key = [stored.meta, ...words.map((word) => word.file)].join(' ');
    if (key === this.scoresAsked) return;
    this.scoresAsked = key;
    this.port.postMessage({ kind: 'scores', stored, words });
  }

  /** The query's results counted by tag, the most frequent first (the worker loads the filter data first). */
  counts(text: string): Promise<TagChoice[]> {
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.counting.set(id, { resolve, reject });
      this.port.postMessage({ kind: 'counts', id, text });
    });
  }

  private receive(message: Exclude<FromSearchWorker, { kind: 'ready' }>): void {
    const counting = this.counting.get(message.id);
    if (counting) {
      this.counting.delete(message.id);
      if (message.kind === 'counted') counting.resolve(message.tags);
      else counting.reject(new Error(message.kind === 'failed' ? message.message : 'No counts'));
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'answer' && !message.done) return pending.progress(message);
    this.pending.delete(message.id);
    if (message.kind === 'answer') pending.resolve(message);
    else if (message.kind === 'stale') pending.resolve(undefined);
    else if (message.kind === 'failed') pending.reject(new Error(message.message));
  }
}
