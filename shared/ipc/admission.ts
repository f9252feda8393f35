import { issuePath, type DeskError } from '../errors';
import { illFormedTextPath } from '../well-formed-text';
import { ipcChannels, type ChannelName } from './contract';
import type { SessionStatus } from './views';

export type Admission = { ok: true; channel: ChannelName; input: unknown } | { ok: false; error: DeskError };

const isChannel = (name: string): name is ChannelName => Object.hasOwn(ipcChannels, name);

/**
 * Whether a call may proceed: the channel exists, its input parses, and the signed-in staff
 * member's roles allow it. One rule set, applied by Electron's main router and by the core
 * itself (which the development bridge reaches without a main process).
 */
export function admit(channelName: string, rawInput: unknown, session: Pick<SessionStatus, 'state' | 'staff'>): Admission {
  if (!isChannel(channelName)) return { ok: false, error: { code: 'unknown_channel', message: `no channel ${channelName}` } };
  const channel = ipcChannels[channelName];
  if (channel.access !== 'anyone') {
    if (session.state !== 'signed_in' || !session.staff) {
      return { ok: false, error: { code: 'not_signed_in', message: `${channelName} needs a signed-in staff member` } };
    }
    const allowed = channel.access;
    if (allowed !== 'signed_in' && !session.staff.roles.some((r) => allowed.includes(r))) {
      return { ok: false, error: { code: 'forbidden_role', message: `${channelName} is for ${allowed.join(', ')}` } };
    }
  }
  const parsed = channel.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issuePath('input', issue.path);
    return { ok: false, error: { code: 'invalid_input', message: `${path}: ${issue.message}`, path } };
  }
  // Valid JSON, valid to the schema, yet not text: refused here, before it reaches a URL or a database.
  const illFormed = illFormedTextPath(parsed.data);
  if (illFormed) {
    const path = issuePath('input', illFormed);
    return { ok: false, error: { code: 'invalid_input', message: `${path}: text is not well-formed Unicode (a lone surrogate)`, path } };
  }
  return { ok: true, channel: channelName, input: parsed.data };
}
