import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { FakeDesk } from '../../desk/fake-desk';
import { deadlineRecord, ticketDetail, ticketRecord } from '../../desk/fake-rights-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { TicketDetail } from './ticket-detail';

afterEach(cleanup);

/** A ticket that walks through verification the way the platform would: the code 246810 is right. */
function verificationDesk(start: Partial<RightsTicket> = {}) {
  let ticket = ticketRecord(start);
  const paused = deadlineRecord({ paused: true });
  const answer = (changes: Partial<RightsTicket>) => {
    ticket = { ...ticket, ...changes, version: ticket.version + 1 };
    return ticketDetail(ticket, ticket.state === 'awaiting_verification' ? paused : deadlineRecord());
  };
  return new FakeDesk({
    'rights:ticket': () => ticketDetail(ticket),
    'rights:startVerification': ({ method }) =>
      answer({ state: 'awaiting_verification', verification: { ...ticket.verification, method }, pauses: [{ from: '2026-11-20T03:00:00.000Z', to: null }] }),
    'rights:answerVerification': ({ code }) => {
      const attempts = ticket.verification.attempts + 1;
      if (code !== '246810') return { passed: false, detail: answer({ verification: { ...ticket.verification, attempts } }) };
      return { passed: true, detail: answer({ state: 'in_review', verification: { ...ticket.verification, attempts, verifiedAt: '2026-11-20T03:05:00.000Z' } }) };
    },
    'rights:decide': (input) =>
      ticketDetail({ ...ticket, state: input.decision === 'approve' ? 'approved' : 'refused', refusal: input.reasonCode ? { reasonCode: input.reasonCode, note: input.note ?? '' } : null, version: ticket.version + 1 }, null),
  });
}

