import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { ChainVerification } from '../../../shared/ipc/governance-views';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { auditRow, governanceStaff } from '../../desk/fake-governance-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { AUDIT_PAGE_SIZE } from './audit-filters';
import { AuditTrailPage } from './audit-trail-page';

afterEach(cleanup);

const intact: ChainVerification = { checked: 120, intact: true, head: { seq: 120, hash: 'a3f1c0de' }, firstBroken: null, verifiedAt: '2026-11-19T02:00:00.000Z' };

/** A trail of `total` events, paged after afterSeq as the core does. */
function auditDesk(total = 120, verification: ChainVerification = intact) {
  return new FakeDesk({
    'staff:list': () => ({ staff: governanceStaff }),
    'audit:events': (query: ChannelInput<'audit:events'>) => {
      const after = query.afterSeq ?? 0;
      const limit = query.limit ?? 100;
      const seqs = Array.from({ length: total }, (_, i) => i + 1).filter((seq) => seq > after);
      const events = seqs.slice(0, limit).map((seq) =>
        seq === 2 ? auditRow(seq, { action: 'pii.reveal', subject: 'user:usr_00001', detail: { reason: 'verify_identity' } })
        : seq === 3 ? auditRow(seq, { action: 'payments.refund', staffId: null, staffName: null })
        : auditRow(seq),
      );
      return { events, hasMore: seqs.length > limit };
    },
    'audit:verify': () => verification,
    'audit:export': (range: ChannelInput<'audit:export'>) => {
      if (range.toSeq > total) refuse('not_found');
      return { name: `audit-${range.fromSeq}-${range.toSeq}.json`, mediaType: 'application/json', content: '{"events":[]}' };
    },
  });
}

