import type { PlatformDb } from './database';

/**
 * The moderation history a platform has on its first day with the console: a decision for
 * every listing that was already decided (by the two demo moderators, fixed ids stf_0001 and
 * stf_0002), and users' appeals against a share of the rejections. Set-based SQL, so it costs
 * seconds, not minutes, on a million listings.
 */
export function seedModerationHistory(db: PlatformDb): void {
  db.exec(`
    UPDATE listings SET version = 2 WHERE status IN ('published', 'rejected', 'removed', 'expired');
    INSERT INTO decisions (id, idempotency_key, listing_id, action, reason_code, note, staff_id, based_on_version,
      decided_at, prev_status, prev_escalated)
    SELECT 'dec_seed_' || substr(id, 5), 'seed-' || id, id,
      CASE status WHEN 'rejected' THEN 'reject' WHEN 'removed' THEN 'remove' ELSE 'approve' END,
      CASE status
        WHEN 'rejected' THEN CASE rowid % 4 WHEN 0 THEN 'fraud_deposit' WHEN 1 THEN 'contact_in_text' WHEN 2 THEN 'misleading_price' ELSE 'duplicate' END
        WHEN 'removed' THEN CASE rowid % 2 WHEN 0 THEN 'prohibited_item' ELSE 'fraud_deposit' END
        ELSE NULL END,
      '', CASE rowid % 2 WHEN 0 THEN 'stf_0001' ELSE 'stf_0002' END, 1,
      strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+' || (30 + rowid % 600) || ' minutes'),
      CASE status WHEN 'removed' THEN 'published' ELSE 'pending' END, 0
    FROM listings WHERE status IN ('published', 'rejected', 'removed', 'expired');
    INSERT INTO appeals (id, listing_id, decision_id, user_id, statement, evidence, status, created_at, version)
    SELECT 'apl_' || substr(l.id, 5), l.id, d.id, l.seller_id,
      CASE l.rowid % 4
        WHEN 0 THEN '我没有收取任何定金，只是写了交易方式，请重新审核。'
        WHEN 1 THEN '联系方式是我自己的，平台消息我不常看，希望通过。'
        WHEN 2 THEN '价格是真实的，急着搬家才低价处理，不是骗人。'
        ELSE '这条和之前那条不是同一件东西，请再看一下。' END,
      json_object('title', l.title, 'body', l.body, 'priceFen', l.price_fen), 'open',
      strftime('%Y-%m-%dT%H:%M:%fZ', d.decided_at, '+1 day'), 1
    FROM listings l JOIN decisions d ON d.listing_id = l.id
    WHERE l.status = 'rejected' AND l.rowid % 5 = 0;
    INSERT INTO feed (entity_type, entity_id, op) SELECT 'decision', id, 'upsert' FROM decisions ORDER BY rowid;
    INSERT INTO feed (entity_type, entity_id, op) SELECT 'appeal', id, 'upsert' FROM appeals ORDER BY rowid;
  `);
}
