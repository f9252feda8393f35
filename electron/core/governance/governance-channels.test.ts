import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../shared/audit-chain';
import { REVEAL_SECONDS } from '../../../shared/ipc/governance-views';
import { AuditEvent } from '../../../shared/platform/entities';
import { signedInCore } from '../../../test/fixtures/desk-core';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { lengthenAuditTrail } from '../../../test/fixtures/audit-trail';
import { ChainWalk } from './chain-verification';
import { SETTINGS_FILE } from './console-settings';

const platformDir = temporaryFolder();
const exportDir = temporaryFolder();
let sandbox: RunningSandbox;
let chen: Awaited<ReturnType<typeof signedInCore>>;
let dpo: Awaited<ReturnType<typeof signedInCore>>;
let liu: Awaited<ReturnType<typeof signedInCore>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 60 });
  [chen, dpo, liu] = (await Promise.all(['mod.chen', 'dpo.zhou', 'legal.liu'].map((u) => signedInCore(sandbox.url, u)))) as [typeof chen, typeof chen, typeof chen];
});
afterAll(async () => {
  await Promise.all([chen, dpo, liu].map((c) => c.close()));
  await sandbox.close();
  platformDir.remove();
  exportDir.remove();
});

const someListing = () => sandbox.db.prepare('SELECT id, contact_phone FROM listings ORDER BY id LIMIT 1').get() as { id: string; contact_phone: string };
const verifyScript = join(process.cwd(), 'resources/audit/verify-audit-export.mjs');

function runVerifier(file: string): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync(process.execPath, [verifyScript, file], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

describe('reveals', () => {
  it('returns the full value for a reason, hides it after the window, and puts the reason on the trail', async () => {
    const listing = someListing();
    const revealed = await chen.output('pii:reveal', { subjectType: 'listing', subjectId: listing.id, field: 'phone', reason: 'verify_identity', note: '买家称号码打不通' });
    expect(revealed.value).toBe(listing.contact_phone);
    expect(Date.parse(revealed.hideAt) - Date.parse(revealed.revealedAt)).toBe(REVEAL_SECONDS * 1000);

    const trail = await dpo.output('audit:events', { action: 'pii.reveal', subject: `listing:${listing.id}` });
    const event = trail.events.find((e) => e.seq === revealed.auditSeq);
    expect(event).toMatchObject({ staffId: 'stf_0001', staffName: '陈晓峰', detail: { field: 'phone', reason: '核实身份：买家称号码打不通' } });
    expect(JSON.stringify(trail)).not.toContain(listing.contact_phone);
  });

  it('needs the reason typed for "other", naming the note, and never echoes the value in a refusal', async () => {
    const listing = someListing();
    for (const note of [undefined, '  ', '不想说']) {
      const refused = await chen.invoke('pii:reveal', { subjectType: 'listing', subjectId: listing.id, field: 'phone', reason: 'other', ...(note === undefined ? {} : { note }) });
      expect(refused, String(note)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'input.note' } });
    }
    const missing = await chen.invoke('pii:reveal', { subjectType: 'listing', subjectId: 'lst_9999999', field: 'phone', reason: 'contact_user' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await chen.output('pii:reveal', { subjectType: 'listing', subjectId: listing.id, field: 'phone', reason: 'other', note: '平台安全抽查' })).value).toBe(listing.contact_phone);
  });

  it('records a copy as pii.copy with the field and subject, not the value', async () => {
    const listing = someListing();
    const { auditSeq } = await chen.output('pii:copied', { subjectType: 'listing', subjectId: listing.id, field: 'phone' });
    const { events } = await dpo.output('audit:events', { action: 'pii.copy', afterSeq: auditSeq - 1, limit: 1 });
    expect(events[0]).toMatchObject({ seq: auditSeq, staffName: '陈晓峰', subject: `listing:${listing.id}`, detail: { field: 'phone' } });
  });

  it('is the platform’s to refuse for a role without the scope, even when the core is asked directly', async () => {
    expect(await dpo.invoke('pii:reveal', { subjectType: 'listing', subjectId: someListing().id, field: 'phone', reason: 'verify_identity' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_role' },
    });
  });
});

