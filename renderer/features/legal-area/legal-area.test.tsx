import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/platform/roles';
import { disclosureDetail, disclosureRow, holdRow, legalReminder, processorRecord, transparencyReport } from '../../desk/fake-legal-records';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { LegalArea } from './legal-area';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const rows = [
  disclosureRow(1, { emergency: true, noNotify: true }),
  disclosureRow(2, { domestic: false, overDisclosure: true, status: 'disclosed', outcome: 'disclosed_part', amendments: 2 }),
];

function areaDesk() {
  return new FakeDesk({
    'legal:reminders': () => ({
      reminders: [
        legalReminder({ kind: 'processor_review', subjectId: 'prc_00001', subject: '华南云计算有限公司', dueOn: '2026-12-01' }),
        legalReminder({ kind: 'no_notify_ending', subjectId: 'dsc_00002', subject: 'LD-2026-0002', dueOn: '2026-11-15', overdue: true }),
        legalReminder({ kind: 'hold_expiring', dueOn: '2026-11-28' }),
      ],
    }),
    'legal:disclosures': (query) => ({ disclosures: rows.filter((r) => !query.status || r.status === query.status) }),
    'legal:disclosure': ({ disclosureId }) => disclosureDetail({ id: disclosureId, preparedBy: 'stf_7' }, { mayApprove: true }),
    'legal:holds': () => ({ holds: [holdRow(1)] }),
    'legal:processors': () => ({ processors: [processorRecord(0)] }),
    'legal:transparency': (period) => transparencyReport({ period }),
  });
}

const renderArea = (roles: Role[]) => renderWithDesk(<LegalArea />, { desk: areaDesk(), roles });

describe('the legal area', () => {
  it('lists reminders overdue first and marked, and opens what each one is about', async () => {
    const { desk } = renderArea(['legal']);
    const reminders = await screen.findAllByTestId('legal-reminder');
    expect(reminders.map((r) => r.textContent)).toEqual([
      '已逾期 不得通知期限届满，应通知用户：LD-2026-0002 应于 2026/11/15 处理',
      '保全即将到期：穗公（天）冻字〔2026〕881号 2026/11/28 到期',
      '受托处理者待复核：华南云计算有限公司 2026/12/01 到期',
    ]);
    expect(reminders[0]).toHaveClass('overdue');

    await userEvent.click(within(reminders[0]!).getByRole('button'));
    expect(await screen.findByTestId('disclosure-detail')).toBeInTheDocument();
    expect(desk.callsTo('legal:disclosure')).toEqual([{ disclosureId: 'dsc_00002' }]);

    await userEvent.click(within(reminders[1]!).getByRole('button'));
    expect(screen.getByRole('tab', { name: '法律保全' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('hold-row')).toBeInTheDocument();
  });

  it('shows the register with its flags, filtered by status and searched', async () => {
    const { desk } = renderArea(['legal']);
    const found = await screen.findAllByTestId('disclosure-row');
    expect(found[0]).toHaveTextContent('LD-2026-0001');
    expect(within(found[0]!).getByTestId('disclosure-flags')).toHaveTextContent('紧急不得通知');
    expect(within(found[1]!).getByTestId('disclosure-flags')).toHaveTextContent('境外超范围');
    expect(found[1]).toHaveTextContent('部分提供');
    expect(found[1]).toHaveTextContent('2 次更正');

    await userEvent.selectOptions(screen.getByTestId('disclosure-status-filter'), '已提供');
    await waitFor(() => expect(screen.getAllByTestId('disclosure-row')).toHaveLength(1));
    await userEvent.type(screen.getByTestId('disclosure-search'), '1232号{Enter}');
    await waitFor(() => expect(desk.callsTo('legal:disclosures').at(-1)).toEqual({ status: 'disclosed', search: '1232号' }));
    expect(desk.callsTo('legal:disclosures')[0]).toEqual({});
  });

  it('gives legal staff the new-entry tab and the actions', async () => {
    renderArea(['legal']);
    expect(screen.getByRole('tab', { name: '新建登记' })).toBeInTheDocument();
    await userEvent.click((await screen.findAllByTestId('disclosure-row'))[0]!);
    expect(await screen.findByTestId('approve-disclosure')).toBeEnabled();
    expect(screen.getByTestId('open-amendment')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: '新建登记' }));
    expect(screen.getByTestId('disclosure-form')).toBeInTheDocument();
  });

  it('lets the DPO read every tab without a single action button', async () => {
    renderArea(['dpo']);
    expect(screen.queryByRole('tab', { name: '新建登记' })).toBeNull();
    expect(screen.getByRole('tablist')).toHaveTextContent('只读');
    await userEvent.click((await screen.findAllByTestId('disclosure-row'))[0]!);
    const detail = await screen.findByTestId('disclosure-detail');
    await within(detail).findByTestId('approval-panel');
    expect(detail).toHaveTextContent('等待另一位法务人员批准。');
    // Reading the scan is the only button: fetching a file is a read (and audited).
    expect(within(detail).getAllByRole('button').map((b) => b.textContent)).toEqual(['取回文件']);

    await userEvent.click(screen.getByRole('tab', { name: '法律保全' }));
    await screen.findByTestId('hold-row');
    expect(within(screen.getByTestId('legal-holds')).queryAllByRole('button').map((b) => b.textContent)).toEqual(['生效中', '全部']);

    await userEvent.click(screen.getByRole('tab', { name: '受托处理者' }));
    await screen.findByTestId('processor-row');
    expect(within(screen.getByTestId('processor-register')).queryAllByRole('button')).toEqual([]);
  });
});
