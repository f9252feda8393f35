import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { niceTicks } from './chart-scale';
import { DashboardPage, decisionSeries } from './dashboard-page';

afterEach(cleanup);

const dashboard = {
  queues: ['pending' as const, 'reported' as const, 'flagged' as const, 'escalated' as const, 'appeals' as const],
  queueSizes: [
    { at: '2026-11-20T00:00:00.000Z', sizes: { pending: 120, reported: 14, flagged: 30, escalated: 3, appeals: 2 } },
    { at: '2026-11-20T04:00:00.000Z', sizes: { pending: 96, reported: 9, flagged: 22, escalated: 1, appeals: 4 } },
  ],
  decisionsPerModerator: [
    { day: '2026-11-19', staffName: '陈晓峰', count: 80 },
    { day: '2026-11-19', staffName: '林嘉欣', count: 64 },
    { day: '2026-11-20', staffName: '陈晓峰', count: 12 },
  ],
  appeals: { decided: 8, overturned: 2, reversalRate: 0.25 },
  medianHoursInQueue: 5.25,
};

describe('the dashboard', () => {
  it('draws the queue sizes and decisions as SVG charts, each with a table for screen readers', async () => {
    renderWithDesk(<DashboardPage />, { desk: new FakeDesk({ 'moderation:dashboard': () => dashboard }) });
    const page = await screen.findByTestId('dashboard');
    expect(await within(page).findByTestId('reversal-rate')).toHaveTextContent('25%');
    expect(page).toHaveTextContent('已处理申诉 8 件，其中撤销原决定 2 件');
    expect(within(page).getByTestId('median-time')).toHaveTextContent('5.3 小时');

    const line = within(page).getByTestId('line-chart');
    expect(line.querySelectorAll('polyline')).toHaveLength(5);
    const lineTable = within(line).getByRole('table', { name: '各队列待处理数量变化' });
    expect(within(lineTable).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['时间', '待审核', '被举报', '自动标记', '已升级', '申诉']);
    expect(within(lineTable).getAllByRole('row')[1]).toHaveTextContent('120143032');

    const bars = within(page).getByTestId('bar-chart');
    expect(bars.querySelectorAll('rect.bar').length).toBe(3 + 2); // three segments, plus two legend swatches
    const barTable = within(bars).getByRole('table', { name: '每位审核员每日审核量' });
    expect(within(barTable).getAllByRole('row').map((r) => r.textContent)).toEqual(['日期陈晓峰林嘉欣', '11/198064', '11/20120']);
  });

  it('says when there is no data yet', async () => {
    const empty = { queues: ['pending' as const], queueSizes: [], decisionsPerModerator: [], appeals: { decided: 0, overturned: 0, reversalRate: null }, medianHoursInQueue: null };
    renderWithDesk(<DashboardPage />, { desk: new FakeDesk({ 'moderation:dashboard': () => empty }) });
    expect(await screen.findByTestId('reversal-rate')).toHaveTextContent('暂无数据');
    expect(screen.getByTestId('median-time')).toHaveTextContent('暂无数据');
  });
});

describe('chart helpers', () => {
  it('round the axis up to a nice number', () => {
    expect(niceTicks(120)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('turn per-moderator counts into one series per moderator, by day', () => {
    expect(decisionSeries(dashboard.decisionsPerModerator)).toEqual({
      days: ['2026-11-19', '2026-11-20'],
      // In pinyin order: Chén before Lín.
      series: [
        { label: '陈晓峰', values: [80, 12] },
        { label: '林嘉欣', values: [64, 0] },
      ],
    });
  });
});