describe('the audit trail', () => {
  it('filters by time, staff and action, with names resolved', async () => {
    const { auditSeq } = await chen.output('pii:copied', { subjectType: 'listing', subjectId: someListing().id, field: 'phone' });
    const event = (await dpo.output('audit:events', { afterSeq: auditSeq - 1, limit: 1 })).events[0]!;
    const at = Date.parse(event.at);
    const window = { from: new Date(at).toISOString(), to: new Date(at + 1).toISOString() };
    const inWindow = (await dpo.output('audit:events', { ...window, staffId: 'stf_0001', limit: 500 })).events;
    expect(inWindow.map((e) => e.seq)).toContain(auditSeq);
    expect(inWindow.every((e) => e.at === event.at && e.staffId === 'stf_0001')).toBe(true);
    expect((await dpo.output('audit:events', { from: new Date(at + 1).toISOString(), staffId: 'stf_0001', action: 'pii.copy' })).events.map((e) => e.seq)).not.toContain(auditSeq);
    expect(await chen.invoke('audit:events', {})).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
  });

  it('verifies the whole chain, across pages', async () => {
    // More than two of the platform's pages of 1000, written the way the platform writes them.
    lengthenAuditTrail(sandbox, 2100);
    const verification = await dpo.output('audit:verify', {});
    const head = sandbox.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect(head.seq).toBeGreaterThan(2000);
    expect(verification).toMatchObject({ intact: true, firstBroken: null, checked: head.seq, head });
  });

  it('exports a range an auditor can check offline, and records the export', async () => {
    // A trail long enough for the ranges below: a moderator copies a number a few times.
    for (let i = 0; i < 25; i += 1) await chen.output('pii:copied', { subjectType: 'listing', subjectId: someListing().id, field: 'phone' });
    const file = await dpo.output('audit:export', { fromSeq: 1, toSeq: 12 });
    expect(file).toMatchObject({ name: 'audit-000001-000012.json', mediaType: 'application/json' });
    const body = JSON.parse(file.content) as { fromSeq: number; toSeq: number; anchorPrevHash: string; head: { seq: number; hash: string }; events: unknown[]; exportedBy: { staffId: string } };
    expect(body).toMatchObject({ fromSeq: 1, toSeq: 12, anchorPrevHash: GENESIS_HASH, exportedBy: { staffId: 'stf_0008' } });
    expect(body.events).toHaveLength(12);
    expect(body.head.hash).toBe((sandbox.db.prepare('SELECT hash FROM audit_events WHERE seq = 12').get() as { hash: string }).hash);
    const recorded = (await dpo.output('audit:events', { action: 'export.audit' })).events.at(-1);
    expect(recorded).toMatchObject({ staffId: 'stf_0008', subject: 'audit:1-12', detail: { fromSeq: 1, toSeq: 12, headHash: body.head.hash } });

    expect(await dpo.invoke('audit:export', { fromSeq: 5, toSeq: 4 })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'input.toSeq' } });
    expect(await dpo.invoke('audit:export', { fromSeq: 1, toSeq: 9_999_999 })).toMatchObject({ ok: false, error: { path: 'input.toSeq' } });
  });

  it('has a standalone verifier that agrees with the core on an intact and a tampered export', async () => {
    const file = await dpo.output('audit:export', { fromSeq: 3, toSeq: 20 });
    const intactPath = join(exportDir.path, file.name);
    writeFileSync(intactPath, file.content);
    const body = JSON.parse(file.content) as { anchorPrevHash: string; events: unknown[] };
    const events = body.events.map((e) => AuditEvent.parse(e));
    const core = new ChainWalk({ seq: 3, prevHash: body.anchorPrevHash });
    events.forEach((e) => core.add(e));
    const intact = runVerifier(intactPath);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/^intact: 18 events, seq 3 to 20/);
    expect(core.firstBroken).toBeNull();

    // Someone softens what a staff member did at seq 9, and, knowing the rules, recomputes nothing.
    const tampered = structuredClone(body) as { events: { seq: number; detail: Record<string, unknown> }[] };
    tampered.events.find((e) => e.seq === 9)!.detail = { note: '已删除' };
    const tamperedPath = join(exportDir.path, 'tampered.json');
    writeFileSync(tamperedPath, JSON.stringify(tampered));
    const broken = runVerifier(tamperedPath);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN at seq 9: hash_mismatch/);
    const coreOnTampered = new ChainWalk({ seq: 3, prevHash: body.anchorPrevHash });
    tampered.events.forEach((e) => coreOnTampered.add(AuditEvent.parse(e)));
    expect(coreOnTampered.firstBroken).toEqual({ seq: 9, reason: 'hash_mismatch' });

    // An event taken out of the middle.
    const cut = { ...body, events: events.filter((e) => e.seq !== 14) };
    writeFileSync(tamperedPath, JSON.stringify(cut));
    expect(runVerifier(tamperedPath).stdout).toMatch(/^BROKEN at seq 14: gap/);
    // And the last one cut off, with the head left as it was.
    writeFileSync(tamperedPath, JSON.stringify({ ...body, events: events.slice(0, -1) }));
    expect(runVerifier(tamperedPath).stdout).toMatch(/^BROKEN at seq 20: gap/);
    writeFileSync(tamperedPath, '{"events": 3}');
    expect(runVerifier(tamperedPath).status).toBe(2);
  });
});

