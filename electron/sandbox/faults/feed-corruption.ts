import type { z } from 'zod';
import type { FeedFaultKind } from './fault-plan';

type Kind = z.infer<typeof FeedFaultKind>;
type RecordFields = Record<string, unknown>;

/** A title of 100,000 characters: far past any field limit, but small enough to travel in a page. */
const OVERSIZED = '超'.repeat(100_000);

/** The first string field that is not the record's identity, for records without a title. */
function someTextField(record: RecordFields): string | undefined {
  return Object.keys(record).find((key) => typeof record[key] === 'string' && key !== 'id' && key !== 'listingId');
}

/**
 * Breaks one record the way a buggy or hostile platform would. The change keeps its entity type
 * and id (and the record its id), so the console can still say which record it set aside.
 */
export function corruptRecord(record: RecordFields, kind: Kind): RecordFields {
  const bad: RecordFields = { ...record };
  switch (kind) {
    case 'wrong_type':
      if ('price' in bad) bad.price = { amount: bad.price, currency: 'CNY' };
      if ('version' in bad) bad.version = String(bad.version);
      // A record with neither still gets a field of the wrong type: a number where text belongs.
      if (!('price' in bad) && !('version' in bad)) bad[someTextField(bad) ?? 'createdAt'] = 20261120;
      break;
    case 'missing_field': {
      const required = 'title' in bad ? 'title' : 'version' in bad ? 'version' : Object.keys(bad).find((k) => k !== 'id' && k !== 'listingId');
      if (required) delete bad[required];
      break;
    }
    case 'oversized_text': {
      const field = 'title' in bad ? 'title' : someTextField(bad);
      if (field) bad[field] = OVERSIZED;
      break;
    }
    case 'lone_surrogate': {
      // JSON.stringify writes an unpaired surrogate as the escape \ud800, so it crosses the wire intact.
      const field = 'title' in bad ? 'title' : someTextField(bad);
      if (field) bad[field] = `二手手机 \uD800 急售`;
      break;
    }
    case 'unknown_enum':
      bad.status = 'teleported';
      break;
  }
  return bad;
}
