import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { SignOutButton } from './sign-out-button';

afterEach(cleanup);

/** A core with `undelivered` decisions that answers like SessionManager.signOut. */
function deskWithOutbox(undelivered: number, deliverable: boolean) {
  let left = undelivered;
  return new FakeDesk({
    'session:signOut': (input: ChannelInput<'session:signOut'>) => {
      if (left > 0 && input.undelivered === undefined) return { signedOut: false, undelivered: left, kept: false };
      if (left > 0 && input.undelivered === 'deliver_first') {
        if (!deliverable) return { signedOut: false, undelivered: left, kept: false };
        left = 0;
      }
      return { signedOut: true, undelivered: left, kept: left > 0 };
    },
  });
}

describe('signing out', () => {
  it('signs out at once when nothing is undelivered', async () => {
    const desk = deskWithOutbox(0, true);
    const onSignedOut = vi.fn();
    renderWithDesk(<SignOutButton onSignedOut={onSignedOut} />, { desk });
    await userEvent.click(screen.getByTestId('sign-out-button'));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledOnce());
    expect(desk.callsTo('session:signOut')).toEqual([{}]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks what to do with undelivered decisions and sends "keep for next sign-in"', async () => {
    const desk = deskWithOutbox(3, false);
    const onSignedOut = vi.fn();
    renderWithDesk(<SignOutButton onSignedOut={onSignedOut} />, { desk });
    await userEvent.click(screen.getByTestId('sign-out-button'));
    const dialog = await screen.findByRole('dialog', { name: '还有 3 个决定尚未送达平台' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('button', { name: '先送达再退出' })).toHaveFocus();
    expect(onSignedOut).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: '保留到下次登录' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledOnce());
    expect(desk.callsTo('session:signOut')).toEqual([{}, { undelivered: 'keep_for_next_sign_in' }]);
  });

  it('sends "deliver first", and stays open saying so when they still cannot go', async () => {
    const desk = deskWithOutbox(2, false);
    const onSignedOut = vi.fn();
    renderWithDesk(<SignOutButton onSignedOut={onSignedOut} />, { desk });
    await userEvent.click(screen.getByTestId('sign-out-button'));
    await userEvent.click(await screen.findByRole('button', { name: '先送达再退出' }));
    expect(await screen.findByText(/仍有 2 个决定未能送达/)).toBeInTheDocument();
    expect(desk.callsTo('session:signOut')).toEqual([{}, { undelivered: 'deliver_first' }]);
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('signs out after delivering first when the platform takes them', async () => {
    const desk = deskWithOutbox(1, true);
    const onSignedOut = vi.fn();
    renderWithDesk(<SignOutButton onSignedOut={onSignedOut} />, { desk });
    await userEvent.click(screen.getByTestId('sign-out-button'));
    await userEvent.click(await screen.findByRole('button', { name: '先送达再退出' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledOnce());
  });

  it('cancel keeps the session and sends nothing more', async () => {
    const desk = deskWithOutbox(1, true);
    const onSignedOut = vi.fn();
    renderWithDesk(<SignOutButton onSignedOut={onSignedOut} />, { desk });
    await userEvent.click(screen.getByTestId('sign-out-button'));
    await userEvent.click(await screen.findByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.callsTo('session:signOut')).toEqual([{}]);
    expect(onSignedOut).not.toHaveBeenCalled();
  });
});