describe('identity verification', () => {
  it('starts with an SMS code, says how many attempts a wrong code leaves, and moves on with the right one', async () => {
    const desk = verificationDesk();
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    const panel = await screen.findByTestId('verification-panel');
    expect(panel).toHaveTextContent('不要求、也不收集身份证照片');
    expect(within(panel).getByRole('radio', { name: '向注册手机号发送短信验证码' })).toBeChecked();
    expect(within(panel).queryByRole('radio', { name: /近亲属/ })).toBeNull();
    await userEvent.click(within(panel).getByTestId('verification-start'));
    await waitFor(() => expect(desk.callsTo('rights:startVerification')).toEqual([{ ticketId: 'tkt_00001', basedOnVersion: 1, method: 'sms_code' }]));
    expect(await within(panel).findByTestId('verification-attempts')).toHaveTextContent('已尝试 0 / 3 次');
    expect(screen.getByTestId('ticket-state')).toHaveTextContent('待身份核验');
    expect(screen.getByTestId('ticket-deadline')).toHaveTextContent('等待用户回复，计时暂停');

    await userEvent.type(within(panel).getByLabelText('用户报出的 6 位验证码'), '12345');
    await userEvent.click(within(panel).getByTestId('verification-check'));
    expect(within(panel).getByRole('alert')).toHaveTextContent('验证码应为 6 位数字');
    expect(desk.callsTo('rights:answerVerification')).toEqual([]);

    await userEvent.clear(within(panel).getByLabelText('用户报出的 6 位验证码'));
    await userEvent.type(within(panel).getByLabelText('用户报出的 6 位验证码'), '111111');
    await userEvent.click(within(panel).getByTestId('verification-check'));
    expect(await within(panel).findByText('核验未通过，还可尝试 2 次。')).toBeInTheDocument();
    expect(within(panel).getByTestId('verification-attempts')).toHaveTextContent('已尝试 1 / 3 次');

    await userEvent.type(within(panel).getByLabelText('用户报出的 6 位验证码'), '246810');
    await userEvent.click(within(panel).getByTestId('verification-check'));
    expect(await within(panel).findByText('身份核验已通过。')).toBeInTheDocument();
    // Each answer names the version on screen: the wrong code's answer moved the ticket on.
    expect(desk.callsTo('rights:answerVerification')).toEqual([
      { ticketId: 'tkt_00001', code: '111111', basedOnVersion: 2 },
      { ticketId: 'tkt_00001', code: '246810', basedOnVersion: 3 },
    ]);
    expect(screen.getByTestId('ticket-state')).toHaveTextContent('审核中');
    expect(screen.getByTestId('decision-panel')).toBeInTheDocument();
  });

  it("checks a relative's documents, never an ID photo", async () => {
    const desk = verificationDesk({ type: 'deceased_relative', requester: { name: '王女士', relation: 'near_relative', contactMasked: '139****0001' } });
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    const panel = await screen.findByTestId('verification-panel');
    expect(within(panel).getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual(['近亲属：核对证明文件']);
    expect(panel).toHaveTextContent('不要上传或保存身份证照片');
    await userEvent.click(within(panel).getByTestId('verification-start'));
    expect(desk.callsTo('rights:startVerification')).toEqual([{ ticketId: 'tkt_00001', basedOnVersion: 1, method: 'relative_documents' }]);
  });
});

describe('the decision', () => {
  it('requires a coded reason to refuse, and sends it with the internal note', async () => {
    const desk = verificationDesk({ state: 'in_review', verification: { method: 'sms_code', attempts: 1, maxAttempts: 3, verifiedAt: '2026-11-20T03:05:00.000Z' } });
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    const panel = await screen.findByTestId('decision-panel');
    await userEvent.click(within(panel).getByTestId('ticket-refuse'));
    await userEvent.click(within(panel).getByTestId('confirm-refusal'));
    expect(within(panel).getByRole('alert')).toHaveTextContent('拒绝必须选择理由。');
    expect(within(panel).getByTestId('refusal-reason-select')).toHaveAttribute('aria-invalid', 'true');
    expect(desk.callsTo('rights:decide')).toEqual([]);

    await userEvent.selectOptions(within(panel).getByTestId('refusal-reason-select'), '短期内重复请求');
    await userEvent.type(within(panel).getByLabelText('内部备注（用户看不到）'), '本月第三次');
    await userEvent.click(within(panel).getByTestId('confirm-refusal'));
    await waitFor(() => expect(desk.callsTo('rights:decide')).toEqual([{ ticketId: 'tkt_00001', basedOnVersion: 1, decision: 'refuse', reasonCode: 'excessive_repetition', note: '本月第三次' }]));
    expect(await screen.findByTestId('refusal-reason')).toHaveTextContent('已拒绝：短期内重复请求');
    expect(screen.getByTestId('ticket-state')).toHaveTextContent('已拒绝');
  });

  it('approves without a reason', async () => {
    const desk = verificationDesk({ state: 'in_review' });
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    await userEvent.click(await screen.findByTestId('ticket-approve'));
    await waitFor(() => expect(desk.callsTo('rights:decide')).toEqual([{ ticketId: 'tkt_00001', basedOnVersion: 1, decision: 'approve', reasonCode: null, note: '' }]));
    expect(await screen.findByTestId('ticket-execute')).toBeInTheDocument();
  });

  it('shows legal and the DPO the same ticket without a single action', async () => {
    for (const role of ['legal', 'dpo'] as const) {
      renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk: verificationDesk(), roles: [role] });
      await waitFor(() => expect(screen.getByTestId('ticket-detail')).toHaveTextContent('RT-2026-000101'));
      expect(screen.getByTestId('verification-panel')).toHaveTextContent('身份核验');
      // Revealing the user's number (legal may, the DPO may not) is not an action on the ticket.
      const buttons = within(screen.getByTestId('ticket-detail')).queryAllByRole('button');
      expect(buttons.filter((button) => button.dataset.testid !== 'reveal-button')).toEqual([]);
      expect(buttons.map((button) => button.dataset.testid)).toEqual(role === 'legal' ? ['reveal-button'] : []);
      cleanup();
    }
  });
});
