import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../shared/ipc/views';
import { FakeDesk } from '../../desk/fake-desk';
import { outboxEntry } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { OutboxPanel } from './outbox-panel';

afterEach(cleanup);

const refused = outboxEntry({
  id: 7,
  listingId: 'lst_00042',
  action: 'reject',
  reasonCode: 'duplicate',
  state: 'refused',
  attempts: 1,
  refusal: {
    code: 'already_decided',
    message: 'listing lst_00042 was decided',
    conflict: {
      lastDecision: {
        id: 'dec_1', idempotencyKey: 'k-000000001', listingId: 'lst_00042', action: 'approve', reasonCode: null, note: '', notice: '',
        staffId: 'stf_2', staffName: '林嘉欣', basedOnVersion: 1, decidedAt: '2026-11-20T06:05:00.000Z',
        batchId: null,
        undoneAt: null,
        undoneBy: null,
      },
    },
  },
});

describe('the outbox panel', () => {
  it('lists pending and refused decisions, says who decided first, and dismisses a refusal', async () => {
    let entries: OutboxEntry[] = [
      outboxEntry({ id: 6, listingId: 'lst_00041', attempts: 3, lastError: 'platform_unreachable' }),
      refused,
      outboxEntry({ id: 5, state: 'delivered', deliveredAt: '2026-11-20T06:00:00.000Z' }),
    ];
    const desk = new FakeDesk({
      'outbox:list': () => ({ entries }),
      'outbox:dismiss': ({ id }) => {
        entries = entries.filter((e) => e.id !== id);
        return { dismissed: true };
      },
    });
    renderWithDesk(<OutboxPanel />, { desk });
    const panel = await screen.findByTestId('outbox-panel');
    await waitFor(() => expect(panel).toHaveTextContent('待送达'));
    expect(panel).toHaveTextContent('已尝试 3 次');
    // The failure's code is shown translated, never the core's raw message.
    expect(panel).toHaveTextContent('上次失败：无法连接平台');
    expect(panel).not.toHaveTextContent('platform_unreachable');
    expect(panel).toHaveTextContent('平台拒绝');
    expect(panel).toHaveTextContent('该信息已有审核决定。');
    expect(panel).toHaveTextContent('林嘉欣 已于 2026/11/20 14:05 通过');
    expect(panel).toHaveTextContent('最近已送达 1 个');

    await userEvent.click(within(panel).getByRole('button', { name: /移除 lst_00042/ }));
    expect(desk.callsTo('outbox:dismiss')).toEqual([{ id: 7 }]);
    await waitFor(() => expect(panel).not.toHaveTextContent('平台拒绝'));
  });

  it('refetches when the outbox changes', async () => {
    let entries: OutboxEntry[] = [];
    const desk = new FakeDesk({ 'outbox:list': () => ({ entries }) });
    renderWithDesk(<OutboxPanel />, { desk });
    expect(await screen.findByText('没有待送达或被平台拒绝的决定。')).toBeInTheDocument();
    entries = [outboxEntry()];
    act(() => desk.emit('outbox:changed', { pending: 1 }));
    await waitFor(() => expect(screen.getByTestId('outbox-panel')).toHaveTextContent('通过 · lst_00001'));
  });
});
