import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountAction } from '../../../shared/platform/entities';
import { FakeDesk } from '../../desk/fake-desk';
import { decisionRecord, sellerRecord } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { SellerPanel } from './seller-panel';

afterEach(cleanup);

const warned: AccountAction = {
  id: 'act_1', userId: 'usr_00001', action: 'warn', reasonCode: 'contact_in_text', notice: '…', durationDays: null,
  staffId: 'stf_2', staffName: '林嘉欣', at: '2026-11-18T02:00:00.000Z',
};

function accountDesk() {
  return new FakeDesk({
    'accounts:panel': () => ({
      user: sellerRecord({
        strikes: 2,
        status: 'warned',
        riskSignals: [{ kind: 'shared_device', detail: '同一设备登录过 4 个账号', at: '2026-11-19T02:00:00.000Z' }],
      }),
      listings: [{ id: 'lst_00009', title: '二手电动车', category: 'second_hand', priceFen: 800_00, priceUnit: 'item', createdAt: '2026-11-19T02:00:00.000Z', status: 'published' }],
      decisions: [decisionRecord({ listingId: 'lst_00008' })],
      actions: [warned],
    }),
    'accounts:linked': () => ({
      links: [{ userId: 'usr_00002', nickname: '阿强', phoneMasked: '139****0001', status: 'banned', via: ['device', 'ip'] }],
    }),
    'accounts:actGroup': (input) => ({
      groupId: 'group-1',
      results: input.userIds.map((userId, i) =>
        i === 0 ? { userId, outcome: 'applied' as const } : { userId, outcome: 'refused' as const, error: { code: 'stale_version' as const, message: 'changed' } },
      ),
    }),
    'accounts:act': (input) => ({ ...warned, id: 'act_2', action: input.action, reasonCode: input.reasonCode, notice: input.notice, durationDays: input.durationDays ?? null }),
  });
}

describe('the seller panel', () => {
  it("shows the account's record, signals and linked accounts", async () => {
    renderWithDesk(<SellerPanel userId="usr_00001" />, { desk: accountDesk() });
    const panel = await screen.findByTestId('seller-panel');
    await waitFor(() => expect(panel).toHaveTextContent('小王'));
    expect(within(panel).getByTestId('seller-strikes')).toHaveTextContent('2');
    expect(panel).toHaveTextContent('多个账号共用设备');
    expect(panel).toHaveTextContent('二手电动车');
    expect(panel).toHaveTextContent('驳回 · 诈骗或索要定金');
    expect(panel).toHaveTextContent('警告 · 正文含联系方式或引导站外交易');
    const linked = await within(panel).findByTestId('linked-accounts');
    await waitFor(() => expect(linked).toHaveTextContent('阿强'));
    expect(linked).toHaveTextContent('139****0001');
    expect(linked).toHaveTextContent('已封禁');
    expect(linked).toHaveTextContent('同一设备、同一 IP');
  });

  it('hides the ban from a moderator', async () => {
    renderWithDesk(<SellerPanel userId="usr_00001" />, { desk: accountDesk(), roles: ['moderator'] });
    const form = await screen.findByTestId('account-action-form');
    expect(within(form).getByRole('radio', { name: '警告' })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: '限制使用' })).toBeInTheDocument();
    expect(within(form).queryByRole('radio', { name: '封禁' })).toBeNull();
    expect(form).toHaveTextContent('封禁账号仅限高级审核员');
  });

  it('lets a senior moderator ban, and suspends for the days given with the notice drafted', async () => {
    const desk = accountDesk();
    renderWithDesk(<SellerPanel userId="usr_00001" />, { desk, roles: ['senior_moderator'] });
    const form = await screen.findByTestId('account-action-form');
    expect(within(form).getByRole('radio', { name: '封禁' })).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('radio', { name: '限制使用' }));
    const days = within(form).getByLabelText('限制天数');
    await userEvent.clear(days);
    await userEvent.type(days, '15');
    const reason = within(form).getByTestId('account-reason');
    await userEvent.selectOptions(reason, within(reason).getByRole('option', { name: /诈骗或索要定金/ }));
    expect(within(form).getByTestId('account-notice')).toHaveValue('小王，您的账号因涉嫌诈骗或索要定金被限制使用15天。如有异议，可在7日内申诉。');
    await userEvent.click(within(form).getByTestId('account-action-submit'));
    await waitFor(() =>
      expect(desk.callsTo('accounts:act')).toEqual([
        { userId: 'usr_00001', action: 'suspend', reasonCode: 'fraud_deposit', notice: '小王，您的账号因涉嫌诈骗或索要定金被限制使用15天。如有异议，可在7日内申诉。', durationDays: 15 },
      ]),
    );
    expect(await within(form).findByRole('status')).toHaveTextContent('已提交：限制使用');
  });

  it('acts on the seller and the linked accounts ticked as one group, each user named in their own notice', async () => {
    const desk = accountDesk();
    renderWithDesk(<SellerPanel userId="usr_00001" />, { desk, roles: ['senior_moderator'] });
    const linked = await screen.findByTestId('linked-accounts');
    expect(within(linked).queryByTestId('account-group-form')).toBeNull();
    await userEvent.click(await within(linked).findByRole('checkbox', { name: '一并处理 阿强' }));
    const form = within(linked).getByTestId('account-group-form');
    expect(form).toHaveTextContent('一并处理 2 个账号');
    await userEvent.click(within(form).getByRole('radio', { name: '封禁' }));
    const reason = within(form).getByTestId('account-reason');
    await userEvent.selectOptions(reason, within(reason).getByRole('option', { name: /规避封禁/ }));
    const notice = (within(form).getByTestId('account-notice') as HTMLTextAreaElement).value;
    expect(notice).toContain('{nickname}');
    await userEvent.click(within(form).getByTestId('account-action-submit'));
    await waitFor(() =>
      expect(desk.callsTo('accounts:actGroup')).toEqual([{ userIds: ['usr_00001', 'usr_00002'], action: 'ban', reasonCode: 'ban_evasion', notice, durationDays: null }]),
    );
    const result = await within(form).findByTestId('account-group-result');
    expect(result).toHaveTextContent('已处理 1 / 2 个账号');
    expect(within(result).getByText(/小王/).closest('li')).toHaveAttribute('data-outcome', 'applied');
    expect(within(result).getByText(/阿强/).closest('li')).toHaveAttribute('data-outcome', 'refused');
  });
});
