'use client';
// The tag filter: narrows a listing to the articles carrying every selected tag, across all articles,
// not only the page on screen. The selection lives in the URL (?tags=a,b) so it can be shared, reloaded
// and stepped through with Back and Forward. Until the page is hydrated, and without JavaScript, the
// tags are plain links to their pages and the server's list stays as it is.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FILTER_TAGS_SHOWN, type FilterTag } from '@/lib/tag-lists';
import {
  filterArticles,
  parseTagsParam,
  withTagsParam,
  type ChunkArticle,
  type FilterResult,
  type TagFilterData,
} from '@/lib/tag-filter-index';
import { tagPath } from '@/lib/paths';
import { loadCards, loadIndex, peekCards, peekIndex, prefetchTagFilter } from './tag-filter-loader';
import { TagFilterCard } from './tag-filter-card';
import { setLocationSearch, useHydrated, useLocationSearch } from './use-location-search';

type TagFilterProps = {
  /** On a tag page, its tag: every result carries it, so it is not offered as a choice. */
  scope?: { slug: string; name: string };
  /** Tags offered, most used first, with their counts in the unfiltered list. */
  tags: readonly FilterTag[];
  /** Page 1 of the listing: filtering from a later page shows results from the start. */
  firstPagePath: string;
  isFirstPage: boolean;
  perPage: number;
  /** The version of the filter's data this page was built with: the newest cards can be fetched with the index. */
  dataVersion: string;
  /** The server's list with its pagination, shown whenever nothing is selected. */
  children: ReactNode;
};

type View = FilterResult & { key: string; data: TagFilterData; selected: string[]; positions: number[]; cards: ChunkArticle[] };

/** Tag ids an article must carry: the page's own tag, if any, and the selected ones the index knows. */
function requiredIds(data: TagFilterData, scopeSlug: string | undefined, selected: readonly string[]): number[] {
  return [...(scopeSlug ? [scopeSlug] : []), ...selected].flatMap((slug) => data.tagIdBySlug.get(slug) ?? []);
}

// No colour transitions: a click can enable or disable dozens of chips at once, and each transition is a
// style recalculation per frame plus two events through React, in the frame that shows the new list.
const chipClass =
  'relative inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-3 py-1.5 text-sm font-medium ' +
  'border-zinc-300 hover:border-[var(--ink)] dark:border-zinc-700 ' +
  'aria-pressed:border-accent-700 aria-pressed:bg-accent-700 aria-pressed:text-white ' +
  'dark:aria-pressed:border-accent-300 dark:aria-pressed:bg-accent-300 dark:aria-pressed:text-zinc-950 ' +
  'disabled:cursor-not-allowed disabled:border-dashed disabled:border-[var(--line)] disabled:text-[var(--muted)] disabled:opacity-60';
const countClass =
  'rounded-full bg-[var(--panel)] px-1.5 text-xs tabular-nums text-[var(--muted)] ' +
  'group-aria-pressed:bg-white/20 group-aria-pressed:text-inherit';

