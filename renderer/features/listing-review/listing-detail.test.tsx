import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListingFlagView } from '../../../shared/ipc/moderation-views';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { listingDetail, outboxEntry, queueRow } from '../../desk/fake-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { ListingDetailPane } from './listing-detail';
import { CLAIM_RENEW_MS } from './use-claim';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const title = '全新iPhone 15 先付定金';
const body = '加我薇信 abc123，当面交易。先付定金200元包邮';
const at = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length, text: part });
const flags: ListingFlagView[] = [
  { kind: 'contact_in_text', rule: 'contact.wechat', spans: [{ field: 'body', ...at(body, '薇信 abc123') }], detail: {}, dismissed: false },
  {
    kind: 'off_platform_payment',
    rule: 'payment.deposit',
    spans: [
      { field: 'title', ...at(title, '先付定金') },
      { field: 'body', ...at(body, '先付定金') },
    ],
    detail: {},
    dismissed: false,
  },
  { kind: 'price_far_below_median', rule: 'price.below_median', spans: [], detail: { percentBelow: 88, median: 5000_00, priceFen: 600_00, category: 'second_hand', group: 'phone' }, dismissed: false },
];

function deskFor(options: { holder?: string; claimError?: boolean } = {}) {
  const row = queueRow(7, { title });
  return new FakeDesk({
    'moderation:listing': () => listingDetail(row, { flags, listing: { ...listingDetail(row).listing, body } }),
    'moderation:open': () => {
      if (options.claimError) refuse('platform_unreachable');
      return { claimed: !options.holder, holderName: options.holder ?? null, expiresAt: '2026-11-20T06:05:00.000Z' };
    },
    'moderation:release': () => ({ released: true }),
    'moderation:decide': (input) => outboxEntry({ listingId: input.listingId, action: input.action }),
    'moderation:flagFeedback': () => ({ recorded: true }),
  });
}

