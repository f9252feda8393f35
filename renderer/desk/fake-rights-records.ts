import type { RightsDashboard, RightsTicketDetail, TicketDeadline, TicketRow } from '../../shared/ipc/rights-views';
import type { ExecutionStep, RetentionItem, RetentionSweep, RightsTicket } from '../../shared/platform/rights-entities';
import type { RightsRequestType, TicketState } from '../../shared/rights/ticket-states';

/** Test-only rights tickets and retention records shaped like the core's answers, deterministic from an index. */
const types: RightsRequestType[] = ['deletion', 'access', 'cancellation', 'correction', 'explanation', 'deceased_relative'];
const nicknames = ['小王', '阿强', '陈姐', '李师傅', '周周', '老黄'];

export function deadlineRecord(overrides: Partial<TicketDeadline> = {}): TicketDeadline {
  return { dueDate: '2026-12-11', workingDaysLeft: 9, overdue: false, paused: false, provisional: false, urgency: 'on-track', ...overrides };
}

export function ticketRecord(overrides: Partial<RightsTicket> = {}): RightsTicket {
  return {
    id: 'tkt_00001',
    number: 'RT-2026-000101',
    type: 'deletion',
    state: 'received',
    channel: 'phone',
    userId: 'usr_00001',
    userNickname: '小王',
    userPhoneMasked: '135****7162',
    requester: { name: '王先生', relation: 'self', contactMasked: '135****7162' },
    request: '来电要求删除其发布过的所有二手信息。',
    listingIds: [],
    correction: null,
    attachments: [],
    receivedAt: '2026-11-20T02:00:00.000Z',
    workingDays: 15,
    pauses: [],
    history: [{ state: 'received', at: '2026-11-20T02:00:00.000Z', staffId: 'stf_3', staffName: '周敏', note: '电话受理' }],
    verification: { method: null, attempts: 0, maxAttempts: 3, verifiedAt: null },
    refusal: null,
    legalHold: false,
    execution: null,
    processorTasks: [],
    accessPackage: null,
    reply: null,
    version: 1,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

export function ticketDetail(ticket: Partial<RightsTicket> = {}, deadline: TicketDeadline | null = deadlineRecord()): RightsTicketDetail {
  return { ticket: ticketRecord(ticket), deadline };
}

export function ticketRow(index: number, overrides: Partial<TicketRow> = {}): TicketRow {
  const at = new Date(Date.parse('2026-11-20T02:00:00.000Z') + index * 3_600_000).toISOString();
  return {
    id: `tkt_${String(index).padStart(5, '0')}`,
    number: `RT-2026-${String(100 + index).padStart(6, '0')}`,
    type: types[index % types.length]!,
    state: 'in_review' satisfies TicketState,
    channel: 'phone',
    userId: `usr_${String(index).padStart(5, '0')}`,
    userNickname: nicknames[index % nicknames.length]!,
    userPhoneMasked: `13${index % 10}****${String(7000 + index).slice(-4)}`,
    receivedAt: at,
    legalHold: false,
    updatedAt: at,
    requesterName: `申请人${index}`,
    deadline: deadlineRecord(),
    ...overrides,
  };
}

/** What a completed deletion did: listings gone, transactions and logs kept as the law requires. */
export const deletionSteps: ExecutionStep[] = [
  { subject: 'listing', count: 4, outcome: 'deleted', basis: null, keptUntil: null },
  { subject: 'account', count: 1, outcome: 'anonymised', basis: null, keptUntil: null },
  { subject: 'transaction', count: 3, outcome: 'kept', basis: 'ecommerce_law_art31', keptUntil: '2029-11-20' },
  { subject: 'login_log', count: 12, outcome: 'anonymised', basis: 'cybersecurity_law_art21', keptUntil: '2027-05-20' },
];

export function retentionRecord(index: number, overrides: Partial<RetentionItem> = {}): RetentionItem {
  return {
    listingId: `lst_${String(index).padStart(5, '0')}`,
    title: `过期信息 ${index}`,
    sellerId: 'usr_00001',
    displayUntil: '2026-10-01',
    dueOn: '2026-10-31',
    state: 'due',
    heldBy: null,
    doneAt: null,
    outcome: null,
    ...overrides,
  };
}

export function sweepRecord(overrides: Partial<RetentionSweep> = {}): RetentionSweep {
  return {
    id: 'swp_1',
    at: '2026-11-19T16:00:00.000Z',
    staffName: '郑蕾',
    dryRun: false,
    deleted: 5,
    anonymised: 2,
    held: 1,
    listingIds: ['lst_00001', 'lst_00002'],
    ...overrides,
  };
}

export function rightsDashboardRecord(overrides: Partial<RightsDashboard> = {}): RightsDashboard {
  return {
    openByTypeAndState: [
      { type: 'deletion', state: 'received', count: 3 },
      { type: 'deletion', state: 'in_review', count: 2 },
      { type: 'access', state: 'awaiting_verification', count: 4 },
      { type: 'cancellation', state: 'approved', count: 1 },
    ],
    dueThisWeek: 6,
    overdue: 2,
    medianDaysToComplete: 7.5,
    onTimeRate: 0.875,
    receivedPerWeek: [
      { week: '2026-11-02', count: 9 },
      { week: '2026-11-09', count: 12 },
      { week: '2026-11-16', count: 7 },
    ],
    ...overrides,
  };
}
