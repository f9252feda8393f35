import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeDesk } from '../../desk/fake-desk';
import { FAKE_BASE } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { ModerationQueuePage } from './moderation-queue-page';
import { FILTERS_KEY } from './queue-filters';
import { fakeQueue } from './queue-fake';

beforeEach(() => {
  localStorage.clear();
  // Three days after the first fake listing, so ages read as whole days.
  vi.spyOn(Date, 'now').mockReturnValue(FAKE_BASE + 3 * 24 * 3600_000);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.queueScroll !== undefined ? 600 : 0;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function fakeQueues() {
  return fakeQueue(0, {
    sizes: { pending: 6, reported: 3, flagged: 2, escalated: 1, appeals: 1 },
    rowOverrides: (queue, i) => ({
      overdue: queue === 'reported' && i < 2,
      reportCount: queue === 'reported' ? 3 - i : 0,
      reportReasons: queue === 'reported' ? ['fraud', 'prohibited_item'] : [],
      flags: queue === 'flagged' ? ['contact_in_text', 'off_platform_payment'] : [],
      claim: queue === 'pending' && i === 1 ? { holderName: '林嘉欣', expiresAt: '2026-11-20T06:05:00.000Z', mine: false } : null,
    }),
  });
}

const tab = (name: RegExp) => screen.getByRole('tab', { name });

describe('the queue tabs', () => {
  it('show each queue with its size, the age of its oldest item and its overdue count, and switch queues', async () => {
    const queues = fakeQueues();
    const desk = new FakeDesk(queues.handlers);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await waitFor(() => expect(tab(/待审核/)).toHaveTextContent('6'));
    expect(tab(/待审核/)).toHaveTextContent('最久 3 天前');
    expect(tab(/待审核/)).toHaveAttribute('aria-selected', 'true');
    expect(tab(/被举报/)).toHaveTextContent('3');
    expect(within(tab(/被举报/)).getByTestId('queue-overdue')).toHaveTextContent('超时 2');
    expect(tab(/自动标记/)).toHaveTextContent('2');
    // Escalations and appeals are a senior moderator's.
    expect(screen.queryByRole('tab', { name: /已升级/ })).toBeNull();
    expect(screen.queryByRole('tab', { name: /申诉/ })).toBeNull();
    // Someone else's claim is named in words.
    expect(screen.getAllByTestId('queue-row')[1]).toHaveTextContent('🔒 林嘉欣 处理中');

    await userEvent.click(tab(/被举报/));
    expect(tab(/被举报/)).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(desk.callsTo('moderation:queue').at(-1)).toMatchObject({ queue: 'reported', offset: 0 }));
    const rows = await screen.findAllByTestId('queue-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('3 次：疑似诈骗、违禁物品');
    expect(rows[0]).toHaveAttribute('data-overdue', 'true');
    expect(rows[0]).toHaveTextContent('超时');
    expect(rows[2]).not.toHaveAttribute('data-overdue');

    // Arrow keys move between tabs.
    await userEvent.keyboard('{ArrowRight}');
    expect(tab(/自动标记/)).toHaveAttribute('aria-selected', 'true');
    expect(tab(/自动标记/)).toHaveFocus();
    await waitFor(() => expect(screen.getAllByTestId('queue-row')[0]).toHaveTextContent('正文含联系方式、引导站外付款或定金'));
  });

  it('give a senior moderator the escalated and appeals queues', async () => {
    const desk = new FakeDesk(fakeQueues().handlers);
    renderWithDesk(<ModerationQueuePage />, { desk, roles: ['senior_moderator'] });
    await waitFor(() => expect(tab(/已升级/)).toHaveTextContent('1'));
    await userEvent.click(tab(/申诉/));
    await waitFor(() => expect(desk.callsTo('moderation:queue').at(-1)).toMatchObject({ queue: 'appeals' }));
  });
});

describe('the queue filters', () => {
  it('are kept per queue and restored on the next start', async () => {
    const desk = new FakeDesk(fakeQueues().handlers);
    const first = renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    await userEvent.selectOptions(screen.getByLabelText('分类'), '房屋租售');
    await userEvent.selectOptions(screen.getByLabelText('排序'), '价格从低到高');
    await userEvent.click(tab(/被举报/));
    // The reported queue has filters of its own.
    expect(screen.getByLabelText('分类')).toHaveValue('');
    await userEvent.selectOptions(screen.getByLabelText('排序'), '举报最多优先');
    await userEvent.selectOptions(screen.getByLabelText('最短等待'), '≥ 4 小时');
    await userEvent.selectOptions(screen.getByLabelText('标记类型'), '疑似违禁物品');
    await waitFor(() =>
      expect(desk.callsTo('moderation:queue').at(-1)).toMatchObject({ queue: 'reported', sort: 'most_reported', minAgeHours: 4, flag: 'prohibited_item' }),
    );
    expect(JSON.parse(localStorage.getItem(FILTERS_KEY)!)).toEqual({
      queue: 'reported',
      queues: {
        pending: { category: 'housing', sort: 'price_low' },
        reported: { sort: 'most_reported', minAgeHours: 4, flag: 'prohibited_item' },
      },
    });
    await userEvent.click(tab(/待审核/));
    expect(screen.getByLabelText('分类')).toHaveValue('housing');
    await userEvent.click(tab(/被举报/));
    first.unmount();

    const again = new FakeDesk(fakeQueues().handlers);
    renderWithDesk(<ModerationQueuePage />, { desk: again });
    expect(tab(/被举报/)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('排序')).toHaveValue('most_reported');
    expect(screen.getByLabelText('最短等待')).toHaveValue('4');
    await waitFor(() => expect(again.callsTo('moderation:queue')[0]).toMatchObject({ queue: 'reported', sort: 'most_reported', minAgeHours: 4, flag: 'prohibited_item', offset: 0 }));
    await userEvent.click(tab(/待审核/));
    await waitFor(() => expect(again.callsTo('moderation:queue').at(-1)).toMatchObject({ queue: 'pending', category: 'housing', sort: 'price_low' }));
  });

  it('keep the good fields of a partly broken store and fall back for the rest', async () => {
    localStorage.setItem(FILTERS_KEY, JSON.stringify({ queue: 'appeals', queues: { pending: { category: 'weapons', sort: 'newest', minAgeHours: -3 }, reported: 'nonsense' } }));
    const desk = new FakeDesk(fakeQueues().handlers);
    renderWithDesk(<ModerationQueuePage />, { desk });
    // A moderator may not open appeals: the first queue they may open is shown.
    await waitFor(() => expect(desk.callsTo('moderation:queue')[0]).toEqual({ queue: 'pending', sort: 'newest', offset: 0, limit: 200 }));
  });

  it('search the queue after a pause in typing, and / focuses the search box', async () => {
    const desk = new FakeDesk(fakeQueues().handlers);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    await userEvent.keyboard('/');
    const search = screen.getByTestId('queue-search');
    expect(search).toHaveFocus();
    await userEvent.keyboard('测试信息 3');
    await waitFor(() => expect(desk.callsTo('moderation:queue').at(-1)).toMatchObject({ queue: 'pending', search: '测试信息 3' }));
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(1));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(6));
  });

  it('says a search matched more than it lists, and lists only that many', async () => {
    const desk = new FakeDesk(fakeQueue(30, { searchLimit: 12 }).handlers);
    renderWithDesk(<ModerationQueuePage />, { desk });
    await screen.findAllByTestId('queue-row');
    expect(screen.getByTestId('queue-total')).toHaveTextContent('共 30 条');
    await userEvent.type(screen.getByTestId('queue-search'), '测试信息');
    await waitFor(() => expect(screen.getByTestId('queue-total')).toHaveTextContent('超过 12 条，只列出前 12 条，请缩小搜索范围'));
    expect(screen.getByTestId('queue-table')).toHaveAttribute('aria-rowcount', '13');
    // Narrowed to fewer than the limit: an exact count again.
    await userEvent.type(screen.getByTestId('queue-search'), ' 2');
    await waitFor(() => expect(screen.getByTestId('queue-total')).toHaveTextContent('共 11 条'));
  });

  it('select rows by checkbox, x and shift-click, and offer a bulk action to a senior moderator only', async () => {
    const desk = new FakeDesk(fakeQueues().handlers);
    const { unmount } = renderWithDesk(<ModerationQueuePage />, { desk });
    const boxes = async () => screen.findAllByTestId('row-select');
    const user = userEvent.setup();
    await user.click((await boxes())[0]!);
    await user.keyboard('{Shift>}');
    await user.click((await boxes())[3]!);
    await user.keyboard('{/Shift}');
    expect((await boxes()).map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true, true, false, false]);
    expect(screen.getByText('已选择 4 条')).toBeInTheDocument();
    expect(screen.queryByTestId('bulk-button')).toBeNull();
    expect(screen.getByText('批量处理仅限高级审核员')).toBeInTheDocument();
    unmount();

    renderWithDesk(<ModerationQueuePage />, { desk: new FakeDesk(fakeQueues().handlers), roles: ['senior_moderator'] });
    await screen.findAllByTestId('queue-row');
    await userEvent.keyboard('jxjjx');
    expect((await boxes()).map((b) => (b as HTMLInputElement).checked)).toEqual([true, false, true, false, false, false]);
    expect(screen.getByTestId('bulk-button')).toBeInTheDocument();
  });
});
