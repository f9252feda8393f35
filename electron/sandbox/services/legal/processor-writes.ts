import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../../shared/audit-chain';
import { changedFields } from '../../../../shared/legal/amendment-changes';
import type { PlatformContract } from '../../../../shared/platform/contract';
import type { Processor } from '../../../../shared/platform/legal-entities';
import { signedInStaff } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import type { PlatformDb } from '../../store/database';
import { appendAudit } from '../audit';
import { recordChange } from '../change-log';
import { processorRecord, type ProcessorRow } from '../rights/processors';

type Fields = Omit<Processor, 'id' | 'version'>;

const fieldsOf = ({ id: _id, version: _version, ...fields }: Processor): Fields => fields;
const findProcessor = (db: PlatformDb, id: string) => db.prepare('SELECT * FROM processors WHERE id = ?').get(id) as ProcessorRow | undefined;

const columns = (f: Fields) => ({
  name: f.name, kind: f.kind, dataCategories: JSON.stringify(f.dataCategories), purpose: f.purpose,
  agreementDate: f.agreementDate, reviewDate: f.reviewDate, deletionContact: f.deletionContact,
});

/**
 * Adds a processor to the register or changes one. The contract gives a new processor no
 * idempotency key, so a create whose fields match a processor already registered answers with
 * that one: a retried request does not register the same company twice.
 */
export const saveProcessor: Handler<PlatformContract['saveProcessor']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const fields: Fields = body.fields;
    if (fields.reviewDate < fields.agreementDate) {
      throw new ApiFailure('validation_failed', 'body.fields.reviewDate: the review comes after the agreement', { path: 'body.fields.reviewDate' });
    }
    let id: string;
    let paths: string[];
    if (body.processorId === null) {
      if (body.basedOnVersion !== null) throw new ApiFailure('validation_failed', 'body.basedOnVersion: a new processor has no version yet', { path: 'body.basedOnVersion' });
      const all = (ctx.db.prepare('SELECT * FROM processors').all() as ProcessorRow[]).map(processorRecord);
      const same = all.find((p) => canonicalJson(fieldsOf(p)) === canonicalJson(fields));
      if (same) return { processor: same };
      id = `prc_${randomUUID()}`;
      ctx.db
        .prepare(
          `INSERT INTO processors (id, name, kind, data_categories, purpose, agreement_date, review_date, deletion_contact, version)
           VALUES (@id, @name, @kind, @dataCategories, @purpose, @agreementDate, @reviewDate, @deletionContact, 1)`,
        )
        .run({ id, ...columns(fields) });
      paths = [];
    } else {
      const row = findProcessor(ctx.db, body.processorId);
      if (!row) throw new ApiFailure('not_found', `no processor ${body.processorId}`, { path: 'body.processorId' });
      if (body.basedOnVersion === null) throw new ApiFailure('validation_failed', 'body.basedOnVersion: a change names the version it was based on', { path: 'body.basedOnVersion' });
      if (row.version !== body.basedOnVersion) {
        throw new ApiFailure('stale_version', `the processor is at version ${row.version}, the change was based on ${body.basedOnVersion}`, { path: 'body.basedOnVersion' });
      }
      const current = processorRecord(row);
      paths = changedFields(fieldsOf(current), fields, 'processor').map((c) => c.path);
      // Saving what is already there changes nothing, so it makes no version and no audit event.
      if (paths.length === 0) return { processor: current };
      id = row.id;
      ctx.db
        .prepare(
          `UPDATE processors SET name = @name, kind = @kind, data_categories = @dataCategories, purpose = @purpose, agreement_date = @agreementDate,
             review_date = @reviewDate, deletion_contact = @deletionContact, version = version + 1 WHERE id = @id`,
        )
        .run({ id, ...columns(fields) });
    }
    recordChange(ctx.db, 'processor', id);
    appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: 'legal.processor.save', subject: `processor:${id}`, detail: { name: fields.name, created: body.processorId === null, changed: paths } });
    return { processor: processorRecord(findProcessor(ctx.db, id)!) };
  })();
};
