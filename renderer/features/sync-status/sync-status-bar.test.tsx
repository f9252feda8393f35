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

  it('shows an indeterminate bar when the total is unknown', async () => {
    const desk = new FakeDesk({ 'sync:status': () => syncStatus({ phase: 'incremental', done: 7, total: null }) });
    renderWithDesk(<SyncStatusBar />, { desk });
    const progress = await screen.findByRole('progressbar', { name: '同步进度' });
    expect(progress).not.toHaveAttribute('value');
    expect(screen.getByRole('status')).toHaveTextContent('已处理 7');
  });
});
