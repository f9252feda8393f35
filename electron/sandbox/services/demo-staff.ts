import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../../shared/platform/roles';
import type { PlatformDb } from '../store/database';
import { hashPassword } from './passwords';

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
}

/** At least one account per role, and two where the work needs a second person. */
const demoStaff: readonly { id: string; username: string; displayName: string; role: Role }[] = [
  { id: 'stf_0001', username: 'mod.chen', displayName: '陈晓峰', role: 'moderator' },
  { id: 'stf_0002', username: 'mod.lin', displayName: '林嘉欣', role: 'moderator' },
  { id: 'stf_0003', username: 'senior.wang', displayName: '王建国', role: 'senior_moderator' },
  { id: 'stf_0004', username: 'cs.zhao', displayName: '赵敏', role: 'cs_agent' },
  { id: 'stf_0005', username: 'cs.he', displayName: '何丽娟', role: 'cs_agent' },
  { id: 'stf_0006', username: 'legal.liu', displayName: '刘志远', role: 'legal' },
  { id: 'stf_0007', username: 'legal.huang', displayName: '黄婉婷', role: 'legal' },
  { id: 'stf_0008', username: 'dpo.zhou', displayName: '周立群', role: 'dpo' },
];

/** A demo account's display name, for records seeded before the accounts exist. */
export const demoStaffName = (id: string): string => demoStaff.find((s) => s.id === id)?.displayName ?? id;

const PASSWORD_FILE = 'demo-staff-passwords.json';

/**
 * Creates the demo accounts and sets their passwords. The platform stores only scrypt hashes;
 * the sandbox keeps its generated demo passwords in a private file of its data folder so it can
 * print them again after a restart (a real platform has no such file).
 */
export function ensureDemoStaff(db: PlatformDb, dataDir: string, fixedPassword: string | undefined, now: Date): DemoAccount[] {
  const file = join(dataDir, PASSWORD_FILE);
  const known: Record<string, string> =
    fixedPassword === undefined && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const passwords = Object.fromEntries(
    demoStaff.map((s) => [s.username, fixedPassword ?? known[s.username] ?? `xt-${randomBytes(6).toString('base64url')}`]),
  );
  const upsert = db.prepare(`
    INSERT INTO staff (id, username, display_name, roles, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET password_hash = excluded.password_hash`);
  const exists = db.prepare('SELECT 1 FROM staff WHERE id = ?');
  db.transaction(() => {
    for (const s of demoStaff) {
      const changed = fixedPassword !== undefined || known[s.username] === undefined || !exists.get(s.id);
      if (changed) upsert.run(s.id, s.username, s.displayName, JSON.stringify([s.role]), hashPassword(passwords[s.username]!), now.toISOString());
    }
  })();
  if (fixedPassword === undefined) writeFileSync(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  else rmSync(file, { force: true });
  return demoStaff.map((s) => ({ role: s.role, username: s.username, password: passwords[s.username]! }));
}
