import { describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames, ipcChannels, type ChannelName, type InvokeResult } from '../../shared/ipc/contract';
import type { SessionStatus } from '../../shared/ipc/views';
import { roles, type Role } from '../../shared/platform/roles';
import {
  IpcRouter,
  isTrustedSender,
  relayCoreEvent,
  routeInvocation,
  signedOut,
  type IpcMainLike,
  type SenderEvent,
  type SessionGate,
  type TrustedWindow,
} from './ipc-router';
import { isAppUrl } from './navigation-guard';
import { validInput } from '../../test/fixtures/channel-inputs';
import { channelsWhileLocked } from '../../shared/ipc/governance-views';

const staffWith = (...staffRoles: Role[]): SessionGate => ({
  state: 'signed_in',
  staff: { id: 's-1', username: 'zhang.wei', displayName: '张伟', roles: staffRoles },
});
const statusOf = (gate: SessionGate): SessionStatus => ({ ...gate, locked: gate.locked ?? false, platformUrl: 'http://127.0.0.1:4780', lastSignInAt: null, demo: null });

const okForward = () => vi.fn(async (channel: ChannelName, input: unknown): Promise<InvokeResult> => ({ ok: true, output: { channel, input } }));
const everyRole = staffWith(...roles);

async function route(channel: string, input: unknown, session: SessionGate = everyRole, forward = okForward(), senderOk = true) {
  const result = await routeInvocation({ channel, input, session, forward, senderOk });
  return { result, forward };
}

