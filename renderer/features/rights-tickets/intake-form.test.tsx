import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { ticketDetail, ticketRow } from '../../desk/fake-rights-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { checkIntake, emptyIntake, maskContact } from './intake-draft';
import { IntakeForm } from './intake-form';

afterEach(cleanup);

const xiaoWang = { id: 'usr_00001', nickname: '小王', phoneMasked: '135****7162', status: 'active' as const, registeredAt: '2025-01-01T00:00:00.000Z' };

function intakeDesk(openTickets = [ticketRow(7, { number: 'RT-2026-000107', state: 'awaiting_verification', receivedAt: '2026-11-18T01:00:00.000Z' })]) {
  return new FakeDesk({
    'rights:findAccounts': (query) => ({
      accounts: query.nickname === '小' ? [xiaoWang, { ...xiaoWang, id: 'usr_00002', nickname: '小王子', phoneMasked: '139****0001' }] : [xiaoWang],
    }),
    'rights:openDuplicates': () => ({ tickets: openTickets }),
    'rights:create': (input) => ticketDetail({ id: 'tkt_00042', number: 'RT-2026-000142', type: input.type }),
  });
}

async function findXiaoWangByPhone() {
  // The agent types the number the caller reads out in full; only the masked form is searched.
  await userEvent.type(screen.getByTestId('account-query'), '13512347162');
  await userEvent.click(screen.getByTestId('account-search'));
  expect(await screen.findByTestId('account-chosen')).toHaveTextContent('小王 135****7162');
}

