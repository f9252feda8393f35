import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { ModerationQueueQuery, ModerationQueueRow, QueueSummary } from '../../../shared/ipc/moderation-views';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';

type QueueRow = ModerationQueueRow;
type QueuePage = ChannelOutput<'moderation:queue'>;

export const QUEUE_PAGE_SIZE = 200;
/**
 * Pages kept on either side of the shown window. Farther ones are dropped (and fetched again if
 * the moderator scrolls back): a 100,000-row queue scrolled end to end would otherwise stay in
 * memory, and every major garbage collection would walk it.
 */
const KEPT_PAGES = 15;
/**
 * Pages asked for at once. The core answers them one after another; a fast scroll would
 * otherwise queue a request for every page it passes, each answered long after it is out of view,
 * while the core is also syncing.
 */
const MAX_IN_FLIGHT = 2;
/** Rows beyond the window whose page is fetched ahead. */
const MARGIN_ROWS = 50;

/**
 * The queue as a sparse list: pages of 200 are fetched as the visible window reaches them, so
 * a queue of tens of thousands costs only the pages a moderator scrolls past.
 */
export interface QueueRows {
  total: number;
  /** A search matched more than `total`; the list ends at `total`. */
  moreThanTotal: boolean;
  districts: string[];
  /** Every queue the caller may open, with its size, oldest item and overdue count. */
  summaries: QueueSummary[];
  loaded: boolean;
  error: DeskError | null;
  rowAt(index: number): QueueRow | undefined;
  /** The row's index among loaded pages, or -1. */
  indexOf(id: string): number;
  /** The window the table shows; missing pages around it are fetched. */
  showRange(first: number, last: number): void;
  /** Fetch the shown pages again (the cache or the outbox changed); old rows stay until then. */
  refresh(): void;
  /**
   * Loaded rows changed: for the table (useSyncExternalStore), so that a page arriving re-renders
   * the table and not the page around it. `revision` counts the changes.
   */
  subscribe(onChange: () => void): () => void;
  revision(): number;
}

interface Meta {
  total: number;
  moreThanTotal: boolean;
  districts: string[];
  summaries: QueueSummary[];
  loaded: boolean;
  error: DeskError | null;
}

interface Loader {
  generation: number;
  pages: Map<number, QueueRow[]>;
  /** Listing id → index, for the loaded pages. */
  ids: Map<string, number>;
  inflight: Set<number>;
  range: [number, number];
  refreshing: boolean;
  refreshAgain: boolean;
  revision: number;
  listeners: Set<() => void>;
  /** The queue's size, as the last page said. */
  total: number;
}

/** Structural equality of two values as they came through JSON (rows, summaries, districts). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, at) => sameValue(item, b[at]));
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

const pagesOf = ([first, last]: [number, number]) => {
  const pages: number[] = [];
  for (let p = Math.floor(first / QUEUE_PAGE_SIZE); p <= Math.floor(last / QUEUE_PAGE_SIZE); p++) pages.push(p);
  return pages;
};

/** The window's pages first, then those within MARGIN_ROWS of it: a short scroll or j/k finds them loaded. */
function pagesAround(state: Loader): number[] {
  const [first, last] = state.range;
  const shown = pagesOf(state.range);
  const near = pagesOf([Math.max(0, first - MARGIN_ROWS), Math.max(0, Math.min(state.total - 1, last + MARGIN_ROWS))]);
  return [...shown, ...near.filter((p) => !shown.includes(p))];
}

function forgetPage(state: Loader, page: number): void {
  const rows = state.pages.get(page);
  if (!rows) return;
  rows.forEach((row, at) => {
    if (state.ids.get(row.id) === page * QUEUE_PAGE_SIZE + at) state.ids.delete(row.id);
  });
  state.pages.delete(page);
}

/**
 * A page as fetched, but with the row objects already loaded wherever a row is unchanged (and
 * the loaded page itself if nothing changed): rows are memoised on their object, so a refresh
 * re-renders only what changed, and an unchanged page re-renders nothing.
 */
function stablePage(rows: QueueRow[], before: QueueRow[] | undefined, loaded: (id: string) => QueueRow | undefined): QueueRow[] {
  let changed = before === undefined || before.length !== rows.length;
  const stable = rows.map((row, at) => {
    const known = loaded(row.id);
    const kept = known && sameValue(known, row) ? known : row;
    if (kept !== before?.[at]) changed = true;
    return kept;
  });
  return changed ? stable : before!;
}

