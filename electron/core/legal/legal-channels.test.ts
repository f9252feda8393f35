import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInCore } from '../../../test/fixtures/desk-core';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { waitFor } from '../../../test/fixtures/wait';

const platformDir = temporaryFolder();
let sandbox: RunningSandbox;
let liu: Awaited<ReturnType<typeof signedInCore>>;
let huang: Awaited<ReturnType<typeof signedInCore>>;
let dpo: Awaited<ReturnType<typeof signedInCore>>;
let zhao: Awaited<ReturnType<typeof signedInCore>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 400 });
  [liu, huang, dpo, zhao] = (await Promise.all(['legal.liu', 'legal.huang', 'dpo.zhou', 'cs.zhao'].map((u) => signedInCore(sandbox.url, u)))) as [typeof liu, typeof liu, typeof liu, typeof liu];
});
afterAll(async () => {
  await Promise.all([liu, huang, dpo, zhao].map((c) => c.close()));
  await sandbox.close();
  platformDir.remove();
});

const scanText = '广州市公安局天河区分局 调取证据通知书（扫描件）';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function policeRequest(userId: string) {
  return {
    receivedAt: '2026-11-24T02:00:00.000Z', channel: 'in_person', authorityType: 'public_security', authorityName: '广州市公安局天河区分局',
    domestic: true, foreignApproval: null, officers: [{ name: '李明', badgeNumber: '440106123' }],
    identityCheck: { callBackNumber: '020-83118000', note: '回拨分局值班室，确认两名民警在办此案' }, instrumentType: 'evidence_collection_notice',
    documentNumber: '穗公（天）调证字〔2026〕9001号', approvingOfficial: '王建', caseCause: '合同诈骗案', statute: '《刑事诉讼法》第五十四条',
    emergency: false, noNotify: true, noNotifyUntil: '2027-02-24',
    scopeRequested: { userIds: [userId], categories: ['account_profile', 'registration_phone'], from: '2026-09-01', to: '2026-11-20' },
  };
}

describe('the disclosure register through the core', () => {
  it('records a police request, refuses over-disclosure without a reason, needs a colleague to approve, and counts it', async () => {
    const userId = (sandbox.db.prepare("SELECT id FROM users WHERE status = 'active' ORDER BY id LIMIT 1").get() as { id: string }).id;
    const request = policeRequest(userId);
    const scan = { name: '调取证据通知书.pdf', mediaType: 'application/pdf', contentBase64: base64(scanText) };
    const beyond = { ...request.scopeRequested, categories: [...request.scopeRequested.categories, 'transactions'] };
    expect(await liu.invoke('legal:createDisclosure', { request, scan, scopeDisclosed: beyond })).toMatchObject({ ok: false, error: { code: 'over_disclosure_unjustified' } });

    const created = await liu.output('legal:createDisclosure', { request, scan, scopeDisclosed: request.scopeRequested });
    expect(created).toMatchObject({ mayApprove: false, disclosure: { status: 'awaiting_approval', overDisclosure: null, scan: { sha256: sha256(scanText) } } });
    expect(created.accounts[0]!.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(await liu.invoke('legal:approveDisclosure', { disclosureId: created.disclosure.id, basedOnVersion: created.disclosure.version })).toMatchObject({
      ok: false,
      error: { code: 'same_reviewer' },
    });

    const seen = await waitFor(async () => {
      const answer = await huang.invoke('legal:disclosure', { disclosureId: created.disclosure.id });
      return answer.ok ? answer.output : null;
    }, "the entry reaches the colleague's cache");
    expect((seen as { mayApprove: boolean }).mayApprove).toBe(true);
    const approved = await huang.output('legal:approveDisclosure', { disclosureId: created.disclosure.id, basedOnVersion: created.disclosure.version, note: '范围与文书一致' });
    expect(approved.disclosure).toMatchObject({ status: 'approved', approval: { staffName: expect.any(String) } });

    const produced = await huang.output('legal:recordProduction', {
      disclosureId: created.disclosure.id, basedOnVersion: approved.disclosure.version, deliveryMethod: 'encrypted_media', receipt: null,
      disclosedAt: new Date().toISOString(), outcome: 'disclosed_full', files: [{ name: '账号资料.csv', mediaType: 'text/csv', contentBase64: base64('id,nickname\n') }],
    });
    expect(produced.disclosure.production?.files[0]?.sha256).toBe(sha256('id,nickname\n'));
    const file = await dpo.output('legal:file', { fileId: created.disclosure.scan.id });
    expect(file.sha256).toBe(sha256(scanText));
    expect((await huang.output('legal:transparency', { year: 2026, quarter: 4 })).requests).toBeGreaterThan(0);
  });

  it('lets the DPO read the register but not write it, and keeps it out of customer service', async () => {
    expect((await dpo.output('legal:disclosures', {})).disclosures.length).toBeGreaterThan(0);
    expect(await dpo.invoke('legal:placeHold', { userId: 'usr_00001', source: 'investigation', reference: 'x', reason: 'x', scope: ['all'], expiresAt: null })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_role' },
    });
    expect(await zhao.invoke('legal:disclosures', {})).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
  });

  it("places a hold that flips a customer-service ticket's legal-hold flag, and lifts it with a reason", async () => {
    const { tickets } = await zhao.output('rights:tickets', { view: 'open' });
    const ticket = tickets.find((t) => !t.legalHold)!;
    const hold = await liu.output('legal:placeHold', { userId: ticket.userId, source: 'investigation', reference: '内部调查 2026-11', reason: '涉嫌组织刷单', scope: ['all'], expiresAt: null });
    expect(hold).toMatchObject({ active: true, account: { userId: ticket.userId } });
    await waitFor(async () => (await zhao.output('rights:ticket', { ticketId: ticket.id })).ticket.legalHold, 'the hold reaches the ticket');
    const lifted = await liu.output('legal:liftHold', { holdId: hold.id, basedOnVersion: hold.version, reason: '调查结束，未发现违法' });
    expect(lifted).toMatchObject({ active: false, liftReason: '调查结束，未发现违法' });
    await waitFor(async () => !(await zhao.output('rights:ticket', { ticketId: ticket.id })).ticket.legalHold, 'the lift reaches the ticket');
  });
});
