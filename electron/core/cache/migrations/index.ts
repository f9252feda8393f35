import type { Migration } from '../../storage/migrations';
import { migration001 } from './001-replica';
import { migration002 } from './002-moderation';

export const cacheMigrations: readonly Migration[] = [migration001, migration002];
