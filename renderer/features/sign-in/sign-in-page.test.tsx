import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { signedIn, signedOut } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { SignInPage } from './sign-in-page';

afterEach(cleanup);

describe('the sign-in form', () => {
  it('submits the typed values and reports the new session', async () => {
    const desk = new FakeDesk({ 'session:signIn': () => signedIn() });
    const onSignedIn = vi.fn();
    renderWithDesk(<SignInPage session={signedOut()} onSignedIn={onSignedIn} />, { desk });
    const form = screen.getByTestId('sign-in-form');
    expect(within(form).getByLabelText('平台地址')).toHaveValue('http://127.0.0.1:4780');
    await userEvent.type(within(form).getByLabelText('用户名'), 'mod.chen');
    await userEvent.type(within(form).getByLabelText('密码'), 's3cret pass');
    await userEvent.click(within(form).getByRole('button', { name: '登录' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(signedIn()));
    expect(desk.callsTo('session:signIn')).toEqual([{ platformUrl: 'http://127.0.0.1:4780', username: 'mod.chen', password: 's3cret pass' }]);
  });

  it('shows a translated message for invalid credentials, never the raw one', async () => {
    const desk = new FakeDesk({ 'session:signIn': () => refuse('invalid_credentials', 'bad password for mod.chen') });
    renderWithDesk(<SignInPage session={signedOut()} onSignedIn={vi.fn()} />, { desk });
    await userEvent.type(screen.getByLabelText('用户名'), 'mod.chen');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确。');
    expect(screen.queryByText(/bad password/)).toBeNull();
  });

  it('explains a missing keychain in words, in English too', async () => {
    const desk = new FakeDesk({ 'session:signIn': () => refuse('keychain_unavailable') });
    renderWithDesk(<SignInPage session={signedOut()} onSignedIn={vi.fn()} />, { desk, language: 'en' });
    await userEvent.type(screen.getByLabelText('Username'), 'mod.chen');
    await userEvent.type(screen.getByLabelText('Password'), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/keychain \(Secret Service\)/);
  });

  it('does not call the core without a username and password', async () => {
    const desk = new FakeDesk({ 'session:signIn': () => signedIn() });
    renderWithDesk(<SignInPage session={signedOut()} onSignedIn={vi.fn()} />, { desk });
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请输入用户名和密码');
    expect(desk.callsTo('session:signIn')).toEqual([]);
  });

  it('lists the demo accounts of the embedded platform and fills the form from one', async () => {
    const demo = { accounts: [{ role: 'moderator' as const, username: 'mod.chen', password: 'demo-pass-1' }] };
    const desk = new FakeDesk({ 'session:signIn': () => signedIn() });
    renderWithDesk(<SignInPage session={signedOut({ demo })} onSignedIn={vi.fn()} />, { desk });
    expect(screen.getByRole('heading', { name: '演示平台' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: /审核员演示账号 mod\.chen/ }));
    expect(screen.getByLabelText('用户名')).toHaveValue('mod.chen');
    expect(screen.getByLabelText('密码')).toHaveValue('demo-pass-1');
  });

  it('has no demo notice against a real platform', () => {
    renderWithDesk(<SignInPage session={signedOut()} onSignedIn={vi.fn()} />);
    expect(screen.queryByText('演示平台')).toBeNull();
  });
});
