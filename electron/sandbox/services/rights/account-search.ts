import type { PlatformContract } from '../../../../shared/platform/contract';
import { signedInStaff } from '../../http/context';
import type { Handler } from '../../http/router';
import { appendAudit } from '../audit';
import { userRecord, type UserRow } from '../records';

const MAX_ACCOUNTS = 20;

/** Anonymised accounts share one placeholder phone and nickname: searching by them would find them all. */
const STILL_SOMEONE = "status <> 'anonymised'";

/** LIKE's wildcards typed by a caller are meant literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The account a caller means, found the way they can describe it on the phone: the masked
 * number staff see (same first three and last four digits), the nickname or its beginning, or an
 * ad of theirs. Answers carry masked phones only.
 */
export const findAccounts: Handler<PlatformContract['findAccounts']> = (ctx, { query }) => {
  let rows: UserRow[];
  if (query.phoneMasked !== undefined) {
    const prefix = query.phoneMasked.slice(0, 3);
    const last4 = query.phoneMasked.slice(-4);
    // A range on the prefix uses the phone index; the last four digits are checked on what it finds.
    rows = ctx.db
      .prepare(`SELECT * FROM users WHERE phone >= ? AND phone < ? AND substr(phone, 8, 4) = ? AND ${STILL_SOMEONE} ORDER BY id LIMIT ?`)
      .all(prefix, `${prefix}~`, last4, MAX_ACCOUNTS) as UserRow[];
  } else if (query.nickname !== undefined) {
    rows = ctx.db
      .prepare(
        `SELECT * FROM users WHERE (nickname = @exact OR nickname LIKE @prefix ESCAPE '\\') AND ${STILL_SOMEONE}
         ORDER BY nickname <> @exact, nickname, id LIMIT @take`,
      )
      .all({ exact: query.nickname, prefix: `${literal(query.nickname)}%`, take: MAX_ACCOUNTS }) as UserRow[];
  } else {
    rows = ctx.db
      .prepare('SELECT u.* FROM listings l JOIN users u ON u.id = l.seller_id WHERE l.id = ?')
      .all(query.listingId) as UserRow[];
  }
  // A search reads personal data: the trail says how it was looked for and whom it found, never
  // the search text (a masked phone or a nickname is itself personal data).
  const by = query.phoneMasked !== undefined ? 'phoneMasked' : query.nickname !== undefined ? 'nickname' : 'listingId';
  appendAudit(ctx.db, { at: ctx.now(), staffId: signedInStaff(ctx).id, action: 'rights.account_search', subject: null, detail: { by, found: rows.map((r) => r.id) } });
  return { accounts: rows.map(userRecord) };
};
