import type { Migration, SqliteDb } from '../../storage/migrations';
import { migration001 } from './001-replica';
import { migration002 } from './002-moderation';
import { migration003 } from './003-queues';
import { migration004 } from './004-price-groups';
import { migration005 } from './005-rights';
import { migration006 } from './006-disclosures';
import { migration007 } from './007-quarantine-resolution';
import { migration008 } from './008-queue-filters';
import { migration009 } from './009-text-index-by-writer';
import { migration010 } from './010-flags-by-place';
import { migration011 } from './011-queue-membership';
import { migration012 } from './012-pending-by-rowid';
import { migration013 } from './013-flags-carry-queue';
import { migration014 } from './014-ungrouped-listings';
import { migration015 } from './015-first-sync-indexes';
import { migration016 } from './016-queue-generation';

export const cacheMigrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016];

/**
 * Connection settings for a console's cache. 64 MiB of page cache instead of SQLite's 2–16:
 * at a million listings each listing write touches six index b-trees at random places, and
 * with a small cache most of those pages were read back from disk.
 */
export function tuneCacheConnection(db: SqliteDb): void {
  db.pragma('cache_size = -65536');
  // The log file keeps the size it once grew to; after a rewind it is cut back to this.
  db.pragma('journal_size_limit = 67108864');
}
