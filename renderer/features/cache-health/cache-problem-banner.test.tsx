import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { syncStatus } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { CacheProblemBanner } from './cache-problem-banner';

afterEach(cleanup);

describe('the cache problem banner', () => {
  it('stays out of the way while the cache is healthy', async () => {
    const desk = new FakeDesk({ 'sync:status': () => syncStatus() });
    renderWithDesk(<CacheProblemBanner />, { desk });
    await act(async () => desk.callsTo('sync:status'));
    expect(desk.callsTo('sync:status')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the cache is damaged and the waiting decisions are safe, rebuilds after confirming, and follows the progress', async () => {
    const desk = new FakeDesk({
      'sync:status': () => syncStatus({ cacheProblem: 'cache_unreadable', pendingOutbox: 3, lastSyncedAt: null }),
      'cache:rebuild': () => ({ started: true }),
    });
    renderWithDesk(<CacheProblemBanner />, { desk });
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('本机缓存文件已损坏，无法读取');
    expect(screen.getByTestId('cache-problem-outbox')).toHaveTextContent('待送达 3 条');

    // Cancelling asks nothing of the core.
    await userEvent.click(screen.getByRole('button', { name: '重建本地缓存' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '取消' }));
    expect(desk.callsTo('cache:rebuild')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: '重建本地缓存' }));
    expect(screen.getByRole('dialog')).toHaveTextContent('待送达的 3 条处理决定不受影响');
    await userEvent.click(screen.getByRole('button', { name: '开始重建' }));
    expect(desk.callsTo('cache:rebuild')).toEqual([{}]);

    act(() => desk.emit('sync:progress', syncStatus({ phase: 'initial', done: 500, total: 2000, lastSyncedAt: null, cacheProblem: null })));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('cache-rebuild-progress')).toHaveTextContent('正在从平台重建本地缓存');
    expect(screen.getByRole('progressbar', { name: '重建进度' })).toHaveAttribute('value', '500');

    act(() => desk.emit('sync:progress', syncStatus({ phase: 'idle', done: 2000, total: 2000, cacheProblem: null })));
    expect(screen.queryByTestId('cache-rebuild-progress')).toBeNull();
  });

  it('names a full disk in English and shows a refused rebuild by its code', async () => {
    const desk = new FakeDesk({
      'sync:status': () => syncStatus({ cacheProblem: 'disk_full', pendingOutbox: 1 }),
      'cache:rebuild': () => refuse('disk_full'),
    });
    renderWithDesk(<CacheProblemBanner />, { desk, language: 'en' });
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('The disk is full: the local cache cannot be written');
    expect(banner).toHaveTextContent('1 awaiting delivery');
    await userEvent.click(screen.getByRole('button', { name: 'Rebuild local cache' }));
    await userEvent.click(screen.getByRole('button', { name: 'Rebuild' }));
    expect(await screen.findByText(/The disk is full, so this could not be saved/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });
});
