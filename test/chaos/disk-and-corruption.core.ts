import { randomUUID } from 'node:crypto';
import type { ChannelName, ChannelOutput, InvokeResult } from '../../shared/ipc/contract';
import type { SyncStatus } from '../../shared/ipc/views';
import { createDeskCore, type DeskCore } from '../../electron/core/desk-core';
import type { SimulatedDisk } from '../../electron/core/cache-health/simulated-disk';
import { keychainVault, type CredentialVault } from '../../electron/core/vault/credential-vault';
import type { PlatformDb } from '../../electron/sandbox/store/database';
import { accountDatabase, readDatabase } from './desk-databases';

export const STAFF = 'mod.chen';

/** A real core in this process (so a test can hand it a SimulatedDisk), on the real keychain. */
export async function startDesk(dataDir: string, platformUrl: string, options: { vault?: CredentialVault; simulatedDisk?: SimulatedDisk } = {}) {
  const vault = options.vault ?? keychainVault(`cn.xuntong.desk.chaos.${randomUUID()}`);
  const log: string[] = [];
  const core: DeskCore = await createDeskCore({
    dataDir, defaultPlatformUrl: platformUrl, vault, pollMs: 200, simulatedDisk: options.simulatedDisk, log: (line) => log.push(line),
  });
  const invoke = (channel: ChannelName, input: unknown = {}): Promise<InvokeResult> => core.dispatch(channel, input);
  async function output<C extends ChannelName>(channel: C, input: unknown = {}): Promise<ChannelOutput<C>> {
    const result = await invoke(channel, input);
    if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
    return result.output as ChannelOutput<C>;
  }
  const status = () => output('sync:status') as Promise<SyncStatus>;
  return { core, vault, log, invoke, output, status, close: () => core.close() };
}
export type Desk = Awaited<ReturnType<typeof startDesk>>;

/** Polls until `check` holds, failing with what was awaited and the last state seen. */
export async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Listings still awaiting a decision, as the core's cache knows them (read from its file). */
export function pendingListings(dataDir: string, count: number, skip: ReadonlySet<string> = new Set()): { id: string; version: number }[] {
  const file = accountDatabase(dataDir, 'cache');
  if (!file) return [];
  const rows = readDatabase(file, (db) => db.prepare("SELECT id, version FROM listings WHERE status = 'pending' ORDER BY id").all() as { id: string; version: number }[]);
  return rows.filter((r) => !skip.has(r.id)).slice(0, count);
}

export const decide = (desk: Desk, listing: { id: string; version: number }) =>
  desk.invoke('moderation:decide', { listingId: listing.id, action: 'approve', reasonCode: null, note: '', basedOnVersion: listing.version });

/**
 * Every outbox entry of the account, checked against the platform: delivered, and acted on
 * exactly once (the platform's decisions table holds one row per idempotency key it acted on).
 */
export function outboxAgainstPlatform(dataDir: string, platform: PlatformDb): { entries: number; delivered: number; problems: string[] } {
  const file = accountDatabase(dataDir, 'outbox');
  if (!file) return { entries: 0, delivered: 0, problems: ['the outbox file is missing'] };
  const rows = readDatabase(file, (db) => db.prepare('SELECT idempotency_key AS key, listing_id AS listingId, state FROM outbox ORDER BY id').all() as { key: string; listingId: string; state: string }[]);
  const effects = platform.prepare('SELECT count(*) AS n FROM decisions WHERE idempotency_key = ?');
  const problems: string[] = [];
  for (const row of rows) {
    const n = (effects.get(row.key) as { n: number }).n;
    if (row.state !== 'delivered') problems.push(`outbox entry for ${row.listingId} ended ${row.state}, not delivered`);
    if (n !== 1) problems.push(`outbox entry for ${row.listingId} (${row.key}) took effect ${n} times on the platform`);
  }
  return { entries: rows.length, delivered: rows.filter((r) => r.state === 'delivered').length, problems };
}
