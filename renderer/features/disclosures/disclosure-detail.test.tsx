import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisclosureDetail } from '../../../shared/ipc/legal-views';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import { disclosureDetail, disclosureRequest, fakeSha256, registerFile } from '../../desk/fake-legal-records';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { DisclosureDetailView } from './disclosure-detail';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const approval = { staffId: 'stf_8', staffName: '周律师', at: '2026-11-18T06:00:00.000Z', note: '' };

/** The detail of one entry; each action answers with the entry as the platform would have it next. */
function detailDesk(initial: DisclosureDetail) {
  let current = initial;
  const next = (changed: Partial<Disclosure>) => {
    current = { ...current, mayApprove: false, disclosure: { ...current.disclosure, ...changed, version: current.disclosure.version + 1 } };
    return current;
  };
  const desk = new FakeDesk({
    'legal:disclosure': () => current,
    'legal:approveDisclosure': ({ note }) => next({ status: 'approved', approval: { staffId: 'stf_1', staffName: '陈晓峰', at: '2026-11-20T02:00:00.000Z', note: note ?? '' } }),
    'legal:recordProduction': (input) =>
      next({
        status: 'disclosed',
        outcome: input.outcome,
        production: {
          files: input.files.map((f, i) => ({ id: `file_p${i}`, name: f.name, mediaType: f.mediaType, sizeBytes: 4, sha256: fakeSha256(f.name) })),
          deliveryMethod: input.deliveryMethod,
          receipt: input.receipt ? { id: 'file_r', name: input.receipt.name, mediaType: input.receipt.mediaType, sizeBytes: 4, sha256: fakeSha256(input.receipt.name) } : null,
          disclosedAt: input.disclosedAt,
        },
      }),
    'legal:closeDisclosure': ({ outcome, reason }) => next({ status: 'closed', outcome, refusalReason: reason }),
    'legal:amendDisclosure': () => current,
    'legal:recordNotification': ({ notifiedAt }) => next({ userNotifiedAt: notifiedAt }),
    'legal:file': () => ({ name: '调取证据通知书.pdf', mediaType: 'application/pdf', sha256: registerFile('调取证据通知书.pdf').sha256, contentBase64: 'JVBERi0=' }),
  });
  return desk;
}

function renderDetail(detail: DisclosureDetail, options: { canAct?: boolean; roles?: ('legal' | 'dpo')[] } = {}) {
  const desk = detailDesk(detail);
  renderWithDesk(<DisclosureDetailView disclosureId={detail.disclosure.id} canAct={options.canAct ?? true} />, { desk, roles: options.roles ?? ['legal'] });
  return desk;
}

describe('approval by a second person', () => {
  it('is disabled for the one who prepared the entry, with the reason', async () => {
    // The signed-in staff member (stf_1) prepared it.
    renderDetail(disclosureDetail({ preparedBy: 'stf_1', preparedByName: '陈晓峰' }, { mayApprove: false }));
    const panel = await screen.findByTestId('approval-panel');
    expect(within(panel).getByTestId('approve-disclosure')).toBeDisabled();
    expect(within(panel).getByTestId('approval-refusal')).toHaveTextContent('您是本登记的经办人，须由另一位法务人员批准。');
    expect(within(panel).getByTestId('approve-disclosure')).toHaveAccessibleDescription('您是本登记的经办人，须由另一位法务人员批准。');
  });

  it('is open to a colleague, and production can be recorded after it', async () => {
    const desk = renderDetail(disclosureDetail({ preparedBy: 'stf_7' }, { mayApprove: true }));
    const panel = await screen.findByTestId('approval-panel');
    expect(within(panel).queryByTestId('approval-refusal')).toBeNull();
    expect(screen.getByTestId('production-panel')).toHaveTextContent('登记经另一位法务人员批准后，才能登记提供情况。');
    await userEvent.type(within(panel).getByLabelText('批准意见（选填）'), '范围适当');
    await userEvent.click(within(panel).getByTestId('approve-disclosure'));
    expect(await within(panel).findByTestId('approval-record')).toHaveTextContent('已由 陈晓峰 于 2026/11/20 10:00 批准。');
    expect(desk.callsTo('legal:approveDisclosure')).toEqual([{ disclosureId: 'dsc_00001', basedOnVersion: 1, note: '范围适当' }]);
    expect(screen.getByTestId('production-form')).toBeInTheDocument();
  });

  it('says so when the entry no longer awaits approval', async () => {
    renderDetail(disclosureDetail({ status: 'closed', outcome: 'refused', refusalReason: '文书要素不全，已书面退回' }));
    expect(await screen.findByTestId('approval-refusal')).toHaveTextContent('本登记当前状态为“已结案”，不在待批准状态。');
    expect(screen.queryByTestId('approve-disclosure')).toBeNull();
    expect(screen.getByTestId('closure-panel')).toHaveTextContent('已结案：拒绝');
  });
});

