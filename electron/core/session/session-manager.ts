import type { DemoAccount, SessionStatus } from '../../../shared/ipc/views';
import type { StaffProfile } from '../../../shared/platform/entities';
import type { CoreEvents } from '../core-events';
import { DeskFailure } from '../errors';
import { createPlatformClient } from '../platform/client';
import type { CredentialVault, VaultAccount } from '../vault/credential-vault';
import { accountFolder, readDeskState, writeDeskState } from './account-files';
import { AccountWorkspace } from './account-workspace';
import { SessionTokens } from './session-tokens';

export interface SessionOptions {
  dataDir: string;
  defaultPlatformUrl: string;
  demoAccounts: DemoAccount[] | null;
  vault: CredentialVault;
  events: CoreEvents;
  pollMs: number;
}

interface SignedIn {
  account: VaultAccount;
  staff: StaffProfile;
  lastSignInAt: string | null;
  tokens: SessionTokens;
  workspace: AccountWorkspace;
}

export type UndeliveredChoice = 'deliver_first' | 'keep_for_next_sign_in';

const origin = (url: string) => new URL(url).origin;

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
    const session = await createPlatformClient({ baseUrl: account.platformUrl }).call('login', {
      body: { username: input.username, password: input.password },
    });
    await this.options.vault.save(account, session.refreshToken);
    const tokens = new SessionTokens(this.options.vault, account);
    tokens.set(session.accessToken);
    this.open(account, session.staff, session.lastSignInAt, tokens);
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
    this.open(account, lastAccount.staff, lastAccount.lastSignInAt, tokens);
    return this.status();
  }

  private open(account: VaultAccount, staff: StaffProfile, lastSignInAt: string | null, tokens: SessionTokens): void {
    const workspace = new AccountWorkspace(accountFolder(this.options.dataDir, account), account.platformUrl, tokens, this.options.events, {
      pollMs: this.options.pollMs,
    });
    this.signedIn = { account, staff, lastSignInAt, tokens, workspace };
    writeDeskState(this.options.dataDir, { lastAccount: { ...account, staff, lastSignInAt } });
    this.options.events.emit('session:changed', this.status());
    workspace.start();
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
    writeDeskState(this.options.dataDir, { lastAccount: null });
    this.options.events.emit('session:changed', this.status());
    return { signedOut: true, undelivered, kept: undelivered > 0 };
  }

  async close(): Promise<void> {
    this.signedIn?.workspace.close({ wipeCache: false, dropOutbox: false });
    this.signedIn = null;
  }
}
