import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { ModerationQueueRow } from '../../../shared/ipc/moderation-views';
import type { DeskClient } from '../../desk/desk-client';
import { DeskProvider } from '../../desk/desk-context';
import { collectGarbage } from '../../../test/fixtures/collect-garbage';
import { fakeQueue } from './queue-fake';
import { QUEUE_PAGE_SIZE, useQueueRows } from './use-queue-rows';

/** A desk whose queue pages are watched: a WeakRef to the first row of each page it answered. */
function watchedDesk(size: number) {
  const queue = fakeQueue(size);
  const answered = new Map<number, WeakRef<ModerationQueueRow>>();
  const client: DeskClient = {
    call: (async (channel: string, input: never) => {
      const answer = await (queue.handlers as Record<string, (input: unknown) => unknown>)[channel]!(input);
      if (channel === 'moderation:queue') {
        const { offset = 0, limit = QUEUE_PAGE_SIZE } = input as { offset?: number; limit?: number };
        const { rows } = answer as { rows: ModerationQueueRow[] };
        if (rows[0]) answered.set(offset / limit, new WeakRef(rows[0]));
      }
      return answer;
    }) as DeskClient['call'],
    on: () => () => undefined,
  };
  const wrapper = ({ children }: { children: ReactNode }) => <DeskProvider client={client}>{children}</DeskProvider>;
  return { answered, wrapper };
}

describe('the queue as a sparse list', () => {
  it('lets go of the pages a scroll left behind, though nothing but the rows changed', async () => {
    const { answered, wrapper } = watchedDesk(40 * QUEUE_PAGE_SIZE);
    const { result } = renderHook(() => useQueueRows({ queue: 'pending', sort: 'oldest' }), { wrapper });
    await waitFor(() => expect(result.current.rowAt(0)).toBeDefined());
    // Scroll the window down the whole queue, a page at a time, waiting for each page to land.
    for (let page = 1; page < 40; page++) {
      act(() => result.current.showRange(page * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE + 30));
      await waitFor(() => expect(result.current.rowAt(page * QUEUE_PAGE_SIZE)?.id).toBeDefined());
    }
    expect(answered.size).toBe(40);
    await collectGarbage();
    const alive = [...answered].filter(([, row]) => row.deref() !== undefined).map(([page]) => page);
    // The pages near the window stay loaded; every page scrolled well past is gone from memory.
    expect(alive.length).toBeGreaterThan(0);
    expect(alive.every((page) => page >= 20)).toBe(true);
    expect(result.current.rowAt(39 * QUEUE_PAGE_SIZE)).toBeDefined();
  });
});
