import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuarantineEntry } from '../../../shared/ipc/views';
import { FakeDesk } from '../../desk/fake-desk';
import { syncStatus } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { QuarantinePanel } from './quarantine-panel';

afterEach(cleanup);

const entry = (overrides: Partial<QuarantineEntry>): QuarantineEntry => ({
  id: 1,
  entityType: 'listing',
  entityId: 'lst_00042',
  reason: 'Invalid input: expected number, received string',
  path: 'version',
  preview: '{"entityType":"listing","id":"lst_00042","version":"3"',
  quarantinedAt: '2026-11-20T06:05:00.000Z',
  resolvedAt: null,
  ...overrides,
});

const oversized = entry({
  id: 2,
  entityId: 'lst_00077',
  reason: 'Too big: expected string to have <=120 characters',
  path: 'record.title',
  preview: `{"record":{"title":"${'长'.repeat(270)}…`,
  resolvedAt: '2026-11-20T07:00:00.000Z',
});

describe('the quarantine panel', () => {
  it('lists each quarantined record with type, id, reason, field, time and preview, in Chinese', async () => {
    const desk = new FakeDesk({ 'sync:quarantine': () => ({ entries: [oversized, entry({})], total: 2 }) });
    renderWithDesk(<QuarantinePanel />, { desk });
    const panel = await screen.findByTestId('quarantine-panel');
    expect(panel).toHaveTextContent('异常记录隔离区');
    expect(screen.getByTestId('quarantine-counts')).toHaveTextContent('未解决 1 条，共 2 条');
    const [resolved, open] = within(panel).getAllByTestId('quarantine-entry');
    expect(open).toHaveTextContent('信息 lst_00042');
    expect(within(open!).getByTestId('quarantine-state')).toHaveTextContent('未解决');
    expect(within(open!).getByTestId('quarantine-reason')).toHaveTextContent('expected number, received string');
    expect(within(open!).getByTestId('quarantine-path')).toHaveTextContent('version');
    // Stored in UTC, shown as Guangzhou sees it.
    expect(open).toHaveTextContent('2026/11/20 14:05');
    expect(within(open!).getByTestId('quarantine-preview')).toHaveTextContent('"version":"3"');
    expect(within(resolved!).getByTestId('quarantine-state')).toHaveTextContent('已于 2026/11/20 15:00 收到正确版本');
    expect(within(resolved!).getByTestId('quarantine-path')).toHaveTextContent('record.title');
  });

  it('speaks English too, and says when only the newest entries are shown', async () => {
    const desk = new FakeDesk({ 'sync:quarantine': () => ({ entries: [entry({ entityType: 'something_new', entityId: null })], total: 250 }) });
    renderWithDesk(<QuarantinePanel />, { desk, language: 'en' });
    const panel = await screen.findByTestId('quarantine-panel');
    expect(panel).toHaveTextContent('Quarantined records');
    expect(panel).toHaveTextContent('(1 open of 250)');
    expect(panel).toHaveTextContent('Showing the newest 1 of 250.');
    // A type this console does not know is shown as sent, and a missing id says so.
    expect(panel).toHaveTextContent('something_new (no id)');
    expect(panel).toHaveTextContent('Reason');
    expect(panel).toHaveTextContent('Start of record');
  });

  it('shows nothing while nothing is quarantined, and appears when a sync quarantines a record', async () => {
    let answer = { entries: [] as QuarantineEntry[], total: 0 };
    const desk = new FakeDesk({ 'sync:quarantine': () => answer });
    renderWithDesk(<QuarantinePanel />, { desk });
    await waitFor(() => expect(desk.calls.some((c) => c.channel === 'sync:quarantine')).toBe(true));
    expect(screen.queryByTestId('quarantine-panel')).toBeNull();
    answer = { entries: [entry({})], total: 1 };
    act(() => desk.emit('sync:progress', syncStatus({ quarantined: 1 })));
    expect(await screen.findByTestId('quarantine-panel')).toHaveTextContent('lst_00042');
  });
});
