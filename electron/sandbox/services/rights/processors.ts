import type { PlatformContract } from '../../../../shared/platform/contract';
import type { Processor } from '../../../../shared/platform/legal-entities';
import type { Handler } from '../../http/router';

export interface ProcessorRow {
  id: string; name: string; kind: Processor['kind']; data_categories: string; purpose: string;
  agreement_date: string; review_date: string; deletion_contact: string; version: number;
}

export const processorRecord = (row: ProcessorRow): Processor => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  dataCategories: JSON.parse(row.data_categories) as string[],
  purpose: row.purpose,
  agreementDate: row.agreement_date,
  reviewDate: row.review_date,
  deletionContact: row.deletion_contact,
  version: row.version,
});

export const listProcessors: Handler<PlatformContract['listProcessors']> = (ctx) => {
  const rows = ctx.db.prepare('SELECT * FROM processors ORDER BY id').all() as ProcessorRow[];
  return { processors: rows.map(processorRecord) };
};
