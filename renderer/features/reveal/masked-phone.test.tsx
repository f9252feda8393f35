import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { REVEAL_SECONDS } from '../../../shared/ipc/governance-views';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { ConsoleLockContext } from '../console-lock/lock-context';
import { MaskedPhone } from './masked-phone';

const FULL = '13512347162';

function revealDesk() {
  return new FakeDesk({
    'pii:reveal': (input: ChannelInput<'pii:reveal'>) => {
      if (input.subjectId === 'usr_gone') refuse('not_found');
      const now = Date.now();
      return { value: FULL, revealedAt: new Date(now).toISOString(), hideAt: new Date(now + REVEAL_SECONDS * 1000).toISOString(), auditSeq: 41 };
    },
    'pii:copied': () => ({ auditSeq: 42 }),
  });
}

const phone = <MaskedPhone masked="135****7162" subjectType="user" subjectId="usr_00001" />;

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function openDialog(masked = '135****7162') {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  await user.click(screen.getByTestId('reveal-button'));
  const dialog = await screen.findByRole('dialog', { name: `查看完整号码 ${masked}` });
  return { user, dialog };
}

describe('a masked phone', () => {
  it('asks for a reason before revealing, and sends nothing without one', async () => {
    const desk = revealDesk();
    renderWithDesk(phone, { desk, roles: ['cs_agent'] });
    expect(screen.getByTestId('masked-phone')).toHaveTextContent('135****7162');
    const { user, dialog } = await openDialog();
    await waitFor(() => expect(within(dialog).getAllByRole('radio')[0]).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请选择查看原因');
    expect(desk.callsTo('pii:reveal')).toEqual([]);
  });

  it('needs a typed note of at least 4 characters for "other", and sends it', async () => {
    const desk = revealDesk();
    renderWithDesk(phone, { desk, roles: ['moderator'] });
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('radio', { name: '其他' }));
    expect(within(dialog).getByLabelText('说明（必填）')).toBeRequired();
    await user.type(within(dialog).getByLabelText('说明（必填）'), '核对');
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('至少 4 个字');
    expect(desk.callsTo('pii:reveal')).toEqual([]);
    await user.type(within(dialog).getByLabelText('说明（必填）'), '卖家回电');
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    expect(await screen.findByTestId('revealed-phone')).toHaveTextContent(FULL);
    expect(desk.callsTo('pii:reveal')).toEqual([{ subjectType: 'user', subjectId: 'usr_00001', field: 'phone', reason: 'other', note: '核对卖家回电' }]);
  });

  it('shows the number with a countdown, and masks it again after REVEAL_SECONDS', async () => {
    const desk = revealDesk();
    renderWithDesk(phone, { desk, roles: ['cs_agent'] });
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('radio', { name: '核实用户身份' }));
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    expect(await screen.findByTestId('revealed-phone')).toHaveTextContent(FULL);
    expect(screen.queryByRole('dialog')).toBeNull();
    // A listed reason needs no note, and none is sent.
    expect(desk.callsTo('pii:reveal')).toEqual([{ subjectType: 'user', subjectId: 'usr_00001', field: 'phone', reason: 'verify_identity' }]);
    expect(screen.getByTestId('reveal-countdown')).toHaveTextContent(`${REVEAL_SECONDS} 秒后隐藏`);
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(screen.getByTestId('reveal-countdown')).toHaveTextContent(/^(19|20) 秒后隐藏$/);
    await act(async () => vi.advanceTimersByTime((REVEAL_SECONDS - 10) * 1000 - 1500));
    expect(screen.getByTestId('revealed-phone')).toHaveTextContent(FULL);
    await act(async () => vi.advanceTimersByTime(1500));
    expect(screen.queryByTestId('revealed-phone')).toBeNull();
    expect(screen.getByTestId('masked-phone')).toHaveTextContent('135****7162');
    expect(document.body).not.toHaveTextContent(FULL);
  });

  it('records a copy in the audit trail, then puts the number on the clipboard and says it was recorded', async () => {
    const desk = revealDesk();
    renderWithDesk(phone, { desk, roles: ['legal'] });
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('radio', { name: '配合法律程序' }));
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    await screen.findByTestId('revealed-phone');
    await waitFor(() => expect(screen.getByTestId('reveal-copy')).toHaveFocus());
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    await user.click(screen.getByTestId('reveal-copy'));
    expect(await screen.findByTestId('reveal-copied')).toHaveTextContent('已记入审计日志');
    expect(writeText).toHaveBeenCalledWith(FULL);
    expect(desk.callsTo('pii:copied')).toEqual([{ subjectType: 'user', subjectId: 'usr_00001', field: 'phone' }]);
  });

  it('does not copy when the copy cannot be recorded', async () => {
    const desk = revealDesk();
    desk.handlers['pii:copied'] = () => refuse('platform_unreachable');
    renderWithDesk(phone, { desk, roles: ['cs_agent'] });
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('radio', { name: '联系用户' }));
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    await screen.findByTestId('revealed-phone');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    await user.click(screen.getByTestId('reveal-copy'));
    expect(await screen.findByRole('alert')).toHaveTextContent('无法连接平台');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('keeps the dialog open with the refusal in words when the reveal fails', async () => {
    const desk = revealDesk();
    renderWithDesk(<MaskedPhone masked="139****0001" subjectType="user" subjectId="usr_gone" />, { desk, roles: ['cs_agent'] });
    const { user, dialog } = await openDialog('139****0001');
    await user.click(within(dialog).getByRole('radio', { name: '调查欺诈' }));
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('找不到该记录');
    expect(screen.queryByTestId('revealed-phone')).toBeNull();
    // Opened again, the dialog starts clean rather than showing the earlier refusal.
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    await user.click(screen.getByTestId('reveal-button'));
    expect(within(await screen.findByRole('dialog')).queryByRole('alert')).toBeNull();
  });

  it('drops a revealed number the moment the console locks', async () => {
    const desk = revealDesk();
    const { rerender } = renderWithDesk(<ConsoleLockContext.Provider value={false}>{phone}</ConsoleLockContext.Provider>, { desk, roles: ['cs_agent'] });
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('radio', { name: '核实用户身份' }));
    await user.click(within(dialog).getByRole('button', { name: '查看号码' }));
    await screen.findByTestId('revealed-phone');
    rerender(<ConsoleLockContext.Provider value={true}>{phone}</ConsoleLockContext.Provider>);
    await waitFor(() => expect(screen.queryByTestId('revealed-phone')).toBeNull());
  });

  it('offers no reveal to the DPO, whom the contract does not let reveal', () => {
    renderWithDesk(phone, { desk: revealDesk(), roles: ['dpo'] });
    expect(screen.getByTestId('masked-phone')).toHaveTextContent('135****7162');
    expect(screen.queryByTestId('reveal-button')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
