import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleSettings, DEFAULT_IDLE_LOCK_MINUTES } from '../../../shared/ipc/governance-views';

export const SETTINGS_FILE = 'settings.json';
export const defaultSettings: ConsoleSettings = { idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES };

/**
 * Settings of this machine (not of an account), in the data folder. A file that is missing,
 * unreadable or out of range gives the defaults, field by field: a bad settings file must never
 * stop the console from starting, nor switch the idle lock off.
 */
export function readSettings(dataDir: string): ConsoleSettings {
  const file = join(dataDir, SETTINGS_FILE);
  if (!existsSync(file)) return { ...defaultSettings };
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...defaultSettings };
  }
  const record = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...defaultSettings };
  for (const [key, schema] of Object.entries(ConsoleSettings.shape)) {
    const field = schema.safeParse(record[key]);
    if (field.success) settings[key] = field.data;
  }
  return ConsoleSettings.parse(settings);
}

/** Merges a change into the stored settings; written to a side file and renamed, so a crash leaves the old or the new file, never half of one. */
export function writeSettings(dataDir: string, change: Partial<ConsoleSettings>): ConsoleSettings {
  const next = ConsoleSettings.parse({ ...readSettings(dataDir), ...change });
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SETTINGS_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return next;
}
