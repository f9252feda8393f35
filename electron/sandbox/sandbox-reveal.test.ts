import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHashInput, GENESIS_HASH } from '../../shared/audit-chain';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder } from '../../test/fixtures/sandbox';
import type { RunningSandbox } from './server';

const folder = temporaryFolder();
let sandbox: RunningSandbox;
let chen: { accessToken: string; staff: { id: string } };
let dpo: string;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path);
  chen = await signIn(sandbox.url, 'mod.chen');
  dpo = (await signIn(sandbox.url, 'dpo.zhou')).accessToken;
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

const someListing = () => sandbox.db.prepare('SELECT id, contact_phone FROM listings LIMIT 1').get() as { id: string; contact_phone: string };

describe('reveal', () => {
  it('needs a reason of a few characters', async () => {
    const { id } = someListing();
    const base = { subjectType: 'listing' as const, subjectId: id, field: 'phone' as const };
    const missing = refused(await call(sandbox.url, 'revealPii', { body: base as never }, chen.accessToken), 400, 'validation_failed');
    expect(missing.path).toBe('body.reason');
    const blank = refused(await call(sandbox.url, 'revealPii', { body: { ...base, reason: '   ' } }, chen.accessToken), 400, 'validation_failed');
    expect(blank.path).toBe('body.reason');
  });

  it('returns the full number, whose masked form the feed carries, and audits who, when and why', async () => {
    const { id, contact_phone } = someListing();
    const listing = ok(await call(sandbox.url, 'getListing', { params: { listingId: id } }, chen.accessToken));
    const revealed = ok(
      await call(sandbox.url, 'revealPii', { body: { subjectType: 'listing', subjectId: id, field: 'phone', reason: '核实举报:疑似诈骗' } }, chen.accessToken),
    );
    expect(revealed.value).toBe(contact_phone);
    expect(listing.contactPhoneMasked).toBe(`${contact_phone.slice(0, 3)}****${contact_phone.slice(-4)}`);
    const { events } = ok(await call(sandbox.url, 'listAuditEvents', { query: { action: 'pii.reveal' } }, dpo));
    const event = events.find((e) => e.seq === revealed.auditSeq);
    expect(event).toMatchObject({
      staffId: chen.staff.id,
      subject: `listing:${id}`,
      at: revealed.revealedAt,
      detail: { field: 'phone', reason: '核实举报:疑似诈骗' },
    });
    expect(JSON.stringify(events)).not.toContain(contact_phone);
  });

  it('is refused to a role without the scope', async () => {
    const { id } = someListing();
    refused(await call(sandbox.url, 'revealPii', { body: { subjectType: 'listing', subjectId: id, field: 'phone', reason: '想看看号码' } }, dpo), 403, 'forbidden_scope');
  });
});

describe('audit trail', () => {
  it('chains every event to the one before it', async () => {
    const { events } = ok(await call(sandbox.url, 'listAuditEvents', { query: { limit: 1000 } }, dpo));
    expect(events.length).toBeGreaterThanOrEqual(3);
    let previous = GENESIS_HASH;
    for (const event of events) {
      expect(event.prevHash).toBe(previous);
      expect(createHash('sha256').update(auditHashInput(event)).digest('hex')).toBe(event.hash);
      previous = event.hash;
    }
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'pii.reveal']));
  });
});
