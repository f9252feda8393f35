import type { Migration } from '../../storage/migrations';
import { outbox001 } from './001-outbox';

export const outboxMigrations: readonly Migration[] = [outbox001];
