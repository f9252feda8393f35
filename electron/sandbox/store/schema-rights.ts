/**
 * Migration 3: rights requests, the records the law makes the platform keep (transactions,
 * login logs), legal holds, processors and the retention sweeps. A ticket's pauses and history
 * are JSON columns: they are read and written whole, with the ticket, never queried apart.
 */
export const rightsMigration = `
  CREATE TABLE rights_tickets (
    id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, idempotency_key TEXT UNIQUE, request_hash TEXT,
    type TEXT NOT NULL, state TEXT NOT NULL, channel TEXT NOT NULL, user_id TEXT NOT NULL,
    -- As staff saw the account when the ticket was opened: cancellation later anonymises it.
    user_nickname TEXT NOT NULL, user_phone_masked TEXT NOT NULL,
    requester TEXT NOT NULL, request TEXT NOT NULL, listing_ids TEXT NOT NULL, correction TEXT,
    received_at TEXT NOT NULL, working_days INTEGER NOT NULL, pauses TEXT NOT NULL, history TEXT NOT NULL,
    verification_method TEXT, verification_attempts INTEGER NOT NULL DEFAULT 0,
    -- SHA-256 of the code sent by SMS; the code itself exists only in the message.
    verification_secret TEXT, verified_at TEXT,
    refusal_reason TEXT, refusal_note TEXT, execution TEXT, access_package TEXT,
    reply_text TEXT, reply_sent_at TEXT, reply_staff_id TEXT,
    version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE INDEX rights_tickets_by_user ON rights_tickets(user_id);
  CREATE TABLE rights_attachments (
    id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES rights_tickets(id), ordinal INTEGER NOT NULL,
    name TEXT NOT NULL, media_type TEXT NOT NULL, size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, content BLOB NOT NULL
  );
  CREATE INDEX rights_attachments_by_ticket ON rights_attachments(ticket_id, ordinal);
  -- The sandbox's SMS gateway: what would have been sent to a user's registered phone.
  CREATE TABLE sms_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id TEXT, phone TEXT NOT NULL, text TEXT NOT NULL,
    code TEXT, at TEXT NOT NULL
  );
  CREATE INDEX sms_messages_by_ticket ON sms_messages(ticket_id);
  -- 担保交易: kept three years (E-commerce Law art. 31), anonymised when its users' data is removed.
  CREATE TABLE transactions (
    id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, buyer_id TEXT NOT NULL, seller_id TEXT NOT NULL,
    amount_fen INTEGER NOT NULL, at TEXT NOT NULL, anonymised INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX transactions_by_listing ON transactions(listing_id);
  CREATE INDEX transactions_by_buyer ON transactions(buyer_id);
  CREATE INDEX transactions_by_seller ON transactions(seller_id);
  -- Network logs: kept six months (Cybersecurity Law art. 21). Keyed by account, with no rowid,
  -- so an account's logins sit together and seeding hundreds of thousands of them stays cheap.
  CREATE TABLE login_logs (
    user_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, ip TEXT NOT NULL, region TEXT NOT NULL,
    anonymised INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE legal_holds (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, source TEXT NOT NULL, reference TEXT NOT NULL, reason TEXT NOT NULL,
    scope TEXT NOT NULL, placed_by TEXT NOT NULL, placed_at TEXT NOT NULL, expires_at TEXT,
    lifted_at TEXT, lifted_by TEXT, lift_reason TEXT, version INTEGER NOT NULL
  );
  CREATE INDEX legal_holds_by_user ON legal_holds(user_id);
  CREATE TABLE processors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, data_categories TEXT NOT NULL, purpose TEXT NOT NULL,
    agreement_date TEXT NOT NULL, review_date TEXT NOT NULL, deletion_contact TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE TABLE processor_tasks (
    id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES rights_tickets(id), processor_id TEXT NOT NULL REFERENCES processors(id),
    requested_at TEXT NOT NULL, confirmed_at TEXT, confirmed_by TEXT, reference TEXT
  );
  CREATE INDEX processor_tasks_by_ticket ON processor_tasks(ticket_id);
  CREATE TABLE retention_sweeps (
    id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, staff_id TEXT NOT NULL, at TEXT NOT NULL,
    dry_run INTEGER NOT NULL, deleted INTEGER NOT NULL, anonymised INTEGER NOT NULL, held INTEGER NOT NULL,
    listing_ids TEXT NOT NULL
  );
  -- What a real sweep did to each listing; the title is the one left after it (a deleted listing keeps none).
  CREATE TABLE retention_log (
    sweep_id TEXT NOT NULL REFERENCES retention_sweeps(id), listing_id TEXT NOT NULL, title TEXT NOT NULL,
    seller_id TEXT NOT NULL, display_until TEXT NOT NULL, outcome TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (sweep_id, listing_id)
  );
  CREATE INDEX retention_log_by_time ON retention_log(at);
`;
