import type { PlatformDb } from './database';

/**
 * Where older logins came from: mostly Guangzhou, some from the rest of the Pearl River Delta, a
 * few from the neighbouring provinces. Each row covers `share` of the twenty slots a login draws.
 */
const REGIONS: readonly { region: string; share: number; prefixes: readonly string[] }[] = [
  { region: '广东广州', share: 11, prefixes: ['113.108', '183.6', '14.215', '120.236', '59.41', '112.96', '219.137', '116.22', '58.248'] },
  { region: '广东深圳', share: 3, prefixes: ['119.123', '183.14', '14.153'] },
  { region: '广东佛山', share: 1, prefixes: ['113.104'] },
  { region: '广东东莞', share: 1, prefixes: ['120.85'] },
  { region: '湖南长沙', share: 1, prefixes: ['175.8'] },
  { region: '湖北武汉', share: 1, prefixes: ['59.172'] },
  { region: '广西南宁', share: 1, prefixes: ['171.108'] },
  { region: '江西赣州', share: 1, prefixes: ['117.43'] },
];

const SLOT = '((u.rowid * 7 + s.n * 3) % 20)';
const quote = (text: string) => `'${text}'`;

/** CASE over the slot, written out from REGIONS: a join against a table of regions cost twice as much. */
function byRegion(value: (r: (typeof REGIONS)[number]) => string): string {
  let upTo = 0;
  const arms = REGIONS.map((r) => `WHEN ${SLOT} < ${(upTo += r.share)} THEN ${value(r)}`);
  return `CASE ${arms.join(' ')} END`;
}

const prefixOf = (r: (typeof REGIONS)[number]) =>
  r.prefixes.length === 1 ? quote(r.prefixes[0]!) : `CASE u.rowid % ${r.prefixes.length} ${r.prefixes.map((p, i) => `WHEN ${i} THEN ${quote(p)}`).join(' ')} END`;

/**
 * Network logs the law makes a platform keep six months: two or three logins per account, going
 * back up to seven months. Slot 0 is the last login, from the address on the account. Set-based
 * SQL, so a million listings' quarter of a million accounts cost about a second more.
 */
export function seedLoginLogs(db: PlatformDb): void {
  db.exec(`
    WITH slots(n) AS (VALUES (0), (1), (2))
    INSERT INTO login_logs (user_id, seq, at, ip, region)
    SELECT u.id, s.n,
      CASE s.n WHEN 0 THEN u.last_login_at ELSE strftime('%Y-%m-%dT%H:%M:%S.000Z', max(julianday(u.registered_at),
        julianday(u.last_login_at) - s.n * (20 + (u.rowid * 7 + s.n) % 80) - ((u.rowid + s.n * 5) % 24) / 24.0)) END,
      CASE s.n WHEN 0 THEN u.last_ip ELSE ${byRegion(prefixOf)} || '.' || ((u.rowid * 13 + s.n * 29) % 256) || '.' || ((u.rowid * 7 + s.n * 11) % 254 + 1) END,
      CASE s.n WHEN 0 THEN '广东广州' ELSE ${byRegion((r) => quote(r.region))} END
    -- CROSS JOIN keeps users outermost: rows arrive in key order, so the table only appends.
    FROM users u CROSS JOIN slots s
    WHERE u.last_login_at IS NOT NULL AND s.n < 2 + u.rowid % 2
  `);
}
