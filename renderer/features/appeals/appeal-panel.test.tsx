import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { appealRecord, decisionRecord, listingDetail, queueRow } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { AppealPanel } from './appeal-panel';

afterEach(cleanup);

const appeal = appealRecord();
const original = decisionRecord({ id: 'dec_1', note: '要求买家先转定金', staffName: '林嘉欣' });
const listing = listingDetail(queueRow(1)).listing;

function renderPanel(desk: FakeDesk, onDecided = vi.fn()) {
  renderWithDesk(<AppealPanel appeal={appeal} listing={listing} history={[original]} disabled={false} onDecided={onDecided} />, { desk, roles: ['senior_moderator'] });
  return onDecided;
}

describe('the appeal panel', () => {
  it('shows the original decision, the evidence and the statement, and sends the outcome with its notice', async () => {
    const desk = new FakeDesk({ 'appeals:decide': (input) => ({ ...appeal, status: input.outcome === 'uphold' ? 'upheld' : 'overturned', outcomeNotice: input.notice }) });
    const onDecided = renderPanel(desk);
    const panel = screen.getByTestId('appeal-panel');
    expect(within(panel).getByTestId('appeal-original')).toHaveTextContent('驳回');
    expect(within(panel).getByTestId('appeal-original')).toHaveTextContent('诈骗或索要定金');
    expect(within(panel).getByTestId('appeal-original')).toHaveTextContent('林嘉欣');
    expect(within(panel).getByTestId('appeal-original')).toHaveTextContent('2026/11/20 14:05');
    expect(within(panel).getByTestId('appeal-original')).toHaveTextContent('要求买家先转定金');
    expect(within(panel).getByTestId('appeal-evidence')).toHaveTextContent('九成新 iPhone 15 转让');
    expect(within(panel).getByTestId('appeal-evidence')).toHaveTextContent('先付定金 200 元');
    expect(within(panel).getByTestId('appeal-statement')).toHaveTextContent('没有收取任何定金');

    await userEvent.click(within(panel).getByRole('button', { name: '撤销原决定' }));
    const notice = within(panel).getByTestId('appeal-notice');
    expect((notice as HTMLTextAreaElement).value).toContain('您对「九成新 iPhone 15 转让」的申诉已复核，原审核决定已撤销');
    await userEvent.click(within(panel).getByRole('button', { name: '维持原决定' }));
    expect((notice as HTMLTextAreaElement).value).toBe('您对「九成新 iPhone 15 转让」的申诉已复核，维持原审核决定（诈骗或索要定金）。感谢您的理解。');
    await userEvent.type(notice, '如需帮助请联系客服。');
    await userEvent.click(within(panel).getByTestId('appeal-confirm'));
    await waitFor(() =>
      expect(desk.callsTo('appeals:decide')).toEqual([
        { appealId: 'apl_1', outcome: 'uphold', notice: '您对「九成新 iPhone 15 转让」的申诉已复核，维持原审核决定（诈骗或索要定金）。感谢您的理解。如需帮助请联系客服。' },
      ]),
    );
    expect(onDecided).toHaveBeenCalled();
  });

  it('shows the same-reviewer refusal translated', async () => {
    const desk = new FakeDesk({ 'appeals:decide': () => refuse('same_reviewer') });
    const onDecided = renderPanel(desk);
    await userEvent.click(screen.getByRole('button', { name: '撤销原决定' }));
    await userEvent.click(screen.getByTestId('appeal-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent('申诉须由原审核员以外的人员处理。');
    expect(screen.getByRole('alert')).not.toHaveTextContent('same_reviewer');
    expect(onDecided).not.toHaveBeenCalled();
  });
});

describe('an appeal in the Appeals queue', () => {
  it('replaces the listing decisions with uphold and overturn', async () => {
    const { ListingDetailPane } = await import('../listing-review/listing-detail');
    const row = queueRow(1, { appealId: 'apl_1' });
    const desk = new FakeDesk({
      'moderation:listing': () => listingDetail(row, { appeal, history: [original], listing: { ...listing, status: 'rejected' } }),
      'moderation:open': () => ({ claimed: true, holderName: null, expiresAt: null }),
      'moderation:release': () => ({ released: true }),
    });
    renderWithDesk(<ListingDetailPane listingId={row.id} queue="appeals" onDecided={() => undefined} />, { desk, roles: ['senior_moderator'] });
    const detail = await screen.findByTestId('listing-detail');
    expect(within(detail).getByTestId('appeal-panel')).toBeInTheDocument();
    expect(within(detail).queryByTestId('approve-button')).toBeNull();
    expect(within(detail).getByTestId('appeal-uphold')).toBeEnabled();
  });
});
