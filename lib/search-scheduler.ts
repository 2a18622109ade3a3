// Search-as-you-type asks for a search on every keystroke, and at 10,000 articles one search for a short
// prefix keeps Pagefind's worker busy for hundreds of milliseconds. A search in progress cannot be
// stopped, so this keeps the latest query only: keys typed during a search replace the one waiting,
// instead of queueing a search for every prefix, and only the answer to the latest query is delivered.
// (A second worker searching alongside the first, so the latest query need not wait for a stale one, was
// measured on the two-core machine and made things no faster: the two searches shared the cores. See
// BENCHMARKS.md. The box's second worker, for counts by tag, is another matter: lib/search-worker.ts.)

/**
 * The search engine: answers a query, or undefined when it noticed mid-way that the answer is stale. It may
 * hand over a first part of the answer through `progress` (the results on screen first, before the rest).
 */
export type Engine<Q, R> = (query: Q, isStale: () => boolean, progress: (partial: R) => void) => Promise<R | undefined>;

export type SchedulerOptions<Q, R> = {
  /** Starts the engine; undefined when search is unavailable (no index was built). */
  createEngine: () => Promise<Engine<Q, R> | undefined>;
  /** Called with the answer to the latest query only; an older query's answer is dropped. */
  deliver: (query: Q, result: R) => void;
  /** Called when a query cannot be searched because the engine could not start. */
  unavailable: () => void;
  /** Called when the engine fails while answering the latest query. */
  failed?: (query: Q, error: unknown) => void;
  /** Called when a query is asked while another is being answered: the engine may stop work on that one. */
  superseded?: () => void;
};

export class LatestQueryScheduler<Q, R> {
  private engine: Promise<Engine<Q, R> | undefined> | undefined;
  private busy = false;
  private waiting: { query: Q; id: number } | undefined;
  private latest = 0;

  constructor(private readonly options: SchedulerOptions<Q, R>) {}

  /** Starts the engine ahead of the first query (when the reader focuses the box). */
  warm(): void {
    this.engine ??= this.options.createEngine().catch(() => undefined);
  }

  /** Asks for `query`; a query asked before it and not yet answered will not be delivered. */
  request(query: Q): void {
    if (this.busy) this.options.superseded?.();
    this.waiting = { query, id: ++this.latest };
    if (!this.busy) void this.drain();
  }

  /** Drops whatever is waiting or running: the reader cleared the box. */
  cancel(): void {
    if (this.busy) this.options.superseded?.();
    this.latest++;
    this.waiting = undefined;
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      for (let job = this.waiting; job; job = this.waiting) {
        this.waiting = undefined;
        this.warm();
        const engine = await this.engine;
        // Typed past or cancelled while the engine was starting (Pagefind's first load can take longer than
        // a key): searching it would only fetch what nobody will see.
        if (job.id !== this.latest) continue;
        if (!engine) {
          // Without an index every later query fails the same way: say so each time, try nothing.
          this.options.unavailable();
          continue;
        }
        const isStale = () => job!.id !== this.latest;
        const query = job.query;
        const progress = (partial: R) => {
          if (!isStale()) this.options.deliver(query, partial);
        };
        try {
          const result = await engine(job.query, isStale, progress);
          if (result !== undefined && !isStale()) this.options.deliver(job.query, result);
        } catch (error) {
          if (!isStale()) this.options.failed?.(job.query, error);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
