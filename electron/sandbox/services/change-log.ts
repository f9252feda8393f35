import type { EntityType } from '../../../shared/platform/changes';
import type { PlatformDb } from '../store/database';

/**
 * Marks an entity changed. The feed is compacted: the entity's earlier row is replaced by one at
 * a new sequence number, so a reader past the old position still sees the change exactly once.
 */
export function recordChange(db: PlatformDb, entityType: EntityType, id: string, op: 'upsert' | 'delete' = 'upsert'): void {
  db.prepare('INSERT OR REPLACE INTO feed (entity_type, entity_id, op) VALUES (?, ?, ?)').run(entityType, id, op);
}