describe('production', () => {
  it('records each file produced and then shows the SHA-256 the platform kept for each', async () => {
    const desk = renderDetail(disclosureDetail({ status: 'approved', approval, version: 2 }));
    const form = await screen.findByTestId('production-form');
    await userEvent.click(within(form).getByTestId('record-production'));
    expect(form).toHaveTextContent('“提供的文件”为必填项。');
    expect(form).toHaveTextContent('“交付方式”为必填项。');
    expect(desk.callsTo('legal:recordProduction')).toEqual([]);

    await userEvent.upload(within(form).getByTestId('produced-input'), [
      new File(['a'], '账号资料-usr_00001.csv', { type: 'text/csv' }),
      new File(['b'], '登录日志-usr_00001.csv', { type: 'text/csv' }),
    ]);
    await userEvent.upload(within(form).getByTestId('receipt-input'), new File(['r'], '回执.pdf', { type: 'application/pdf' }));
    await within(form).findByText('回执.pdf');
    await userEvent.click(within(form).getByLabelText('加密介质'));
    await userEvent.click(within(form).getByLabelText('部分提供'));
    await userEvent.click(within(form).getByTestId('record-production'));

    const produced = await screen.findByTestId('produced-files');
    const files = within(produced).getAllByTestId('produced-file');
    expect(files).toHaveLength(2);
    expect(files[0]).toHaveTextContent('账号资料-usr_00001.csv');
    expect(within(files[0]!).getByTestId('file-sha256')).toHaveTextContent(fakeSha256('账号资料-usr_00001.csv'));
    expect(within(files[1]!).getByTestId('file-sha256')).toHaveTextContent(fakeSha256('登录日志-usr_00001.csv'));
    expect(within(screen.getByTestId('receipt-file')).getByTestId('file-sha256')).toHaveTextContent(fakeSha256('回执.pdf'));
    expect(screen.getByTestId('production-panel')).toHaveTextContent('于 2026/11/20 10:00 以“加密介质”方式提供。');
    expect(desk.callsTo('legal:recordProduction')).toEqual([
      {
        disclosureId: 'dsc_00001',
        basedOnVersion: 2,
        files: [
          { name: '账号资料-usr_00001.csv', mediaType: 'text/csv', contentBase64: 'YQ==' },
          { name: '登录日志-usr_00001.csv', mediaType: 'text/csv', contentBase64: 'Yg==' },
        ],
        deliveryMethod: 'encrypted_media',
        receipt: { name: '回执.pdf', mediaType: 'application/pdf', contentBase64: 'cg==' },
        disclosedAt: '2026-11-20T02:00:00.000Z',
        outcome: 'disclosed_part',
      },
    ]);
  });

  it('fetches the scan only when asked, as a download with its hash', async () => {
    const desk = renderDetail(disclosureDetail());
    const scan = await screen.findByTestId('scan-file');
    expect(within(scan).getByTestId('file-sha256')).toHaveTextContent(registerFile('调取证据通知书.pdf').sha256);
    expect(desk.callsTo('legal:file')).toEqual([]);
    await userEvent.click(within(scan).getByRole('button', { name: '取回文件' }));
    const link = await within(scan).findByTestId('file-download');
    expect(link).toHaveAttribute('href', 'data:application/pdf;base64,JVBERi0=');
    expect(link).toHaveAttribute('download', '调取证据通知书.pdf');
    expect(desk.callsTo('legal:file')).toEqual([{ fileId: registerFile('调取证据通知书.pdf').id }]);
  });
});