describe('staff roles', () => {
  it('lists every staff account and changes a colleague’s roles, with a reason and the version seen', async () => {
    const { staff } = await dpo.output('staff:list', {});
    expect(staff.map((s) => s.username)).toEqual(expect.arrayContaining(['mod.chen', 'mod.lin', 'senior.wang', 'cs.zhao', 'cs.he', 'legal.liu', 'legal.huang', 'dpo.zhou']));
    const lin = staff.find((s) => s.username === 'mod.lin')!;
    const changed = await dpo.output('staff:changeRoles', { staffId: lin.id, roles: ['senior_moderator'], reason: '轮岗：升任高级审核员', basedOnVersion: lin.version });
    expect(changed.staff).toMatchObject({ roles: ['senior_moderator'], version: lin.version + 1 });
    expect(await dpo.invoke('staff:changeRoles', { staffId: lin.id, roles: ['moderator'], reason: '撤回调整', basedOnVersion: lin.version })).toMatchObject({
      ok: false,
      error: { code: 'stale_version' },
    });
    expect(await dpo.invoke('staff:changeRoles', { staffId: lin.id, roles: ['moderator'], reason: 'x', basedOnVersion: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: 'input.reason' },
    });
    const trail = await dpo.output('audit:events', { subject: `staff:${lin.id}` });
    expect(trail.events.at(-1)).toMatchObject({ staffName: '周立群' });
  });
});

describe('console settings', () => {
  it('defaults to a 15-minute idle lock, keeps a change, and survives a damaged file', async () => {
    expect(await chen.output('settings:get', {})).toEqual({ idleLockMinutes: 15 });
    expect(await chen.output('settings:set', { idleLockMinutes: 5 })).toEqual({ idleLockMinutes: 5 });
    expect(await chen.output('settings:get', {})).toEqual({ idleLockMinutes: 5 });
    expect(await chen.invoke('settings:set', { idleLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'input.idleLockMinutes' } });
    writeFileSync(join(chen.dataDir, SETTINGS_FILE), '{"idleLockMinutes": 9999');
    expect(await chen.output('settings:get', {})).toEqual({ idleLockMinutes: 15 });
    writeFileSync(join(chen.dataDir, SETTINGS_FILE), '{"idleLockMinutes": -3, "theme": "dark"}');
    expect(await chen.output('settings:get', {})).toEqual({ idleLockMinutes: 15 });
    writeFileSync(join(chen.dataDir, SETTINGS_FILE), 'null');
    expect(await chen.output('settings:set', { idleLockMinutes: 20 })).toEqual({ idleLockMinutes: 20 });
  });
});

