import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../shared/platform/entities';
import { call, ok, raw, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder } from '../../test/fixtures/sandbox';
import type { RunningSandbox } from './server';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
let chen: string;
let lin: string;
let pendingIds: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { now: () => clock.now, settings: { claimTtlSeconds: 600, accessTtlSeconds: 24 * 3600 } });
  chen = (await signIn(sandbox.url, 'mod.chen')).accessToken;
  lin = (await signIn(sandbox.url, 'mod.lin')).accessToken;
  pendingIds = (sandbox.db.prepare("SELECT id FROM listings WHERE status = 'pending' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

let next = 0;
const takePending = () => pendingIds[next++]!;
const listing = async (id: string): Promise<Listing> => ok(await call(sandbox.url, 'getListing', { params: { listingId: id } }, chen));
const decisionsOn = async (id: string) => ok(await call(sandbox.url, 'listDecisions', { query: { listingId: id } }, chen)).decisions;

describe('claims', () => {
  it('lets one moderator hold a listing and names the holder to the other', async () => {
    const id = takePending();
    const [claim] = ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [id] } }, chen)).claims;
    expect(claim).toMatchObject({ listingId: id, holder: { displayName: '陈晓峰' }, expiresAt: '2026-11-20T09:10:00.000Z' });
    const conflict = refused(await call(sandbox.url, 'createClaims', { body: { listingIds: [id] } }, lin), 409, 'claim_conflict');
    expect(conflict.conflict?.holder).toMatchObject({ displayName: '陈晓峰', expiresAt: claim!.expiresAt });
  });

  it('claims all or none', async () => {
    const held = takePending();
    const free = takePending();
    ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [held] } }, chen));
    refused(await call(sandbox.url, 'createClaims', { body: { listingIds: [free, held] } }, lin), 409, 'claim_conflict');
    const claims = ok(await call(sandbox.url, 'listClaims', {}, chen)).claims;
    expect(claims.find((c) => c.listingId === free)).toBeUndefined();
  });

  it('renews for the holder only, releases, and lets an expired lease go', async () => {
    const id = takePending();
    ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [id] } }, chen));
    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    const renewed = ok(await call(sandbox.url, 'renewClaim', { params: { listingId: id } }, chen));
    expect(renewed.expiresAt).toBe(new Date(clock.now.getTime() + 600_000).toISOString());
    refused(await call(sandbox.url, 'renewClaim', { params: { listingId: id } }, lin), 409, 'claim_conflict');
    expect(ok(await call(sandbox.url, 'releaseClaim', { params: { listingId: id } }, chen))).toEqual({ released: true });
    refused(await call(sandbox.url, 'renewClaim', { params: { listingId: id } }, chen), 409, 'claim_not_held');
    ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [id] } }, lin));
    clock.now = new Date(clock.now.getTime() + 11 * 60_000);
    const taken = ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [id] } }, chen)).claims[0];
    expect(taken?.holder.displayName).toBe('陈晓峰');
  });

  it('answers not_found for a listing that does not exist', async () => {
    refused(await call(sandbox.url, 'createClaims', { body: { listingIds: ['lst_missing'] } }, chen), 404, 'not_found');
  });
});

