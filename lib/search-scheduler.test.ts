import { describe, expect, it, vi } from 'vitest';
import { LatestQueryScheduler, type Engine } from './search-scheduler';

/** An engine whose searches finish when the test says so. */
function manualEngine() {
  const calls: { query: string; finish: (result?: string) => void; isStale: () => boolean }[] = [];
  const engine: Engine<string, string> = (query, isStale) =>
    new Promise((resolve) => calls.push({ query, isStale, finish: (result = `results for ${query}`) => resolve(result) }));
  return { engine, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(engine: Engine<string, string> | undefined) {
  const delivered: string[] = [];
  const unavailable = vi.fn();
  const createEngine = vi.fn(async () => engine);
  const scheduler = new LatestQueryScheduler<string, string>({
    createEngine,
    deliver: (query, result) => delivered.push(`${query}: ${result}`),
    unavailable,
  });
  return { scheduler, delivered, unavailable, createEngine };
}

describe('LatestQueryScheduler', () => {
  it('answers a lone query', async () => {
    const a = manualEngine();
    const { scheduler, delivered } = setup(a.engine);
    scheduler.request('llama');
    await tick();
    a.calls[0]!.finish();
    await tick();
    expect(delivered).toEqual(['llama: results for llama']);
  });

  it('runs only the newest of the queries typed during a search, and delivers only its answer', async () => {
    const a = manualEngine();
    const { scheduler, delivered } = setup(a.engine);
    scheduler.request('mod');
    await tick();
    scheduler.request('mode');
    scheduler.request('model');
    expect(a.calls[0]!.isStale()).toBe(true);
    a.calls[0]!.finish();
    await tick();
    expect(a.calls.map((call) => call.query)).toEqual(['mod', 'model']);
    expect(delivered).toEqual([]);
    a.calls[1]!.finish();
    await tick();
    expect(delivered).toEqual(['model: results for model']);
  });

  it('delivers a first part of the latest answer, but not of a stale one', async () => {
    const parts: Array<(partial: string) => void> = [];
    const finishes: Array<() => void> = [];
    const engine: Engine<string, string> = (query, _isStale, progress) =>
      new Promise((resolve) => {
        parts.push((partial) => progress(partial));
        finishes.push(() => resolve(`all of ${query}`));
      });
    const { scheduler, delivered } = setup(engine);
    scheduler.request('llama');
    await tick();
    parts[0]!('first of llama');
    expect(delivered).toEqual(['llama: first of llama']);
    finishes[0]!();
    await tick();
    expect(delivered).toEqual(['llama: first of llama', 'llama: all of llama']);

    scheduler.request('mistral');
    await tick();
    scheduler.request('mistral 7b');
    parts[1]!('first of mistral');
    expect(delivered).toHaveLength(2);
  });

  it('a cancelled query is never delivered', async () => {
    const a = manualEngine();
    const { scheduler, delivered } = setup(a.engine);
    scheduler.request('gpt');
    await tick();
    scheduler.cancel();
    a.calls[0]!.finish();
    await tick();
    expect(delivered).toEqual([]);
  });

  it('never searches a query typed past or cancelled while the engine was starting', async () => {
    /** A scheduler whose engine starts when the test says so. */
    function slowStart() {
      const a = manualEngine();
      let start = () => {};
      const scheduler = new LatestQueryScheduler<string, string>({
        createEngine: () => new Promise((resolve) => (start = () => resolve(a.engine))),
        deliver: () => {},
        unavailable: () => {},
      });
      return { scheduler, searched: () => a.calls.map((call) => call.query), start: () => start() };
    }
    const typedPast = slowStart();
    typedPast.scheduler.request('mod');
    await tick();
    typedPast.scheduler.request('model');
    typedPast.start();
    await tick();
    expect(typedPast.searched()).toEqual(['model']);

    const cancelled = slowStart();
    cancelled.scheduler.request('mode');
    await tick();
    cancelled.scheduler.cancel();
    cancelled.start();
    await tick();
    expect(cancelled.searched()).toEqual([]);
  });

  it('says search is unavailable when the engine cannot start, for every query', async () => {
    const { scheduler, unavailable, createEngine, delivered } = setup(undefined);
    scheduler.request('gpt');
    await tick();
    scheduler.request('gpt-4');
    await tick();
    expect(unavailable).toHaveBeenCalledTimes(2);
    expect(createEngine).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual([]);
  });

  it('warm() starts the engine once, before any query', async () => {
    const a = manualEngine();
    const { scheduler, createEngine } = setup(a.engine);
    scheduler.warm();
    scheduler.warm();
    expect(createEngine).toHaveBeenCalledTimes(1);
    scheduler.request('gpt');
    await tick();
    expect(createEngine).toHaveBeenCalledTimes(1);
    expect(a.calls.map((call) => call.query)).toEqual(['gpt']);
  });
});

describe('LatestQueryScheduler and a superseded search', () => {
  it('tells the engine when a query arrives while another is being answered, and only then', async () => {
    const a = manualEngine();
    const superseded = vi.fn();
    const scheduler = new LatestQueryScheduler<string, string>({ createEngine: async () => a.engine, deliver: () => {}, unavailable: () => {}, superseded });
    scheduler.request('mode');
    await tick();
    expect(superseded).not.toHaveBeenCalled();
    scheduler.request('model');
    expect(superseded).toHaveBeenCalledTimes(1);
    a.calls[0]!.finish();
    await tick();
    a.calls[1]!.finish();
    await tick();
    scheduler.request('models');
    expect(superseded).toHaveBeenCalledTimes(1);
  });
});
