import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { listingDetail, queueRow } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { DuplicatesPage } from './duplicates-page';

afterEach(cleanup);

const bodies: Record<string, string> = {
  lst_00001: '九成新沙发，天河自提，电话 135****7162',
  lst_00002: '九成新沙发，海珠自提，电话 135****7162',
};

function duplicatesDesk() {
  return new FakeDesk({
    'moderation:clusters': () => ({
      clusters: [
        { id: 'cl_1', memberIds: ['lst_00001', 'lst_00002'], titles: { lst_00001: '九成新沙发转让', lst_00002: '九成新沙发 海珠' }, reasons: ['similar_text', 'same_phone'], similarity: 0.93 },
      ],
    }),
    'moderation:listings': ({ listingIds }) => ({
      listings: listingIds.map((listingId) => {
        const row = queueRow(Number(listingId.slice(4)), { title: '九成新沙发转让' });
        return { ...listingDetail(row).listing, body: bodies[listingId] ?? '' };
      }),
    }),
    'moderation:bulk': (input) => ({ batchId: 'batch-1234567', dryRun: true, results: input.listingIds.map((listingId) => ({ listingId, outcome: 'would_apply' as const })), undoableUntil: null }),
  });
}

describe('the duplicates view', () => {
  it('shows each cluster with why it is one, and its members side by side with their differences', async () => {
    const desk = duplicatesDesk();
    renderWithDesk(<DuplicatesPage />, { desk });
    const cluster = await screen.findByTestId('cluster');
    expect(screen.getByTestId('duplicates-view')).toBeInTheDocument();
    expect(cluster).toHaveAttribute('data-cluster-id', 'cl_1');
    expect(cluster).toHaveTextContent('重复信息组（2 条）');
    expect(cluster).toHaveTextContent('文本相似、同一联系电话');
    expect(cluster).toHaveTextContent('相似度 93%');
    await userEvent.click(within(cluster).getByRole('button', { name: '并排比较' }));
    const members = await within(cluster).findByTestId('cluster-members');
    expect(desk.callsTo('moderation:listings')).toEqual([{ listingIds: ['lst_00001', 'lst_00002'] }]);
    const columns = members.querySelectorAll('[data-listing-id]');
    expect(columns).toHaveLength(2);
    expect(columns[0]!.querySelector('ins, del')).toBeNull();
    expect(columns[1]!.querySelector('del')).toHaveTextContent('天河');
    expect(columns[1]!.querySelector('ins')).toHaveTextContent('海珠');
    expect(columns[1]!.querySelector('.listing-body')!.textContent).toBe('九成新沙发，天河海珠自提，电话 135****7162');
  });

  it('offers a senior moderator a bulk action on the whole cluster, and nobody else', async () => {
    const { unmount } = renderWithDesk(<DuplicatesPage />, { desk: duplicatesDesk(), roles: ['moderator'] });
    expect(within(await screen.findByTestId('cluster')).queryByTestId('bulk-button')).toBeNull();
    unmount();

    const desk = duplicatesDesk();
    renderWithDesk(<DuplicatesPage />, { desk, roles: ['senior_moderator'] });
    await userEvent.click(within(await screen.findByTestId('cluster')).getByTestId('bulk-button'));
    const dialog = await screen.findByTestId('bulk-dialog');
    await waitFor(() => expect(desk.callsTo('moderation:bulk')).toEqual([{ dryRun: true, action: 'reject', reasonCode: null, note: '', notice: '', listingIds: ['lst_00001', 'lst_00002'] }]));
    expect(within(dialog).getByTestId('bulk-reason')).toHaveValue('duplicate');
    // The dry run names each item by its title, though the cluster was never opened.
    const dryRun = await within(dialog).findByTestId('bulk-dry-run-results');
    expect(dryRun).toHaveTextContent('九成新沙发转让');
    expect(dryRun).toHaveTextContent('九成新沙发 海珠');
    expect(desk.callsTo('moderation:listings')).toEqual([]);
  });
});