describe('the scope disclosed', () => {
  it('shows what went beyond the request beside the request, with the justification', async () => {
    const request = disclosureRequest();
    renderDetail(
      disclosureDetail({
        request,
        scopeDisclosed: { ...request.scopeRequested, userIds: ['usr_00001', 'usr_00002'], categories: [...request.scopeRequested.categories, 'login_logs'] },
        overDisclosure: { userIds: ['usr_00002'], categories: ['login_logs'], outsideDates: false, justification: '同一设备登录的关联账号，办案人员书面补充要求' },
      }),
    );
    const comparison = await screen.findByTestId('scope-comparison');
    const beyond = within(comparison).getAllByTestId('beyond-request').map((mark) => mark.textContent);
    expect(beyond).toEqual([expect.stringContaining('阿强 139****0001'), expect.stringContaining('登录日志')]);
    expect(within(comparison).getByTestId('over-disclosure-justification')).toHaveTextContent('同一设备登录的关联账号，办案人员书面补充要求');
    // Accounts are shown masked: never a full number.
    expect(comparison).toHaveTextContent('小王 135****7162');
  });
});

describe('amendments', () => {
  const original = disclosureRequest();
  const amended = disclosureRequest({ documentNumber: '穗公（天）调证字〔2026〕1243号', scopeRequested: { ...original.scopeRequested, categories: ['account_profile', 'registration_phone'] } });
  const withAmendment = () =>
    disclosureDetail({
      request: amended,
      original,
      version: 3,
      amendments: [
        {
          id: 'amd_1',
          at: '2026-11-19T03:00:00.000Z',
          staffId: 'stf_7',
          staffName: '林律师',
          reason: '文书编号录入错误，并按文书原文更正调取类别',
          changes: [
            { path: 'request.documentNumber', before: original.documentNumber, after: amended.documentNumber },
            { path: 'request.scopeRequested.categories', before: original.scopeRequested.categories, after: amended.scopeRequested.categories },
          ],
        },
      ],
    });

  it('shows each change before → after, and the original entry as first saved', async () => {
    renderDetail(withAmendment());
    const changes = await screen.findAllByTestId('amendment-change');
    expect(screen.getByTestId('amendment')).toHaveTextContent('林律师 · 2026/11/19 11:00');
    expect(screen.getByTestId('amendment')).toHaveTextContent('理由：文书编号录入错误，并按文书原文更正调取类别');
    expect(changes[0]).toHaveTextContent('文书编号穗公（天）调证字〔2026〕1234号→穗公（天）调证字〔2026〕1243号');
    expect(changes[1]).toHaveTextContent('文书调取范围 · 数据类别账号资料、注册手机号、发布的信息→账号资料、注册手机号');

    expect(screen.getByTestId('current-request')).toHaveTextContent('1243号');
    await userEvent.click(screen.getByRole('button', { name: '原始登记' }));
    const first = screen.getByTestId('original-request');
    expect(first).toHaveTextContent('穗公（天）调证字〔2026〕1234号');
    expect(first).toHaveTextContent('账号资料、注册手机号、发布的信息');
    expect(first).not.toHaveTextContent('1243号');
    await userEvent.click(screen.getByRole('button', { name: '现行登记（含 1 次更正）' }));
    expect(screen.getByTestId('current-request')).toHaveTextContent('1243号');
  });

  it('needs a reason and a changed field, and sends only the fields chosen', async () => {
    const desk = renderDetail(withAmendment());
    await userEvent.click(await screen.findByTestId('open-amendment'));
    const form = screen.getByTestId('amendment-form');
    await userEvent.click(within(form).getByTestId('submit-amendment'));
    const problems = within(form).getByTestId('amendment-problems');
    expect(problems).toHaveTextContent('“要更正的项目”为必填项。');
    expect(problems).toHaveTextContent('“更正理由”为必填项。');

    await userEvent.click(within(form).getByRole('checkbox', { name: '案由' }));
    await userEvent.click(within(form).getByTestId('submit-amendment'));
    expect(within(form).getByTestId('amendment-problems')).toHaveTextContent('“案由”与现有登记相同，无需更正。');
    const cause = within(form).getByRole('textbox', { name: '案由' });
    await userEvent.clear(cause);
    await userEvent.type(cause, '涉嫌合同诈骗案');
    await userEvent.type(within(form).getByTestId('amendment-reason'), '按补充文书更正案由');
    await userEvent.click(within(form).getByTestId('submit-amendment'));
    await waitFor(() => expect(desk.callsTo('legal:amendDisclosure')).toHaveLength(1));
    expect(desk.callsTo('legal:amendDisclosure')).toEqual([
      { disclosureId: 'dsc_00001', basedOnVersion: 3, reason: '按补充文书更正案由', changes: { caseCause: '涉嫌合同诈骗案' }, justification: null },
    ]);
  });
});

