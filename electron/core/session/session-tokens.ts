import { DeskFailure } from '../errors';
import { createPlatformClient, type AccessTokens } from '../platform/client';
import type { CredentialVault, VaultAccount } from '../vault/credential-vault';

/**
 * The access token lives here, in memory, and nowhere else; the refresh token lives in the
 * vault. A renewal rotates the refresh token, and concurrent 401s share one renewal.
 */
export class SessionTokens implements AccessTokens {
  private access: string | null = null;
  private renewing: Promise<void> | null = null;
  private readonly publicClient;

  constructor(
    private readonly vault: CredentialVault,
    private readonly account: VaultAccount,
  ) {
    this.publicClient = createPlatformClient({ baseUrl: account.platformUrl });
  }

  current(): string | null {
    return this.access;
  }

  set(accessToken: string): void {
    this.access = accessToken;
  }

  forget(): void {
    this.access = null;
  }

  renew(): Promise<void> {
    this.renewing ??= this.rotate().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async rotate(): Promise<void> {
    const refreshToken = await this.vault.read(this.account);
    if (refreshToken === null) throw new DeskFailure('not_signed_in', 'no stored credential for this account; sign in again');
    const session = await this.publicClient.call('refresh', { body: { refreshToken } });
    await this.vault.save(this.account, session.refreshToken);
    this.access = session.accessToken;
  }
}
