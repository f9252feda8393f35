import type { PlatformContract } from '../../../shared/platform/contract';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { findListingRow, listingRecord } from './records';

export const getListing: Handler<PlatformContract['getListing']> = (ctx, { params }) => {
  const row = findListingRow(ctx.db, params.listingId);
  if (!row) throw new ApiFailure('not_found', `no listing ${params.listingId}`, { path: 'params.listingId' });
  return listingRecord(row);
};
