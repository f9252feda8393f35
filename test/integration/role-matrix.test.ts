import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, ipcChannels, type ChannelName, type InvokeResult } from '../../shared/ipc/contract';
import { roles, roleScopes, type Role } from '../../shared/platform/roles';
import { CoreEvents } from '../../electron/core/core-events';
import { asDeskError, DeskFailure } from '../../electron/core/errors';
import { createHandlers, type HandlerTable } from '../../electron/core/handlers';
import { defaultCalendarDir, loadWorkingCalendar } from '../../electron/core/rights/holiday-calendar';
import { SessionManager } from '../../electron/core/session/session-manager';
import { keychainVault } from '../../electron/core/vault/credential-vault';
import { routeInvocation, type SessionGate } from '../../electron/main/ipc-router';
import { validInput } from '../fixtures/channel-inputs';
import { startRecordingProxy } from '../fixtures/recording-proxy';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../fixtures/sandbox';
import { waitFor } from '../fixtures/wait';

/**
 * Every role against every channel, twice: through the main router (the contract's roles), and
 * straight into the core's handler table as if the router had been bypassed, where the platform
 * is the one to refuse (its scopes) or the cache has nothing for the role to see.
 */
const usernames: Record<Role, string> = {
  moderator: 'mod.chen',
  senior_moderator: 'senior.wang',
  cs_agent: 'cs.zhao',
  legal: 'legal.liu',
  dpo: 'dpo.zhou',
};

const platformDir = temporaryFolder();
let sandbox: RunningSandbox;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

interface DirectCore {
  role: Role;
  session: SessionManager;
  handlers: HandlerTable;
  dataDir: string;
  close(): Promise<void>;
}
const cores = new Map<Role, DirectCore>();

/** A real core's parts, wired as desk-core.ts wires them, but with the handler table in our hands. */
async function directCore(role: Role): Promise<DirectCore> {
  const data = temporaryFolder('desk-matrix-');
  const log = () => undefined;
  const session = new SessionManager({
    dataDir: data.path,
    defaultPlatformUrl: proxy.url,
    demoAccounts: null,
    vault: keychainVault(`cn.xuntong.desk.test.${randomUUID()}`),
    events: new CoreEvents(),
    // Quiet in the background: the calls the matrix watches are its own.
    pollMs: 600_000,
    log,
  });
  const handlers = createHandlers({
    session,
    calendar: loadWorkingCalendar(defaultCalendarDir(), log),
    fetchImage: () => Promise.reject(new DeskFailure('not_found', 'no images in this test')),
    dataDir: data.path,
    log,
  });
  await session.signIn({ username: usernames[role], password: TEST_STAFF_PASSWORD });
  await waitFor(() => session.workspace().sync.current().lastSyncedAt, `${role}'s first sync`, 40_000);
  return {
    role,
    session,
    handlers,
    dataDir: data.path,
    close: async () => {
      await session.close();
      data.remove();
    },
  };
}

const one = <T>(sql: string) => sandbox.db.prepare(sql).get() as T;

/** The fixture's placeholder ids, swapped for records the sandbox really has, so a refusal is about the role and not a missing record. */
function realInputs(): Record<ChannelName, unknown> {
  const listings = sandbox.db.prepare('SELECT id FROM listings ORDER BY id LIMIT 2').all() as { id: string }[];
  const users = sandbox.db.prepare("SELECT id FROM users WHERE status = 'active' ORDER BY id LIMIT 2").all() as { id: string }[];
  const ids: Record<string, string | undefined> = {
    'L-1': listings[0]!.id,
    'L-2': listings[1]!.id,
    'U-1': users[0]!.id,
    'U-2': users[1]!.id,
    'T-1': one<{ id: string } | undefined>('SELECT id FROM rights_tickets ORDER BY id LIMIT 1')?.id,
    'D-1': one<{ id: string } | undefined>('SELECT id FROM disclosures ORDER BY id LIMIT 1')?.id,
    'H-1': one<{ id: string } | undefined>('SELECT id FROM legal_holds ORDER BY id LIMIT 1')?.id,
    'F-1': one<{ id: string } | undefined>('SELECT id FROM register_files ORDER BY id LIMIT 1')?.id,
    'A-1': one<{ id: string } | undefined>('SELECT id FROM appeals ORDER BY id LIMIT 1')?.id,
    'PT-1': one<{ id: string } | undefined>('SELECT id FROM processor_tasks ORDER BY id LIMIT 1')?.id,
  };
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return ids[value] ?? value;
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  return Object.fromEntries(channelNames.map((c) => [c, swap(validInput[c])])) as Record<ChannelName, unknown>;
}

/**
 * Channels that answer a refusal as part of their result rather than as an error: a release
 * that released nothing, a group action whose every member was refused.
 */
const refusedAnswer: Partial<Record<ChannelName, unknown>> = {
  'moderation:release': { ok: true, output: { released: false } },
  'accounts:actGroup': {
    ok: true,
    output: {
      groupId: expect.any(String),
      results: [
        { userId: expect.any(String), outcome: 'refused', error: expect.objectContaining({ code: 'forbidden_scope' }) },
        { userId: expect.any(String), outcome: 'refused', error: expect.objectContaining({ code: 'forbidden_scope' }) },
      ],
    },
  },
};

const mayCall = (channel: ChannelName, role: Role) => {
  const access = ipcChannels[channel].access;
  return access === 'anyone' || access === 'signed_in' || access.includes(role);
};

