import '@testing-library/jest-dom/vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { ModerationQueuePage } from './moderation-queue-page';
import { fakeQueue, useQueuePageTestWindow } from './queue-fake';

useQueuePageTestWindow();

/** A promise the test settles. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The first item open, its read-ahead of the next held until the test lets it through. */
async function firstItemOpenWithSlowReadAhead() {
  const queue = fakeQueue(20);
  const slow = gate();
  const next = queue.handlers['moderation:next']!;
  const desk = new FakeDesk({
    ...queue.handlers,
    'moderation:next': async (input) => {
      if (input.afterListingId === 'lst_00000') await slow.opened;
      return next(input);
    },
  });
  renderWithDesk(<ModerationQueuePage />, { desk });
  await userEvent.click((await screen.findAllByTestId('queue-row'))[0]!);
  await screen.findByTestId('listing-detail');
  await waitFor(() => expect(desk.callsTo('moderation:next')).toHaveLength(1));
  return { desk, slow };
}

const shownId = () => screen.getByTestId('listing-detail').dataset.listingId;

describe('decide-and-next', () => {
  it('opens the item read ahead on the key, without claiming or fetching it a second time', async () => {
    const queue = fakeQueue(20);
    const desk = new FakeDesk(queue.handlers);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await userEvent.click((await screen.findAllByTestId('queue-row'))[0]!);
    await screen.findByTestId('listing-detail');
    // The read-ahead: the core claims the next item (moderation:next) and its detail is read.
    await waitFor(() => expect(desk.callsTo('moderation:listing').map((c) => c.listingId)).toContain('lst_00001'));
    await userEvent.keyboard('a');
    expect(shownId()).toBe('lst_00001');
    expect(desk.callsTo('moderation:open')).toEqual([{ listingId: 'lst_00000' }]);
    expect(desk.callsTo('moderation:listing').filter((c) => c.listingId === 'lst_00001')).toHaveLength(1);
    // Meanwhile the item after it is read ahead in turn.
    await waitFor(() => expect(desk.callsTo('moderation:next')).toContainEqual({ queue: 'pending', sort: 'oldest', afterListingId: 'lst_00001' }));
  });

  it('waits for a read-ahead still on its way instead of asking the core again', async () => {
    const { desk, slow } = await firstItemOpenWithSlowReadAhead();
    await userEvent.keyboard('a');
    await waitFor(() => expect(desk.callsTo('moderation:decide')).toHaveLength(1));
    expect(shownId()).toBe('lst_00000');
    await act(async () => slow.open());
    await waitFor(() => expect(shownId()).toBe('lst_00001'));
    expect(desk.callsTo('moderation:next').filter((c) => c.afterListingId === 'lst_00000')).toHaveLength(1);
  });

  it('holds queue refreshes the core asks for until the next item has been read ahead', async () => {
    const { desk, slow } = await firstItemOpenWithSlowReadAhead();
    const pages = desk.callsTo('moderation:queue').length;
    act(() => desk.emit('outbox:changed', { pending: 1 }));
    act(() => desk.emit('cache:changed', { entityTypes: ['listing'] }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(desk.callsTo('moderation:queue')).toHaveLength(pages);
    await act(async () => slow.open());
    // Both events make one refresh, once the read-ahead is done.
    await waitFor(() => expect(desk.callsTo('moderation:queue')).toHaveLength(pages + 1));
  });

  it('shows what a running sync has landed, before the sync ends', async () => {
    const queue = fakeQueue(30);
    // The cache holds nothing yet; the sync brings the queue in while the console is open.
    const landed = new Set<string>();
    const page = queue.handlers['moderation:queue']!;
    const desk = new FakeDesk({
      ...queue.handlers,
      'moderation:queue': async (input) => {
        const answer = await page(input);
        const rows = answer.rows.filter((r) => landed.has(r.id));
        return { ...answer, rows, total: rows.length };
      },
    });
    renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(screen.getByTestId('queue-table')).toHaveAttribute('aria-rowcount', '1'));
    for (const row of queue.rows.slice(0, 12)) landed.add(row.id);
    act(() =>
      desk.emit('sync:progress', {
        phase: 'initial',
        done: 1000,
        total: 40_000,
        lastSyncedAt: null,
        online: true,
        pendingOutbox: 0,
        quarantined: 0,
        degraded: null,
        cacheProblem: null,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('queue-table')).toHaveAttribute('aria-rowcount', '13'));
  });
});
