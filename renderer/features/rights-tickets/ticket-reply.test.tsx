import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { FakeDesk } from '../../desk/fake-desk';
import { deletionSteps, ticketDetail } from '../../desk/fake-rights-records';
import { renderWithDesk } from '../../desk/render-with-desk';
import { fileHref } from './access-package-panel';
import { TicketDetail } from './ticket-detail';

afterEach(cleanup);

const sha = (c: string) => c.repeat(64);
const completedDeletion: Partial<RightsTicket> = {
  state: 'completed',
  execution: { at: '2026-11-25T06:00:00.000Z', outcome: 'completed', steps: deletionSteps, verified: true, failureReason: null },
  version: 5,
};

function replyDesk(ticket: Partial<RightsTicket>) {
  return new FakeDesk({
    'rights:ticket': () => ticketDetail(ticket, null),
    'rights:reply': ({ text }) => ticketDetail({ ...ticket, reply: { text, sentAt: '2026-11-26T02:00:00.000Z', staffName: '周敏' }, version: 9 }, null),
    'rights:accessPackage': () => ({
      sha256: sha('c'),
      files: [
        { name: 'RT-2026-000101.json', mediaType: 'application/json', content: '{"nickname":"小王"}', sha256: sha('a') },
        { name: 'RT-2026-000101.html', mediaType: 'text/html', content: '<h1>小王的个人信息</h1>', sha256: sha('b') },
      ],
      detail: ticketDetail({ ...ticket, accessPackage: { sha256: sha('c'), createdAt: '2026-11-24T02:00:00.000Z', files: [] }, version: 6 }, null),
    }),
  });
}

describe('the access package', () => {
  it('is generated on demand and offers each file as a download, with the package SHA-256', async () => {
    const desk = replyDesk({ type: 'access', state: 'approved', version: 4 });
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    await userEvent.click(await screen.findByTestId('generate-package'));
    const files = await screen.findByTestId('package-files');
    expect(within(files).getByTestId('package-sha256')).toHaveTextContent(sha('c'));
    const links = within(files).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('download'))).toEqual(['RT-2026-000101.json', 'RT-2026-000101.html']);
    expect(links[0]).toHaveAccessibleName('下载 RT-2026-000101.json');
    const href = links[1]!.getAttribute('href')!;
    expect(href.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf(',') + 1))).toBe('<h1>小王的个人信息</h1>');
    expect(files).toHaveTextContent(sha('a'));
    expect(desk.callsTo('rights:accessPackage')).toEqual([{ ticketId: 'tkt_00001', basedOnVersion: 4 }]);
    // With the package recorded, the reply letter turns to "your copy is ready".
    expect(((await screen.findByTestId('reply-text')) as HTMLTextAreaElement).value).toContain('已于2026年11月24日整理完毕您的个人信息副本');
  });

  it('keeps a charset the file already names', () => {
    expect(fileHref({ mediaType: 'text/html; charset=utf-8', content: 'a b' })).toBe('data:text/html; charset=utf-8,a%20b');
  });
});

describe('the reply letter', () => {
  it('is drafted with the placeholders filled, editable, and shown as sent once sent', async () => {
    const desk = replyDesk(completedDeletion);
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    const letter = await screen.findByTestId('reply-text');
    const drafted = (letter as HTMLTextAreaElement).value;
    expect(drafted).toContain('账号「小王」于2026年11月20日提出的删除个人信息请求（工单号 RT-2026-000101）');
    expect(drafted).toContain('已于2026年11月25日处理完毕');
    expect(drafted).toContain('· 发布的信息（4 项）：已删除');
    expect(drafted).toContain('· 交易记录（3 项）：予以保存，依据《中华人民共和国电子商务法》第三十一条');
    expect(drafted).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(screen.getByTestId('reply-letter')).toHaveTextContent('按“删除完成”模板起草');

    await userEvent.type(letter, '\n（客服周敏）');
    await userEvent.click(screen.getByTestId('reply-send'));
    await waitFor(() => expect(desk.callsTo('rights:reply')).toEqual([{ ticketId: 'tkt_00001', basedOnVersion: 5, text: `${drafted}\n（客服周敏）` }]));
    expect(await screen.findByTestId('reply-sent')).toHaveTextContent('（客服周敏）');
    expect(screen.getByTestId('reply-letter')).toHaveTextContent('周敏 于 2026/11/26 10:00 发送');
    expect(screen.queryByTestId('reply-send')).toBeNull();
  });

  it('tells a refused user how to complain or sue, and the hotline', async () => {
    const desk = replyDesk({ state: 'refused', refusal: { reasonCode: 'identity_not_verified', note: '' } });
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    const letter = ((await screen.findByTestId('reply-text')) as HTMLTextAreaElement).value;
    expect(letter).toContain('原因是：未能完成身份核验');
    expect(letter).toContain('向履行个人信息保护职责的部门投诉、举报，或者依法向人民法院提起诉讼');
    expect(letter).toContain('客服电话 13580527162');
  });

  it('does not reveal a legal hold to the user, naming only what the law keeps', async () => {
    const partlyHeld: Partial<RightsTicket> = {
      ...completedDeletion,
      legalHold: true,
      execution: { ...completedDeletion.execution!, steps: [...deletionSteps, { subject: 'report', count: 2, outcome: 'held', basis: 'legal_hold', keptUntil: null }] },
    };
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk: replyDesk(partlyHeld), roles: ['cs_agent'] });
    const letter = ((await screen.findByTestId('reply-text')) as HTMLTextAreaElement).value;
    expect(letter).toContain('· 举报记录（2 项）：依照法律规定需要继续保存');
    expect(letter).toContain('《中华人民共和国电子商务法》第三十一条');
    expect(letter).not.toMatch(/保全|冻结|法务/);
    // Staff see the step for what it is.
    expect(screen.getAllByTestId('execution-step').at(-1)).toHaveTextContent('保全中');
  });

  it('is not offered before the platform would take it', async () => {
    for (const ticket of [{ state: 'approved', legalHold: true }, { state: 'failed' }, { type: 'access', state: 'approved' }] as Partial<RightsTicket>[]) {
      renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk: replyDesk(ticket), roles: ['cs_agent'] });
      await waitFor(() => expect(screen.getByTestId('ticket-detail')).toHaveTextContent('RT-2026-000101'));
      expect(screen.queryByTestId('reply-letter')).toBeNull();
      cleanup();
    }
  });

  it('cannot be sent while something is left for the agent to write', async () => {
    const desk = replyDesk({ type: 'explanation', state: 'approved' });
    renderWithDesk(<TicketDetail ticketId="tkt_00001" />, { desk, roles: ['cs_agent'] });
    const letter = await screen.findByTestId('reply-text');
    expect(screen.getByTestId('reply-letter')).toHaveTextContent('还有待填写的内容：{explanation}');
    await userEvent.click(screen.getByTestId('reply-send'));
    expect(screen.getByRole('alert')).toHaveTextContent('请先填写信中花括号标出的内容');
    expect(desk.callsTo('rights:reply')).toEqual([]);
    const text = (letter as HTMLTextAreaElement).value.replace('{explanation}', '我们仅在提供服务所必需的范围内使用您的手机号。');
    await userEvent.clear(letter);
    await userEvent.click(letter);
    await userEvent.paste(text);
    await userEvent.click(screen.getByTestId('reply-send'));
    await waitFor(() => expect(desk.callsTo('rights:reply')).toHaveLength(1));
  });
});