/** Ids of records a role may not see, to look for in whatever a bypassing call returns. */
function hiddenFrom(role: Role): string[] {
  const ids = (sql: string) => (sandbox.db.prepare(sql).all() as { id: string }[]).map((r) => r.id);
  const hidden: string[] = [];
  const scopes = new Set(roleScopes[role]);
  if (!scopes.has('legal:read')) hidden.push(...ids('SELECT id FROM disclosures'), ...ids('SELECT id FROM legal_holds'), ...ids('SELECT id FROM processors'));
  if (!scopes.has('rights:read')) hidden.push(...ids('SELECT id FROM rights_tickets'));
  return hidden;
}

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 120 });
  proxy = await startRecordingProxy(sandbox.url);
  for (const role of roles) cores.set(role, await directCore(role));
}, 180_000);
afterAll(async () => {
  for (const core of cores.values()) await core.close();
  await proxy?.close();
  await sandbox?.close();
  platformDir.remove();
});

describe('the main router refuses each role what the contract does not grant it', () => {
  it.each(roles)('%s', async (role) => {
    const { session } = cores.get(role)!;
    const status = session.status();
    expect(status.staff?.roles).toEqual([role]);
    const gate: SessionGate = { state: status.state, staff: status.staff, locked: false };
    for (const channel of channelNames) {
      const forward = vi.fn(async (): Promise<InvokeResult> => ({ ok: true, output: null }));
      const result = await routeInvocation({ channel, input: validInput[channel], session: gate, forward, senderOk: true });
      if (mayCall(channel, role)) {
        expect(forward, `${role} ${channel}`).toHaveBeenCalledOnce();
      } else {
        expect(result, `${role} ${channel}`).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
        expect(forward, `${role} ${channel}`).not.toHaveBeenCalled();
      }
    }
  });
});

describe('with the router bypassed, the platform or the cache still keeps each role to its own', () => {
  const inputs = () => realInputs();

  it.each(roles)('%s', async (role) => {
    const core = cores.get(role)!;
    const all = inputs();
    const hidden = hiddenFrom(role);
    const phones = (sandbox.db.prepare('SELECT phone FROM users').all() as { phone: string }[]).map((r) => r.phone);
    const outcomes: string[] = [];
    for (const channel of channelNames.filter((c) => !mayCall(c, role))) {
      const input = ipcChannels[channel].input.parse(all[channel]);
      const mark = proxy.mark();
      const handler = core.handlers[channel] as (input: unknown) => unknown;
      let outcome: { ok: true; output: unknown } | { ok: false; code: string };
      try {
        outcome = { ok: true, output: await handler(input) };
      } catch (error) {
        outcome = { ok: false, code: asDeskError(error).code };
      }
      // A decision goes to the outbox first; its delivery is where the platform answers.
      const ws = core.session.workspace();
      if (outcome.ok && channel === 'moderation:decide') {
        ws.outbox.dueNow(new Date());
        await ws.delivery.kick();
        const entry = ws.outbox.visible().find((e) => e.id === (outcome as { output: { id: number } }).output.id);
        outcome = entry?.refusal ? { ok: false, code: entry.refusal.code } : { ok: true, output: entry };
      }
      const reached = proxy.since(mark).filter((x) => !x.path.startsWith('/v1/changes'));
      const label = `${role} → ${channel} (${reached.map((x) => `${x.method} ${x.path.split('?')[0]} ${x.status}`).join(', ') || 'cache only'})`;
      // Whatever the core answers, it shows nothing the role may not see: no hidden record, no full phone.
      const text = outcome.ok ? JSON.stringify(outcome.output) : '';
      for (const id of hidden) expect(text.includes(`"${id}"`), `${label} shows ${id}`).toBe(false);
      for (const phone of phones) expect(text.includes(phone), `${label} shows a full phone`).toBe(false);
      if (reached.length > 0) {
        // The platform was asked: it said no to every request, for want of scope, and the core passed that on
        // (or, for a release, answered that nothing was released).
        for (const x of reached) expect(`${x.status} ${x.responseBody}`, label).toMatch(/^403 .*"forbidden_scope"/);
        expect(outcome, label).toEqual(refusedAnswer[channel] ?? { ok: false, code: 'forbidden_scope' });
        outcomes.push(`${channel}: platform refused`);
      } else {
        // Answered from the cache alone, which holds only what the role may see (checked above and below).
        outcomes.push(`${channel}: ${outcome.ok ? 'cache, nothing hidden' : outcome.code}`);
      }
    }
    // Not vacuous: every role has calls the platform itself turned away.
    expect(outcomes.filter((o) => o.endsWith('platform refused')).length, outcomes.join('\n')).toBeGreaterThan(3);
  });
});

describe('least data in each role’s cache', () => {
  const count = (core: DirectCore, table: string) => (core.session.workspace().replica.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('a moderator’s cache holds no rights tickets, disclosures, legal holds or processors', () => {
    for (const role of ['moderator', 'senior_moderator'] as const) {
      const core = cores.get(role)!;
      expect(count(core, 'listings'), role).toBeGreaterThan(0);
      for (const table of ['rights_tickets', 'disclosures', 'legal_holds', 'processors']) expect(count(core, table), `${role} ${table}`).toBe(0);
    }
  });

  it('a customer-service agent’s cache has tickets but no disclosures', () => {
    const core = cores.get('cs_agent')!;
    expect(count(core, 'rights_tickets')).toBeGreaterThan(0);
    expect(count(core, 'disclosures')).toBe(0);
  });

  it('legal staff and the DPO do get the register, so the counts above are not empty by accident', () => {
    expect(count(cores.get('legal')!, 'disclosures')).toBeGreaterThan(0);
    expect(count(cores.get('dpo')!, 'disclosures')).toBeGreaterThan(0);
  });
});
