import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { StaffMember } from '../../../shared/ipc/governance-views';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { governanceStaff } from '../../desk/fake-governance-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { StaffRolesPage } from './staff-roles-page';

afterEach(cleanup);

/** A platform that refuses stale versions and the caller's own account, as the contract says. */
function staffDesk() {
  let staff: StaffMember[] = governanceStaff.map((m) => ({ ...m }));
  const desk = new FakeDesk({
    'staff:list': () => ({ staff }),
    'staff:changeRoles': (change: ChannelInput<'staff:changeRoles'>) => {
      const member = staff.find((m) => m.id === change.staffId);
      if (!member) refuse('not_found');
      if (member.id === 'stf_1') refuse('forbidden_scope');
      if (member.version !== change.basedOnVersion) refuse('stale_version');
      const changed = { ...member, roles: change.roles, version: member.version + 1 };
      staff = staff.map((m) => (m.id === changed.id ? changed : m));
      return { staff: changed };
    },
  });
  /** Someone else's change lands meanwhile. */
  const changeElsewhere = (staffId: string, roles: StaffMember['roles']) => {
    staff = staff.map((m) => (m.id === staffId ? { ...m, roles, version: m.version + 1 } : m));
  };
  return { desk, changeElsewhere };
}

const row = (name: string) => screen.getAllByTestId('staff-row').find((r) => r.textContent?.includes(name))!;

describe('staff roles', () => {
  it('lists staff with roles in words and last sign-in, and offers no change to the own account', async () => {
    const { desk } = staffDesk();
    renderWithDesk(<StaffRolesPage />, { desk, roles: ['dpo'] });
    await screen.findAllByTestId('staff-row');
    expect(row('王磊')).toHaveTextContent('审核员');
    // 02:00Z is 10:00 in Guangzhou.
    expect(row('王磊')).toHaveTextContent('2026/11/18 10:00');
    expect(row('周敏')).toHaveTextContent('从未登录');
    expect(row('陈晓峰')).toHaveTextContent('个人信息保护负责人');
    expect(within(row('陈晓峰')).queryByRole('button')).toBeNull();
    expect(within(row('陈晓峰')).getByTestId('own-account-note')).toHaveTextContent('不能修改');
  });

  it('needs a changed role set and a reason, then sends the change with the version it was based on', async () => {
    const { desk } = staffDesk();
    renderWithDesk(<StaffRolesPage />, { desk, roles: ['dpo'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '修改 王磊 的角色' }));
    const dialog = screen.getByRole('dialog', { name: '修改 王磊 的角色' });
    await user.click(within(dialog).getByTestId('role-change-save'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('角色没有变化');
    await user.click(within(dialog).getByRole('checkbox', { name: '高级审核员' }));
    await user.click(within(dialog).getByTestId('role-change-save'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('至少 4 个字');
    await user.click(within(dialog).getByRole('checkbox', { name: '审核员' }));
    await user.click(within(dialog).getByRole('checkbox', { name: '高级审核员' }));
    await user.click(within(dialog).getByTestId('role-change-save'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('至少保留一个角色');
    await user.click(within(dialog).getByRole('checkbox', { name: '高级审核员' }));
    await user.type(within(dialog).getByLabelText('变更原因（必填）'), '晋升为高级审核员，见人事通知 2026-11');
    await user.click(within(dialog).getByTestId('role-change-save'));
    expect(await screen.findByTestId('role-change-done')).toHaveTextContent('已更新 王磊 的角色');
    expect(desk.callsTo('staff:changeRoles')).toEqual([
      { staffId: 'stf_2', roles: ['senior_moderator'], reason: '晋升为高级审核员，见人事通知 2026-11', basedOnVersion: 3 },
    ]);
    await waitFor(() => expect(row('王磊')).toHaveTextContent('高级审核员'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when the roles changed meanwhile, shows them as they are now, and sends the new version next', async () => {
    const { desk, changeElsewhere } = staffDesk();
    renderWithDesk(<StaffRolesPage />, { desk, roles: ['dpo'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '修改 周敏 的角色' }));
    changeElsewhere('stf_4', ['cs_agent', 'legal']);
    let dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox', { name: '审核员' }));
    await user.type(within(dialog).getByLabelText('变更原因（必填）'), '兼任审核');
    await user.click(within(dialog).getByTestId('role-change-save'));
    expect(await screen.findByTestId('role-change-refusal')).toHaveTextContent('已被他人修改');
    dialog = screen.getByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('checkbox', { name: '法务' })).toBeChecked());
    expect(within(dialog).getByRole('checkbox', { name: '审核员' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: '审核员' }));
    await user.type(within(dialog).getByLabelText('变更原因（必填）'), '兼任审核');
    await user.click(within(dialog).getByTestId('role-change-save'));
    await screen.findByTestId('role-change-done');
    expect(desk.callsTo('staff:changeRoles').map((c) => c.basedOnVersion)).toEqual([1, 2]);
    expect(desk.callsTo('staff:changeRoles')[1]!.roles).toEqual(['moderator', 'cs_agent', 'legal']);
  });

  it('shows any other refusal from the platform in words and keeps the dialog open', async () => {
    const { desk } = staffDesk();
    desk.handlers['staff:changeRoles'] = () => refuse('forbidden_scope');
    renderWithDesk(<StaffRolesPage />, { desk, roles: ['dpo'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '修改 王磊 的角色' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox', { name: '法务' }));
    await user.type(within(dialog).getByLabelText('变更原因（必填）'), '调岗法务');
    await user.click(within(dialog).getByTestId('role-change-save'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('您的角色无权在平台上执行此操作');
    expect(screen.queryByTestId('role-change-done')).toBeNull();
  });
});
