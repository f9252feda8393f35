import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { deletionSteps, ticketDetail } from '../../desk/fake-rights-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { TicketDetail } from './ticket-detail';

afterEach(cleanup);

const approved: Partial<RightsTicket> = {
  state: 'approved',
  verification: { method: 'sms_code', attempts: 1, maxAttempts: 3, verifiedAt: '2026-11-20T03:05:00.000Z' },
  version: 4,
};

const executed: Partial<RightsTicket> = {
  ...approved,
  state: 'completed',
  execution: { at: '2026-11-25T06:00:00.000Z', outcome: 'completed', steps: deletionSteps, verified: true, failureReason: null },
  processorTasks: [
    {
      id: 'ptk_1', processorId: 'prc_sms', processorName: '云信短信服务', dataCategories: ['手机号', '短信记录'], requestedAt: '2026-11-25T06:00:00.000Z',
      confirmedAt: null, confirmedByName: null, reference: null,
    },
  ],
  version: 5,
};

function executionDesk(ticket: Partial<RightsTicket> = approved) {
  return new FakeDesk({
    'rights:ticket': () => ticketDetail(ticket),
    'rights:execute': () => ticketDetail(executed, null),
    'rights:confirmProcessorTask': ({ taskId, reference }) =>
      ticketDetail(
        { ...executed, version: 6, processorTasks: executed.processorTasks!.map((task) => (task.id === taskId ? { ...task, confirmedAt: '2026-11-26T02:00:00.000Z', confirmedByName: '周敏', reference } : task)) },
        null,
      ),
  });
}

describe('executing a ticket', () => {
  it('asks for confirmation, then shows each step with what the law keeps and why', async () => {
    const desk = executionDesk();
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    await userEvent.click(await screen.findByTestId('ticket-execute'));
    const dialog = screen.getByTestId('execute-dialog');
    expect(dialog).toHaveTextContent('执行删除');
    expect(dialog).toHaveTextContent('此操作不可撤销');
    expect(desk.callsTo('rights:execute')).toEqual([]);
    await userEvent.click(within(dialog).getByTestId('confirm-execute'));
    await waitFor(() => expect(desk.callsTo('rights:execute')).toEqual([{ ticketId: 'tkt_00001', basedOnVersion: 4 }]));

    const result = await screen.findByTestId('execution-result');
    expect(within(result).getByTestId('execution-verified')).toHaveTextContent('平台复核：结果与执行记录一致');
    const steps = within(result).getAllByTestId('execution-step');
    expect(steps.map((s) => s.getAttribute('data-outcome'))).toEqual(['deleted', 'anonymised', 'kept', 'anonymised']);
    expect(steps[0]).toHaveTextContent('发布的信息4已删除');
    const kept = steps[2]!;
    expect(kept).toHaveTextContent('交易记录');
    expect(kept).toHaveTextContent('保留');
    expect(kept).toHaveTextContent('《电子商务法》第三十一条：交易记录保存不少于三年');
    expect(kept).toHaveTextContent('2029/11/20');
    expect(steps[3]).toHaveTextContent('《网络安全法》第二十一条');
    expect(screen.queryByTestId('ticket-execute')).toBeNull();
  });

  it('is disabled under a legal hold, with a neutral notice that reveals nothing of it', async () => {
    const desk = executionDesk({ ...approved, legalHold: true });
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    expect(await screen.findByTestId('ticket-execute')).toBeDisabled();
    const notice = screen.getByTestId('legal-hold-notice');
    expect(notice).toHaveTextContent('受法律保全约束，暂不能执行');
    expect(notice).toHaveTextContent('等待法务部门处理');
    expect(notice).toHaveTextContent('请勿向用户透露保全情况');
    await userEvent.click(screen.getByTestId('ticket-execute'));
    expect(screen.queryByTestId('execute-dialog')).toBeNull();
    expect(desk.callsTo('rights:execute')).toEqual([]);
  });

  it('shows the same notice when the core refuses for a hold placed meanwhile', async () => {
    const desk = executionDesk();
    desk.handlers['rights:execute'] = () => refuse('legal_hold', 'hold lh_7 by 广州市公安局 case 2026-114');
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    await userEvent.click(await screen.findByTestId('ticket-execute'));
    await userEvent.click(screen.getByTestId('confirm-execute'));
    const notice = await screen.findByTestId('legal-hold-notice');
    expect(notice).toHaveTextContent('请勿向用户透露保全情况');
    expect(screen.getByTestId('ticket-execute')).toBeDisabled();
    expect(screen.getByTestId('ticket-detail')).not.toHaveTextContent('公安局');
    expect(screen.queryByTestId('execute-dialog')).toBeNull();
  });

  it("records each processor's confirmation with their reference", async () => {
    const desk = executionDesk(executed);
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    const task = await screen.findByTestId('processor-task');
    expect(task).toHaveTextContent('云信短信服务');
    expect(task).toHaveTextContent('手机号、短信记录');
    await userEvent.click(within(task).getByRole('button', { name: '确认已删除' }));
    expect(within(task).getByRole('alert')).toHaveTextContent('请填写对方的确认编号');
    await userEvent.type(within(task).getByLabelText('对方确认编号'), 'YX-DEL-20261126-01');
    await userEvent.click(within(task).getByRole('button', { name: '确认已删除' }));
    await waitFor(() => expect(desk.callsTo('rights:confirmProcessorTask')).toEqual([{ ticketId: 'tkt_00001', taskId: 'ptk_1', reference: 'YX-DEL-20261126-01' }]));
    expect(await screen.findByText(/周敏 于 .* 确认，对方编号 YX-DEL-20261126-01/)).toBeInTheDocument();
  });
});