describe('the listing detail', () => {
  it('names who holds an item someone else claimed, until when, and disables every action', async () => {
    const desk = deskFor({ holder: '林嘉欣' });
    renderWithDesk(<ListingDetailPane listingId="lst_00007" queue="pending" onDecided={() => undefined} />, { desk });
    const detail = await screen.findByTestId('listing-detail');
    // 06:05 UTC is 14:05 in Guangzhou.
    expect(within(detail).getByTestId('claim-holder')).toHaveTextContent('林嘉欣 正在处理，至 2026/11/20 14:05');
    for (const button of within(detail.querySelector('.decision-bar')!).getAllByRole('button')) expect(button).toBeDisabled();
    await userEvent.keyboard('a');
    expect(desk.callsTo('moderation:decide')).toEqual([]);
  });

  it('lets work go on when the platform cannot be asked, and says so', async () => {
    const desk = deskFor({ claimError: true });
    renderWithDesk(<ListingDetailPane listingId="lst_00007" queue="pending" onDecided={() => undefined} />, { desk });
    await screen.findByTestId('listing-detail');
    expect(screen.getByRole('status')).toHaveTextContent('未能向平台确认处理权');
    expect(screen.getByTestId('approve-button')).toBeEnabled();
  });

  it('renews the claim every four minutes while open and releases it on leaving', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const desk = deskFor();
    const { rerender } = renderWithDesk(<ListingDetailPane listingId="lst_00007" queue="pending" onDecided={() => undefined} />, { desk });
    await screen.findByTestId('listing-detail');
    expect(desk.callsTo('moderation:open')).toEqual([{ listingId: 'lst_00007' }]);
    await act(async () => vi.advanceTimersByTime(CLAIM_RENEW_MS));
    await act(async () => vi.advanceTimersByTime(CLAIM_RENEW_MS));
    expect(desk.callsTo('moderation:open')).toHaveLength(3);
    expect(desk.callsTo('moderation:release')).toEqual([]);
    rerender(<ListingDetailPane listingId={null} queue="pending" onDecided={() => undefined} />);
    await waitFor(() => expect(desk.callsTo('moderation:release')).toEqual([{ listingId: 'lst_00007' }]));
    await act(async () => vi.advanceTimersByTime(CLAIM_RENEW_MS));
    expect(desk.callsTo('moderation:open')).toHaveLength(3);
  });

  it("marks each flag's spans at exactly the rule's offsets and explains each flag", async () => {
    renderWithDesk(<ListingDetailPane listingId="lst_00007" queue="flagged" onDecided={() => undefined} />, { desk: deskFor() });
    const detail = await screen.findByTestId('listing-detail');
    const marks = within(detail).getAllByTestId('flag-span').map((m) => ({ rule: m.dataset.rule, text: m.textContent }));
    expect(marks).toEqual([
      { rule: 'payment.deposit', text: '先付定金' },
      { rule: 'contact.wechat', text: '薇信 abc123' },
      { rule: 'payment.deposit', text: '先付定金' },
    ]);
    // The marked text still reads as the original.
    expect(detail.querySelector('h2')).toHaveTextContent(title);
    expect(detail.querySelector('.listing-body')!.textContent).toBe(body);
    const list = within(detail).getByTestId('flag-list');
    expect(list).toHaveTextContent('正文含联系方式');
    expect(list).toHaveTextContent('命中：「薇信 abc123」');
    expect(list).toHaveTextContent('比同类（手机）中位价低 88%（中位价 ¥5,000）');
  });

  it('gives each of two crossing spans one mark with its exact text, showing every character once', async () => {
    const crossingBody = '请先押金转账到个人账户';
    const row = queueRow(8);
    const crossing: ListingFlagView[] = [
      {
        kind: 'off_platform_payment',
        rule: 'payment.deposit',
        spans: [{ field: 'body', ...at(crossingBody, '押金转账') }],
        detail: {},
        dismissed: false,
      },
      {
        kind: 'off_platform_payment',
        rule: 'payment.transfer',
        spans: [{ field: 'body', ...at(crossingBody, '转账到') }, { field: 'body', ...at(crossingBody, '个人账户') }],
        detail: {},
        dismissed: false,
      },
    ];
    const desk = deskFor();
    desk.handlers['moderation:listing'] = () => listingDetail(row, { flags: crossing, listing: { ...listingDetail(row).listing, body: crossingBody } });
    renderWithDesk(<ListingDetailPane listingId={row.id} queue="flagged" onDecided={() => undefined} />, { desk });
    const detail = await screen.findByTestId('listing-detail');
    expect(within(detail).getAllByTestId('flag-span').map((m) => ({ rule: m.dataset.rule, text: m.textContent }))).toEqual([
      { rule: 'payment.deposit', text: '押金转账' },
      { rule: 'payment.transfer', text: '转账到' },
      { rule: 'payment.transfer', text: '个人账户' },
    ]);
    const shown = (node: Node): string =>
      node instanceof HTMLElement && node.hidden ? '' : node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : [...node.childNodes].map(shown).join('');
    expect(shown(detail.querySelector('.listing-body')!)).toBe(crossingBody);
  });

  it('records a false positive with f for the focused flag, and with its button', async () => {
    const desk = deskFor();
    renderWithDesk(<ListingDetailPane listingId="lst_00007" queue="flagged" onDecided={() => undefined} />, { desk });
    await screen.findByTestId('listing-detail');
    await userEvent.keyboard('f');
    await waitFor(() => expect(desk.callsTo('moderation:flagFeedback')).toEqual([{ listingId: 'lst_00007', rule: 'contact.wechat' }]));
    const [wechat, deposit] = screen.getAllByTestId('flag');
    expect(wechat).toHaveTextContent('已标记为误报');
    expect(wechat).toHaveAttribute('data-dismissed', 'true');
    expect(screen.getAllByTestId('flag-span').find((m) => m.dataset.rule === 'contact.wechat')).toHaveClass('dismissed');
    await userEvent.click(within(deposit!).getByTestId('flag-false-positive'));
    await waitFor(() => expect(desk.callsTo('moderation:flagFeedback')).toHaveLength(2));
    expect(desk.callsTo('moderation:flagFeedback')[1]).toEqual({ listingId: 'lst_00007', rule: 'payment.deposit' });
  });

  it('needs a note to escalate, and sends it with the reason', async () => {
    const desk = deskFor();
    renderWithDesk(<ListingDetailPane listingId="lst_00007" queue="pending" onDecided={() => undefined} />, { desk });
    await screen.findByTestId('listing-detail');
    await userEvent.keyboard('e');
    const chooser = screen.getByTestId('decision-reason');
    expect(chooser).toHaveFocus();
    expect(within(chooser).getAllByRole('option').map((o) => o.textContent)).toContain('1. 违禁物品');
    await userEvent.selectOptions(chooser, within(chooser).getByRole('option', { name: /无法判断/ }));
    await userEvent.click(screen.getByTestId('confirm-decision'));
    expect(screen.getByRole('alert')).toHaveTextContent('升级时必须写明说明');
    await userEvent.type(screen.getByTestId('decision-note'), '价格异常，疑似引流');
    await userEvent.click(screen.getByTestId('confirm-decision'));
    await waitFor(() => expect(desk.callsTo('moderation:decide')).toHaveLength(1));
    expect(desk.callsTo('moderation:decide')[0]).toMatchObject({
      action: 'escalate',
      reasonCode: 'unsure',
      note: '价格异常，疑似引流',
      notice: `您发布的「${title}」正在进一步审核中，结果将另行通知。`,
    });
  });
});
