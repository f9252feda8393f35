import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { transparencyReport } from '../../desk/fake-legal-records';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { TransparencyPage } from './transparency-page';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const csv = '\uFEFF2026年依法提供用户信息透明度报告\r\n机关类型,请求数,涉及账号数\r\n公安机关,12,19\r\n';

function reportDesk() {
  return new FakeDesk({
    'legal:transparency': (period) => (period.quarter === 3 ? transparencyReport({ period, requests: 6, producedShare: null }) : transparencyReport({ period })),
    'legal:transparencyExport': ({ year, quarter, format }) => ({
      name: `transparency-${year}${quarter === null ? '' : `-Q${quarter}`}.${format}`,
      mediaType: format === 'csv' ? 'text/csv' : 'text/html',
      content: format === 'csv' ? csv : '<!doctype html><title>报告</title>',
    }),
  });
}

describe('the transparency report', () => {
  it('shows the figures of the year, and the requests by authority as a chart with its table', async () => {
    const desk = reportDesk();
    renderWithDesk(<TransparencyPage />, { desk, roles: ['dpo'] });
    expect(await screen.findByTestId('figure-requests')).toHaveTextContent('19');
    expect(screen.getByTestId('figure-accountsSpecified')).toHaveTextContent('29');
    expect(screen.getByTestId('figure-producedShare')).toHaveTextContent('81.3%');
    expect(screen.getByTestId('figure-preservation')).toHaveTextContent('4');
    expect(screen.getByTestId('figure-noNotify')).toHaveTextContent('5');
    expect(screen.getByTestId('figure-foreign')).toHaveTextContent('1');
    expect(desk.callsTo('legal:transparency')).toEqual([{ year: 2026, quarter: null }]);

    const chart = screen.getByTestId('bar-chart');
    expect(chart).toHaveTextContent('按机关类型的请求数');
    const rows = within(within(chart).getByTestId('chart-table')).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['机关类型请求数', '公安机关12', '检察院1', '法院3', '国家安全机关0', '市场监管2', '网信1', '其他0']);
    expect(within(screen.getByTestId('authority-table')).getByRole('row', { name: /网信/ })).toHaveTextContent('网信13');
  });

  it('reports a quarter, and says when no request has been settled', async () => {
    const desk = reportDesk();
    renderWithDesk(<TransparencyPage />, { desk, roles: ['legal'] });
    await screen.findByTestId('figure-requests');
    await userEvent.selectOptions(screen.getByLabelText('季度'), '第 3 季度');
    await waitFor(() => expect(screen.getByTestId('figure-requests')).toHaveTextContent('6'));
    expect(screen.getByTestId('figure-producedShare')).toHaveTextContent('不适用');
    expect(desk.callsTo('legal:transparency')).toEqual([{ year: 2026, quarter: null }, { year: 2026, quarter: 3 }]);
  });

  it('exports CSV and printable HTML for the chosen period as download links', async () => {
    const desk = reportDesk();
    renderWithDesk(<TransparencyPage />, { desk, roles: ['legal'] });
    await screen.findByTestId('figure-requests');
    await userEvent.selectOptions(screen.getByLabelText('年度'), '2025 年');
    await userEvent.click(screen.getByTestId('export-csv'));
    const link = await screen.findByTestId('download-csv');
    expect(link).toHaveTextContent('下载 transparency-2025.csv');
    expect(link).toHaveAttribute('download', 'transparency-2025.csv');
    expect(link).toHaveAttribute('href', `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`);
    expect(desk.callsTo('legal:transparencyExport')).toEqual([{ year: 2025, quarter: null, format: 'csv' }]);

    await userEvent.click(screen.getByTestId('export-html'));
    expect(await screen.findByTestId('download-html')).toHaveAttribute('href', expect.stringMatching(/^data:text\/html;charset=utf-8,/));
    expect(screen.getByTestId('transparency-export')).toHaveTextContent('用浏览器打开下载的文件即可打印或另存为 PDF。');

    // A link made for one period is not offered for another.
    await userEvent.selectOptions(screen.getByLabelText('季度'), '第 1 季度');
    expect(screen.queryByTestId('download-csv')).toBeNull();
  });
});
