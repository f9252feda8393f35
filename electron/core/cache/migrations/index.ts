import type { Migration } from '../../storage/migrations';
import { migration001 } from './001-replica';

export const cacheMigrations: readonly Migration[] = [migration001];