describe('routeInvocation', () => {
  it('covers every channel of the contract in these tests', () => {
    expect(Object.keys(validInput).sort()).toEqual([...channelNames].sort());
  });

  it.each(channelNames)('forwards a good call on %s with the parsed input and returns the core’s answer', async (channel) => {
    const { result, forward } = await route(channel, validInput[channel]);
    expect(forward).toHaveBeenCalledOnce();
    expect(forward.mock.calls[0]![0]).toBe(channel);
    expect(result).toEqual({ ok: true, output: { channel, input: forward.mock.calls[0]![1] } });
  });

  it('forwards parsed input, defaults filled in', async () => {
    const { forward } = await route('moderation:queue', {});
    expect(forward).toHaveBeenCalledWith('moderation:queue', { queue: 'pending', sort: 'oldest', offset: 0, limit: 200 });
    const decide = await route('moderation:decide', { listingId: 'L-1', action: 'approve', reasonCode: null, basedOnVersion: 1 });
    expect(decide.forward).toHaveBeenCalledWith('moderation:decide', { listingId: 'L-1', action: 'approve', reasonCode: null, note: '', notice: '', basedOnVersion: 1 });
  });

  it('passes the core’s refusals through untouched', async () => {
    const refusal: InvokeResult = { ok: false, error: { code: 'stale_version', message: 'listing changed', path: 'body.basedOnVersion' } };
    const { result } = await route('moderation:decide', validInput['moderation:decide'], everyRole, vi.fn(async () => refusal));
    expect(result).toEqual(refusal);
  });

  describe('refuses a foreign sender before anything else', () => {
    it.each(channelNames)('%s', async (channel) => {
      const { result, forward } = await route(channel, validInput[channel], everyRole, okForward(), false);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(forward).not.toHaveBeenCalled();
    });

    it('even for unknown channels and bad input, so it learns nothing', async () => {
      expect((await route('vault:dump', 42, signedOut, okForward(), false)).result).toMatchObject({ error: { code: 'forbidden_sender' } });
    });
  });

  it.each(['vault:read', 'desk:session:status', 'session:Status', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'session:status ', 'core:dispatch'])(
    'refuses the unknown channel %j',
    async (channel) => {
      const { result, forward } = await route(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      expect(forward).not.toHaveBeenCalled();
    },
  );

  describe('refuses callers without standing', () => {
    const accessOf = (channel: ChannelName) => ipcChannels[channel].access;
    const gated = channelNames.filter((c) => accessOf(c) !== 'anyone');
    const open = channelNames.filter((c) => accessOf(c) === 'anyone');

    it('lets anyone reach the sign-in channels only', () => {
      expect(open.sort()).toEqual(['session:signIn', 'session:status']);
    });

    it.each(gated)('not_signed_in for %s when nobody is signed in', async (channel) => {
      const { result, forward } = await route(channel, validInput[channel], signedOut);
      expect(result).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(forward).not.toHaveBeenCalled();
    });

    it('treats a signed-in state without a staff profile as signed out', async () => {
      const { result } = await route('sync:status', {}, { state: 'signed_in', staff: null });
      expect(result).toMatchObject({ error: { code: 'not_signed_in' } });
    });

    it.each(open)('%s works signed out', async (channel) => {
      const { result } = await route(channel, validInput[channel], signedOut);
      expect(result.ok).toBe(true);
    });

    const cases = channelNames.flatMap((channel) => roles.map((role) => [channel, role] as const));
    it.each(cases)('%s as %s: allowed exactly when the contract lists the role', async (channel, role) => {
      const access = accessOf(channel);
      const allowed = access === 'anyone' || access === 'signed_in' || access.includes(role);
      const { result, forward } = await route(channel, validInput[channel], staffWith(role));
      if (allowed) {
        expect(result.ok).toBe(true);
        expect(forward).toHaveBeenCalledOnce();
      } else {
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
        expect(forward).not.toHaveBeenCalled();
      }
    });

    it('keeps moderation to moderators and senior moderators', async () => {
      for (const role of ['cs_agent', 'legal', 'dpo'] as const) {
        for (const channel of ['moderation:queue', 'moderation:listing', 'moderation:decide'] as const) {
          expect((await route(channel, validInput[channel], staffWith(role))).result, `${channel} ${role}`).toMatchObject({ error: { code: 'forbidden_role' } });
        }
      }
      expect((await route('moderation:decide', validInput['moderation:decide'], staffWith('dpo', 'senior_moderator'))).result.ok).toBe(true);
    });
  });

  describe('refuses bad input with the field path', () => {
    const bad: [ChannelName, unknown, string][] = [
      // Not an object at all.
      ['session:status', 'x', 'input'],
      ['sync:now', 42, 'input'],
      ['outbox:list', [], 'input'],
      ['moderation:queue', true, 'input'],
      ['session:signIn', null, 'input.username'],
      ['session:signIn', undefined, 'input.username'],
      // Keys the contract does not know (every input is strict).
      ['session:status', { extra: 1 }, 'input'],
      ['sync:status', { __proto__: null, admin: true }, 'input'],
      ['media:image', { path: '/media/a.jpg', url: 'https://evil.example' }, 'input'],
      ['session:signIn', { username: 'a', password: 'b', role: 'dpo' }, 'input'],
      // Missing, wrong type, out of range, wrong enum, malformed.
      ['session:signIn', { password: 'pw' }, 'input.username'],
      ['session:signIn', { username: '   ', password: 'pw' }, 'input.username'],
      ['session:signIn', { username: 'x'.repeat(65), password: 'pw' }, 'input.username'],
      ['session:signIn', { username: 'a', password: '' }, 'input.password'],
      ['session:signIn', { username: 'a', password: 'p'.repeat(257) }, 'input.password'],
      ['session:signIn', { username: 'a', password: 'pw', platformUrl: 'file:///etc/passwd' }, 'input.platformUrl'],
      ['session:signIn', { username: 'a', password: 'pw', platformUrl: 'javascript:alert(1)' }, 'input.platformUrl'],
      ['session:signIn', { username: 7, password: 'pw' }, 'input.username'],
      ['session:signOut', { undelivered: 'drop_them' }, 'input.undelivered'],
      ['moderation:queue', { limit: 0 }, 'input.limit'],
      ['moderation:queue', { limit: 1001 }, 'input.limit'],
      ['moderation:queue', { offset: -1 }, 'input.offset'],
      ['moderation:queue', { offset: 1.5 }, 'input.offset'],
      ['moderation:queue', { category: 'weapons' }, 'input.category'],
      ['moderation:queue', { sort: 'random' }, 'input.sort'],
      ['moderation:queue', { district: '区'.repeat(21) }, 'input.district'],
      ['moderation:listing', {}, 'input.listingId'],
      ['moderation:listing', { listingId: '' }, 'input.listingId'],
      ['moderation:listing', { listingId: 'L'.repeat(65) }, 'input.listingId'],
      ['moderation:listing', { listingId: 12 }, 'input.listingId'],
      ['moderation:decide', { ...(validInput['moderation:decide'] as object), action: 'nuke' }, 'input.action'],
      ['moderation:decide', { ...(validInput['moderation:decide'] as object), basedOnVersion: 0 }, 'input.basedOnVersion'],
      ['moderation:decide', { ...(validInput['moderation:decide'] as object), basedOnVersion: '3' }, 'input.basedOnVersion'],
      ['moderation:decide', { ...(validInput['moderation:decide'] as object), basedOnVersion: 2.5 }, 'input.basedOnVersion'],
      ['moderation:decide', { ...(validInput['moderation:decide'] as object), note: 'n'.repeat(2001) }, 'input.note'],
      ['moderation:decide', { listingId: 'L-1', action: 'approve', basedOnVersion: 1 }, 'input.reasonCode'],
      ['moderation:decide', { ...(validInput['moderation:decide'] as object), reasonCode: '' }, 'input.reasonCode'],
      ['outbox:dismiss', { id: 0 }, 'input.id'],
      ['outbox:dismiss', { id: '7' }, 'input.id'],
      ['outbox:dismiss', {}, 'input.id'],
      ['media:image', { path: 'https://evil.example/x.png' }, 'input.path'],
      ['media:image', { path: '/v1/audit/events' }, 'input.path'],
      ['media:image', { path: '/media/a b.jpg' }, 'input.path'],
    ];

    it.each(bad)('%s %j → invalid_input at %s', async (channel, input, path) => {
      const { result, forward } = await route(channel, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path } });
      if (!result.ok) expect(result.error.message).toContain(path);
      expect(forward).not.toHaveBeenCalled();
    });

    it('treats prototype-polluting keys as unknown keys', async () => {
      const input = JSON.parse('{"__proto__": {"admin": true}}');
      const { result } = await route('sync:status', input);
      expect(result).toMatchObject({ error: { code: 'invalid_input' } });
    });
  });

  describe('never lets a core failure out as a stack', () => {
    it('maps a throwing forward to internal', async () => {
      const error = new Error('SQLITE_CORRUPT at /home/zhang/.config/desk/cache.db');
      const { result } = await route('sync:status', {}, everyRole, vi.fn(async () => Promise.reject(error)));
      expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
      expect(JSON.stringify(result)).not.toMatch(/SQLITE|\/home|at /);
    });

    it('maps a synchronously throwing forward to internal', async () => {
      const { result } = await route('sync:status', {}, everyRole, vi.fn(() => {
        throw new TypeError('boom');
      }));
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    });

    it('maps a malformed answer to internal', async () => {
      for (const answer of [undefined, null, 'ok', { ok: 'yes' }, { ok: false, error: { code: 'made_up', message: 'x' } }]) {
        const { result } = await route('sync:status', {}, everyRole, vi.fn(async () => answer as InvokeResult));
        expect(result, JSON.stringify(answer)).toMatchObject({ ok: false, error: { code: 'internal' } });
      }
    });
  });
});