describe('decisions', () => {
  it('acts once for one idempotency key, however often it is sent', async () => {
    const id = takePending();
    const before = await listing(id);
    const body = { idempotencyKey: 'key-reject-0001', listingId: id, action: 'reject' as const, reasonCode: 'fraud_deposit', note: '要求先付定金', basedOnVersion: before.version };
    const first = ok(await call(sandbox.url, 'decide', { body }, chen));
    const again = ok(await call(sandbox.url, 'decide', { body }, chen));
    expect(again.decision.id).toBe(first.decision.id);
    expect(await decisionsOn(id)).toHaveLength(1);
    expect(await listing(id)).toMatchObject({ status: 'rejected', version: before.version + 1 });
    const reused = refused(await call(sandbox.url, 'decide', { body: { ...body, action: 'approve' } }, chen), 422, 'idempotency_key_reused');
    expect(reused.path).toBe('body.idempotencyKey');
  });

  it('refuses a decision on a stale version with the current state', async () => {
    const id = takePending();
    const { version } = await listing(id);
    ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-esc-0001', listingId: id, action: 'escalate', reasonCode: 'unsure', basedOnVersion: version } }, chen));
    const stale = refused(
      await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-stale-0001', listingId: id, action: 'approve', basedOnVersion: version } }, lin),
      409,
      'stale_version',
    );
    expect(stale.conflict?.listing).toMatchObject({ id, version: version + 1, escalated: true });
    expect(stale.conflict?.lastDecision).toMatchObject({ action: 'escalate', staffName: '陈晓峰' });
    // The refusal is the key's final answer, so a retry of it gets the same one.
    refused(
      await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-stale-0001', listingId: id, action: 'approve', basedOnVersion: version } }, lin),
      409,
      'stale_version',
    );
  });

  it('refuses to decide twice and names who decided first', async () => {
    const id = takePending();
    const { version } = await listing(id);
    ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-approve-0002', listingId: id, action: 'approve', basedOnVersion: version } }, chen));
    const twice = refused(
      await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-reject-0002', listingId: id, action: 'reject', reasonCode: 'spam', basedOnVersion: version + 1 } }, lin),
      409,
      'already_decided',
    );
    expect(twice.conflict?.lastDecision).toMatchObject({ action: 'approve', staffName: '陈晓峰' });
  });

  it('leaves an escalated listing to a senior moderator', async () => {
    const id = takePending();
    const { version } = await listing(id);
    ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-esc-0003', listingId: id, action: 'escalate', reasonCode: 'unsure', basedOnVersion: version } }, chen));
    refused(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-app-0003', listingId: id, action: 'approve', basedOnVersion: version + 1 } }, lin), 403, 'forbidden_scope');
    const senior = (await signIn(sandbox.url, 'senior.wang')).accessToken;
    const done = ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-app-0004', listingId: id, action: 'approve', basedOnVersion: version + 1 } }, senior));
    expect(done.listing).toMatchObject({ status: 'published', escalated: false });
  });

  it('refuses while another moderator holds the claim', async () => {
    const id = takePending();
    const { version } = await listing(id);
    ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [id] } }, lin));
    refused(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-claim-0005', listingId: id, action: 'approve', basedOnVersion: version } }, chen), 409, 'claim_conflict');
    ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'key-claim-0006', listingId: id, action: 'approve', basedOnVersion: version } }, lin));
    // Deciding ends the decider's claim.
    expect(ok(await call(sandbox.url, 'listClaims', {}, lin)).claims.find((c) => c.listingId === id)).toBeUndefined();
  });
});

describe('malformed requests', () => {
  it('answers 400 with the field path and changes nothing', async () => {
    const id = takePending();
    const before = await listing(id);
    const cases: [unknown, string][] = [
      [{ idempotencyKey: 'key-bad-0001', listingId: id, action: 'approve', basedOnVersion: String(before.version) }, 'body.basedOnVersion'],
      [{ idempotencyKey: 'key-bad-0002', listingId: id, action: 'delete_everything', basedOnVersion: before.version }, 'body.action'],
      [{ idempotencyKey: 'key-bad-0003', listingId: id, action: 'reject', basedOnVersion: before.version }, 'body.reasonCode'],
      [{ idempotencyKey: 'short', listingId: id, action: 'approve', basedOnVersion: before.version }, 'body.idempotencyKey'],
      [{ listingId: id, action: 'approve', basedOnVersion: before.version }, 'body.idempotencyKey'],
    ];
    for (const [body, path] of cases) {
      const answer = await raw(`${sandbox.url}/v1/moderation/decisions`, 'POST', { json: body, token: chen });
      expect(refused(answer, 400, 'validation_failed').path).toBe(path);
    }
    expect(refused(await raw(`${sandbox.url}/v1/moderation/decisions`, 'POST', { text: '{"listingId": ', token: chen }), 400, 'validation_failed').path).toBe('body');
    expect(refused(await raw(`${sandbox.url}/v1/moderation/claims`, 'POST', { json: { listingIds: 'lst_1' }, token: chen }), 400, 'validation_failed').path).toBe('body.listingIds');
    expect(refused(await raw(`${sandbox.url}/v1/changes?limit=lots`, 'GET', { token: chen }), 400, 'validation_failed').path).toBe('query.limit');
    refused(await raw(`${sandbox.url}/v1/moderation/claims`, 'POST', { text: JSON.stringify({ listingIds: ['x'.repeat(1_100_000)] }), token: chen }), 413, 'payload_too_large');
    expect(await listing(id)).toEqual(before);
    expect(await decisionsOn(id)).toEqual([]);
  });
});
