import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openPlatformDatabase } from './store/database';
import { seedPlatform } from './store/seeding';

/**
 * `npm run build` writes the embedded demo platform's starting database with this, so the
 * packaged app needs no seed generator: the sandbox copies the file into an empty data folder.
 */
const target = resolve(process.argv[2] ?? 'out/seed/platform.sqlite');
mkdirSync(dirname(target), { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
const db = openPlatformDatabase(target);
const today = new Date();
await seedPlatform(db, { seed: 20261129, listings: 3000, anchor: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) });
// One self-contained file: fold the write-ahead log back in before it is shipped.
db.pragma('wal_checkpoint(TRUNCATE)');
db.pragma('journal_mode = DELETE');
db.close();
console.log(`wrote ${target}`);
