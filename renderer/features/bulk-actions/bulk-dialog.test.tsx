import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkResult } from '../../../shared/ipc/moderation-views';
import { FakeDesk } from '../../desk/fake-desk';
import { decisionRecord } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { BulkDialog } from './bulk-dialog';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `lst_${String(i).padStart(5, '0')}`);

/** The last listing was decided by someone else first; the rest go through. */
function bulkDesk() {
  const outcome = (listingIds: string[], ok: BulkResult['results'][number]['outcome']): BulkResult['results'] =>
    listingIds.map((listingId, i) =>
      i === listingIds.length - 1
        ? {
            listingId,
            outcome: 'refused',
            error: { code: 'already_decided', message: 'decided', conflict: { lastDecision: decisionRecord({ listingId, action: 'approve', staffName: '林嘉欣' }) } },
          }
        : { listingId, outcome: ok },
    );
  return new FakeDesk({
    'moderation:bulk': (input) => ({
      batchId: 'batch-00000001',
      dryRun: input.dryRun,
      results: outcome(input.listingIds, input.dryRun ? 'would_apply' : 'applied'),
      undoableUntil: input.dryRun ? null : new Date(Date.now() + 60_000).toISOString(),
    }),
    'moderation:bulkUndo': ({ batchId }) => ({ batchId, dryRun: false, results: [{ listingId: 'lst_00000', outcome: 'undone' }], undoableUntil: null }),
  });
}

describe('the bulk dialog', () => {
  it('runs a dry run first, applies with a reason, reports each item, and undoes within the window', async () => {
    const desk = bulkDesk();
    const titles = { lst_00000: '二手沙发', lst_00001: '二手沙发 同款' };
    renderWithDesk(<BulkDialog listingIds={ids(3)} titles={titles} onClose={() => undefined} />, { desk, roles: ['senior_moderator'] });
    const dialog = await screen.findByTestId('bulk-dialog');
    const dry = await within(dialog).findByTestId('bulk-dry-run-results');
    expect(desk.callsTo('moderation:bulk')).toEqual([{ dryRun: true, action: 'reject', reasonCode: null, note: '', notice: '', listingIds: ids(3) }]);
    expect([...dry.querySelectorAll('[data-listing-id]')].map((el) => el.getAttribute('data-listing-id'))).toEqual(ids(3));
    expect(dry).toHaveTextContent('将执行 2 条、被拒绝 1 条');
    expect(dry).toHaveTextContent('二手沙发');
    expect(dry).toHaveTextContent('该信息已有审核决定。');
    expect(dry).toHaveTextContent('林嘉欣 已于 2026/11/20 14:05 通过');
    // No reason, no apply; no confirmation needed for three.
    expect(within(dialog).getByTestId('bulk-apply')).toBeDisabled();
    expect(within(dialog).queryByTestId('bulk-confirm-input')).toBeNull();

    const reason = within(dialog).getAllByRole('combobox')[0]!;
    await userEvent.selectOptions(reason, within(reason).getByRole('option', { name: /重复发布/ }));
    expect((within(dialog).getByTestId('bulk-notice') as HTMLTextAreaElement).value).toContain('重复');
    await userEvent.click(within(dialog).getByTestId('bulk-apply'));
    const results = await within(dialog).findByTestId('bulk-results');
    expect(desk.callsTo('moderation:bulk')[1]).toMatchObject({ dryRun: false, action: 'reject', reasonCode: 'duplicate', listingIds: ids(3) });
    expect(desk.callsTo('moderation:bulk')[1]).not.toHaveProperty('confirmation');
    expect(results.querySelector('[data-listing-id="lst_00000"]')).toHaveAttribute('data-outcome', 'applied');
    expect(results.querySelector('[data-listing-id="lst_00002"]')).toHaveAttribute('data-outcome', 'refused');
    expect(results).toHaveTextContent('林嘉欣 已于 2026/11/20 14:05 通过');

    const undo = within(dialog).getByTestId('bulk-undo');
    expect(undo).toHaveTextContent(/撤销（剩余 (59|60) 秒）/);
    await userEvent.click(undo);
    await waitFor(() => expect(desk.callsTo('moderation:bulkUndo')).toEqual([{ batchId: 'batch-00000001' }]));
    expect(await within(dialog).findByTestId('bulk-undo-results')).toHaveTextContent('已撤销 1 条');
  });

  it('needs the number of items typed above twenty, and sends it', async () => {
    const desk = bulkDesk();
    renderWithDesk(<BulkDialog listingIds={ids(25)} initialReason="duplicate" onClose={() => undefined} />, { desk, roles: ['senior_moderator'] });
    const dialog = await screen.findByTestId('bulk-dialog');
    await within(dialog).findByTestId('bulk-dry-run-results');
    const apply = within(dialog).getByTestId('bulk-apply');
    const confirm = within(dialog).getByTestId('bulk-confirm-input');
    expect(within(dialog).getByText(/请输入条数 25/)).toBeInTheDocument();
    expect(apply).toBeDisabled();
    await userEvent.type(confirm, '24');
    expect(apply).toBeDisabled();
    await userEvent.clear(confirm);
    await userEvent.type(confirm, '25');
    expect(apply).toBeEnabled();
    await userEvent.click(apply);
    await within(dialog).findByTestId('bulk-results');
    expect(desk.callsTo('moderation:bulk')[1]).toMatchObject({ dryRun: false, reasonCode: 'duplicate', confirmation: '25' });
    expect(desk.callsTo('moderation:bulk')[1]!.listingIds).toHaveLength(25);
  });

  it('runs the dry run again when the action changes', async () => {
    const desk = bulkDesk();
    renderWithDesk(<BulkDialog listingIds={ids(2)} onClose={() => undefined} />, { desk, roles: ['senior_moderator'] });
    const dialog = await screen.findByTestId('bulk-dialog');
    await within(dialog).findByTestId('bulk-dry-run-results');
    await userEvent.click(within(dialog).getByRole('radio', { name: '下架' }));
    await waitFor(() => expect(desk.callsTo('moderation:bulk').at(-1)).toMatchObject({ dryRun: true, action: 'remove' }));
  });

  it('closes the undo when its sixty seconds are over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const desk = bulkDesk();
    renderWithDesk(<BulkDialog listingIds={ids(2)} initialReason="duplicate" onClose={() => undefined} />, { desk, roles: ['senior_moderator'] });
    const dialog = await screen.findByTestId('bulk-dialog');
    await within(dialog).findByTestId('bulk-dry-run-results');
    await userEvent.click(within(dialog).getByTestId('bulk-apply'));
    await within(dialog).findByTestId('bulk-results');
    await act(async () => vi.advanceTimersByTime(61_000));
    expect(within(dialog).getByTestId('bulk-undo')).toBeDisabled();
    expect(within(dialog).getByTestId('bulk-undo')).toHaveTextContent('已超过撤销时限');
    expect(desk.callsTo('moderation:bulkUndo')).toEqual([]);
  });
});
