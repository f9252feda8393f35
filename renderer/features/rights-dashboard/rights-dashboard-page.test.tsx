import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { rightsDashboardRecord } from '../../desk/fake-rights-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { openTicketSeries, parseWeek } from './open-ticket-series';
import { RightsDashboardPage } from './rights-dashboard-page';

afterEach(cleanup);

describe('the rights dashboard', () => {
  it('shows the deadline figures and draws open tickets and weekly intake, each with a table for screen readers', async () => {
    renderWithDesk(<RightsDashboardPage />, { desk: new FakeDesk({ 'rights:dashboard': () => rightsDashboardRecord() }), roles: ['dpo'] });
    const page = await screen.findByTestId('rights-dashboard');
    expect(await within(page).findByTestId('due-this-week')).toHaveTextContent('6');
    expect(within(page).getByTestId('overdue-count')).toHaveTextContent('2');
    expect(within(page).getByTestId('median-days')).toHaveTextContent('7.5 天');
    expect(within(page).getByTestId('on-time-rate')).toHaveTextContent('87.5%');

    const bars = within(page).getByTestId('bar-chart');
    const barTable = within(bars).getByRole('table', { name: '进行中的工单（按类型和状态）' });
    expect(within(barTable).getAllByRole('row').map((r) => r.textContent)).toEqual([
      '类型已受理待身份核验审核中已批准',
      '查阅复制0400',
      '删除3020',
      '注销0001',
    ]);
    // Four segments with counts, plus one legend swatch per state.
    expect(bars.querySelectorAll('rect.bar')).toHaveLength(4 + 4);

    const line = within(page).getByTestId('line-chart');
    const lineTable = within(line).getByRole('table', { name: '每周受理量' });
    // The core names a week by its Monday.
    expect(within(lineTable).getAllByRole('row').map((r) => r.textContent)).toEqual(['周受理', '11/02 当周9', '11/09 当周12', '11/16 当周7']);
  });

  it('says when nothing is open and nothing is measured yet', async () => {
    const empty = rightsDashboardRecord({ openByTypeAndState: [], medianDaysToComplete: null, onTimeRate: null, receivedPerWeek: [] });
    renderWithDesk(<RightsDashboardPage />, { desk: new FakeDesk({ 'rights:dashboard': () => empty }), roles: ['cs_agent'] });
    expect(await screen.findByText('目前没有进行中的工单。')).toBeInTheDocument();
    expect(screen.getByTestId('median-days')).toHaveTextContent('暂无数据');
    expect(screen.getByTestId('on-time-rate')).toHaveTextContent('暂无数据');
  });
});

describe('dashboard helpers', () => {
  it('stack states per type in the domain order, leaving out what has nothing open', () => {
    expect(openTicketSeries(rightsDashboardRecord().openByTypeAndState)).toEqual({
      types: ['access', 'deletion', 'cancellation'],
      states: [
        { state: 'received', values: [0, 3, 0] },
        { state: 'awaiting_verification', values: [4, 0, 0] },
        { state: 'in_review', values: [0, 2, 0] },
        { state: 'approved', values: [0, 0, 1] },
      ],
    });
  });

  it('read a week as an ISO week or its Monday, and nothing else', () => {
    expect(parseWeek('2026-W07')).toEqual({ year: 2026, n: 7 });
    expect(parseWeek('2026-11-16')).toEqual({ monday: '2026-11-16' });
    expect(parseWeek('week 7')).toBeNull();
  });
});