describe('a locked console', () => {
  const locked = (...staffRoles: Role[]): SessionGate => ({ ...staffWith(...staffRoles), locked: true });
  const stillOpen = ['session:signOut', 'session:status', 'session:unlock'];

  it('keeps exactly status, unlock and sign-out', () => {
    expect([...channelsWhileLocked].sort()).toEqual(stillOpen);
  });

  it.each(channelNames.filter((c) => !stillOpen.includes(c)))('refuses %s with console_locked, for every role, without calling the core', async (channel) => {
    for (const role of roles) {
      const { result, forward } = await route(channel, validInput[channel], locked(role));
      expect(result, role).toEqual({ ok: false, error: { code: 'console_locked', message: expect.any(String) } });
      expect(forward).not.toHaveBeenCalled();
    }
  });

  it.each(stillOpen)('still forwards %s', async (channel) => {
    const { result, forward } = await route(channel, validInput[channel as ChannelName], locked('moderator'));
    expect(result.ok).toBe(true);
    expect(forward).toHaveBeenCalledOnce();
  });

  it('refuses before reading the input, so a locked console validates nothing', async () => {
    expect((await route('moderation:decide', { nonsense: true }, locked('moderator'))).result).toMatchObject({ error: { code: 'console_locked' } });
  });

  it('still checks the sender first', async () => {
    const { result } = await route('sync:status', {}, locked('moderator'), okForward(), false);
    expect(result).toMatchObject({ error: { code: 'forbidden_sender' } });
  });

  it('follows lock and unlock from events and from the answers of session:lock and session:unlock', async () => {
    const mainFrame = { url: 'app://desk/index.html', processId: 4, routingId: 1, parent: null };
    const good: SenderEvent = { sender: { id: 9 }, senderFrame: mainFrame };
    let answer: SessionStatus = statusOf(locked('cs_agent'));
    const forward = vi.fn(async (): Promise<InvokeResult> => ({ ok: true, output: answer }));
    const router = new IpcRouter({ forward, trustedWindow: () => ({ webContentsId: 9, mainFrame }), isTrusted: isAppUrl });
    router.coreEvent('session:changed', statusOf(staffWith('cs_agent')), null);
    await router.handle('session:lock', good, {});
    expect(router.currentSession.locked).toBe(true);
    expect(await router.handle('rights:tickets', good, {})).toMatchObject({ error: { code: 'console_locked' } });
    answer = statusOf(staffWith('cs_agent'));
    await router.handle('session:unlock', good, { password: 'pw' });
    expect(router.currentSession.locked).toBe(false);
    expect(await router.handle('rights:tickets', good, {})).toMatchObject({ ok: true });
    router.coreEvent('session:changed', statusOf(locked('cs_agent')), null);
    expect(await router.handle('rights:tickets', good, {})).toMatchObject({ error: { code: 'console_locked' } });
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { url: 'app://desk/index.html', processId: 4, routingId: 1, parent: null };
  const window: TrustedWindow = { webContentsId: 9, mainFrame };
  const event = (frame: (Partial<Omit<typeof mainFrame, 'parent'>> & { parent?: unknown; detached?: boolean }) | null, senderId = 9): SenderEvent => ({
    sender: { id: senderId },
    senderFrame: frame === null ? null : { ...mainFrame, ...frame },
  });

  it('accepts our window’s main frame on an app URL', () => {
    expect(isTrustedSender(event({}), window, isAppUrl)).toBe(true);
    expect(isTrustedSender(event({ url: 'app://desk/index.html#/queue' }), window, isAppUrl)).toBe(true);
  });

  it('refuses subframes, other windows, other pages, gone frames and no window', () => {
    expect(isTrustedSender(event({ parent: mainFrame, routingId: 2 }), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({}, 10), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({ url: 'https://evil.example/' }), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({ url: 'app://evil/index.html' }), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({ processId: 5 }), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({ routingId: 3 }), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({ detached: true }), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event(null), window, isAppUrl)).toBe(false);
    expect(isTrustedSender(event({}), null, isAppUrl)).toBe(false);
  });
});

describe('IpcRouter', () => {
  const mainFrame = { url: 'app://desk/index.html', processId: 4, routingId: 1, parent: null };
  const goodEvent: SenderEvent = { sender: { id: 9 }, senderFrame: mainFrame };

  function setup(forward = okForward()) {
    const handlers = new Map<string, (event: SenderEvent, input: unknown) => Promise<InvokeResult>>();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => handlers.set(channel, listener as never),
      removeHandler: (channel) => handlers.delete(channel),
    };
    const router = new IpcRouter({ forward, trustedWindow: () => ({ webContentsId: 9, mainFrame }), isTrusted: isAppUrl });
    const unregister = router.register(ipcMain);
    return { router, handlers, forward, unregister };
  }

  it('registers desk:<channel> for exactly the contract’s channels, and removes them again', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual(channelNames.map((c) => `desk:${c}`).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('checks the sender of every call', async () => {
    const { handlers, forward } = setup();
    const foreign: SenderEvent = { sender: { id: 9 }, senderFrame: { ...mainFrame, url: 'https://evil.example/' } };
    expect(await handlers.get('desk:session:status')!(foreign, {})).toMatchObject({ error: { code: 'forbidden_sender' } });
    expect(forward).not.toHaveBeenCalled();
    expect(await handlers.get('desk:session:status')!(goodEvent, {})).toMatchObject({ ok: true });
  });

  it('follows the session from session:changed events', async () => {
    const { router, handlers } = setup();
    expect(await handlers.get('desk:sync:status')!(goodEvent, {})).toMatchObject({ error: { code: 'not_signed_in' } });
    router.coreEvent('session:changed', statusOf(staffWith('cs_agent')), null);
    expect(await handlers.get('desk:sync:status')!(goodEvent, {})).toMatchObject({ ok: true });
    expect(await handlers.get('desk:moderation:queue')!(goodEvent, {})).toMatchObject({ error: { code: 'forbidden_role' } });
    router.coreEvent('session:changed', statusOf(signedOut), null);
    expect(await handlers.get('desk:sync:status')!(goodEvent, {})).toMatchObject({ error: { code: 'not_signed_in' } });
  });

  it('ignores a malformed session:changed payload rather than trusting it', () => {
    const { router } = setup();
    router.coreEvent('session:changed', { state: 'signed_in', staff: { roles: ['dpo'] } }, null);
    expect(router.currentSession).toEqual(signedOut);
  });

  it('learns the session from the answers of session:signIn and session:status', async () => {
    const signedIn = statusOf(staffWith('moderator'));
    const { router, handlers } = setup(vi.fn(async (): Promise<InvokeResult> => ({ ok: true, output: signedIn })));
    await handlers.get('desk:session:signIn')!(goodEvent, validInput['session:signIn']);
    expect(router.currentSession).toEqual({ state: 'signed_in', staff: signedIn.staff, locked: false });
  });

  it('relays core events to the window', () => {
    const { router } = setup();
    const window = { isDestroyed: () => false, send: vi.fn() };
    expect(router.coreEvent('outbox:changed', { pending: 2 }, window)).toBe(true);
    expect(window.send).toHaveBeenCalledWith('desk-event:outbox:changed', { pending: 2 });
  });
});

describe('relayCoreEvent', () => {
  const target = () => ({ isDestroyed: vi.fn(() => false), send: vi.fn() });
  const samples: Record<string, unknown> = {
    'session:changed': statusOf(signedOut),
    'sync:progress': { phase: 'idle', done: 0, total: null, lastSyncedAt: null, online: true, pendingOutbox: 0, quarantined: 0, degraded: null, cacheProblem: null },
    'cache:changed': { entityTypes: ['listing'] },
    'outbox:changed': { pending: 0 },
  };

  it.each(eventNames)('sends %s as desk-event:%s', (name) => {
    const window = target();
    expect(relayCoreEvent(window, name, samples[name])).toBe(true);
    expect(window.send).toHaveBeenCalledExactlyOnceWith(`desk-event:${name}`, samples[name]);
  });

  it('drops names outside the contract, malformed payloads, and destroyed windows', () => {
    const window = target();
    expect(relayCoreEvent(window, 'vault:secret', { token: 'x' })).toBe(false);
    expect(relayCoreEvent(window, '__proto__', {})).toBe(false);
    expect(relayCoreEvent(window, 'outbox:changed', { pending: -1 })).toBe(false);
    expect(relayCoreEvent(window, 'cache:changed', 'everything')).toBe(false);
    expect(window.send).not.toHaveBeenCalled();
    const gone = { isDestroyed: () => true, send: vi.fn() };
    expect(relayCoreEvent(gone, 'outbox:changed', { pending: 1 })).toBe(false);
    expect(gone.send).not.toHaveBeenCalled();
  });
});
