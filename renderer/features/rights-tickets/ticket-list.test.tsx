import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { deadlineRecord, ticketDetail, ticketRow } from '../../desk/fake-rights-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { RightsArea } from './rights-area';

afterEach(cleanup);

/** The core's order: urgent first, even though the on-track ticket was received earliest. */
const coreOrder = [
  ticketRow(5, { deadline: deadlineRecord({ dueDate: '2026-11-27', workingDaysLeft: -2, overdue: true, urgency: 'overdue' }) }),
  ticketRow(3, { deadline: deadlineRecord({ dueDate: '2027-01-04', workingDaysLeft: 1, urgency: 'due-soon', provisional: true }) }),
  ticketRow(1, { deadline: deadlineRecord({ dueDate: '2026-12-18', workingDaysLeft: 12, paused: true }) }),
  ticketRow(2, { deadline: deadlineRecord({ dueDate: '2026-12-11', workingDaysLeft: 0, urgency: 'due-soon' }) }),
];

function listDesk() {
  return new FakeDesk({
    'rights:tickets': (query) => ({ tickets: query.view === 'closed' ? [ticketRow(9, { state: 'completed', deadline: null })] : coreOrder }),
    'rights:ticket': ({ ticketId }) => ticketDetail({ id: ticketId, number: 'RT-2026-000103' }),
  });
}

describe('the rights ticket list', () => {
  it("keeps the core's urgency order and marks overdue, due-soon, provisional and paused deadlines in words", async () => {
    renderWithDesk(<RightsArea />, { desk: listDesk(), roles: ['cs_agent'] });
    const rows = await screen.findAllByTestId('ticket-row');
    expect(rows.map((r) => r.getAttribute('data-ticket-id'))).toEqual(['tkt_00005', 'tkt_00003', 'tkt_00001', 'tkt_00002']);
    expect(rows.map((r) => r.getAttribute('data-urgency'))).toEqual(['overdue', 'due-soon', 'on-track', 'due-soon']);

    expect(rows[0]).toHaveTextContent('已逾期');
    expect(rows[0]).toHaveTextContent('已逾期 2 个工作日');
    expect(rows[0]).toHaveTextContent('2026/11/27 到期');
    expect(within(rows[1]!).getByTestId('urgency-badge')).toHaveTextContent('即将到期');
    const provisional = within(rows[1]!).getByTestId('deadline-provisional');
    expect(provisional).toHaveTextContent('暂定');
    expect(provisional).toHaveAttribute('title', expect.stringContaining('2027 年的官方节假日安排尚未公布'));
    expect(within(rows[0]!).queryByTestId('deadline-provisional')).toBeNull();
    expect(within(rows[2]!).getByTestId('deadline-paused')).toHaveTextContent('等待用户回复，计时暂停');
    expect(rows[2]).toHaveTextContent('剩余 12 个工作日');
    expect(rows[3]).toHaveTextContent('今天到期');
    // User, masked phone, requester and the received time in Guangzhou (02:00Z + 5 h = 15:00 there).
    expect(rows[0]).toHaveTextContent('老黄');
    expect(rows[0]).toHaveTextContent('135****7005');
    expect(rows[0]).toHaveTextContent('申请人5');
    expect(rows[0]).toHaveTextContent('2026/11/20 15:00');
    expect(rows[0]).toHaveTextContent('近亲属请求审核中');
  });

  it('filters by view, type and search, sending the core only what was chosen', async () => {
    const desk = listDesk();
    renderWithDesk(<RightsArea />, { desk, roles: ['cs_agent'] });
    await screen.findAllByTestId('ticket-row');
    await userEvent.click(screen.getByRole('button', { name: '已结束' }));
    expect(await screen.findByText('已结束，不再计时')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByTestId('ticket-type-filter'), '删除');
    await userEvent.type(screen.getByTestId('ticket-search'), '135****7005{Enter}');
    await waitFor(() => expect(desk.callsTo('rights:tickets').at(-1)).toEqual({ view: 'closed', type: 'deletion', search: '135****7005' }));
    expect(desk.callsTo('rights:tickets')[0]).toEqual({ view: 'open' });
    // A number read out in full is searched masked.
    await userEvent.clear(screen.getByTestId('ticket-search'));
    await userEvent.type(screen.getByTestId('ticket-search'), '13500007005{Enter}');
    await waitFor(() => expect(desk.callsTo('rights:tickets').at(-1)).toEqual({ view: 'closed', type: 'deletion', search: '135****7005' }));
    expect(JSON.stringify(desk.calls)).not.toContain('13500007005');
  });

  it('walks the rows with the arrow keys and opens one with Enter', async () => {
    const desk = listDesk();
    renderWithDesk(<RightsArea />, { desk, roles: ['cs_agent'] });
    const rows = await screen.findAllByTestId('ticket-row');
    rows[0]!.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(rows[2]).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const detail = await screen.findByTestId('ticket-detail');
    await waitFor(() => expect(detail).toHaveTextContent('RT-2026-000103'));
    expect(desk.callsTo('rights:ticket')).toEqual([{ ticketId: 'tkt_00001' }]);
    expect(rows[2]).toHaveAttribute('aria-current', 'true');
  });

  it('offers a new ticket to customer service only; legal and the DPO read without acting', async () => {
    renderWithDesk(<RightsArea />, { desk: listDesk(), roles: ['cs_agent'] });
    expect(screen.getByRole('tab', { name: '新建工单' })).toBeInTheDocument();
    cleanup();
    renderWithDesk(<RightsArea />, { desk: listDesk(), roles: ['legal'] });
    const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs).toEqual(['工单', '存储期限', '统计']);
    expect(screen.getByTestId('rights-area')).toHaveTextContent('只读');
  });

  it('moves between its tabs with the arrow keys', async () => {
    renderWithDesk(<RightsArea />, { desk: listDesk(), roles: ['cs_agent'] });
    screen.getByRole('tab', { name: '工单' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '新建工单' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '新建工单' })).toHaveFocus();
    expect(screen.getByTestId('intake-form')).toBeInTheDocument();
  });
});
