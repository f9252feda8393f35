import '@testing-library/jest-dom/vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { listingDetail, outboxEntry } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { ModerationQueuePage } from './moderation-queue-page';
import { FILTERS_KEY } from './queue-filters';
import { QUEUE_ROW_HEIGHT } from './queue-table';
import { fakeQueue, useQueuePageTestWindow } from './queue-fake';

useQueuePageTestWindow();

function deskWithQueue(size: number) {
  const queue = fakeQueue(size);
  return { desk: new FakeDesk(queue.handlers), queue, heldByOthers: queue.heldByOthers };
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

  it('scrolls by showing other listings in the same row elements, and drops focus from a row that changed listing', async () => {
    const { desk } = deskWithQueue(10_000);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(rowIds()[2]).toBe('lst_00002'));
    const elements = new Set(screen.getAllByTestId('queue-row'));
    const third = screen.getAllByTestId('queue-row')[2]!;
    const handle = third.querySelector<HTMLElement>('.row-handle')!;
    act(() => handle.focus());
    expect(handle).toHaveFocus();
    // Far down: rows 3,000 on, on pages not yet loaded, then loaded.
    const scroller = document.querySelector<HTMLElement>('[data-queue-scroll]')!;
    act(() => {
      scroller.scrollTop = 3_000 * QUEUE_ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(rowIds()).toContain('lst_03000'));
    // Every element that showed the first rows shows one of these (more rows fit around them, so a
    // few elements are new), each with its new listing's texts.
    const shown = screen.getAllByTestId('queue-row');
    expect([...elements].every((row) => shown.includes(row))).toBe(true);
    expect(shown.length - elements.size).toBeLessThanOrEqual(4);
    expect(shown.find((row) => row.dataset.listingId === 'lst_03000')).toHaveTextContent('测试信息 3000');
    expect(third.dataset.listingId).not.toBe('lst_00002');
    // Focus stayed with the listing scrolled away, not with the element: a key pressed now acts on no row.
    expect(handle).not.toHaveFocus();
    expect(third).not.toContainElement(document.activeElement as HTMLElement);
  });

  it('keeps a listing in its element, and the focus in it, when a row above it leaves the queue', async () => {
    const { desk, queue } = deskWithQueue(20);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(rowIds()[5]).toBe('lst_00005'));
    const row = () => document.querySelector<HTMLElement>('tr[data-listing-id="lst_00005"]')!;
    const element = row();
    const handle = element.querySelector<HTMLElement>('.row-handle')!;
    act(() => handle.focus());
    queue.decided.add('lst_00002');
    act(() => desk.emit('cache:changed', { entityTypes: ['listing'] }));
    await waitFor(() => expect(rowIds()[4]).toBe('lst_00005'));
    expect(row()).toBe(element);
    expect(handle).toHaveFocus();
  });

  it("shows each row's age in its largest whole unit", async () => {
    const now = Date.now();
    const ago = [3 * 86_400_000 + 3_600_000, 5 * 3_600_000 + 60_000, 3 * 86_400_000 + 7_200_000, 12 * 60_000 + 5_000, 10_000];
    const queue = fakeQueue(ago.length, { rowOverrides: (_, i) => ({ queuedAt: new Date(now - ago[i]!).toISOString() }) });
    renderWithDesk(<ModerationQueuePage />, { desk: new FakeDesk(queue.handlers) });
    await waitFor(() => expect(rowIds()).toHaveLength(ago.length));
    const ageOf = (id: string) => document.querySelector(`tr[data-listing-id="${id}"] td.col-age`)?.textContent;
    expect(['lst_00000', 'lst_00001', 'lst_00002', 'lst_00003', 'lst_00004'].map(ageOf)).toEqual(['3 天前', '5 小时前', '3 天前', '12 分钟前', '刚刚']);
  });

  it('ignores a corrupt stored filter instead of failing', async () => {
    localStorage.setItem(FILTERS_KEY, '{"category":"weapons","sort":"sideways"');
    const { desk } = deskWithQueue(10);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(desk.callsTo('moderation:queue')[0]).toEqual({ queue: 'pending', sort: 'oldest', offset: 0, limit: 200 }));
  });

  it('will not reject without a reason, and sends the chosen reason with the notice as edited', async () => {
    const { desk } = deskWithQueue(20);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await userEvent.click((await screen.findAllByTestId('queue-row'))[2]!);
    const detail = await screen.findByTestId('listing-detail');
    expect(detail).toHaveAttribute('data-listing-id', 'lst_00002');
    expect(detail).toHaveTextContent('135****7162');
    await userEvent.click(screen.getByTestId('reject-button'));
    await userEvent.click(screen.getByTestId('confirm-reject'));
    expect(screen.getByRole('alert')).toHaveTextContent('必须选择原因');
    expect(desk.callsTo('moderation:decide')).toEqual([]);

    const chooser = screen.getByTestId('reject-reason');
    await userEvent.selectOptions(chooser, within(chooser).getByRole('option', { name: /诈骗或索要定金/ }));
    // The notice is drafted from the reason's template with the listing's title filled in, and editable.
    const notice = screen.getByTestId('decision-notice');
    expect(notice).toHaveValue('您发布的「测试信息 2」因涉嫌诈骗或索要定金，未通过审核。如有异议，可在7日内申诉。');
    await userEvent.type(notice, '客服电话 10100');
    await userEvent.click(screen.getByTestId('confirm-reject'));
    await waitFor(() =>
      expect(desk.callsTo('moderation:decide')).toEqual([
        {
          listingId: 'lst_00002',
          action: 'reject',
          reasonCode: 'fraud_deposit',
          note: '',
          notice: '您发布的「测试信息 2」因涉嫌诈骗或索要定金，未通过审核。如有异议，可在7日内申诉。客服电话 10100',
          basedOnVersion: 1,
        },
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
    // Later calls are the read-ahead of the item after lst_00001 (use-upcoming).
    expect(desk.callsTo('moderation:listing').map((c) => c.listingId).slice(0, 2)).toEqual(['lst_00000', 'lst_00001']);
    await waitFor(() => expect(rowIds()).not.toContain('lst_00000'));
  });

  it('moves the cursor with j/k, opens with Enter, approves with a and opens the next', async () => {
    const { desk } = deskWithQueue(20);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    await userEvent.keyboard('jjjk');
    // Moving claims nothing: only Enter opens.
    expect(screen.queryByTestId('listing-detail')).toBeNull();
    expect(desk.callsTo('moderation:open')).toEqual([]);
    const cursorRow = document.querySelector('tr.cursor');
    expect(cursorRow).toHaveAttribute('data-listing-id', 'lst_00001');
    expect(cursorRow?.querySelector('.row-handle')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00001');
    expect(desk.callsTo('moderation:open')).toEqual([{ listingId: 'lst_00001' }]);
    await userEvent.keyboard('r');
    expect(screen.getByTestId('reject-reason')).toHaveFocus();
    await userEvent.keyboard('a'); // typing in the chooser is not a shortcut
    expect(desk.callsTo('moderation:decide')).toEqual([]);
    act(() => screen.getByTestId('reject-reason').blur());
    await userEvent.keyboard('a');
    await waitFor(() => expect(desk.callsTo('moderation:decide')).toHaveLength(1));
    expect(desk.callsTo('moderation:decide')[0]).toMatchObject({ listingId: 'lst_00001', action: 'approve', reasonCode: null });
    // Submit-and-next: the core serves the next unclaimed item after the decided one.
    await waitFor(() => expect(screen.getByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00002'));
    // Asked either on the key or ahead of it, while lst_00001 was open (use-upcoming).
    expect(desk.callsTo('moderation:next')).toContainEqual({ queue: 'pending', sort: 'oldest', afterListingId: 'lst_00001' });
    await waitFor(() => expect(desk.callsTo('moderation:release')).toContainEqual({ listingId: 'lst_00001' }));
  });

  it('picks the reason by its number after r, and Enter confirms', async () => {
    const { desk } = deskWithQueue(5);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await userEvent.click((await screen.findAllByTestId('queue-row'))[0]!);
    await screen.findByTestId('listing-detail');
    await userEvent.keyboard('r');
    await userEvent.keyboard('2');
    expect(screen.getByTestId('reject-reason')).toHaveValue('fraud_deposit');
    expect((screen.getByTestId('decision-notice') as HTMLTextAreaElement).value).toContain('测试信息 0');
    await userEvent.keyboard('9');
    expect(screen.getByTestId('reject-reason')).toHaveValue('offensive');
    await userEvent.keyboard('2{Enter}');
    await waitFor(() => expect(desk.callsTo('moderation:decide')).toHaveLength(1));
    expect(desk.callsTo('moderation:decide')[0]).toMatchObject({ listingId: 'lst_00000', action: 'reject', reasonCode: 'fraud_deposit' });
    await waitFor(() => expect(screen.getByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00001'));
  });

  it('n opens the next unclaimed item with the queue as filtered, and u undoes the last decision', async () => {
    const { desk, heldByOthers } = deskWithQueue(10);
    heldByOthers.set('lst_00000', '林嘉欣');
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    await userEvent.selectOptions(screen.getByLabelText('分类'), '二手物品');
    act(() => screen.getByLabelText('分类').blur());
    await userEvent.keyboard('n');
    // Rows 0, 6, 12… are second-hand goods; row 0 is held by someone else.
    expect(await screen.findByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00006');
    expect(desk.callsTo('moderation:next')).toEqual([{ queue: 'pending', category: 'second_hand', sort: 'oldest' }]);
    await userEvent.keyboard('a');
    await waitFor(() => expect(desk.callsTo('moderation:next')).toHaveLength(2));
    expect(desk.callsTo('moderation:next')[1]).toEqual({ queue: 'pending', category: 'second_hand', sort: 'oldest', afterListingId: 'lst_00006' });
    await waitFor(() => expect(screen.getByTestId('queue-status')).toHaveTextContent('队列中没有其他可处理的信息'));
    await userEvent.keyboard('u');
    await waitFor(() => expect(screen.getByTestId('queue-status')).toHaveTextContent('已撤销对 lst_00006 的决定'));
    expect(desk.callsTo('moderation:undo')).toEqual([{}]);
    await waitFor(() => expect(screen.getByTestId('listing-detail')).toHaveAttribute('data-listing-id', 'lst_00006'));
  });

  it('says so when nothing is left to take', async () => {
    const { desk, heldByOthers } = deskWithQueue(2);
    heldByOthers.set('lst_00000', '林嘉欣');
    heldByOthers.set('lst_00001', '林嘉欣');
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    await userEvent.keyboard('n');
    await waitFor(() => expect(screen.getByTestId('queue-status')).toHaveTextContent('队列中没有其他可处理的信息'));
  });

  it('lists every shortcut on ?', async () => {
    const { desk } = deskWithQueue(3);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    await userEvent.keyboard('?');
    const dialog = await screen.findByTestId('shortcuts-dialog');
    expect(dialog).toHaveTextContent('撤销上一个决定');
    expect(dialog).toHaveTextContent('1–9');
    await userEvent.keyboard('j'); // shortcuts pause while a dialog is open
    expect(document.querySelector('tr.cursor')).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('shortcuts-dialog')).toBeNull();
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
