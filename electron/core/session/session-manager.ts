import type { DemoAccount, SessionStatus } from '../../../shared/ipc/views';
import type { StaffProfile } from '../../../shared/platform/entities';
import type { CoreEvents } from '../core-events';
import { DeskFailure } from '../errors';
import { createPlatformClient } from '../platform/client';
import type { CredentialVault, VaultAccount } from '../vault/credential-vault';
import { accountFolder, cacheFile, readDeskState, removeDatabase, writeDeskState } from './account-files';
import { setDamagedCacheAside } from '../cache-health/damaged-cache';
import type { SimulatedDisk } from '../cache-health/simulated-disk';
import { AccountWorkspace } from './account-workspace';
import { SessionTokens } from './session-tokens';

export interface SessionOptions {
  dataDir: string;
  defaultPlatformUrl: string;
  demoAccounts: DemoAccount[] | null;
  vault: CredentialVault;
  events: CoreEvents;
  pollMs: number;
  log: (line: string) => void;
  /** Test only: see SimulatedDisk. */
  simulatedDisk?: SimulatedDisk;
  platformTimeoutMs?: number;
}

interface SignedIn {
  account: VaultAccount;
  staff: StaffProfile;
  lastSignInAt: string | null;
  tokens: SessionTokens;
  workspace: AccountWorkspace;
  /** Locked after idle time or on request; kept here (and in desk-state) so neither a reload nor a restart unlocks it. */
  locked: boolean;
}

export type UndeliveredChoice = 'deliver_first' | 'keep_for_next_sign_in';

const origin = (url: string) => new URL(url).origin;

/**
 * The client for password sign-ins: never retried on its own. A retried wrong password is one
 * more guess for the platform's throttle, and a throttled one would sleep out its Retry-After
 * (minutes) while the staff member stares at a spinner; both are answered at once instead.
 */
const passwordClient = (platformUrl: string) => createPlatformClient({ baseUrl: platformUrl, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });

/** Sign-in, resumption at launch, and sign-out that never silently drops a decision. */
export class SessionManager {
  private signedIn: SignedIn | null = null;

  constructor(private readonly options: SessionOptions) {}

  status(): SessionStatus {
    const platformUrl = this.signedIn?.account.platformUrl ?? origin(this.options.defaultPlatformUrl);
    const isDemo = platformUrl === origin(this.options.defaultPlatformUrl) && this.options.demoAccounts !== null;
    return {
      state: this.signedIn ? 'signed_in' : 'signed_out',
      staff: this.signedIn?.staff ?? null,
      platformUrl,
      lastSignInAt: this.signedIn?.lastSignInAt ?? null,
      locked: this.signedIn?.locked ?? false,
      demo: isDemo ? { accounts: this.options.demoAccounts! } : null,
    };
  }

  /** The signed-in account's workspace, or a `not_signed_in` failure. */
  workspace(): AccountWorkspace {
    if (!this.signedIn) throw new DeskFailure('not_signed_in', 'sign in first');
    return this.signedIn.workspace;
  }

  async signIn(input: { platformUrl?: string; username: string; password: string }): Promise<SessionStatus> {
    if (this.signedIn) await this.signOut({ undelivered: 'keep_for_next_sign_in' });
    const account = { platformUrl: origin(input.platformUrl ?? this.options.defaultPlatformUrl), username: input.username };
    // Ask the keychain first: without it there is nowhere safe for the credential, so stop here.
    await this.options.vault.read(account);
    const session = await passwordClient(account.platformUrl).call('login', {
      body: { username: input.username, password: input.password },
    });
    await this.options.vault.save(account, session.refreshToken);
    const tokens = new SessionTokens(this.options.vault, account);
    tokens.set(session.accessToken);
    this.open(account, session.staff, session.lastSignInAt, tokens);
    // Who used this console, and when: the one operational trace kept on the machine (desk.log, redacted).
    this.options.log(`core: ${input.username} signed in to ${account.platformUrl}`);
    return this.status();
  }

  /**
   * At launch: the last account's refresh token, if the keychain still has it, signs it in
   * again. An unreachable platform does not stop work: the cache and outbox open offline.
   */
  async resume(): Promise<SessionStatus> {
    const { lastAccount } = readDeskState(this.options.dataDir);
    if (!lastAccount) return this.status();
    const account = { platformUrl: lastAccount.platformUrl, username: lastAccount.username };
    const tokens = new SessionTokens(this.options.vault, account);
    try {
      await tokens.renew();
    } catch (error) {
      if (!(error instanceof DeskFailure) || error.code !== 'platform_unreachable') {
        if (error instanceof DeskFailure && error.code.startsWith('token_')) await this.options.vault.remove(account).catch(() => false);
        return this.status();
      }
    }
    this.open(account, lastAccount.staff, lastAccount.lastSignInAt, tokens, lastAccount.locked);
    return this.status();
  }

  private open(account: VaultAccount, staff: StaffProfile, lastSignInAt: string | null, tokens: SessionTokens, locked = false): void {
    const workspace = this.newWorkspace(account, tokens);
    this.signedIn = { account, staff, lastSignInAt, tokens, workspace, locked };
    this.remember();
    this.options.events.emit('session:changed', this.status());
    workspace.start();
  }

  private newWorkspace(account: VaultAccount, tokens: SessionTokens): AccountWorkspace {
    return new AccountWorkspace(accountFolder(this.options.dataDir, account), account.platformUrl, tokens, this.options.events, {
      pollMs: this.options.pollMs,
      log: this.options.log,
      simulatedDisk: this.options.simulatedDisk,
      platformTimeoutMs: this.options.platformTimeoutMs,
    });
  }

