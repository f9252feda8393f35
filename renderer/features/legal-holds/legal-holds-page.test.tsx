import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdRow } from '../../desk/fake-legal-records';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { LegalHoldsPage } from './legal-holds-page';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

// Lapses at the end of 2026-11-30 in Guangzhou: ten days from "today".
const lapsing = holdRow(1, { expiresAt: '2026-11-30T15:59:59.000Z' });
const later = holdRow(2, { expiresAt: '2027-04-20T15:59:59.000Z', renewals: [{ at: '2026-10-01T02:00:00.000Z', staffName: '林律师', reference: '穗公（天）续冻字〔2026〕12号', previousExpiresAt: '2026-10-20T15:59:59.000Z', expiresAt: '2027-04-20T15:59:59.000Z' }] });
const lifted = holdRow(3, { active: false, liftedAt: '2026-11-01T02:00:00.000Z', liftedBy: 'stf_7', liftReason: '公安机关已解除冻结' });

function holdsDesk() {
  return new FakeDesk({
    'legal:holds': ({ view }) => ({ holds: view === 'all' ? [lapsing, later, lifted] : [lapsing, later] }),
    'legal:liftHold': ({ holdId, reason }) => ({ ...lapsing, id: holdId, active: false, liftedAt: '2026-11-20T02:00:00.000Z', liftedBy: 'stf_1', liftReason: reason, version: 2 }),
    'legal:renewHold': ({ expiresAt, reference }) => ({ ...lapsing, expiresAt, version: 2, renewals: [{ at: '2026-11-20T02:00:00.000Z', staffName: '陈晓峰', reference, previousExpiresAt: lapsing.expiresAt, expiresAt }] }),
    'legal:placeHold': (input) => holdRow(9, input),
  });
}

describe('legal holds', () => {
  it('lists active holds with the account masked, and marks one lapsing within 14 days', async () => {
    const desk = holdsDesk();
    renderWithDesk(<LegalHoldsPage canAct />, { desk, roles: ['legal'] });
    const rows = await screen.findAllByTestId('hold-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('小王 135****7162');
    expect(rows[0]).toHaveTextContent('保全冻结通知');
    expect(rows[0]).toHaveTextContent('发布的信息、交易记录');
    expect(within(rows[0]!).getByTestId('hold-expiry')).toHaveTextContent('2026/11/3010 天内到期');
    expect(within(rows[1]!).getByTestId('hold-expiry')).not.toHaveTextContent('天内到期');
    expect(rows[1]).toHaveTextContent('穗公（天）续冻字〔2026〕12号 续至 2027/04/20（林律师）');

    await userEvent.click(screen.getByRole('button', { name: '全部' }));
    await waitFor(() => expect(screen.getAllByTestId('hold-row')).toHaveLength(3));
    expect(screen.getAllByTestId('hold-row')[2]).toHaveTextContent('已解除公安机关已解除冻结');
    expect(desk.callsTo('legal:holds')).toEqual([{ view: 'active' }, { view: 'all' }]);
  });

  it('lifts a hold only with a reason, after confirming', async () => {
    const desk = holdsDesk();
    renderWithDesk(<LegalHoldsPage canAct />, { desk, roles: ['legal'] });
    const [row] = await screen.findAllByTestId('hold-row');
    await userEvent.click(within(row!).getByTestId('lift-hold'));
    const dialog = screen.getByTestId('lift-hold-dialog');
    expect(dialog).toHaveTextContent('解除保全 穗公（天）冻字〔2026〕881号？');
    await userEvent.click(within(dialog).getByTestId('confirm-lift'));
    expect(dialog).toHaveTextContent('“解除理由”为必填项。');
    expect(within(dialog).getByLabelText('解除理由')).toHaveAttribute('aria-invalid', 'true');
    expect(desk.callsTo('legal:liftHold')).toEqual([]);

    await userEvent.type(within(dialog).getByLabelText('解除理由'), '公安机关出具解除冻结通知书');
    await userEvent.click(within(dialog).getByTestId('confirm-lift'));
    await waitFor(() => expect(screen.queryByTestId('lift-hold-dialog')).toBeNull());
    expect(desk.callsTo('legal:liftHold')).toEqual([{ holdId: 'hold_00001', basedOnVersion: 1, reason: '公安机关出具解除冻结通知书' }]);
    expect(desk.callsTo('legal:holds')).toHaveLength(2);
  });

  it('renews a hold to a later date with the renewing document', async () => {
    const desk = holdsDesk();
    renderWithDesk(<LegalHoldsPage canAct />, { desk, roles: ['legal'] });
    const [row] = await screen.findAllByTestId('hold-row');
    await userEvent.click(within(row!).getByTestId('renew-hold'));
    const dialog = screen.getByTestId('renew-hold-dialog');
    await userEvent.type(within(dialog).getByLabelText('新的到期日'), '2026-11-25');
    await userEvent.type(within(dialog).getByLabelText('续期文书编号'), '穗公（天）续冻字〔2026〕31号');
    await userEvent.click(within(dialog).getByTestId('confirm-renew'));
    expect(dialog).toHaveTextContent('“新的到期日”须晚于当前到期日 2026/11/30。');
    await userEvent.clear(within(dialog).getByLabelText('新的到期日'));
    await userEvent.type(within(dialog).getByLabelText('新的到期日'), '2027-05-30');
    await userEvent.click(within(dialog).getByTestId('confirm-renew'));
    await waitFor(() => expect(desk.callsTo('legal:renewHold')).toHaveLength(1));
    // The term runs to the end of the day in Guangzhou.
    expect(desk.callsTo('legal:renewHold')).toEqual([{ holdId: 'hold_00001', basedOnVersion: 1, expiresAt: '2027-05-30T15:59:59.000Z', reference: '穗公（天）续冻字〔2026〕31号' }]);
  });

  it('places a hold with what it covers', async () => {
    const desk = holdsDesk();
    renderWithDesk(<LegalHoldsPage canAct />, { desk, roles: ['legal'] });
    await userEvent.click(await screen.findByTestId('open-place-hold'));
    const form = screen.getByTestId('place-hold-form');
    await userEvent.click(within(form).getByTestId('submit-hold'));
    expect(form).toHaveTextContent('“保全范围”为必填项。');
    await userEvent.type(within(form).getByLabelText('账号（平台用户 ID）'), 'usr_00042');
    await userEvent.selectOptions(within(form).getByLabelText('来源'), '调查');
    await userEvent.type(within(form).getByLabelText('文书编号或案件编号'), 'INV-2026-07');
    await userEvent.type(within(form).getByLabelText('保全理由'), '内部调查：疑似批量诈骗');
    await userEvent.click(within(form).getByLabelText('登录日志'));
    await userEvent.click(within(form).getByTestId('submit-hold'));
    await waitFor(() => expect(screen.queryByTestId('place-hold-form')).toBeNull());
    expect(desk.callsTo('legal:placeHold')).toEqual([{ userId: 'usr_00042', source: 'investigation', reference: 'INV-2026-07', reason: '内部调查：疑似批量诈骗', scope: ['login_logs'], expiresAt: null }]);
  });

  it('gives the DPO the list without any action', async () => {
    renderWithDesk(<LegalHoldsPage canAct={false} />, { desk: holdsDesk(), roles: ['dpo'] });
    await screen.findAllByTestId('hold-row');
    expect(screen.queryByTestId('open-place-hold')).toBeNull();
    expect(screen.queryByTestId('lift-hold')).toBeNull();
    expect(screen.queryByTestId('renew-hold')).toBeNull();
  });
});
