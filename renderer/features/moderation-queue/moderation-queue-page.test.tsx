import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { listingDetail, outboxEntry } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { ModerationQueuePage } from './moderation-queue-page';
import { FILTERS_KEY } from './queue-filters';
import { fakeQueue } from './queue-fake';

// happy-dom lays nothing out; give the queue's scroll box the height of a real window.
beforeEach(() => {
  localStorage.clear();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.queueScroll !== undefined ? 600 : 0;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function deskWithQueue(size: number) {
  const queue = fakeQueue(size);
  const desk = new FakeDesk({
    ...queue.handlers,
    'moderation:decide': (input) => {
      queue.decided.add(input.listingId);
      return outboxEntry({ listingId: input.listingId, action: input.action, reasonCode: input.reasonCode });
    },
  });
  return { desk, queue };
}

const rowIds = () => screen.getAllByTestId('queue-row').map((row) => row.dataset.listingId);

describe('the moderation queue', () => {
  it('renders only a window of a 10,000-row queue, fetched in pages', async () => {
    const { desk } = deskWithQueue(10_000);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(screen.getAllByTestId('queue-row').length).toBeGreaterThan(5));
    const rendered = screen.getAllByTestId('queue-row').length;
    expect(rendered).toBeLessThan(100);
    expect(screen.getByTestId('queue-table')).toHaveAttribute('aria-rowcount', '10001');
    expect(screen.getByText('共 10000 条')).toBeInTheDocument();
    const pages = desk.callsTo('moderation:queue');
    expect(pages.every((q) => q.limit === 200)).toBe(true);
    expect(pages.length).toBeLessThan(5);
    // Oldest first by default; the translated category, price and age are shown.
    expect(rowIds()[0]).toBe('lst_00000');
    const first = screen.getAllByTestId('queue-row')[0]!;
    expect(first).toHaveTextContent('二手物品');
    expect(first).toHaveTextContent('面议');
    expect(screen.getAllByTestId('queue-row')[1]).toHaveTextContent('¥100.01/月');
  });

  it('keeps filters and sort in localStorage and restores them on the next start', async () => {
    const { desk } = deskWithQueue(300);
    const first = renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(screen.getAllByTestId('queue-row').length).toBeGreaterThan(0));
    await userEvent.selectOptions(screen.getByLabelText('分类'), '房屋租售');
    await userEvent.selectOptions(screen.getByLabelText('区域'), '海珠区');
    await userEvent.selectOptions(screen.getByLabelText('排序'), '最新发布优先');
    expect(JSON.parse(localStorage.getItem(FILTERS_KEY)!)).toEqual({ category: 'housing', district: '海珠区', sort: 'newest' });
    await waitFor(() => expect(desk.callsTo('moderation:queue').at(-1)).toMatchObject({ category: 'housing', district: '海珠区', sort: 'newest' }));
    first.unmount();

    const again = new FakeDesk(fakeQueue(300).handlers);
    renderWithDesk(<ModerationQueuePage />, { desk: again });
    expect(screen.getByLabelText('分类')).toHaveValue('housing');
    expect(screen.getByLabelText('排序')).toHaveValue('newest');
    await waitFor(() => expect(screen.getByLabelText('区域')).toHaveValue('海珠区'));
    expect(again.callsTo('moderation:queue')[0]).toMatchObject({ category: 'housing', district: '海珠区', sort: 'newest', offset: 0 });
  });

  it('ignores a corrupt stored filter instead of failing', async () => {
    localStorage.setItem(FILTERS_KEY, '{"category":"weapons","sort":"sideways"');
    const { desk } = deskWithQueue(10);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(desk.callsTo('moderation:queue')[0]).toEqual({ sort: 'oldest', offset: 0, limit: 200 }));
  });

  it('will not reject without a reason, and sends the chosen reason', async () => {
    const { desk } = deskWithQueue(20);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await userEvent.click((await screen.findAllByTestId('queue-row'))[2]!);
    const detail = await screen.findByTestId('listing-detail');
    expect(detail).toHaveAttribute('data-listing-id', 'lst_00002');
    expect(detail).toHaveTextContent('135****7162');
    await userEvent.click(screen.getByTestId('reject-button'));
    await userEvent.click(screen.getByTestId('confirm-reject'));
    expect(screen.getByRole('alert')).toHaveTextContent('驳回前必须选择原因');
    expect(desk.callsTo('moderation:decide')).toEqual([]);

    await userEvent.selectOptions(screen.getByTestId('reject-reason'), '诈骗或索要定金');
    await userEvent.click(screen.getByTestId('confirm-reject'));
    await waitFor(() =>
      expect(desk.callsTo('moderation:decide')).toEqual([
        { listingId: 'lst_00002', action: 'reject', reasonCode: 'fraud_deposit', note: '', basedOnVersion: 1 },
      ]),
    );
  });

  it('opens the next listing after an approval, and the decided one leaves the queue', async () => {
    const { desk } = deskWithQueue(20);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await userEvent.click((await screen.findAllByTestId('queue-row'))[0]!);
    await screen.findByTestId('listing-detail');
    await userEvent.click(screen.getByTestId('approve-button'));
    await waitFor(() => expect(screen.getByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00001'));
    expect(desk.callsTo('moderation:decide')[0]).toMatchObject({ listingId: 'lst_00000', action: 'approve', reasonCode: null });
    expect(desk.callsTo('moderation:listing').map((c) => c.listingId)).toEqual(['lst_00000', 'lst_00001']);
    await waitFor(() => expect(rowIds()).not.toContain('lst_00000'));
  });

  it('moves with j/k and approves with a', async () => {
    const { desk } = deskWithQueue(20);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    await userEvent.keyboard('j');
    expect(await screen.findByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00000');
    await userEvent.keyboard('jjk');
    await waitFor(() => expect(screen.getByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00001'));
    await userEvent.keyboard('r');
    expect(screen.getByTestId('reject-reason')).toHaveFocus();
    await userEvent.keyboard('a'); // typing in the chooser is not a shortcut
    expect(desk.callsTo('moderation:decide')).toEqual([]);
    act(() => screen.getByTestId('reject-reason').blur());
    await userEvent.keyboard('a');
    await waitFor(() => expect(desk.callsTo('moderation:decide')).toHaveLength(1));
    expect(desk.callsTo('moderation:decide')[0]).toMatchObject({ listingId: 'lst_00001', action: 'approve' });
  });

  it('shows an undelivered decision and disables the actions', async () => {
    const { desk, queue } = deskWithQueue(5);
    desk.handlers['moderation:listing'] = ({ listingId }) =>
      listingDetail(queue.rows.find((r) => r.id === listingId)!, {
        undelivered: outboxEntry({ listingId, action: 'reject', reasonCode: 'duplicate' }),
      });
    renderWithDesk(<ModerationQueuePage />, { desk });
    await userEvent.click((await screen.findAllByTestId('queue-row'))[0]!);
    const detail = await screen.findByTestId('listing-detail');
    expect(within(detail).getByText(/决定待送达：驳回/)).toBeInTheDocument();
    expect(screen.getByTestId('approve-button')).toBeDisabled();
    expect(screen.getByTestId('reject-button')).toBeDisabled();
  });

  it('refetches when the core says the cache changed', async () => {
    const { desk, queue } = deskWithQueue(10);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    queue.decided.add('lst_00000');
    act(() => desk.emit('cache:changed', { entityTypes: ['listing'] }));
    await waitFor(() => expect(rowIds()[0]).toBe('lst_00001'));
  });
});
