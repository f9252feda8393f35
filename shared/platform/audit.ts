import { z } from 'zod';
import { endpoint, needs } from './endpoint';
import { AuditEvent } from './entities';
import { pageLimit } from './fields';

export const listAuditEvents = endpoint({
  method: 'GET',
  path: '/v1/audit/events',
  summary: 'The audit trail in order, filtered; each event carries the hash of the one before',
  access: needs('audit:read'),
  query: z.object({
    afterSeq: z.coerce.number().int().nonnegative().default(0),
    limit: pageLimit(1000, 200),
    action: z.string().max(64).optional(),
    staffId: z.string().max(64).optional(),
    subject: z.string().max(128).optional(),
  }),
  output: z.object({ events: z.array(AuditEvent), hasMore: z.boolean() }),
  errors: [],
});