describe('the audit trail', () => {
  it('lists events with Guangzhou times, staff names and actions in words, raw names for unknown actions', async () => {
    const desk = auditDesk();
    renderWithDesk(<AuditTrailPage />, { desk, roles: ['dpo'] });
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(AUDIT_PAGE_SIZE);
    // 01:32Z is 09:32 in Guangzhou.
    expect(rows[1]).toHaveTextContent('2026/11/19 09:32');
    expect(rows[1]).toHaveTextContent('陈晓峰');
    expect(rows[1]).toHaveTextContent('查看完整号码');
    expect(rows[1]).toHaveTextContent('user:usr_00001');
    expect(rows[1]).toHaveTextContent('reason=verify_identity');
    expect(rows[2]).toHaveTextContent('payments.refund');
    expect(rows[2]).toHaveTextContent('系统');
    expect(desk.callsTo('audit:events')).toEqual([{ afterSeq: 0, limit: AUDIT_PAGE_SIZE }]);
  });

  it('sends the filter as the core query, with Beijing times as UTC instants', async () => {
    const desk = auditDesk();
    renderWithDesk(<AuditTrailPage />, { desk, roles: ['dpo'] });
    await screen.findAllByTestId('audit-row');
    const user = userEvent.setup();
    await waitFor(() => expect(within(screen.getByTestId('audit-filter-staff')).getAllByRole('option')).toHaveLength(4));
    await user.selectOptions(screen.getByLabelText('员工'), 'stf_2');
    await user.type(screen.getByLabelText('操作'), 'pii.reveal');
    await user.type(screen.getByLabelText('对象'), ' user:usr_00001 ');
    await user.type(screen.getByLabelText('起始时间'), '2026-11-19T08:00');
    await user.type(screen.getByLabelText('截止时间'), '2026-11-20T00:00');
    await user.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(desk.callsTo('audit:events')).toHaveLength(2));
    expect(desk.callsTo('audit:events')[1]).toEqual({
      afterSeq: 0,
      limit: AUDIT_PAGE_SIZE,
      staffId: 'stf_2',
      action: 'pii.reveal',
      subject: 'user:usr_00001',
      from: '2026-11-19T00:00:00.000Z',
      to: '2026-11-19T16:00:00.000Z',
    });
  });

  it('refuses a time range that ends before it starts, and sends nothing', async () => {
    const desk = auditDesk();
    renderWithDesk(<AuditTrailPage />, { desk, roles: ['dpo'] });
    await screen.findAllByTestId('audit-row');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('起始时间'), '2026-11-19T08:00');
    await user.type(screen.getByLabelText('截止时间'), '2026-11-19T07:00');
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByRole('alert')).toHaveTextContent('截止时间须晚于起始时间');
    expect(desk.callsTo('audit:events')).toHaveLength(1);
  });

  it('pages on by the last sequence number, and back', async () => {
    const desk = auditDesk(120);
    renderWithDesk(<AuditTrailPage />, { desk, roles: ['dpo'] });
    await screen.findAllByTestId('audit-row');
    const user = userEvent.setup();
    expect(screen.getByTestId('audit-previous')).toBeDisabled();
    await user.click(screen.getByTestId('audit-next'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')[0]).toHaveAttribute('data-seq', '51'));
    await user.click(screen.getByTestId('audit-next'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(20));
    expect(screen.getByTestId('audit-next')).toBeDisabled();
    expect(screen.getByTestId('audit-page')).toHaveTextContent('第 3 页');
    await user.click(screen.getByTestId('audit-previous'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')[0]).toHaveAttribute('data-seq', '51'));
    expect(desk.callsTo('audit:events').map((q) => q.afterSeq)).toEqual([0, 50, 100, 50]);
  });

  it('shows an intact chain with its count and head hash', async () => {
    const desk = auditDesk();
    renderWithDesk(<AuditTrailPage />, { desk, roles: ['dpo'] });
    await userEvent.click(screen.getByTestId('audit-verify'));
    const result = await screen.findByTestId('audit-verify-result');
    expect(result).toHaveAttribute('data-intact', 'true');
    expect(result).toHaveTextContent('哈希链完整：已校验 120 条事件');
    expect(result).toHaveTextContent('#120');
    expect(screen.getByTestId('audit-head-hash')).toHaveTextContent('a3f1c0de');
  });

  it('names the first broken link and why, as an alert', async () => {
    const desk = auditDesk(120, { checked: 57, intact: false, head: { seq: 120, hash: 'ffff' }, firstBroken: { seq: 57, reason: 'hash_mismatch' }, verifiedAt: '2026-11-19T02:00:00.000Z' });
    renderWithDesk(<AuditTrailPage />, { desk, roles: ['dpo'] });
    await userEvent.click(screen.getByTestId('audit-verify'));
    const result = await screen.findByRole('alert');
    expect(result).toHaveAttribute('data-broken-seq', '57');
    expect(result).toHaveTextContent('哈希链在第 57 号事件处断裂');
    expect(result).toHaveTextContent('事件内容与其哈希不符');
    expect(result).not.toHaveTextContent('哈希链完整');
  });

  it('exports a range of sequence numbers as a download, with the offline check named', async () => {
    const desk = auditDesk(120);
    renderWithDesk(<AuditTrailPage />, { desk, roles: ['dpo'] });
    const user = userEvent.setup();
    const exporter = screen.getByTestId('audit-export');
    expect(exporter).toHaveTextContent('verify-audit-export.mjs');
    await user.click(within(exporter).getByTestId('audit-export-button'));
    expect(within(exporter).getByRole('alert')).toHaveTextContent('有效的序号范围');
    expect(desk.callsTo('audit:export')).toEqual([]);
    await user.clear(within(exporter).getByLabelText('起始序号'));
    await user.type(within(exporter).getByLabelText('起始序号'), '10');
    await user.type(within(exporter).getByLabelText('截止序号'), '60');
    await user.click(within(exporter).getByTestId('audit-export-button'));
    const link = await within(exporter).findByTestId('audit-export-download');
    expect(link).toHaveAttribute('download', 'audit-10-60.json');
    expect(link.getAttribute('href')).toMatch(/^data:application\/json;charset=utf-8,/);
    expect(desk.callsTo('audit:export')).toEqual([{ fromSeq: 10, toSeq: 60 }]);
  });
});
