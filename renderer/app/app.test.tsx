import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../shared/ipc/views';
import { FakeDesk } from '../desk/fake-desk';
import { signedIn, signedOut, syncStatus } from '../desk/fake-records';
import { auditRow, governanceStaff } from '../desk/fake-governance-records';
import { disclosureRow } from '../desk/fake-legal-records';
import { ticketRow } from '../desk/fake-rights-records';
import { renderWithDesk } from '../desk/render-with-desk';
import { fakeQueue } from '../features/moderation-queue/queue-fake';
import { LANGUAGE_KEY } from '../i18n/desk-i18n';
import { App } from './app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

function deskFor(session: SessionStatus) {
  let current = session;
  const desk = new FakeDesk({
    ...fakeQueue(30).handlers,
    'session:status': () => current,
    'session:signIn': () => {
      current = signedIn();
      return current;
    },
    'session:signOut': () => {
      current = signedOut();
      return { signedOut: true, undelivered: 0, kept: false };
    },
    'sync:status': () => syncStatus(),
    'rights:tickets': () => ({ tickets: [ticketRow(1)] }),
    'legal:disclosures': () => ({ disclosures: [disclosureRow(1)] }),
    'legal:reminders': () => ({ reminders: [] }),
    'audit:events': () => ({ events: [auditRow(1, { action: 'auth.login', subject: null, detail: {} })], hasMore: false }),
    'staff:list': () => ({ staff: governanceStaff }),
    'session:unlock': () => {
      current = { ...current, locked: false };
      return current;
    },
  });
  return desk;
}

describe('the app', () => {
  it('shows the sign-in screen when signed out, and the queue after signing in', async () => {
    const desk = deskFor(signedOut());
    renderWithDesk(<App />, { desk });
    const form = await screen.findByTestId('sign-in-form');
    await userEvent.type(within(form).getByLabelText('用户名'), 'mod.chen');
    await userEvent.type(within(form).getByLabelText('密码'), 'pw');
    await userEvent.click(within(form).getByRole('button', { name: '登录' }));
    expect(await screen.findByTestId('queue-table')).toBeInTheDocument();
    expect(screen.getByRole('navigation')).toHaveTextContent('审核队列');
    expect(screen.getByRole('banner')).toHaveTextContent('陈晓峰');
    expect(screen.getByRole('banner')).toHaveTextContent('审核员');
    // 2026-11-19T01:30Z is 09:30 in Guangzhou.
    expect(screen.getByRole('banner')).toHaveTextContent(/上次登录 2026\/11\/19 09:30/);
  });

  it('switches the interface to English and back, and remembers the choice', async () => {
    const desk = deskFor(signedIn());
    const { i18n } = renderWithDesk(<App />, { desk });
    await screen.findByTestId('queue-table');
    expect(document.documentElement.lang).toBe('zh-CN');
    await userEvent.click(within(screen.getByTestId('language-switch')).getByText('English'));
    expect(screen.getByRole('navigation')).toHaveTextContent('Moderation queue');
    expect(screen.getByRole('columnheader', { name: 'Category' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('sync-status')).toHaveTextContent('Up to date'));
    expect(screen.getByTestId('sync-status')).not.toHaveTextContent(/[\u4e00-\u9fff]/);
    expect(screen.getByTestId('sign-out-button')).toHaveTextContent('Sign out');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    await userEvent.click(within(screen.getByTestId('language-switch')).getByText('中文'));
    expect(screen.getByRole('navigation')).toHaveTextContent('审核队列');
    expect(i18n.language).toBe('zh-CN');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('zh-CN');
  });

  it('gives customer service the rights area, and no moderation queue', async () => {
    const desk = deskFor(signedIn(['cs_agent']));
    renderWithDesk(<App />, { desk });
    expect(await screen.findByTestId('rights-area')).toBeInTheDocument();
    expect(await screen.findByTestId('ticket-row')).toHaveTextContent('RT-2026-000101');
    expect(screen.getByRole('tab', { name: '新建工单' })).toBeInTheDocument();
    expect(screen.getByRole('navigation')).toHaveTextContent('个人信息权利请求');
    expect(screen.getByRole('navigation')).not.toHaveTextContent('审核队列');
    expect(desk.callsTo('moderation:queue')).toEqual([]);
  });

  it('opens on the disclosure register for legal, who may also read rights tickets', async () => {
    const desk = deskFor(signedIn(['legal']));
    renderWithDesk(<App />, { desk });
    expect(await screen.findByRole('heading', { name: '依法披露登记' })).toBeInTheDocument();
    expect(await screen.findByTestId('disclosure-row')).toHaveTextContent('LD-2026-0001');
    expect(screen.getByRole('tab', { name: '新建登记' })).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole('navigation')).getByRole('button', { name: '个人信息权利请求' }));
    expect(await screen.findByTestId('ticket-row')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: '新建工单' })).toBeNull();
    expect(screen.getByRole('main')).not.toHaveTextContent('将在后续版本中提供');
    expect(screen.getByRole('navigation')).not.toHaveTextContent('审核队列');
    expect(screen.getByRole('navigation')).not.toHaveTextContent('审计日志');
  });

  it('lets the DPO read the disclosure register without acting on it, and opens the audit trail and staff roles', async () => {
    const desk = deskFor(signedIn(['dpo']));
    renderWithDesk(<App />, { desk });
    await userEvent.click(within(await screen.findByRole('navigation')).getByRole('button', { name: '依法披露登记' }));
    expect(await screen.findByTestId('disclosure-row')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: '新建登记' })).toBeNull();
    expect(screen.getByTestId('legal-area')).toHaveTextContent('只读');
    await userEvent.click(within(screen.getByRole('navigation')).getByRole('button', { name: '审计日志' }));
    expect(await screen.findByRole('heading', { name: '审计日志' })).toBeInTheDocument();
    expect(screen.getByRole('main')).not.toHaveTextContent('将在后续版本中提供');
    expect(await screen.findByTestId('audit-row')).toHaveTextContent('登录');
    expect(screen.getByTestId('audit-verify')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: '员工角色' }));
    expect(await screen.findAllByTestId('staff-row')).toHaveLength(governanceStaff.length);
    expect(desk.callsTo('legal:createDisclosure')).toEqual([]);
  });

  it('covers the whole console with the lock screen while the session is locked, and opens it again on unlock', async () => {
    const desk = deskFor(signedIn(['moderator'], { locked: true }));
    renderWithDesk(<App />, { desk });
    expect(await screen.findByTestId('lock-screen')).toHaveTextContent('陈晓峰');
    // Nothing of the console is reachable: no navigation, no header, no queue.
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.type(screen.getByLabelText('密码'), 'desk-pass');
    await userEvent.click(screen.getByTestId('lock-unlock'));
    expect(await screen.findByRole('navigation')).toHaveTextContent('审核队列');
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    expect(desk.callsTo('session:unlock')).toEqual([{ password: 'desk-pass' }]);
  });

  it('returns to the sign-in screen when the core reports the session ended', async () => {
    const desk = deskFor(signedIn());
    renderWithDesk(<App />, { desk });
    await userEvent.click(await screen.findByTestId('sign-out-button'));
    expect(await screen.findByTestId('sign-in-form')).toBeInTheDocument();
    act(() => desk.emit('session:changed', signedOut()));
    expect(screen.getByTestId('sign-in-form')).toBeInTheDocument();
  });
});