  /**
   * Throws the local cache away and syncs a new one from the platform. A damaged cache is set
   * aside with a timestamp for support; a healthy one (rebuilt to reclaim room) is deleted. The
   * outbox is closed and reopened, never touched: an entry that was on its way is sent again
   * under its idempotency key, which the platform answers as the first time.
   */
  rebuildCache(): { started: boolean } {
    const current = this.signedIn;
    if (!current) throw new DeskFailure('not_signed_in', 'sign in first');
    const damaged = current.workspace.health.current() === 'cache_unreadable';
    const file = cacheFile(current.workspace.folder);
    current.workspace.close({ wipeCache: false, dropOutbox: false });
    if (damaged) {
      const aside = setDamagedCacheAside(file, new Date());
      this.options.log(`core: the damaged cache was set aside as ${aside}; rebuilding from the platform`);
    } else {
      removeDatabase(file);
      this.options.log('core: cache deleted at the staff member\'s request; rebuilding from the platform');
    }
    current.workspace = this.newWorkspace(current.account, current.tokens);
    current.workspace.start();
    this.options.events.emit('sync:progress', current.workspace.syncStatus());
    return { started: true };
  }

  private remember(): void {
    const current = this.signedIn;
    writeDeskState(this.options.dataDir, {
      lastAccount: current ? { ...current.account, staff: current.staff, lastSignInAt: current.lastSignInAt, locked: current.locked } : null,
    });
  }

  /** Locks the console; the session, sync and outbox go on underneath. Locking twice is a no-op. */
  lock(): { changed: boolean } {
    const current = this.signedIn;
    if (!current) throw new DeskFailure('not_signed_in', 'sign in first');
    if (current.locked) return { changed: false };
    current.locked = true;
    this.remember();
    this.options.log(`core: console locked for ${current.account.username}`);
    this.options.events.emit('session:changed', this.status());
    return { changed: true };
  }

  /**
   * Unlocks by signing in again as the same staff member: the password is checked by the
   * platform (which throttles repeated failures), and the new session's tokens replace the old
   * ones, whose family is then revoked. Roles come back fresh, so a change made while the
   * console was locked applies at once. A wrong password leaves the console locked.
   */
  async unlock(password: string): Promise<{ changed: boolean }> {
    const current = this.signedIn;
    if (!current) throw new DeskFailure('not_signed_in', 'sign in first');
    if (!current.locked) return { changed: false };
    const session = await passwordClient(current.account.platformUrl).call('login', {
      body: { username: current.account.username, password },
    });
    if (session.staff.id !== current.staff.id) throw new DeskFailure('invalid_credentials', 'the console can only be unlocked by the staff member who locked it');
    const previousAccess = current.tokens.current();
    await this.options.vault.save(current.account, session.refreshToken);
    current.tokens.set(session.accessToken);
    current.staff = session.staff;
    current.locked = false;
    this.remember();
    this.options.log(`core: console unlocked by ${current.account.username}`);
    this.options.events.emit('session:changed', this.status());
    if (previousAccess) {
      // The old session's tokens are no longer ours to use; end them so a copy is worthless.
      const old = { current: () => previousAccess, renew: () => Promise.reject(new DeskFailure('token_invalid', 'replaced at unlock')) };
      await createPlatformClient({ baseUrl: current.account.platformUrl, tokens: old, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } })
        .call('logout', {})
        .catch(() => undefined);
    }
    return { changed: true };
  }

  /**
   * Signs out: revokes the session on the platform, deletes the keychain entry and wipes the
   * account's cache. Undelivered decisions are never dropped: without a choice the answer says
   * how many there are; 'deliver_first' tries to deliver them and reports any that could not go;
   * 'keep_for_next_sign_in' keeps the outbox file for this account's next sign-in.
   */
  async signOut(input: { undelivered?: UndeliveredChoice }): Promise<{ signedOut: boolean; undelivered: number; kept: boolean }> {
    const current = this.signedIn;
    if (!current) return { signedOut: true, undelivered: 0, kept: false };
    const { workspace } = current;
    let undelivered = workspace.outbox.undeliveredCount();
    if (undelivered > 0 && input.undelivered === undefined) return { signedOut: false, undelivered, kept: false };
    if (undelivered > 0 && input.undelivered === 'deliver_first') {
      workspace.outbox.dueNow(new Date());
      await workspace.delivery.kick();
      undelivered = workspace.outbox.undeliveredCount();
      if (undelivered > 0) return { signedOut: false, undelivered, kept: false };
    }
    // Kept decisions need no credential: the next sign-in of this account mints new tokens
    // and delivers them. Revocation is best effort; an offline platform expires them anyway.
    await workspace.client.call('logout', {}).catch(() => undefined);
    await this.options.vault.remove(current.account).catch(() => false);
    current.tokens.forget();
    workspace.close({ wipeCache: true, dropOutbox: undelivered === 0 });
    this.signedIn = null;
    this.remember();
    this.options.log(`core: ${current.account.username} signed out${undelivered > 0 ? `, ${undelivered} decisions kept for the next sign-in` : ''}`);
    this.options.events.emit('session:changed', this.status());
    return { signedOut: true, undelivered, kept: undelivered > 0 };
  }

  async close(): Promise<void> {
    this.signedIn?.workspace.close({ wipeCache: false, dropOutbox: false });
    this.signedIn = null;
  }
}
