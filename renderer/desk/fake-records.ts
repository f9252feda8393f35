import type { ModerationQueueRow, QueueKind } from '../../shared/ipc/moderation-views';
import type { ListingDetail, OutboxEntry, SessionStatus, SyncStatus } from '../../shared/ipc/views';
import { categories, type Appeal, type Decision, type PlatformUser } from '../../shared/platform/entities';
import type { Role } from '../../shared/platform/roles';

/** Test-only records shaped like the core's answers, deterministic from an index. */
export const FAKE_BASE = Date.parse('2026-11-20T02:00:00.000Z');
const districts = ['天河区', '越秀区', '海珠区', '白云区'];

export function queueRow(index: number, overrides: Partial<ModerationQueueRow> = {}): ModerationQueueRow {
  const at = new Date(FAKE_BASE + index * 60_000).toISOString();
  return {
    id: `lst_${String(index).padStart(5, '0')}`,
    title: `测试信息 ${index}`,
    category: categories[index % categories.length]!,
    district: districts[index % districts.length]!,
    priceFen: index % 5 === 0 ? null : 100_00 + index,
    priceUnit: index % 2 === 0 ? 'item' : 'month',
    createdAt: at,
    queuedAt: at,
    reportCount: index % 3,
    reportReasons: [],
    flags: [],
    claim: null,
    overdue: false,
    appealId: null,
    version: 1,
    ...overrides,
  };
}

export function sellerRecord(overrides: Partial<PlatformUser> = {}): PlatformUser {
  return {
    id: 'usr_00001',
    nickname: '小王',
    phoneMasked: '135****7162',
    status: 'active',
    registeredAt: '2025-01-01T00:00:00.000Z',
    lastLoginAt: null,
    riskSignals: [],
    strikes: 0,
    restrictedUntil: null,
    version: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function listingDetail(row: ModerationQueueRow, overrides: Partial<ListingDetail> = {}): ListingDetail {
  return {
    listing: {
      id: row.id,
      sellerId: 'usr_00001',
      category: row.category,
      title: row.title,
      body: `第一行\n第二行 ${row.id}`,
      priceFen: row.priceFen,
      priceUnit: row.priceUnit,
      city: '广州',
      district: row.district,
      contactPhoneMasked: '135****7162',
      images: [],
      status: 'pending',
      escalated: false,
      displayUntil: '2026-12-20',
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.createdAt,
    },
    seller: { ...sellerRecord(), otherListingCount: 2 },
    reports: [],
    undelivered: null,
    flags: [],
    claim: null,
    history: [],
    appeal: null,
    cluster: null,
    ...overrides,
  };
}

export function decisionRecord(overrides: Partial<Decision> = {}): Decision {
  return {
    id: 'dec_1',
    idempotencyKey: 'k-000000001',
    listingId: 'lst_00001',
    action: 'reject',
    reasonCode: 'fraud_deposit',
    note: '',
    notice: '',
    staffId: 'stf_2',
    staffName: '林嘉欣',
    basedOnVersion: 1,
    decidedAt: '2026-11-20T06:05:00.000Z',
    batchId: null,
    undoneAt: null,
    undoneBy: null,
    ...overrides,
  };
}

export function appealRecord(overrides: Partial<Appeal> = {}): Appeal {
  return {
    id: 'apl_1',
    listingId: 'lst_00001',
    decisionId: 'dec_1',
    userId: 'usr_00001',
    statement: '我是个人闲置转让，没有收取任何定金。',
    evidence: { title: '九成新 iPhone 15 转让', body: '先付定金 200 元，微信联系', priceFen: 99_00 },
    status: 'open',
    outcomeNotice: null,
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    createdAt: '2026-11-21T02:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function outboxEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: 1,
    idempotencyKey: 'key-00000001',
    listingId: 'lst_00001',
    action: 'approve',
    reasonCode: null,
    state: 'pending',
    attempts: 0,
    createdAt: '2026-11-20T02:00:00.000Z',
    deliveredAt: null,
    refusal: null,
    lastError: null,
    ...overrides,
  };
}

export const queueTargets: Record<QueueKind, number> = { pending: 24, reported: 4, flagged: 12, escalated: 24, appeals: 72 };

export function signedIn(roles: Role[] = ['moderator'], overrides: Partial<SessionStatus> = {}): SessionStatus {
  return {
    state: 'signed_in',
    staff: { id: 'stf_1', username: 'mod.chen', displayName: '陈晓峰', roles },
    platformUrl: 'http://127.0.0.1:4780',
    lastSignInAt: '2026-11-19T01:30:00.000Z',
    locked: false,
    demo: null,
    ...overrides,
  };
}

export function signedOut(overrides: Partial<SessionStatus> = {}): SessionStatus {
  return { state: 'signed_out', staff: null, platformUrl: 'http://127.0.0.1:4780', lastSignInAt: null, locked: false, demo: null, ...overrides };
}

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    phase: 'idle',
    done: 0,
    total: null,
    lastSyncedAt: '2026-11-20T02:00:00.000Z',
    online: true,
    pendingOutbox: 0,
    quarantined: 0,
    degraded: null,
    cacheProblem: null,
    ...overrides,
  };
}
