import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { retentionRecord, sweepRecord } from '../../desk/fake-rights-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { RetentionPage } from './retention-page';

afterEach(cleanup);

function retentionDesk() {
  return new FakeDesk({
    'retention:list': ({ state }) => ({
      items:
        state === 'held' ? [retentionRecord(3, { state: 'held', heldBy: 'legal_hold' })]
        : state === 'done' ? [retentionRecord(4, { state: 'done', doneAt: '2026-11-19T16:00:00.000Z', outcome: 'anonymised' })]
        : [retentionRecord(1), retentionRecord(2)],
      total: state === 'due' ? 120 : null,
    }),
    'retention:sweeps': () => ({ sweeps: [sweepRecord(), sweepRecord({ id: 'swp_0', dryRun: true, at: '2026-11-19T15:50:00.000Z' })] }),
    'retention:sweep': ({ dryRun }) => ({ sweep: sweepRecord({ id: dryRun ? 'swp_9' : 'swp_10', dryRun, deleted: 2, anonymised: 0, held: 1, listingIds: ['lst_00001', 'lst_00002'] }) }),
  });
}

describe('the retention view', () => {
  it('lists what is due, what is held (saying only "legal hold") and what was done', async () => {
    const desk = retentionDesk();
    renderWithDesk(<RetentionPage />, { desk, roles: ['cs_agent'] });
    const rows = await screen.findAllByTestId('retention-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('lst_00001过期信息 12026/10/012026/10/31待清理');
    expect(screen.getByTestId('retention-total')).toHaveTextContent('显示 2 / 120 条');

    await userEvent.click(screen.getByRole('tab', { name: '保全中' }));
    await waitFor(() => expect(screen.getByTestId('retention-row')).toHaveAttribute('data-state', 'held'));
    expect(screen.getByTestId('retention-row')).toHaveTextContent('法律保全');

    await userEvent.click(screen.getByRole('tab', { name: '已完成' }));
    await waitFor(() => expect(screen.getByTestId('retention-row')).toHaveTextContent('已匿名化 · 2026/11/20 00:00'));
    expect(desk.callsTo('retention:list')).toEqual([{ state: 'due' }, { state: 'held' }, { state: 'done' }]);
  });

  it('shows the sweep log, dry runs marked', async () => {
    renderWithDesk(<RetentionPage />, { desk: retentionDesk(), roles: ['legal'] });
    const log = await screen.findByTestId('sweep-log');
    await waitFor(() => expect(within(log).getAllByTestId('sweep-row')).toHaveLength(2));
    expect(within(log).getAllByTestId('sweep-row')[0]).toHaveTextContent('郑蕾执行521');
    expect(within(log).getAllByTestId('sweep-row')[1]).toHaveTextContent('预演');
  });

  it('offers the sweep to the DPO only', async () => {
    for (const role of ['cs_agent', 'legal'] as const) {
      renderWithDesk(<RetentionPage />, { desk: retentionDesk(), roles: [role] });
      await screen.findAllByTestId('retention-row');
      expect(screen.queryByTestId('sweep-action')).toBeNull();
      cleanup();
    }
    renderWithDesk(<RetentionPage />, { desk: retentionDesk(), roles: ['dpo'] });
    expect(screen.getByTestId('sweep-action')).toBeInTheDocument();
  });

  it('runs a dry run first, and sweeps only after it is confirmed', async () => {
    const desk = retentionDesk();
    renderWithDesk(<RetentionPage />, { desk, roles: ['dpo'] });
    expect(screen.queryByTestId('sweep-run')).toBeNull();
    await userEvent.click(screen.getByTestId('sweep-dry-run'));
    const preview = await screen.findByTestId('sweep-preview');
    expect(preview).toHaveTextContent('预演结果：将删除 2 条、匿名化 0 条，1 条因法律保全保留。');
    expect(preview).toHaveTextContent('lst_00001 lst_00002');
    expect(desk.callsTo('retention:sweep')).toEqual([{ dryRun: true }]);

    await userEvent.click(screen.getByTestId('sweep-run'));
    const dialog = screen.getByTestId('sweep-dialog');
    expect(dialog).toHaveTextContent('此操作不可撤销');
    await userEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(desk.callsTo('retention:sweep')).toEqual([{ dryRun: true }]);

    await userEvent.click(screen.getByTestId('sweep-run'));
    await userEvent.click(screen.getByTestId('confirm-sweep'));
    expect(await screen.findByTestId('sweep-done')).toHaveTextContent('已执行：删除 2 条');
    expect(desk.callsTo('retention:sweep')).toEqual([{ dryRun: true }, { dryRun: false }]);
    expect(screen.queryByTestId('sweep-run')).toBeNull();
  });
});
