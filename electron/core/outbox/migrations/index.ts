import type { Migration } from '../../storage/migrations';
import { outbox001 } from './001-outbox';
import { outbox002 } from './002-decision-id';

export const outboxMigrations: readonly Migration[] = [outbox001, outbox002];