describe('the transparency export', () => {
  it('is recorded on the trail when it leaves the console', async () => {
    const file = await liu.output('legal:transparencyExport', { year: 2026, quarter: null, format: 'csv' });
    const recorded = (await dpo.output('audit:events', { action: 'export.transparency', staffId: 'stf_0006' })).events.at(-1);
    expect(recorded).toMatchObject({ staffName: '刘志远', detail: { year: 2026, quarter: null, format: 'csv', name: file.name } });
  });
});

describe('the console lock', () => {
  it('locks, refuses work, stays locked on a wrong password, and unlocks with a new session', async () => {
    const familiesBefore = sandbox.db.prepare("SELECT DISTINCT family FROM tokens WHERE staff_id = 'stf_0001' AND revoked_at IS NULL").all() as { family: string }[];
    expect(await chen.output('session:lock', {})).toMatchObject({ state: 'signed_in', locked: true });
    expect(await chen.invoke('moderation:queue', {})).toMatchObject({ ok: false, error: { code: 'console_locked' } });
    expect(await chen.invoke('pii:reveal', { subjectType: 'listing', subjectId: someListing().id, field: 'phone', reason: 'verify_identity' })).toMatchObject({
      ok: false,
      error: { code: 'console_locked' },
    });
    expect(await chen.invoke('session:unlock', { password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(await chen.output('session:status', {})).toMatchObject({ locked: true });

    expect(await chen.output('session:unlock', { password: TEST_STAFF_PASSWORD })).toMatchObject({ state: 'signed_in', locked: false });
    expect((await chen.output('moderation:queue', {})).rows.length).toBeGreaterThan(0);
    // The session from before the lock is over: its tokens are revoked, a new family took over.
    const familiesAfter = sandbox.db.prepare("SELECT DISTINCT family FROM tokens WHERE staff_id = 'stf_0001' AND revoked_at IS NULL").all() as { family: string }[];
    expect(familiesAfter.some((f) => familiesBefore.some((b) => b.family === f.family))).toBe(false);
    expect(familiesAfter.length).toBeGreaterThan(0);
    const actions = (await dpo.output('audit:events', { staffId: 'stf_0001', limit: 500 })).events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['console.lock', 'auth.login_failed', 'console.unlock']));
  });
});

describe('a tampered trail', () => {
  it('is reported at the first broken link, with the reason', async () => {
    // An attacker with the database: the append-only trigger goes first, then a row is edited.
    sandbox.db.exec('DROP TRIGGER IF EXISTS audit_events_never_rewritten');
    sandbox.db.prepare("UPDATE audit_events SET detail = '{}' WHERE seq = 7").run();
    expect(await dpo.output('audit:verify', {})).toMatchObject({ intact: false, firstBroken: { seq: 7, reason: 'hash_mismatch' } });
    const row = sandbox.db.prepare('SELECT hash FROM audit_events WHERE seq = 4').get() as { hash: string };
    sandbox.db.prepare('UPDATE audit_events SET prev_hash = ? WHERE seq = 5').run('f'.repeat(64));
    expect(await dpo.output('audit:verify', {})).toMatchObject({ intact: false, firstBroken: { seq: 5, reason: 'prev_mismatch' } });
    sandbox.db.prepare('UPDATE audit_events SET prev_hash = ? WHERE seq = 5').run(row.hash);
    sandbox.db.exec('DROP TRIGGER IF EXISTS audit_events_kept_three_years');
    sandbox.db.prepare('DELETE FROM audit_events WHERE seq = 3').run();
    expect(await dpo.output('audit:verify', {})).toMatchObject({ intact: false, firstBroken: { seq: 3, reason: 'gap' } });
  });
});
