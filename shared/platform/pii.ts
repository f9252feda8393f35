import { z } from 'zod';
import { endpoint, needs } from './endpoint';
import { EntityId } from './fields';

export const revealPii = endpoint({
  method: 'POST',
  path: '/v1/pii/reveal',
  summary: 'The full value of a masked field, for a stated reason; every reveal is audited',
  access: needs('pii:reveal'),
  body: z.object({
    subjectType: z.enum(['user', 'listing']),
    subjectId: EntityId,
    field: z.enum(['phone']),
    reason: z.string().trim().min(4, 'a reveal needs a reason of at least 4 characters').max(500),
  }),
  output: z.object({
    value: z.string(),
    revealedAt: z.iso.datetime(),
    auditSeq: z.number().int().positive(),
  }),
  errors: ['not_found'],
});
