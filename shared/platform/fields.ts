import { z } from 'zod';

/** Shared field shapes for endpoint declarations. */
export const EntityId = z.string().min(1).max(64);

/** Query strings are text: a flag is the word true or false, never a truthy string. */
export const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const pageLimit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
