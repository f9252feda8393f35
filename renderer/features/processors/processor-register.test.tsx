import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { processorRecord } from '../../desk/fake-legal-records';
import { FakeDesk } from '../../desk/fake-desk';
import { renderWithDesk } from '../../desk/render-with-desk';
import { ProcessorRegister } from './processor-register';
import { reviewState } from './review-due';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const processors = [
  processorRecord(0, { reviewDate: '2026-11-01' }),
  processorRecord(1, { reviewDate: '2026-12-15', dataCategories: ['注册手机号', '短信内容'] }),
  processorRecord(2, { reviewDate: '2027-06-30' }),
];

function registerDesk() {
  return new FakeDesk({
    'legal:processors': () => ({ processors }),
    'legal:saveProcessor': ({ processorId, fields }) => ({ ...fields, id: processorId ?? 'prc_00099', version: 2 }),
  });
}

describe('the processor register', () => {
  it('marks a review that is past or within 30 days, in words', async () => {
    renderWithDesk(<ProcessorRegister canAct />, { desk: registerDesk(), roles: ['legal'] });
    const rows = await screen.findAllByTestId('processor-row');
    expect(within(rows[0]!).getByTestId('review-date')).toHaveTextContent('2026/11/01复核已逾期 19 天');
    expect(within(rows[1]!).getByTestId('review-date')).toHaveTextContent('2026/12/1525 天内需复核');
    expect(within(rows[2]!).getByTestId('review-date')).toHaveTextContent(/^2027\/06\/30$/);
    expect(rows[1]).toHaveTextContent('讯达短信服务有限公司短信注册手机号、短信内容');
  });

  it('edits a processor against the version it was read at', async () => {
    const desk = registerDesk();
    renderWithDesk(<ProcessorRegister canAct />, { desk, roles: ['legal'] });
    const rows = await screen.findAllByTestId('processor-row');
    await userEvent.click(within(rows[1]!).getByTestId('edit-processor'));
    const form = screen.getByTestId('processor-form');
    expect(within(form).getByLabelText('接收的数据类别')).toHaveValue('注册手机号、短信内容');
    const review = within(form).getByLabelText('复核日期');
    await userEvent.clear(review);
    await userEvent.type(review, '2024-01-01');
    await userEvent.click(within(form).getByTestId('save-processor'));
    expect(form).toHaveTextContent('“复核日期”不能早于协议签订日期。');
    await userEvent.clear(review);
    await userEvent.type(review, '2027-12-15');
    await userEvent.click(within(form).getByTestId('save-processor'));
    await waitFor(() => expect(screen.queryByTestId('processor-form')).toBeNull());
    expect(desk.callsTo('legal:saveProcessor')).toEqual([
      {
        processorId: 'prc_00001',
        basedOnVersion: 1,
        fields: {
          name: '讯达短信服务有限公司',
          kind: 'sms',
          dataCategories: ['注册手机号', '短信内容'],
          purpose: '托管平台数据库与图片存储',
          agreementDate: '2025-03-01',
          reviewDate: '2027-12-15',
          deletionContact: 'privacy@example-cloud.cn',
        },
      },
    ]);
  });

  it('adds a processor', async () => {
    const desk = registerDesk();
    renderWithDesk(<ProcessorRegister canAct />, { desk, roles: ['legal'] });
    await userEvent.click(await screen.findByTestId('add-processor'));
    const form = screen.getByTestId('processor-form');
    await userEvent.click(within(form).getByTestId('save-processor'));
    expect(form).toHaveTextContent('“名称”为必填项。');
    expect(form).toHaveTextContent('“接收的数据类别”为必填项。');
    await userEvent.type(within(form).getByLabelText('名称'), '粤客服外包有限公司');
    await userEvent.selectOptions(within(form).getByLabelText('类型'), '客服外包');
    await userEvent.type(within(form).getByLabelText('接收的数据类别'), '昵称，注册手机号');
    await userEvent.type(within(form).getByLabelText('协议签订日期'), '2026-11-01');
    await userEvent.type(within(form).getByLabelText('复核日期'), '2027-11-01');
    await userEvent.click(within(form).getByTestId('save-processor'));
    await waitFor(() => expect(desk.callsTo('legal:saveProcessor')).toHaveLength(1));
    expect(desk.callsTo('legal:saveProcessor')[0]).toMatchObject({ processorId: null, basedOnVersion: null, fields: { kind: 'customer_service', dataCategories: ['昵称', '注册手机号'] } });
  });

  it('is read only for the DPO', async () => {
    renderWithDesk(<ProcessorRegister canAct={false} />, { desk: registerDesk(), roles: ['dpo'] });
    await screen.findAllByTestId('processor-row');
    expect(screen.queryByTestId('add-processor')).toBeNull();
    expect(screen.queryByTestId('edit-processor')).toBeNull();
  });
});

describe('reviewState', () => {
  it('is due soon up to 30 days ahead and overdue after the date', () => {
    expect(reviewState('2026-12-20', '2026-11-20')).toEqual({ urgency: 'due_soon', days: 30 });
    expect(reviewState('2026-12-21', '2026-11-20')).toBeNull();
    expect(reviewState('2026-11-20', '2026-11-20')).toEqual({ urgency: 'due_soon', days: 0 });
    expect(reviewState('2026-11-19', '2026-11-20')).toEqual({ urgency: 'overdue', days: 1 });
  });
});