const sameMeta = (a: Meta, b: Meta) =>
  a.total === b.total && a.moreThanTotal === b.moreThanTotal && a.loaded === b.loaded && a.error === b.error && sameValue(a.districts, b.districts) && sameValue(a.summaries, b.summaries);

/** `query` is the queue, its filters and search; the hook adds the page window. */
export function useQueueRows(query: ModerationQueueQuery): QueueRows {
  const desk = useDesk();
  const filterKey = JSON.stringify(query);
  const loader = useRef<Loader>({
    generation: 0,
    pages: new Map(),
    ids: new Map(),
    inflight: new Set(),
    range: [0, 0],
    refreshing: false,
    refreshAgain: false,
    revision: 0,
    listeners: new Set(),
    total: 0,
  });
  const [meta, setMetaState] = useState<Meta>({ total: 0, moreThanTotal: false, districts: [], summaries: [], loaded: false, error: null });
  const metaShown = useRef(meta);
  const queryRef = useRef(query);
  queryRef.current = query;

  /**
   * Only a real change reaches React: every page answer repeats the totals and summaries. The
   * change is worked out here, not in an updater: React keeps an updater that changed nothing in
   * the hook's queue until the page renders again, and while a moderator scrolls it does not, so
   * each updater held its page answer — every page scrolled past stayed in memory (100,000 rows
   * after one pass of the bench's queue) and each garbage collection walked it.
   */
  const setMeta = useCallback((change: (m: Meta) => Meta) => {
    const next = change(metaShown.current);
    if (sameMeta(metaShown.current, next)) return;
    metaShown.current = next;
    setMetaState(next);
  }, []);

  const changed = useCallback(() => {
    const state = loader.current;
    state.revision++;
    for (const listener of state.listeners) listener();
  }, []);

  const fetchPage = useCallback(
    (page: number) =>
      desk
        .call('moderation:queue', { ...queryRef.current, offset: page * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE })
        .then((answer) => [page, answer] as const),
    [desk],
  );

  /** Puts fetched pages in place; true if any row shown could have changed. */
  const apply = useCallback(
    (answers: (readonly [number, QueuePage])[], replace: boolean) => {
      const state = loader.current;
      const loaded = (id: string) => {
        const at = state.ids.get(id);
        return at === undefined ? undefined : state.pages.get(Math.floor(at / QUEUE_PAGE_SIZE))?.[at % QUEUE_PAGE_SIZE];
      };
      const fresh = answers.map(([page, answer]) => [page, stablePage(answer.rows, state.pages.get(page), loaded)] as const);
      let moved = false;
      if (replace) {
        // A refresh: the pages not fetched again are stale, so they go.
        for (const page of [...state.pages.keys()]) {
          if (!fresh.some(([fetched]) => fetched === page)) {
            forgetPage(state, page);
            moved = true;
          }
        }
      }
      for (const [page, rows] of fresh) {
        if (state.pages.get(page) === rows) continue;
        forgetPage(state, page);
        state.pages.set(page, rows);
        rows.forEach((row, at) => state.ids.set(row.id, page * QUEUE_PAGE_SIZE + at));
        moved = true;
      }
      const [first, last] = state.range.map((index) => Math.floor(index / QUEUE_PAGE_SIZE));
      for (const page of [...state.pages.keys()]) {
        if (page < first! - KEPT_PAGES || page > last! + KEPT_PAGES) forgetPage(state, page);
      }
      const latest = answers[answers.length - 1]![1];
      state.total = latest.total;
      setMeta(() => ({ total: latest.total, moreThanTotal: latest.moreThanTotal, districts: latest.districts, summaries: latest.summaries, loaded: true, error: null }));
      if (moved) changed();
    },
    [setMeta, changed],
  );

  const failed = useCallback(
    (error: unknown) => setMeta((m) => ({ ...m, loaded: true, error: asDeskError(error) })),
    [setMeta],
  );

  /**
   * Fetches missing pages of `pages`, the first ones first, at most MAX_IN_FLIGHT at a time; each
   * page that arrives makes room for the pages the window needs by then.
   */
  const fill = useCallback(
    (pages: number[]): void => {
      const state = loader.current;
      const generation = state.generation;
      const room = MAX_IN_FLIGHT - state.inflight.size;
      const wanted = pages.filter((p) => !state.pages.has(p) && !state.inflight.has(p)).slice(0, Math.max(0, room));
      for (const page of wanted) {
        state.inflight.add(page);
        fetchPage(page).then(
          (answer) => {
            if (generation !== state.generation) return;
            state.inflight.delete(page);
            apply([answer], false);
            if (!state.refreshing) fill(pagesAround(state));
          },
          (error: unknown) => {
            if (generation !== state.generation) return;
            state.inflight.delete(page);
            failed(error);
          },
        );
      }
    },
    [fetchPage, apply, failed],
  );

  /** Fetches `pages` again, all at once, and drops every other page: they are stale. */
  const reload = useCallback(
    (pages: number[]): Promise<void> => {
      const state = loader.current;
      const generation = state.generation;
      for (const p of pages) state.inflight.add(p);
      return Promise.all(pages.map(fetchPage)).then(
        (answers) => {
          if (generation !== state.generation) return;
          for (const p of pages) state.inflight.delete(p);
          apply(answers, true);
        },
        (error: unknown) => {
          if (generation !== state.generation) return;
          for (const p of pages) state.inflight.delete(p);
          failed(error);
        },
      );
    },
    [fetchPage, apply, failed],
  );

  const refresh = useCallback(() => {
    const state = loader.current;
    // Many events can arrive while one refresh runs: coalesce them into one more refresh.
    if (state.refreshing) {
      state.refreshAgain = true;
      return;
    }
    state.refreshing = true;
    state.generation++;
    state.inflight = new Set();
    const generation = state.generation;
    void reload(pagesOf(state.range)).finally(() => {
      if (generation !== state.generation) return;
      state.refreshing = false;
      if (state.refreshAgain) {
        state.refreshAgain = false;
        refresh();
      } else fill(pagesAround(state));
    });
  }, [reload, fill]);

  useEffect(() => {
    const state = loader.current;
    state.generation++;
    state.pages = new Map();
    state.ids = new Map();
    state.inflight = new Set();
    state.refreshing = false;
    state.refreshAgain = false;
    state.range = [0, 0];
    state.total = 0;
    setMeta((m) => ({ ...m, total: 0, moreThanTotal: false, loaded: false, error: null }));
    changed();
    fill([0]);
  }, [filterKey, fill, setMeta, changed]);

  const showRange = useCallback(
    (first: number, last: number) => {
      const state = loader.current;
      state.range = [first, Math.max(first, last)];
      if (!state.refreshing) fill(pagesAround(state));
    },
    [fill],
  );

  const rowAt = useCallback((index: number) => loader.current.pages.get(Math.floor(index / QUEUE_PAGE_SIZE))?.[index % QUEUE_PAGE_SIZE], []);
  const indexOf = useCallback((id: string) => loader.current.ids.get(id) ?? -1, []);
  const subscribe = useCallback((onChange: () => void) => {
    const { listeners } = loader.current;
    listeners.add(onChange);
    return () => void listeners.delete(onChange);
  }, []);
  const revision = useCallback(() => loader.current.revision, []);

  return useMemo(
    () => ({ ...meta, rowAt, indexOf, showRange, refresh, subscribe, revision }),
    [meta, rowAt, indexOf, showRange, refresh, subscribe, revision],
  );
}

/** When the browser has a moment; soon regardless. */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
  else setTimeout(run, 20);
}

/**
 * `refresh` for core events: many events make one refresh. It waits for an idle moment (by then
 * a key's render and effects are done, so a read-ahead it started is known), then until
 * `quiet()` settles (see ReviewNavigation.refreshSoon). Events arriving before it runs are
 * covered by it, since it fetches after them.
 */
export function useDeferredRefresh(refresh: () => void, quiet: () => Promise<void>): () => void {
  const scheduled = useRef(false);
  const latest = useRef({ refresh, quiet });
  latest.current = { refresh, quiet };
  return useCallback(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    whenIdle(() =>
      void latest.current.quiet().then(() => {
        scheduled.current = false;
        latest.current.refresh();
      }),
    );
  }, []);
}
