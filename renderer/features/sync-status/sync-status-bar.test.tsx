import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { syncStatus } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { SyncStatusBar } from './sync-status-bar';

afterEach(cleanup);

describe('the sync status bar', () => {
  it('shows progress, the outbox and the offline state, and follows events', async () => {
    const desk = new FakeDesk({
      'sync:status': () => syncStatus({ phase: 'initial', done: 40, total: 200, lastSyncedAt: null }),
      'sync:now': () => ({ started: true }),
    });
    renderWithDesk(<SyncStatusBar />, { desk });
    const bar = await screen.findByRole('status');
    await waitFor(() => expect(bar).toHaveTextContent('首次同步中'));
    expect(screen.getByRole('progressbar', { name: '同步进度' })).toHaveAttribute('value', '40');
    expect(bar).toHaveTextContent('40 / 200');
    expect(bar).toHaveTextContent('尚未同步');
    expect(screen.getByTestId('pending-outbox-count')).toHaveTextContent('待送达 0');
    expect(screen.queryByTestId('offline-indicator')).toBeNull();

    act(() => desk.emit('sync:progress', syncStatus({ phase: 'offline', online: false, pendingOutbox: 0, quarantined: 2 })));
    expect(screen.getByTestId('offline-indicator')).toHaveTextContent('离线');
    expect(bar).toHaveTextContent('已隔离异常记录 2 条');
    expect(bar).toHaveTextContent('上次同步 2026/11/20 10:00');
    expect(screen.queryByRole('progressbar')).toBeNull();

    act(() => desk.emit('outbox:changed', { pending: 1 }));
    expect(screen.getByTestId('pending-outbox-count')).toHaveTextContent('待送达 1');

    await userEvent.click(screen.getByRole('button', { name: '立即同步' }));
    expect(desk.callsTo('sync:now')).toEqual([{}]);
  });

  it('says calmly that the platform is struggling and since when, while offline stays offline', async () => {
    const degraded = { since: '2026-11-20T06:05:00.000Z', code: 'timeout' };
    const desk = new FakeDesk({ 'sync:status': () => syncStatus({ degraded }) });
    renderWithDesk(<SyncStatusBar />, { desk });
    const notice = await screen.findByTestId('degraded-indicator');
    // 06:05 UTC is 14:05 in Guangzhou.
    expect(notice).toHaveTextContent('平台响应缓慢，自 14:05 起自动重试中');
    expect(notice).toHaveAttribute('title', expect.stringContaining('不会丢失'));
    expect(screen.queryByTestId('offline-indicator')).toBeNull();
    expect(screen.getByRole('status').querySelector('.error')).toBeNull();

    act(() => desk.emit('sync:progress', syncStatus({ degraded: { ...degraded, code: 'rate_limited' } })));
    expect(screen.getByTestId('degraded-indicator')).toHaveTextContent('平台要求放慢请求，自 14:05 起');
    act(() => desk.emit('sync:progress', syncStatus({ degraded: { ...degraded, code: 'something_new' } })));
    expect(screen.getByTestId('degraded-indicator')).toHaveTextContent('平台响应异常，自 14:05 起自动重试中');

    act(() => desk.emit('sync:progress', syncStatus({ phase: 'offline', online: false, degraded })));
    expect(screen.getByTestId('offline-indicator')).toHaveTextContent('离线');
    expect(screen.queryByTestId('degraded-indicator')).toBeNull();

    act(() => desk.emit('sync:progress', syncStatus({ degraded: null })));
    expect(screen.queryByTestId('degraded-indicator')).toBeNull();
    expect(screen.queryByTestId('offline-indicator')).toBeNull();
  });

  it('shows an indeterminate bar when the total is unknown', async () => {
    const desk = new FakeDesk({ 'sync:status': () => syncStatus({ phase: 'incremental', done: 7, total: null }) });
    renderWithDesk(<SyncStatusBar />, { desk });
    const progress = await screen.findByRole('progressbar', { name: '同步进度' });
    expect(progress).not.toHaveAttribute('value');
    expect(screen.getByRole('status')).toHaveTextContent('已处理 7');
  });
});
