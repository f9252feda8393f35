import type { IpcMainInvokeEvent } from 'electron';
import { admit } from '../../shared/ipc/admission';
import { channelNames, eventNames, InvokeResult, ipcEvents, type ChannelName, type EventName } from '../../shared/ipc/contract';
import { allowedWhileLocked } from '../../shared/ipc/governance-views';
import { SessionStatus } from '../../shared/ipc/views';

/** Renderer channels are namespaced so nothing else on ipcMain can be reached by mistake. */
export const invokePrefix = 'desk:';
export const eventPrefix = 'desk-event:';

/** What the router knows of the session: who is signed in, and whether the console is locked. */
export type SessionGate = Pick<SessionStatus, 'state' | 'staff'> & { locked?: boolean };
export const signedOut: SessionGate = { state: 'signed_out', staff: null, locked: false };

const lockedOut = (): InvokeResult => ({ ok: false, error: { code: 'console_locked', message: 'the console is locked; unlock it with your password' } });

export type Forward = (channel: ChannelName, input: unknown) => Promise<InvokeResult>;

export interface Invocation {
  channel: string;
  /** Did the call come from our window's main frame showing one of our pages? */
  senderOk: boolean;
  input: unknown;
  session: SessionGate;
  forward: Forward;
}

const internal = (message: string): InvokeResult => ({ ok: false, error: { code: 'internal', message } });

/**
 * The decision for one call from the renderer, in the order that leaks least: the sender
 * first (a foreign frame learns nothing), then the channel, the staff member's standing and
 * the input — the latter three by `admit`, the one rule set the core applies too — then the
 * core. A locked console answers only its status, the unlock and sign-out, before anything of
 * the call is looked at (the core refuses the rest too, for the bridge's sake). Whatever goes
 * wrong comes back as a code; a stack never crosses IPC.
 */
export async function routeInvocation({ channel, senderOk, input, session, forward }: Invocation): Promise<InvokeResult> {
  if (!senderOk) return { ok: false, error: { code: 'forbidden_sender', message: 'calls are accepted only from the console window' } };
  if (session.locked && session.state === 'signed_in' && !allowedWhileLocked(channel)) return lockedOut();
  const admission = admit(channel, input, session);
  if (!admission.ok) return { ok: false, error: admission.error };
  try {
    const result = InvokeResult.safeParse(await forward(admission.channel, admission.input));
    return result.success ? result.data : internal('the console core answered with something unreadable');
  } catch {
    return internal('the console core could not handle the request');
  }
}

interface FrameIdentity {
  url: string;
  processId: number;
  routingId: number;
  parent: unknown;
  /** A frame that was swapped out by a navigation no longer speaks for the window. */
  detached?: boolean;
}

export interface TrustedWindow {
  webContentsId: number;
  mainFrame: FrameIdentity;
}

export type SenderEvent = { sender: { id: number }; senderFrame: FrameIdentity | null };

/**
 * The sender check, in one place: the call must come from the main frame (not an iframe) of
 * our own window, and that frame must be showing one of our pages.
 */
export function isTrustedSender(event: SenderEvent, window: TrustedWindow | null, isTrusted: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!window || !frame) return false;
  if (event.sender.id !== window.webContentsId) return false;
  if (frame.parent !== null || frame.detached) return false;
  if (frame.processId !== window.mainFrame.processId || frame.routingId !== window.mainFrame.routingId) return false;
  return isTrusted(frame.url);
}

const answersWithStatus = new Set(['session:status', 'session:signIn', 'session:lock', 'session:unlock']);
const gateOf = (status: SessionStatus): SessionGate => ({ state: status.state, staff: status.staff, locked: status.locked });

/** Session changes are seen in events and in the answers of the channels that return one. */
export function sessionFromAnswer(channel: string, result: InvokeResult): SessionGate | null {
  if (!result.ok || !answersWithStatus.has(channel)) return null;
  const status = SessionStatus.safeParse(result.output);
  return status.success ? gateOf(status.data) : null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<InvokeResult>): void;
  removeHandler(channel: string): void;
}

export interface RouterOptions {
  forward: Forward;
  /** Our window as it is now, or null when there is none (closed, not yet created). */
  trustedWindow: () => TrustedWindow | null;
  isTrusted: (url: string) => boolean;
}

/**
 * Registers one ipcMain handler per contract channel and keeps the current session, which
 * the core announces with `session:changed`.
 */
export class IpcRouter {
  private session: SessionGate = signedOut;

  constructor(private readonly options: RouterOptions) {}

  get currentSession(): SessionGate {
    return this.session;
  }

  updateSession(status: unknown): void {
    const parsed = SessionStatus.safeParse(status);
    if (parsed.success) this.session = gateOf(parsed.data);
  }

  async handle(channel: string, event: SenderEvent, input: unknown): Promise<InvokeResult> {
    const senderOk = isTrustedSender(event, this.options.trustedWindow(), this.options.isTrusted);
    const result = await routeInvocation({ channel, senderOk, input, session: this.session, forward: this.options.forward });
    const session = sessionFromAnswer(channel, result);
    if (session) this.session = session;
    return result;
  }

  register(ipcMain: IpcMainLike): () => void {
    for (const channel of channelNames) {
      ipcMain.handle(`${invokePrefix}${channel}`, (event, input) => this.handle(channel, event, input));
    }
    return () => channelNames.forEach((channel) => ipcMain.removeHandler(`${invokePrefix}${channel}`));
  }

  /** Every core event passes here: the router learns the session, the window gets the event. */
  coreEvent(name: string, payload: unknown, target: EventRecipient | null): boolean {
    if (name === 'session:changed') this.updateSession(payload);
    return target ? relayCoreEvent(target, name, payload) : false;
  }
}

export interface EventRecipient {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

const isEventName = (name: string): name is EventName => (eventNames as string[]).includes(name);

/** Sends a core event to the window, only if the contract declares it and its payload fits. */
export function relayCoreEvent(target: EventRecipient, name: string, payload: unknown): boolean {
  if (!isEventName(name) || target.isDestroyed()) return false;
  if (!ipcEvents[name].safeParse(payload).success) return false;
  target.send(`${eventPrefix}${name}`, payload);
  return true;
}
