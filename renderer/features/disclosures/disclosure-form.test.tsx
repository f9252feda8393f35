import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/ipc/contract';
import { disclosureDetail } from '../../desk/fake-legal-records';
import { FakeDesk, refuse } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { checkDisclosure, emptyDisclosure } from './disclosure-draft';
import { DisclosureForm } from './disclosure-form';

beforeEach(() => {
  // Only the clock is fixed: 2026-11-20 10:00 in Guangzhou. Timers stay real for user events.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function formDesk() {
  return new FakeDesk({ 'legal:createDisclosure': () => disclosureDetail({ id: 'dsc_00042', registerNumber: 'LD-2026-0042' }) });
}

function renderForm(desk = formDesk()) {
  const onCreated = vi.fn();
  renderWithDesk(<DisclosureForm onCreated={onCreated} />, { desk, roles: ['legal'] });
  return { desk, onCreated, form: screen.getByTestId('disclosure-form') };
}

/** A police evidence notice for two accounts, typed as counsel would from the paper. */
/** Long text arrives pasted from the document's scan notes, one event rather than one per character. */
async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

async function fillRequest(form: HTMLElement) {
  const f = within(form);
  await userEvent.selectOptions(f.getByLabelText('机关类型'), '公安机关');
  await enter(f.getByLabelText('机关名称'), '广州市公安局天河区分局');
  await userEvent.type(f.getByLabelText('办案人员 1 姓名'), '李警官');
  await userEvent.type(f.getByLabelText('办案人员 1 警号/工作证号'), '044123');
  await enter(f.getByLabelText('回拨核实电话'), '020-83118110');
  await enter(f.getByLabelText('核实情况'), '回拨值班室确认');
  await userEvent.selectOptions(f.getByLabelText('文书类型'), '调取证据通知书');
  await enter(f.getByLabelText('文书编号'), '穗公（天）调证字〔2026〕1234号');
  await enter(f.getByLabelText('批准人'), '王副局长');
  await enter(f.getByLabelText('案由'), '涉嫌诈骗案');
  await enter(f.getByLabelText('法律依据'), '《刑事诉讼法》第五十四条');
  await userEvent.upload(f.getByTestId('scan-input'), new File(['scan'], '通知书.pdf', { type: 'application/pdf' }));
  expect(await f.findByTestId('scan-input-list')).toHaveTextContent('通知书.pdf');
  const requested = within(f.getByTestId('scope-requested'));
  await userEvent.type(requested.getByLabelText('调取的账号（平台用户 ID，可填多个）'), 'usr_00001, usr_00002');
  await userEvent.click(requested.getByLabelText('账号资料'));
  await userEvent.click(requested.getByLabelText('注册手机号'));
  await userEvent.type(requested.getByLabelText('起始日期'), '2026-09-01');
  await userEvent.type(requested.getByLabelText('截止日期'), '2026-11-15');
}

describe('the new register entry', { timeout: 20_000 }, () => {
  it('names every missing field, and sends nothing', async () => {
    const { desk, form } = renderForm();
    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    const problems = await screen.findByTestId('disclosure-problems');
    expect(problems).toHaveTextContent('“机关类型”为必填项。');
    expect(problems).toHaveTextContent('“机关名称”为必填项。');
    expect(problems).toHaveTextContent('“办案人员”：每位办案人员都要填写姓名和警号/工作证号。');
    expect(problems).toHaveTextContent('“文书扫描件”为必填项。');
    expect(problems).toHaveTextContent('“调取的数据类别”为必填项。');
    // The disclosed scope still follows the request: its problems are not reported twice.
    expect(problems).not.toHaveTextContent('拟披露的数据类别');
    expect(within(form).getByLabelText('机关类型')).toHaveFocus();
    expect(desk.callsTo('legal:createDisclosure')).toEqual([]);
  });

  it('will not save a foreign authority’s request until the Chinese approval is recorded, and says why', async () => {
    const { desk, form } = renderForm();
    await fillRequest(form);
    await userEvent.click(within(form).getByLabelText('境外机关'));
    const block = within(form).getByTestId('foreign-block');
    expect(block).toHaveTextContent('《数据安全法》第三十六条、《个人信息保护法》第四十一条');

    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    expect(await screen.findByTestId('disclosure-problems')).toHaveTextContent('“主管机关批准”：境外机关的请求须经主管机关批准');
    expect(within(block).getByLabelText('批准机关')).toHaveFocus();
    expect(desk.callsTo('legal:createDisclosure')).toEqual([]);

    await userEvent.type(within(block).getByLabelText('批准机关'), '司法部');
    await userEvent.type(within(block).getByLabelText('批准文号'), '司国际批〔2026〕7号');
    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    expect(desk.callsTo('legal:createDisclosure')).toEqual([]);
    await userEvent.type(within(block).getByLabelText('批准日期'), '2026-11-10');
    expect(screen.queryByTestId('disclosure-problems')).toBeNull();

    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    await waitFor(() => expect(desk.callsTo('legal:createDisclosure')).toHaveLength(1));
    const [sent] = desk.callsTo('legal:createDisclosure');
    expect(sent?.request.domestic).toBe(false);
    expect(sent?.request.foreignApproval).toEqual({ authority: '司法部', documentNumber: '司国际批〔2026〕7号', approvedOn: '2026-11-10' });
  });

  it('flags over-disclosure as it is typed, requires a justification, and sends exactly the entry', async () => {
    const { desk, form, onCreated } = renderForm();
    await fillRequest(form);
    expect(screen.queryByTestId('over-disclosure')).toBeNull();

    const disclosed = within(within(form).getByTestId('scope-disclosed'));
    expect(disclosed.getByLabelText('拟披露的账号（平台用户 ID）')).toHaveValue('usr_00001, usr_00002');
    await userEvent.click(disclosed.getByLabelText('登录日志'));
    const over = await screen.findByTestId('over-disclosure');
    expect(within(over).getByTestId('over-disclosure-items')).toHaveTextContent('文书未要求的数据类别：登录日志');
    expect(disclosed.getByText('登录日志').closest('label')).toHaveTextContent('超范围');
    await userEvent.type(disclosed.getByLabelText('拟披露的账号（平台用户 ID）'), ' usr_00003');
    await userEvent.clear(disclosed.getByLabelText('截止日期'));
    await userEvent.type(disclosed.getByLabelText('截止日期'), '2026-11-18');
    const items = within(over).getByTestId('over-disclosure-items');
    expect(items).toHaveTextContent('文书未列明的账号：usr_00003');
    expect(items).toHaveTextContent('日期超出范围：文书调取 2026-09-01 – 2026-11-15，拟披露 2026-09-01 – 2026-11-18');

    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    expect(await screen.findByTestId('disclosure-problems')).toHaveTextContent('“超范围披露的理由”：拟披露的内容超出文书调取范围，必须写明理由才能保存。');
    expect(screen.getByTestId('justification')).toHaveFocus();
    expect(desk.callsTo('legal:createDisclosure')).toEqual([]);

    await userEvent.type(screen.getByTestId('justification'), '办案人员电话补充要求，书面补充文书随后送达');
    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('dsc_00042'));
    const sent = desk.callsTo('legal:createDisclosure');
    expect(sent).toEqual([
      {
        request: {
          receivedAt: '2026-11-20T02:00:00.000Z',
          channel: 'in_person',
          authorityType: 'public_security',
          authorityName: '广州市公安局天河区分局',
          domestic: true,
          foreignApproval: null,
          officers: [{ name: '李警官', badgeNumber: '044123' }],
          identityCheck: { callBackNumber: '020-83118110', note: '回拨值班室确认' },
          instrumentType: 'evidence_collection_notice',
          documentNumber: '穗公（天）调证字〔2026〕1234号',
          approvingOfficial: '王副局长',
          caseCause: '涉嫌诈骗案',
          statute: '《刑事诉讼法》第五十四条',
          emergency: false,
          noNotify: false,
          noNotifyUntil: null,
          scopeRequested: { userIds: ['usr_00001', 'usr_00002'], categories: ['account_profile', 'registration_phone'], from: '2026-09-01', to: '2026-11-15' },
        },
        scan: { name: '通知书.pdf', mediaType: 'application/pdf', contentBase64: 'c2Nhbg==' },
        scopeDisclosed: { userIds: ['usr_00001', 'usr_00002', 'usr_00003'], categories: ['account_profile', 'registration_phone', 'login_logs'], from: '2026-09-01', to: '2026-11-18' },
        justification: '办案人员电话补充要求，书面补充文书随后送达',
      },
    ]);
    // What the form sends is what the IPC contract accepts.
    expect(ipcChannels['legal:createDisclosure'].input.safeParse(sent[0]).success).toBe(true);
  });

  it('drops the flag and the justification once the disclosure is back within the request', async () => {
    const { desk, form } = renderForm();
    await fillRequest(form);
    await userEvent.click(within(within(form).getByTestId('scope-disclosed')).getByLabelText('登录日志'));
    await userEvent.type(await screen.findByTestId('justification'), '先写了理由');
    await userEvent.click(within(form).getByRole('button', { name: '恢复为文书调取范围' }));
    expect(screen.queryByTestId('over-disclosure')).toBeNull();
    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    await waitFor(() => expect(desk.callsTo('legal:createDisclosure')).toHaveLength(1));
    expect(desk.callsTo('legal:createDisclosure')[0]).toMatchObject({ justification: null, scopeDisclosed: { categories: ['account_profile', 'registration_phone'] } });
  });

  it('shows the platform’s refusal on the field it concerns', async () => {
    const desk = new FakeDesk({ 'legal:createDisclosure': () => refuse('foreign_request_blocked', 'blocked', { path: 'body.request.foreignApproval' }) });
    const { form } = renderForm(desk);
    await fillRequest(form);
    await userEvent.click(within(form).getByTestId('disclosure-submit'));
    const alerts = await screen.findAllByRole('alert');
    const refusal = alerts.find((a) => a.textContent?.includes('字段'));
    expect(refusal).toHaveTextContent('未经主管机关批准，不得向外国司法或执法机构提供境内存储的数据。请先登记主管机关的批准。 （字段：主管机关批准）');
    expect(screen.getByTestId('disclosure-problems')).toHaveTextContent('“主管机关批准”');
  });
});

describe('checkDisclosure', () => {
  it('keeps a no-notify date only while no-notify is set, and requires the date to be real', () => {
    const draft = { ...emptyDisclosure('2026-11-20T10:00'), noNotify: true, noNotifyUntil: '2026-13-40' };
    expect(checkDisclosure(draft).problems.noNotifyUntil).toBe('invalid_date');
    expect(checkDisclosure({ ...draft, noNotify: false }).problems.noNotifyUntil).toBeUndefined();
  });
});
