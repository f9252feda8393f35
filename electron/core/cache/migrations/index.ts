import type { Migration } from '../../storage/migrations';
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

export const cacheMigrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];
