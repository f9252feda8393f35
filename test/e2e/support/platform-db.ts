import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Read-only looks into the sandbox platform's own database: what an SMS to the user's registered
 * phone said, and which accounts fit a scenario. The console under test never sees this.
 */
export function platformDb(dataDir: string) {
  const open = () => new Database(join(dataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
  const one = <T>(sql: string, ...params: unknown[]): T | undefined => {
    const db = open();
    try {
      return db.prepare(sql).get(...params) as T | undefined;
    } finally {
      db.close();
    }
  };
  return {
    one,
    lastSmsCode: (phone: string) => one<{ code: string }>('SELECT code FROM sms_messages WHERE phone = ? ORDER BY rowid DESC LIMIT 1', phone)?.code ?? null,
  };
}
