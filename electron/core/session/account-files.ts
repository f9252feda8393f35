import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StaffProfile } from '../../../shared/platform/entities';
import type { VaultAccount } from '../vault/credential-vault';

/**
 * Where an account's files live: one folder per platform and staff account, holding its cache
 * and its outbox. The folder name is a hash so no username appears in paths.
 */
export function accountFolder(dataDir: string, account: VaultAccount): string {
  const id = createHash('sha256').update(`${new URL(account.platformUrl).origin}#${account.username}`).digest('hex').slice(0, 16);
  const folder = join(dataDir, 'accounts', id);
  mkdirSync(folder, { recursive: true });
  return folder;
}

export const cacheFile = (folder: string) => join(folder, 'cache.sqlite');
export const outboxFile = (folder: string) => join(folder, 'outbox.sqlite');

/** Deletes a SQLite database with its WAL and shared-memory companions. */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/** What the console remembers between launches: who was signed in last. Nothing secret. */
const DeskState = z.object({
  lastAccount: z
    .object({
      platformUrl: z.string(),
      username: z.string(),
      staff: StaffProfile,
      lastSignInAt: z.string().nullable(),
      // A locked console stays locked through a restart: quitting must not be a way around the password.
      locked: z.boolean().default(false),
    })
    .nullable(),
});
export type DeskState = z.infer<typeof DeskState>;

export function readDeskState(dataDir: string): DeskState {
  const file = join(dataDir, 'desk-state.json');
  if (!existsSync(file)) return { lastAccount: null };
  let text: unknown;
  try {
    text = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { lastAccount: null };
  }
  const parsed = DeskState.safeParse(text);
  // A damaged state file only costs a sign-in; it is not worth refusing to start over.
  return parsed.success ? parsed.data : { lastAccount: null };
}

export function writeDeskState(dataDir: string, state: DeskState): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'desk-state.json'), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}
