import type { Change } from '../../../shared/platform/changes';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import type { SqliteDb } from '../storage/migrations';

type RightsChange = Extract<Change, { entityType: 'rights_ticket' | 'legal_hold' | 'processor' | 'disclosure' }>;

export const isRightsChange = (change: Change): change is RightsChange =>
  change.entityType === 'rights_ticket' || change.entityType === 'legal_hold' || change.entityType === 'processor' || change.entityType === 'disclosure';

/** The replica's rights and legal records (tickets, holds, processors, the register); a newer version never loses to an older one. */
export class RightsRecords {
  private readonly upserts;
  private readonly deletes;

  constructor(db: SqliteDb) {
    this.upserts = {
      rights_ticket: db.prepare(`
        INSERT INTO rights_tickets (id, number, type, state, user_id, received_at, updated_at, version, record)
        VALUES (@id, @number, @type, @state, @userId, @receivedAt, @updatedAt, @version, @record)
        ON CONFLICT(id) DO UPDATE SET number = excluded.number, type = excluded.type, state = excluded.state,
          user_id = excluded.user_id, received_at = excluded.received_at, updated_at = excluded.updated_at,
          version = excluded.version, record = excluded.record
        WHERE excluded.version >= rights_tickets.version`),
      legal_hold: db.prepare(`INSERT INTO legal_holds (id, user_id, version, record) VALUES (@id, @userId, @version, @record)
        ON CONFLICT(id) DO UPDATE SET user_id = excluded.user_id, version = excluded.version, record = excluded.record
        WHERE excluded.version >= legal_holds.version`),
      processor: db.prepare(`INSERT INTO processors (id, version, record) VALUES (@id, @version, @record)
        ON CONFLICT(id) DO UPDATE SET version = excluded.version, record = excluded.record WHERE excluded.version >= processors.version`),
      disclosure: db.prepare(`INSERT INTO disclosures (id, register_number, status, received_at, version, record)
        VALUES (@id, @registerNumber, @status, @receivedAt, @version, @record)
        ON CONFLICT(id) DO UPDATE SET register_number = excluded.register_number, status = excluded.status,
          received_at = excluded.received_at, version = excluded.version, record = excluded.record
        WHERE excluded.version >= disclosures.version`),
    };
    this.deletes = {
      rights_ticket: db.prepare('DELETE FROM rights_tickets WHERE id = ?'),
      legal_hold: db.prepare('DELETE FROM legal_holds WHERE id = ?'),
      processor: db.prepare('DELETE FROM processors WHERE id = ?'),
      disclosure: db.prepare('DELETE FROM disclosures WHERE id = ?'),
    };
  }

  apply(change: RightsChange): void {
    if (change.op === 'delete' || change.record === null) {
      this.deletes[change.entityType].run(change.id);
      return;
    }
    const record = JSON.stringify(change.record);
    switch (change.entityType) {
      case 'rights_ticket':
        this.upserts.rights_ticket.run({ ...change.record, record });
        return;
      case 'legal_hold':
        this.upserts.legal_hold.run({ ...change.record, record });
        return;
      case 'processor':
        this.upserts.processor.run({ ...change.record, record });
        return;
      case 'disclosure':
        this.upserts.disclosure.run({ ...change.record, receivedAt: change.record.request.receivedAt, record });
        return;
    }
  }

  /** A legal record as the platform answered an action on it. */
  applyLegal(change: Exclude<RightsChange, { entityType: 'rights_ticket' }>['entityType'], record: { id: string; version: number }): void {
    this.apply({ entityType: change, id: record.id, version: record.version, op: 'upsert', record } as RightsChange);
  }

  static clear(db: SqliteDb): void {
    db.exec('DELETE FROM rights_tickets; DELETE FROM legal_holds; DELETE FROM processors; DELETE FROM disclosures');
  }

  /** The platform's own answer to a ticket action is as good as a feed record; show it at once. */
  applyTicket(ticket: RightsTicket): void {
    this.upserts.rights_ticket.run({ ...ticket, record: JSON.stringify(ticket) });
  }
}
