import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from '../../shared/platform/changes';
import { platformContract, type EndpointName } from '../../shared/platform/contract';
import { Disclosure } from '../../shared/platform/disclosure-entities';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';

const folder = temporaryFolder();
let sandbox: RunningSandbox;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path);
  for (const username of ['legal.liu', 'legal.huang', 'dpo.zhou', 'cs.zhao', 'mod.chen', 'senior.wang']) tokens[username] = (await signIn(sandbox.url, username)).accessToken;
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

async function disclosuresSeenBy(username: string): Promise<Disclosure[]> {
  const seen: Disclosure[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = ok(await call(sandbox.url, 'listChanges', { query: { cursor, limit: 1000 } }, tokens[username]));
    for (const change of page.changes.map((c) => Change.parse(c))) if (change.entityType === 'disclosure') seen.push(change.record!);
    cursor = page.nextCursor;
    if (!page.hasMore) return seen;
  }
}

const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

describe('the seeded register', () => {
  it('reaches legal staff through the feed, parses as Disclosure and covers every quarter of 2026', async () => {
    const register = await disclosuresSeenBy('legal.liu');
    expect(register.length).toBeGreaterThanOrEqual(10);
    expect(register.length).toBeLessThanOrEqual(14);
    for (const d of register) Disclosure.parse(d);
    const quarters = new Set(register.map((d) => d.request.receivedAt).filter((at) => at.startsWith('2026')).map(quarterOf));
    expect(quarters).toEqual(new Set(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']));
    expect(register.every((d) => d.approval === null || d.approval.staffId !== d.preparedBy)).toBe(true);
  });

  it('keeps files whose download matches their registered SHA-256', async () => {
    const register = await disclosuresSeenBy('legal.huang');
    const files = register.flatMap((d) => [d.scan, ...(d.production?.files ?? [])]).slice(0, 6);
    for (const f of files) {
      const read = ok(await call(sandbox.url, 'getRegisterFile', { params: { fileId: f.id } }, tokens['legal.huang']));
      expect(read.sha256).toBe(f.sha256);
      expect(createHash('sha256').update(Buffer.from(read.contentBase64, 'base64')).digest('hex')).toBe(f.sha256);
    }
  });
});

describe('who sees the legal area', () => {
  it('gives the register’s feed to legal staff and the DPO (legal:read), to nobody else', async () => {
    expect((await disclosuresSeenBy('legal.huang')).length).toBeGreaterThan(0);
    expect((await disclosuresSeenBy('dpo.zhou')).length).toBeGreaterThan(0);
    for (const username of ['cs.zhao', 'mod.chen', 'senior.wang']) expect(await disclosuresSeenBy(username), username).toEqual([]);
  });

  it('lets the DPO read holds, processors and register files', async () => {
    const dpo = tokens['dpo.zhou'];
    expect(ok(await call(sandbox.url, 'listLegalHolds', { query: {} }, dpo)).holds.length).toBeGreaterThan(0);
    expect(ok(await call(sandbox.url, 'listProcessors', {}, dpo)).processors.length).toBeGreaterThan(0);
    const scan = (await disclosuresSeenBy('dpo.zhou'))[0]!.scan;
    expect(ok(await call(sandbox.url, 'getRegisterFile', { params: { fileId: scan.id } }, dpo)).sha256).toBe(scan.sha256);
  });

  it('refuses every legal:write endpoint to the DPO, customer service and moderators', async () => {
    const writes = (Object.keys(platformContract) as EndpointName[]).filter((name) => {
      const access = platformContract[name].access;
      return access.kind === 'scope' && access.scope === 'legal:write';
    });
    expect(writes.sort()).toEqual(
      ['amendDisclosure', 'approveDisclosure', 'closeDisclosure', 'createDisclosure', 'liftHold', 'placeHold', 'recordProduction', 'recordUserNotification', 'renewHold', 'saveProcessor'].sort(),
    );
    const params = { disclosureId: 'ld_seed_0001', holdId: 'hold_0001' };
    for (const username of ['dpo.zhou', 'cs.zhao', 'mod.chen', 'senior.wang']) {
      for (const name of writes) refused(await call(sandbox.url, name, { params, body: {} } as never, tokens[username]), 403, 'forbidden_scope');
    }
    for (const username of ['cs.zhao', 'mod.chen', 'senior.wang']) {
      refused(await call(sandbox.url, 'listLegalHolds', { query: {} }, tokens[username]), 403, 'forbidden_scope');
      refused(await call(sandbox.url, 'getRegisterFile', { params: { fileId: 'rf_seed_0001_scan' } }, tokens[username]), 403, 'forbidden_scope');
    }
    // Nothing was written: the only legal events are the file reads of the tests above.
    expect(sandbox.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action LIKE 'legal.%' AND action <> 'legal.file.read'").get()).toEqual({ n: 0 });
  });
});
