import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { ModerationQueueQuery, ModerationQueueRow, QueueSummary } from '../../../shared/ipc/moderation-views';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';

type QueueRow = ModerationQueueRow;

export const QUEUE_PAGE_SIZE = 200;

/**
 * The queue as a sparse list: pages of 200 are fetched as the visible window reaches them, so
 * a queue of tens of thousands costs only the pages a moderator scrolls past.
 */
export interface QueueRows {
  total: number;
  districts: string[];
  /** Every queue the caller may open, with its size, oldest item and overdue count. */
  summaries: QueueSummary[];
  loaded: boolean;
  error: DeskError | null;
  /** Changes whenever any loaded row changes. */
  revision: number;
  rowAt(index: number): QueueRow | undefined;
  /** The row's index among loaded pages, or -1. */
  indexOf(id: string): number;
  /** The window the table shows; missing pages around it are fetched. */
  showRange(first: number, last: number): void;
  /** Fetch the shown pages again (the cache or the outbox changed); old rows stay until then. */
  refresh(): void;
}

interface Meta {
  total: number;
  districts: string[];
  summaries: QueueSummary[];
  loaded: boolean;
  error: DeskError | null;
}

interface Loader {
  generation: number;
  pages: Map<number, QueueRow[]>;
  inflight: Set<number>;
  range: [number, number];
  refreshing: boolean;
  refreshAgain: boolean;
}

const pagesOf = ([first, last]: [number, number]) => {
  const pages: number[] = [];
  for (let p = Math.floor(first / QUEUE_PAGE_SIZE); p <= Math.floor(last / QUEUE_PAGE_SIZE); p++) pages.push(p);
  return pages;
};

/** `query` is the queue, its filters and search; the hook adds the page window. */
export function useQueueRows(query: ModerationQueueQuery): QueueRows {
  const desk = useDesk();
  const filterKey = JSON.stringify(query);
  const loader = useRef<Loader>({ generation: 0, pages: new Map(), inflight: new Set(), range: [0, 0], refreshing: false, refreshAgain: false });
  const [meta, setMeta] = useState<Meta>({ total: 0, districts: [], summaries: [], loaded: false, error: null });
  const [revision, bump] = useReducer((n: number) => n + 1, 0);
  const queryRef = useRef(query);
  queryRef.current = query;

  const fetchPage = useCallback(
    (page: number) =>
      desk
        .call('moderation:queue', { ...queryRef.current, offset: page * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE })
        .then((answer) => [page, answer] as const),
    [desk],
  );

  const load = useCallback(
    (pages: number[], replace: boolean): Promise<void> => {
      const state = loader.current;
      const generation = state.generation;
      const wanted = replace ? pages : pages.filter((p) => !state.pages.has(p) && !state.inflight.has(p));
      if (wanted.length === 0) return Promise.resolve();
      for (const p of wanted) state.inflight.add(p);
      return Promise.all(wanted.map(fetchPage)).then(
        (answers) => {
          if (generation !== state.generation) return;
          const pagesNow = replace ? new Map<number, QueueRow[]>() : state.pages;
          for (const [page, answer] of answers) pagesNow.set(page, answer.rows);
          state.pages = pagesNow;
          for (const p of wanted) state.inflight.delete(p);
          const latest = answers[answers.length - 1]![1];
          setMeta({ total: latest.total, districts: latest.districts, summaries: latest.summaries, loaded: true, error: null });
          bump();
        },
        (error: unknown) => {
          if (generation !== state.generation) return;
          for (const p of wanted) state.inflight.delete(p);
          setMeta((m) => ({ ...m, loaded: true, error: asDeskError(error) }));
        },
      );
    },
    [fetchPage],
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
    void load(pagesOf(state.range), true).finally(() => {
      if (generation !== state.generation) return;
      state.refreshing = false;
      if (state.refreshAgain) {
        state.refreshAgain = false;
        refresh();
      } else void load(pagesOf(state.range), false);
    });
  }, [load]);

  useEffect(() => {
    const state = loader.current;
    state.generation++;
    state.pages = new Map();
    state.inflight = new Set();
    state.refreshing = false;
    state.refreshAgain = false;
    state.range = [0, 0];
    setMeta((m) => ({ ...m, total: 0, loaded: false, error: null }));
    bump();
    void load([0], false);
  }, [filterKey, load]);

  const showRange = useCallback(
    (first: number, last: number) => {
      const state = loader.current;
      state.range = [first, Math.max(first, last)];
      if (!state.refreshing) void load(pagesOf(state.range), false);
    },
    [load],
  );

  const rowAt = useCallback((index: number) => loader.current.pages.get(Math.floor(index / QUEUE_PAGE_SIZE))?.[index % QUEUE_PAGE_SIZE], []);
  const indexOf = useCallback((id: string) => {
    for (const [page, rows] of loader.current.pages) {
      const at = rows.findIndex((r) => r.id === id);
      if (at >= 0) return page * QUEUE_PAGE_SIZE + at;
    }
    return -1;
  }, []);

  return { ...meta, revision, rowAt, indexOf, showRange, refresh };
}