describe('telling the user', () => {
  const produced = (request: Partial<Disclosure['request']>) =>
    disclosureDetail({
      status: 'disclosed',
      outcome: 'disclosed_full',
      approval,
      request: disclosureRequest(request),
      production: { files: [registerFile('数据.csv')], deliveryMethod: 'in_person', receipt: null, disclosedAt: '2026-11-18T08:00:00.000Z' },
    });

  it('waits while a no-notify order runs', async () => {
    renderDetail(produced({ noNotify: true, noNotifyUntil: '2026-12-31' }));
    expect(await screen.findByTestId('notification-state')).toHaveTextContent('文书要求 2026/12/31（含当日）前不得通知用户，还有 41 天。');
    expect(screen.queryByTestId('notification-form')).toBeNull();
  });

  it('reminds once the order has ended, and records when the user was told', async () => {
    const desk = renderDetail(produced({ noNotify: true, noNotifyUntil: '2026-11-15' }));
    const state = await screen.findByTestId('notification-state');
    expect(state).toHaveTextContent('提醒：不得通知期限已于 2026/11/15 届满，应通知用户并在此登记。');
    expect(state).toHaveAttribute('role', 'status');
    await userEvent.click(screen.getByTestId('record-notification'));
    expect(await screen.findByTestId('notification-state')).toHaveTextContent('已于 2026/11/20 10:00 通知用户。');
    expect(desk.callsTo('legal:recordNotification')).toEqual([{ disclosureId: 'dsc_00001', basedOnVersion: 1, notifiedAt: '2026-11-20T02:00:00.000Z' }]);
  });
});

describe('closing with nothing handed over', () => {
  it('requires the reason', async () => {
    const desk = renderDetail(disclosureDetail({ status: 'approved', approval, version: 2 }));
    await userEvent.click(await screen.findByTestId('open-closure'));
    await userEvent.click(screen.getByTestId('confirm-closure'));
    expect(screen.getByTestId('closure-panel')).toHaveTextContent('“理由”为必填项。');
    expect(desk.callsTo('legal:closeDisclosure')).toEqual([]);
    await userEvent.type(screen.getByLabelText('理由'), '经查询，平台无该账号的登录日志');
    await userEvent.click(screen.getByTestId('confirm-closure'));
    expect(await screen.findByText('已结案：未查到')).toBeInTheDocument();
    expect(desk.callsTo('legal:closeDisclosure')).toEqual([{ disclosureId: 'dsc_00001', basedOnVersion: 2, outcome: 'none_found', reason: '经查询，平台无该账号的登录日志' }]);
  });
});
