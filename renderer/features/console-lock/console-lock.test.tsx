import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { SessionStatus } from '../../../shared/ipc/views';
import { FakeDesk, refuse, type FakeHandlers } from '../../desk/fake-desk';
import { signedIn, signedOut } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { useDeskQuery } from '../../desk/use-desk-query';
import { ConsoleGuard } from './console-guard';
import { ConsoleSettingsButton } from './console-settings-button';

const MINUTE = 60_000;

/** The part of App that matters here: the session from the core, the guard, some console. */
function Harness() {
  const session = useDeskQuery('session:status', {}, { refetchOn: ['session:changed'] });
  const staff = session.data?.staff;
  if (!session.data || !staff) return <p>signed out</p>;
  return (
    <ConsoleGuard session={session.data} staff={staff} onSessionChanged={session.refetch}>
      <button type="button">审核队列里的工作</button>
      <ConsoleSettingsButton />
    </ConsoleGuard>
  );
}

function lockingDesk(start: SessionStatus, extra: FakeHandlers = {}) {
  let current = start;
  let idleLockMinutes = 5;
  return new FakeDesk({
    'session:status': () => current,
    'session:lock': () => (current = { ...current, locked: true }),
    'session:unlock': (input: ChannelInput<'session:unlock'>) => {
      if (input.password === 'too-many') refuse('rate_limited');
      if (input.password !== 'desk-pass') refuse('invalid_credentials');
      return (current = { ...current, locked: false });
    },
    'session:signOut': () => {
      current = signedOut();
      return { signedOut: true, undelivered: 0, kept: false };
    },
    'settings:get': () => ({ idleLockMinutes }),
    'settings:set': (input: ChannelInput<'settings:set'>) => ({ idleLockMinutes: (idleLockMinutes = input.idleLockMinutes ?? idleLockMinutes) }),
    ...extra,
  });
}

const work = () => screen.getByRole('button', { name: '审核队列里的工作' });
const advance = (ms: number) => act(async () => vi.advanceTimersByTime(ms));

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the idle lock', () => {
  it('locks after the configured minutes without input, and not a second before', async () => {
    const desk = lockingDesk(signedIn(['moderator']));
    renderWithDesk(<Harness />, { desk });
    await screen.findByRole('button', { name: '审核队列里的工作' });
    await waitFor(() => expect(desk.callsTo('settings:get')).toHaveLength(1));
    await advance(5 * MINUTE - 2000);
    expect(desk.callsTo('session:lock')).toEqual([]);
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    await advance(2500);
    expect(desk.callsTo('session:lock')).toEqual([{}]);
    expect(await screen.findByTestId('lock-screen')).toBeInTheDocument();
  });

  it('starts counting again at every key, pointer move or wheel', async () => {
    const desk = lockingDesk(signedIn(['moderator']));
    renderWithDesk(<Harness />, { desk });
    await screen.findByRole('button', { name: '审核队列里的工作' });
    await waitFor(() => expect(desk.callsTo('settings:get')).toHaveLength(1));
    await advance(4 * MINUTE);
    fireEvent.keyDown(document.body, { key: 'j' });
    await advance(4 * MINUTE);
    fireEvent.pointerMove(work());
    await advance(4 * MINUTE);
    fireEvent.wheel(work());
    await advance(4 * MINUTE);
    expect(desk.callsTo('session:lock')).toEqual([]);
    await advance(1 * MINUTE + 1000);
    expect(desk.callsTo('session:lock')).toEqual([{}]);
  });

  it('falls back to the default 15 minutes when the setting cannot be read', async () => {
    const desk = lockingDesk(signedIn(['moderator']), { 'settings:get': () => refuse('internal') });
    renderWithDesk(<Harness />, { desk });
    await screen.findByRole('button', { name: '审核队列里的工作' });
    // The guard's effects (the settings read and the idle timer) have run once the read was asked for.
    await waitFor(() => expect(desk.callsTo('settings:get')).toHaveLength(1));
    await advance(14 * MINUTE);
    expect(desk.callsTo('session:lock')).toEqual([]);
    await advance(1 * MINUTE + 1000);
    expect(desk.callsTo('session:lock')).toEqual([{}]);
  });
});

