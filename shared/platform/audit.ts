import { z } from 'zod';
import { clientAuditActionNames } from '../audit-actions';
import { endpoint, needs, signedIn } from './endpoint';
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
    /** Events at or after this instant. */
    from: z.iso.datetime().optional(),
    /** Events before this instant. */
    to: z.iso.datetime().optional(),
  }),
  output: z.object({ events: z.array(AuditEvent), hasMore: z.boolean() }),
  errors: [],
});

export const recordClientAuditEvent = endpoint({
  method: 'POST',
  path: '/v1/audit/client-events',
  summary: "An action only the console sees (a copy to the clipboard, an export, a lock), added to the chain; each action needs the scope it names",
  access: signedIn,
  body: z.object({
    action: z.enum(clientAuditActionNames),
    subject: z.string().min(1).max(128).nullable(),
    detail: z.record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).refine((d) => Object.keys(d).length <= 20, 'at most 20 details'),
  }),
  output: z.object({ seq: z.number().int().positive() }),
  errors: [],
});
