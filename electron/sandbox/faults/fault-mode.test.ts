import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from '../../../shared/platform/changes';
import { call, raw, refused, signIn } from '../../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { FaultReport, type FaultPlan } from './fault-plan';

const faultyDir = temporaryFolder();
const plainDir = temporaryFolder();
let faulty: RunningSandbox;
let plain: RunningSandbox;
let token: string;

beforeAll(async () => {
  [faulty, plain] = await Promise.all([
    startTestSandbox(faultyDir.path, { listings: 60, faults: true }),
    startTestSandbox(plainDir.path, { listings: 20 }),
  ]);
  token = (await signIn(faulty.url, 'mod.chen')).accessToken;
});
afterAll(async () => {
  await Promise.all([faulty.close(), plain.close()]);
  faultyDir.remove();
  plainDir.remove();
});

const put = (plan: FaultPlan | Record<string, unknown>) => raw(`${faulty.url}/__faults`, 'PUT', { json: plan });
const report = async () => FaultReport.parse((await raw(`${faulty.url}/__faults`, 'GET')).body);
const changes = (cursor?: string, limit = 5) => call(faulty.url, 'listChanges', { query: { limit, cursor } }, token);

describe('the sandbox fault mode', () => {
  it('does not exist unless the sandbox was started with it', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      refused(await raw(`${plain.url}/__faults`, method, method === 'PUT' ? { json: { http: { share: 1, kinds: ['reset'] } } } : {}), 404, 'not_found');
    }
  });

  it('refuses a bad plan, naming the field', async () => {
    expect(refused(await put({ http: { share: 1.5, kinds: ['reset'] } }), 400, 'validation_failed').path).toBe('body.http.share');
    expect(refused(await put({ feed: { everyNth: 2, kinds: ['melted'] } }), 400, 'validation_failed').path).toBe('body.feed.kinds.0');
    expect(refused(await put({ surprise: true }), 400, 'validation_failed').path).toBe('body');
  });

  it('answers the named endpoints with each kind of fault, and counts them', async () => {
    const expectations: [FaultPlan, (answer: Response | Error, ms: number) => void][] = [
      [{ http: { share: 1, kinds: ['status_500'], endpoints: ['listChanges'] } }, (a) => expect((a as Response).status).toBe(500)],
      [{ http: { share: 1, kinds: ['status_503'], endpoints: ['listChanges'] } }, (a) => expect((a as Response).status).toBe(503)],
      [
        { http: { share: 1, kinds: ['rate_limited'], retryAfterSeconds: 7, endpoints: ['listChanges'] } },
        (a) => {
          expect((a as Response).status).toBe(429);
          expect((a as Response).headers.get('retry-after')).toBe('7');
        },
      ],
      [{ http: { share: 1, kinds: ['reset'], endpoints: ['listChanges'] } }, (a) => expect(a).toBeInstanceOf(Error)],
      [
        { http: { share: 1, kinds: ['slow'], slowMs: 300, endpoints: ['listChanges'] } },
        (a, ms) => {
          expect((a as Response).status).toBe(200);
          expect(ms).toBeGreaterThanOrEqual(290);
        },
      ],
    ];
    for (const [plan, check] of expectations) {
      expect((await put(plan)).status).toBe(200);
      const started = Date.now();
      const answer = await fetch(`${faulty.url}/v1/changes?limit=2`, { headers: { authorization: `Bearer ${token}` } }).catch((e: Error) => e);
      check(answer, Date.now() - started);
      if (answer instanceof Response) await answer.text();
      // Endpoints the plan does not name are served as usual.
      expect((await call(faulty.url, 'me', {}, token)).status).toBe(200);
      const counted = await report();
      expect(counted.http[plan.http!.kinds[0]!]).toBe(1);
      expect(counted.requests).toBe(2);
    }
    await raw(`${faulty.url}/__faults`, 'DELETE');
    expect((await changes()).status).toBe(200);
    expect((await report()).plan).toBeNull();
  });

  it('fails a seeded share of requests, the same ones for the same seed', async () => {
    const run = async () => {
      await put({ seed: 42, http: { share: 0.3, kinds: ['status_500', 'status_503'] } });
      const statuses: number[] = [];
      for (let i = 0; i < 60; i += 1) statuses.push((await call(faulty.url, 'me', {}, token)).status);
      return statuses;
    };
    const first = await run();
    const failed = first.filter((s) => s >= 500).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(30);
    expect(await run()).toEqual(first);
    const counted = await report();
    expect(counted.http.status_500 + counted.http.status_503).toBe(failed);
    await raw(`${faulty.url}/__faults`, 'DELETE');
  });

  it('records how long a rate-limited call waited before the same call came back', async () => {
    await put({ http: { share: 1, kinds: ['rate_limited'], retryAfterSeconds: 0, endpoints: ['listChanges'] } });
    refused(await changes(undefined, 3), 429, 'rate_limited');
    refused(await changes(undefined, 4), 429, 'rate_limited');
    expect((await report()).retriesAfterRateLimit).toEqual([]);
    refused(await changes(undefined, 3), 429, 'rate_limited');
    const retries = (await report()).retriesAfterRateLimit!;
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ endpoint: 'listChanges', retryAfterMs: 0 });
    expect(retries[0]!.waitedMs).toBeGreaterThanOrEqual(0);
    await raw(`${faulty.url}/__faults`, 'DELETE');
  });

  it('corrupts every n-th feed record in each way in turn, keeping its entity type and id', async () => {
    type Page = { changes: { entityType: string; id: string; record: Record<string, unknown> }[] };
    const page = async () => {
      const response = await fetch(`${faulty.url}/v1/changes?limit=10`, { headers: { authorization: `Bearer ${token}` } });
      return response.text();
    };
    const clean = (JSON.parse(await page()) as Page).changes;
    await put({ feed: { everyNth: 2, kinds: ['wrong_type', 'missing_field', 'oversized_text', 'lone_surrogate', 'unknown_enum'] } });
    const text = await page();
    // The unpaired surrogate crosses the wire as an escape, not as a replacement character.
    expect(text).toContain('\\ud800');
    const sent = (JSON.parse(text) as Page).changes;
    // An unpaired surrogate is still a string to the contract's schema: catching it is the console's job.
    expect(sent.map((c) => Change.safeParse(c).success)).toEqual([true, false, true, false, true, false, true, true, true, false]);
    const corrupted = sent.filter((_, i) => i % 2 === 1);
    const originals = clean.filter((_, i) => i % 2 === 1);
    corrupted.forEach((bad, i) => {
      expect([bad.entityType, bad.id, bad.record.id]).toEqual([originals[i]!.entityType, originals[i]!.id, originals[i]!.id]);
    });
    const keys = (i: number) => Object.keys(originals[i]!.record);
    const [wrongType, missing, oversized, surrogate, unknown] = corrupted.map((c) => c.record);
    expect(keys(0).some((k) => typeof wrongType![k] !== typeof originals[0]!.record[k])).toBe(true);
    expect(keys(1).some((k) => !(k in missing!))).toBe(true);
    expect(Object.values(oversized!).some((v) => typeof v === 'string' && v.length === 100_000)).toBe(true);
    expect(Object.values(surrogate!).some((v) => typeof v === 'string' && v.includes('\uD800'))).toBe(true);
    expect(unknown!.status).toBe('teleported');
    expect((await report()).feed).toEqual({ wrong_type: 1, missing_field: 1, oversized_text: 1, lone_surrogate: 1, unknown_enum: 1 });
    await raw(`${faulty.url}/__faults`, 'DELETE');
  });

  it('answers the next change-feed request, whatever its cursor, with cursor_reset, once', async () => {
    await put({ cursorResetOnce: true });
    refused(await changes(), 410, 'cursor_reset');
    expect((await changes()).status).toBe(200);
    expect((await report()).cursorResets).toBe(1);
    await raw(`${faulty.url}/__faults`, 'DELETE');
  });
});