export function TagFilter({ scope, tags, firstPagePath, isFirstPage, perPage, dataVersion, children }: TagFilterProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const search = useLocationSearch();
  const selection = useMemo(() => parseTagsParam(search).filter((slug) => slug !== scope?.slug), [search, scope?.slug]);
  const selectionKey = selection.join(',');
  const [extra, setExtra] = useState({ key: '', count: 0 });
  const shown = perPage + (extra.key === selectionKey ? extra.count : 0);
  const [attempt, setAttempt] = useState(0);
  const viewKey = `${selectionKey}|${shown}|${attempt}`;
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const [, setLoads] = useState(0);
  const [lastShown, setLastShown] = useState<View | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const chipsRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLDetailsElement>(null);
  // A reader who opened the long tail before the page was hydrated keeps it open: that toggle came before
  // React's handler, and closed (moreOpen) the hydrated list would drop its chips under the reader's eyes.
  useLayoutEffect(() => {
    if (hydrated && moreRef.current?.open) setMoreOpen(true);
  }, [hydrated]);
  const scopeSlug = scope?.slug;

  // Everything is computed during render from what is already in memory, so a click on a tag whose
  // cards are loaded updates the page in one pass; the effect below only fetches what is missing.
  const data = hydrated ? peekIndex() : undefined;
  const result = useMemo(() => {
    if (!data || selectionKey === '') return null;
    // A slug the site does not know (an old link, a typo) is left out rather than emptying the list.
    const selected = selectionKey.split(',').filter((slug) => data.tagIdBySlug.has(slug));
    const filtered = filterArticles(data, requiredIds(data, scopeSlug, selected));
    return { data, selected, ...filtered, positions: Array.from(filtered.matches.subarray(0, shown)) };
  }, [data, selectionKey, scopeSlug, shown]);
  const cards = result ? peekCards(result.data, result.positions) : undefined;

  const filtering = selection.length > 0;
  const failed = filtering && failedKey === viewKey;
  const missing = hydrated && filtering && !failed && (!data || !cards);
  useEffect(() => {
    if (!missing) return;
    let current = true;
    (async () => {
      try {
        const loaded = await loadIndex();
        if (result) await loadCards(loaded, result.positions);
        if (current) setLoads((n) => n + 1);
      } catch {
        if (current) setFailedKey(viewKey);
      }
    })();
    return () => {
      current = false;
    };
  }, [missing, result, viewKey]);

  const complete = result && cards ? { key: viewKey, ...result, cards } : null;
  // Remembered so that, while the next result loads, the last one stays on screen (dimmed) instead of
  // the unfiltered list flashing by. Set during render, as React advises for state derived from props.
  if (complete && lastShown?.key !== complete.key) setLastShown(complete);
  const pending = filtering && !complete && !failed;
  const shownView = filtering ? (complete ?? lastShown) : null;
  const active = shownView && shownView.selected.length > 0 ? shownView : null;
  // Counts follow the selection as soon as the index is in memory, even while cards load.
  const counted = result ?? active;

  function select(next: string[]) {
    const known = data ? next.filter((slug) => data.tagIdBySlug.has(slug)) : next;
    if (!isFirstPage) {
      router.push(`${firstPagePath}${withTagsParam('', known)}`);
      return;
    }
    setLocationSearch(withTagsParam(window.location.search, known));
  }

  const toggled = (slug: string) => (selection.includes(slug) ? selection.filter((s) => s !== slug) : [...selection, slug]);

  function toggle(slug: string) {
    select(toggled(slug));
  }

  // A pointer resting on a tag usually clicks it: fetch the cards that click will show, after the index
  // when the pointer got here first (the filter starts fetching it as the pointer enters).
  function prepare(slug: string) {
    const next = toggled(slug);
    (data ? Promise.resolve(data) : loadIndex())
      .then((loaded) => loadCards(loaded, Array.from(filterArticles(loaded, requiredIds(loaded, scopeSlug, next)).matches.subarray(0, perPage))))
      .catch(() => {
        // Only a head start: the click fetches again and reports a failure.
      });
  }

  function clear() {
    select([]);
    // The clear button disappears with the selection; keep focus in the filter.
    chipsRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }

  const nameOf = (slug: string) => tags.find((tag) => tag.slug === slug)?.name ?? active?.data.tags[active.data.tagIdBySlug.get(slug) ?? -1]?.name ?? slug;
  const countOf = (tag: FilterTag) => {
    if (!filtering || !counted || counted.selected.length === 0) return tag.count;
    const id = counted.data.tagIdBySlug.get(tag.slug);
    return id === undefined ? 0 : (counted.counts[id] ?? 0);
  };

  // A selected tag this page does not list (a rare one, from a shared link) is shown after the most used;
  // one among "more tags" opens that list, so every selected tag is in view and can be removed.
  const listed = new Set(tags.map((tag) => tag.slug));
  const unlisted = selection
    .filter((slug) => !listed.has(slug) && active?.data.tagIdBySlug.has(slug))
    .map((slug) => ({ slug, name: nameOf(slug), count: 0 }));
  const first = [...tags.slice(0, FILTER_TAGS_SHOWN), ...unlisted];
  const rest = tags.slice(FILTER_TAGS_SHOWN);
  const selectedInRest = rest.some((tag) => selection.includes(tag.slug));

  const chip = (tag: FilterTag) => {
    const count = countOf(tag);
    const label = (
      <>
        {tag.name}
        <span className={countClass} aria-hidden="true">
          {count}
        </span>
        {/* Read as "AI (8 articles)"; on screen the count sits in a badge. */}
        <span className="sr-only">{`(${count} ${count === 1 ? 'article' : 'articles'})`}</span>
      </>
    );
    if (!hydrated) {
      return (
        <Link href={tagPath(tag.slug)} prefetch={false} className={`group ${chipClass}`}>
          {label}
        </Link>
      );
    }
    const pressed = selection.includes(tag.slug);
    return (
      <button
        type="button"
        className={`group ${chipClass}`}
        aria-pressed={pressed}
        // A tag that would leave nothing cannot be added; a selected one can always be removed.
        disabled={!pressed && count === 0}
        onClick={() => toggle(tag.slug)}
        onPointerEnter={() => prepare(tag.slug)}
        onFocus={() => prepare(tag.slug)}
      >
        {pressed ? (
          <svg className="-ml-0.5 h-3.5 w-3.5" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
            <path d="M3 8.5l3 3 7-7" />
          </svg>
        ) : null}
        {label}
      </button>
    );
  };
  const chipList = (list: readonly FilterTag[], scrollOnPhones = false) => (
    <ul
      className={
        scrollOnPhones
          ? // On a phone the most used tags share one row that scrolls sideways, so the list starts near the top.
            'flex gap-2 max-sm:-mx-4 max-sm:overflow-x-auto max-sm:px-4 max-sm:pb-1 max-sm:scroll-fade-x sm:flex-wrap'
          : 'flex flex-wrap gap-2'
      }
    >
      {list.map((tag) => (
        <li key={tag.slug} className="shrink-0">
          {chip(tag)}
        </li>
      ))}
    </ul>
  );

  const names = [...(scope ? [scope.name] : []), ...(active?.selected ?? selection).map(nameOf)];
  const matchCount = active?.matches.length ?? 0;
  const status = !hydrated || !filtering
    ? ''
    : failed
      ? 'The filter could not load.'
      : pending
        ? 'Filtering…'
        : active
          ? `${matchCount} ${matchCount === 1 ? 'article' : 'articles'} tagged ${listOf(names)}`
          : '';

  return (
    <>
      <section
        aria-labelledby="tag-filter-heading"
        className="mb-10 rounded-2xl border border-[var(--line)] p-4 sm:p-5"
        onPointerEnter={() => prefetchTagFilter(dataVersion)}
        onFocus={() => prefetchTagFilter(dataVersion)}
        data-testid="tag-filter"
      >
        <div className="mb-3 flex min-h-8 items-center justify-between gap-4">
          <h2 id="tag-filter-heading" className="text-sm font-semibold text-[var(--muted)]">
            {scope ? `Combine ${scope.name} with another tag` : 'Filter by tag'}
          </h2>
          {hydrated && filtering ? (
            <button
              type="button"
              onClick={clear}
              className="rounded-full px-3 py-1 text-sm font-medium text-[var(--link)] underline-offset-4 hover:underline"
            >
              Clear filter
            </button>
          ) : null}
        </div>
        <div ref={chipsRef}>
          {chipList(first, true)}
          {rest.length > 0 ? (
            <details
              ref={moreRef}
              className="mt-3"
              open={moreOpen || selectedInRest}
              onToggle={(event) => setMoreOpen(event.currentTarget.open)}
            >
              <summary className="cursor-pointer text-sm font-medium text-[var(--muted)] hover:text-[var(--ink)]">
                {rest.length} more {rest.length === 1 ? 'tag' : 'tags'}
              </summary>
              {/* Closed, the long tail is not rendered once hydrated: at 10,000 articles that is hundreds of
                  chips React would otherwise update on every click. Without JavaScript it is there as links. */}
              {!hydrated || moreOpen || selectedInRest ? <div className="mt-3">{chipList(rest)}</div> : null}
            </details>
          ) : null}
        </div>
      </section>

      {hydrated ? (
        <p role="status" className={status ? 'mb-8 text-sm font-medium text-[var(--muted)]' : 'sr-only'} data-testid="tag-filter-status">
          {status}
          {failed ? (
            <>
              {' '}
              <button type="button" className="text-[var(--link)] underline" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            </>
          ) : null}
        </p>
      ) : null}

      {active ? (
        <div aria-busy={pending} className={pending ? 'opacity-60 transition-opacity' : undefined}>
          <ol className="grid gap-x-8 gap-y-14 sm:grid-cols-2 lg:grid-cols-3" data-testid="article-list" data-filtered="">
            {active.cards.map((row) => (
              <li key={row[0]}>
                <TagFilterCard row={row} tags={active.data.tags} />
              </li>
            ))}
          </ol>
          {matchCount > active.cards.length ? (
            <div className="mt-16 flex justify-center">
              <button
                type="button"
                className="rounded-full border border-[var(--line)] px-4 py-2 text-sm font-medium hover:border-[var(--ink)]"
                onClick={() => setExtra({ key: selectionKey, count: shown })}
              >
                Show more articles
              </button>
            </div>
          ) : null}
        </div>
      ) : (
        <div aria-busy={pending} className={pending ? 'opacity-60 transition-opacity' : undefined}>
          {children}
        </div>
      )}
    </>
  );
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