describe('the lock screen', () => {
  it('hides the console from sight, screen readers and focus, and names who is signed in', async () => {
    const desk = lockingDesk(signedIn(['moderator'], { locked: true }));
    renderWithDesk(<Harness />, { desk });
    const lock = await screen.findByTestId('lock-screen');
    expect(within(lock).getByTestId('lock-staff')).toHaveTextContent('陈晓峰');
    expect(within(lock).getByTestId('lock-staff')).toHaveTextContent('mod.chen');
    expect(screen.getByTestId('console-content')).not.toBeVisible();
    expect(screen.getByTestId('console-content')).toHaveAttribute('inert');
    expect(screen.queryByRole('button', { name: '审核队列里的工作' })).toBeNull();
    await waitFor(() => expect(screen.getByLabelText('密码')).toHaveFocus());
  });

  it('refuses a wrong password in words, and unlocks with the right one', async () => {
    const desk = lockingDesk(signedIn(['moderator'], { locked: true }));
    renderWithDesk(<Harness />, { desk });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await screen.findByTestId('lock-screen');
    await user.click(screen.getByTestId('lock-unlock'));
    expect(screen.getByRole('alert')).toHaveTextContent('请输入密码');
    expect(desk.callsTo('session:unlock')).toEqual([]);
    await user.type(screen.getByLabelText('密码'), 'wrong');
    await user.click(screen.getByTestId('lock-unlock'));
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不正确');
    expect(screen.getByLabelText('密码')).toHaveValue('');
    await user.type(screen.getByLabelText('密码'), 'too-many');
    await user.click(screen.getByTestId('lock-unlock'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('请求过于频繁'));
    await user.type(screen.getByLabelText('密码'), 'desk-pass');
    await user.click(screen.getByTestId('lock-unlock'));
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull());
    expect(desk.callsTo('session:unlock')).toEqual([{ password: 'wrong' }, { password: 'too-many' }, { password: 'desk-pass' }]);
    expect(work()).toBeVisible();
    expect(screen.getByTestId('console-content')).not.toHaveAttribute('inert');
  });

  it('lets whoever is at the desk sign out instead', async () => {
    const desk = lockingDesk(signedIn(['moderator'], { locked: true }));
    renderWithDesk(<Harness />, { desk });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(await screen.findByTestId('lock-sign-out'));
    expect(await screen.findByText('signed out')).toBeInTheDocument();
    expect(desk.callsTo('session:signOut')).toEqual([{}]);
  });

  it('covers the console when the core reports the lock, as well as when it locks itself', async () => {
    const desk = lockingDesk(signedIn(['moderator']));
    renderWithDesk(<Harness />, { desk });
    await screen.findByRole('button', { name: '审核队列里的工作' });
    desk.handlers['session:status'] = () => signedIn(['moderator'], { locked: true });
    act(() => desk.emit('session:changed', signedIn(['moderator'], { locked: true })));
    expect(await screen.findByTestId('lock-screen')).toBeInTheDocument();
  });
});

describe('the idle-lock setting', () => {
  it('takes 1–120 minutes, saves through the core and applies at once', async () => {
    const desk = lockingDesk(signedIn(['moderator']));
    renderWithDesk(<Harness />, { desk });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(await screen.findByTestId('console-settings-button'));
    const dialog = await screen.findByRole('dialog', { name: '工作台设置' });
    const field = within(dialog).getByLabelText('无操作自动锁定（分钟）');
    await waitFor(() => expect(field).toHaveValue(5));
    await user.clear(field);
    await user.type(field, '121');
    await user.click(within(dialog).getByTestId('idle-minutes-save'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('1–120');
    expect(desk.callsTo('settings:set')).toEqual([]);
    await user.clear(field);
    await user.type(field, '30');
    await user.click(within(dialog).getByTestId('idle-minutes-save'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.callsTo('settings:set')).toEqual([{ idleLockMinutes: 30 }]);
    await advance(29 * MINUTE);
    expect(desk.callsTo('session:lock')).toEqual([]);
    await advance(1 * MINUTE + 1000);
    expect(desk.callsTo('session:lock')).toEqual([{}]);
  });
});