describe('the intake form', () => {
  it('finds the account, warns of an open ticket of the same type, and creates only after "create anyway"', async () => {
    const desk = intakeDesk();
    const onCreated = vi.fn();
    renderWithDesk(<IntakeForm onCreated={onCreated} onOpenTicket={vi.fn()} />, { desk, roles: ['cs_agent'] });
    await findXiaoWangByPhone();
    expect(desk.callsTo('rights:findAccounts')).toEqual([{ phoneMasked: '135****7162' }]);

    const form = screen.getByTestId('intake-form');
    await userEvent.click(within(form).getByRole('radio', { name: '删除' }));
    expect(within(form).getByRole('radio', { name: '电话' })).toBeChecked();
    await userEvent.type(within(form).getByLabelText('申请人姓名'), '王先生');
    // The contact was filled with the account's masked phone, since the user themself is calling.
    expect(within(form).getByLabelText('联系方式')).toHaveValue('135****7162');
    await userEvent.type(within(form).getByLabelText('请求内容'), '删除两条旧的出租信息');
    await userEvent.type(within(form).getByLabelText('涉及的信息编号（选填）'), 'lst_00011, lst_00012');
    await userEvent.upload(within(form).getByTestId('attachment-input'), new File(['hello'], '授权书.pdf', { type: 'application/pdf' }));
    expect(await within(form).findByTestId('attachment-list')).toHaveTextContent('授权书.pdf 5 B');

    await userEvent.click(within(form).getByTestId('intake-submit'));
    const dialog = await screen.findByTestId('duplicate-dialog');
    expect(dialog).toHaveTextContent('该账号已有 1 件同类进行中的工单');
    expect(dialog).toHaveTextContent('打开 RT-2026-000107');
    expect(dialog).toHaveTextContent('待身份核验');
    expect(dialog).toHaveTextContent('受理于 2026/11/18 09:00');
    expect(desk.callsTo('rights:openDuplicates')).toEqual([{ userId: 'usr_00001', type: 'deletion' }]);
    expect(desk.callsTo('rights:create')).toEqual([]);

    await userEvent.click(within(dialog).getByTestId('create-anyway'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('tkt_00042'));
    expect(desk.callsTo('rights:create')).toEqual([
      {
        type: 'deletion',
        channel: 'phone',
        userId: 'usr_00001',
        requester: { name: '王先生', relation: 'self', contactMasked: '135****7162' },
        request: '删除两条旧的出租信息',
        listingIds: ['lst_00011', 'lst_00012'],
        correction: null,
        attachments: [{ name: '授权书.pdf', mediaType: 'application/pdf', contentBase64: 'aGVsbG8=' }],
      },
    ]);
  });

  it('opens the existing ticket instead when the caller was chasing it', async () => {
    const desk = intakeDesk();
    const onOpenTicket = vi.fn();
    renderWithDesk(<IntakeForm onCreated={vi.fn()} onOpenTicket={onOpenTicket} />, { desk, roles: ['cs_agent'] });
    await findXiaoWangByPhone();
    await userEvent.click(screen.getByRole('radio', { name: '删除' }));
    await userEvent.type(screen.getByLabelText('申请人姓名'), '王先生');
    await userEvent.type(screen.getByLabelText('请求内容'), '催办');
    await userEvent.click(screen.getByTestId('intake-submit'));
    await userEvent.click(await screen.findByRole('button', { name: '打开 RT-2026-000107' }));
    expect(onOpenTicket).toHaveBeenCalledWith('tkt_00007');
    expect(desk.callsTo('rights:create')).toEqual([]);
  });

  it('names each field to fix, focuses the first, and asks the core nothing', async () => {
    const desk = intakeDesk([]);
    renderWithDesk(<IntakeForm onCreated={vi.fn()} onOpenTicket={vi.fn()} />, { desk, roles: ['cs_agent'] });
    await findXiaoWangByPhone();
    await userEvent.click(screen.getByRole('radio', { name: '更正' }));
    await userEvent.type(screen.getByLabelText('请求内容'), '昵称改一下');
    await userEvent.click(screen.getByTestId('intake-submit'));
    const problems = await screen.findByTestId('intake-problems');
    expect(problems).toHaveTextContent('有 2 处需要修改');
    expect(problems).toHaveTextContent('“申请人姓名”为必填项。');
    expect(problems).toHaveTextContent('“更正后的昵称”为必填项。');
    expect(screen.getByLabelText('申请人姓名')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('申请人姓名')).toHaveFocus();
    expect(desk.callsTo('rights:openDuplicates')).toEqual([]);
    // Fixing a field clears its problem at once.
    await userEvent.type(screen.getByLabelText('申请人姓名'), '王先生');
    expect(screen.getByTestId('intake-problems')).not.toHaveTextContent('申请人姓名');
  });

  it('names the field the core refused', async () => {
    const desk = intakeDesk([]);
    desk.handlers['rights:create'] = () => refuse('invalid_input', 'too long', { path: 'input.requester.name' });
    renderWithDesk(<IntakeForm onCreated={vi.fn()} onOpenTicket={vi.fn()} />, { desk, roles: ['cs_agent'] });
    await findXiaoWangByPhone();
    await userEvent.click(screen.getByRole('radio', { name: '注销' }));
    await userEvent.type(screen.getByLabelText('申请人姓名'), '王先生');
    await userEvent.type(screen.getByLabelText('请求内容'), '注销账号');
    await userEvent.click(screen.getByTestId('intake-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('字段：申请人姓名');
  });

  it('lists several matches to choose from, and makes a relative\'s request come from a near relative', async () => {
    renderWithDesk(<IntakeForm onCreated={vi.fn()} onOpenTicket={vi.fn()} />, { desk: intakeDesk(), roles: ['cs_agent'] });
    await userEvent.click(screen.getByRole('radio', { name: '昵称' }));
    await userEvent.type(screen.getByTestId('account-query'), '小{Enter}');
    const matches = await screen.findByRole('list', { name: '查找结果' });
    expect(within(matches).getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(within(matches).getAllByRole('button', { name: '选择' })[1]!);
    expect(screen.getByTestId('account-chosen')).toHaveTextContent('小王子');
    await userEvent.click(screen.getByRole('radio', { name: '近亲属请求' }));
    expect(screen.getByRole('radio', { name: '近亲属' })).toBeChecked();
  });

  it('refuses an attachment over 2 MB by name', async () => {
    renderWithDesk(<IntakeForm onCreated={vi.fn()} onOpenTicket={vi.fn()} />, { desk: intakeDesk(), roles: ['cs_agent'] });
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], '扫描件.pdf', { type: 'application/pdf' });
    await userEvent.upload(screen.getByTestId('attachment-input'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent('“扫描件.pdf”超过 2 MB，未添加。');
    expect(screen.queryByTestId('attachment-list')).toBeNull();
  });
});

describe('intake checks', () => {
  it('mask a contact typed in full and refuse what is neither a phone nor an email', () => {
    expect(maskContact('13512347162')).toBe('135****7162');
    expect(maskContact('wang.xm@qq.com')).toBe('w***@qq.com');
    expect(maskContact('135****7162')).toBe('135****7162');
    expect(maskContact('微信 wxid_1')).toBeNull();
  });

  it('send listing ids only with a deletion, and a correction only with a correction', () => {
    const draft = { ...emptyIntake, account: xiaoWang, requesterName: '王', contact: '135****7162', request: '改昵称', listingIds: 'lst_1' };
    expect(checkIntake({ ...draft, type: 'correction', correctedNickname: '王小明' }).input).toMatchObject({ listingIds: [], correction: { field: 'nickname', value: '王小明' } });
    expect(checkIntake({ ...draft, type: 'correction', correctedNickname: '小王' }).problems).toEqual({ correctedNickname: 'same_nickname' });
    expect(checkIntake({ ...draft, type: 'deletion', listingIds: 'lst_1 lst_1，lst_2' }).input?.listingIds).toEqual(['lst_1', 'lst_2']);
    expect(checkIntake({ ...draft, type: 'deceased_relative' }).problems).toEqual({ relation: 'relative_only' });
  });
});
