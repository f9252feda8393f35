import keytar from 'keytar';
import { DeskFailure } from '../errors';

/** Whose refresh token: one entry per platform and staff account. */
export interface VaultAccount {
  platformUrl: string;
  username: string;
}

/**
 * The refresh token lives only in the OS keychain (Secret Service, Keychain, Credential
 * Manager). There is deliberately no fallback to a file: without a keychain, sign-in fails.
 */
export interface CredentialVault {
  save(account: VaultAccount, refreshToken: string): Promise<void>;
  read(account: VaultAccount): Promise<string | null>;
  remove(account: VaultAccount): Promise<boolean>;
}

export const VAULT_SERVICE = 'cn.xuntong.desk';

export const vaultAccountKey = (account: VaultAccount) => `${new URL(account.platformUrl).origin}#${account.username}`;

async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    // keytar reports a missing Secret Service as a plain Error ("Cannot autolaunch D-Bus…",
    // "The name org.freedesktop.secrets was not provided…"); the user needs to know what to fix.
    const detail = error instanceof Error ? error.message : String(error);
    throw new DeskFailure('keychain_unavailable', `the OS keychain is unavailable: ${detail}`);
  }
}

export function keychainVault(service = VAULT_SERVICE): CredentialVault {
  return {
    save: (account, token) => guarded(() => keytar.setPassword(service, vaultAccountKey(account), token)),
    read: (account) => guarded(() => keytar.getPassword(service, vaultAccountKey(account))),
    remove: (account) => guarded(() => keytar.deletePassword(service, vaultAccountKey(account))),
  };
}
