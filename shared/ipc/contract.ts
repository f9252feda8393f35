import { z } from 'zod';
import { DeskError } from '../errors';
import { ModerationAction } from '../platform/entities';
import { roles, roleScopes, type Role, type Scope } from '../platform/roles';
import { ExportedFile as GovernanceFile } from './legal-views';
import {
  AuditExportRequest, AuditQuery, AuditRow, ChainVerification, ConsoleSettings, Revealed, RevealRequest, RevealTarget, RoleChange, StaffMember,
} from './governance-views';
import { ListingDetail, OutboxEntry, QuarantineEntry, SessionStatus, SyncStatus } from './views';
import {
  AccountActionRequest, AccountGroupActionRequest, AccountGroupResult, BulkRequest, BulkResult, DuplicateClusterView, ModerationDashboard, ModerationQueuePage,
  ModerationQueueQuery, SellerPanel,
} from './moderation-views';
import { AccountAction, Appeal, Listing } from '../platform/entities';
import { RetentionItem, RetentionSweep } from '../platform/rights-entities';
import { VerificationMethod } from '../rights/ticket-states';
import {
  DisclosureDetail, DisclosureIntake, DisclosureRow, ExportedFile, HoldInput, HoldRow, LegalReminder, ProcessorInput, ProductionInput,
  TransparencyPeriod, TransparencyReport,
} from './legal-views';
import { DisclosureStatus } from '../legal/disclosure-rules';
import { Processor } from '../platform/legal-entities';
import {
  AccessPackage, AccountMatch, FindAccountsRequest, RightsDashboard, RightsTicketDetail, TicketDecisionRequest, TicketIntake,
  TicketListQuery, TicketRow, VerificationAnswer,
} from './rights-views';

/** Who may call a channel: anyone (signing in), any signed-in staff, or the listed roles. */
export type ChannelAccess = 'anyone' | 'signed_in' | readonly Role[];

export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: ChannelAccess;
}

const channel = <I extends z.ZodType, O extends z.ZodType>(def: Channel<I, O>) => def;
const moderators: readonly Role[] = ['moderator', 'senior_moderator'];
const seniors: readonly Role[] = ['senior_moderator'];
const cs: readonly Role[] = ['cs_agent'];
/** Who may read rights tickets: customer service works them, legal reviews refusals, the DPO oversees. */
const rightsReaders: readonly Role[] = ['cs_agent', 'legal', 'dpo'];
const ticketRef = z.object({ ticketId: z.string().min(1).max(64) });
/** The legal area is for legal staff; the DPO reads it. */
const legalStaff: readonly Role[] = ['legal'];
const legalReaders: readonly Role[] = ['legal', 'dpo'];
const disclosureAction = z.object({ disclosureId: z.string().min(1).max(64), basedOnVersion: z.number().int().positive() });
/**
 * A ticket action names the version the staff member was looking at, so acting on a screen that
 * is out of date is refused as stale rather than applied to a ticket they have not seen.
 */
const ticketAction = ticketRef.extend({ basedOnVersion: z.number().int().positive().optional() });
const listingRef = z.object({ listingId: z.string().min(1).max(64) }).strict();
const none = z.object({}).strict();
/** The roles whose platform scopes include this one: a channel that only relays an endpoint needs exactly these. */
const rolesWith = (scope: Scope): readonly Role[] => roles.filter((role) => roleScopes[role].includes(scope));
const dpo: readonly Role[] = ['dpo'];

/**
 * Every IPC channel, once. The main process's router, the preload's whitelist, the bridge and
 * the renderer's typed client all derive from this object.
 */
export const ipcChannels = {
  'session:status': channel({ input: none, output: SessionStatus, access: 'anyone' }),
  'session:signIn': channel({
    input: z
      .object({
        platformUrl: z.url({ protocol: /^https?$/ }).max(300).optional(),
        username: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(256),
      })
      .strict(),
    output: SessionStatus,
    access: 'anyone',
  }),
  'session:signOut': channel({
    input: z
      .object({
        /** Required once the core said decisions are still undelivered. */
        undelivered: z.enum(['deliver_first', 'keep_for_next_sign_in']).optional(),
      })
      .strict(),
    output: z.object({ signedOut: z.boolean(), undelivered: z.number().int().nonnegative(), kept: z.boolean() }),
    access: 'signed_in',
  }),
  'sync:status': channel({ input: none, output: SyncStatus, access: 'signed_in' }),
  'sync:now': channel({ input: none, output: z.object({ started: z.boolean() }), access: 'signed_in' }),
  'sync:quarantine': channel({ input: none, output: z.object({ entries: z.array(QuarantineEntry), total: z.number().int().nonnegative() }), access: 'signed_in' }),
  /** Throws the local cache away and syncs it again from the platform; the outbox, kept in its own file, is untouched. */
  'cache:rebuild': channel({ input: none, output: z.object({ started: z.boolean() }), access: 'signed_in' }),
  'moderation:queue': channel({ input: ModerationQueueQuery.strict(), output: ModerationQueuePage, access: moderators }),
  /** Several listings from the cache at once (a cluster side by side); reading claims nothing. */
  'moderation:listings': channel({
    input: z.object({ listingIds: z.array(z.string().min(1).max(64)).min(1).max(200) }).strict(),
    output: z.object({ listings: z.array(Listing) }),
    access: moderators,
  }),
  'moderation:listing': channel({
    input: z.object({ listingId: z.string().min(1).max(64) }).strict(),
    output: ListingDetail,
    access: moderators,
  }),
  'moderation:decide': channel({
    input: z
      .object({
        listingId: z.string().min(1).max(64),
        action: ModerationAction,
        reasonCode: z.string().min(1).max(64).nullable(),
        note: z.string().max(2000).default(''),
        basedOnVersion: z.number().int().positive(),
        /** The message the user receives, rendered from the reason's template and edited if need be. */
        notice: z.string().max(2000).default(''),
      })
      .strict(),
    output: OutboxEntry,
    access: moderators,
  }),
  /** Opening an item claims it on the platform; someone else's claim comes back as the holder. */
  'moderation:open': channel({
    input: listingRef,
    output: z.object({ claimed: z.boolean(), holderName: z.string().nullable(), expiresAt: z.iso.datetime().nullable() }),
    access: moderators,
  }),
  'moderation:release': channel({ input: listingRef, output: z.object({ released: z.boolean() }), access: moderators }),
  /** The next unclaimed item of a queue in its current order, claimed for the caller. */
  'moderation:next': channel({
    input: ModerationQueueQuery.extend({ afterListingId: z.string().max(64).optional() }).strict(),
    output: z.object({ listingId: z.string().nullable() }),
    access: moderators,
  }),
  /** Takes back the caller's last decision: from the outbox if undelivered, else on the platform within its window. */
  'moderation:undo': channel({ input: none, output: z.object({ undone: z.boolean(), listingId: z.string().nullable() }), access: moderators }),
  'moderation:flagFeedback': channel({
    input: z.object({ listingId: z.string().min(1).max(64), rule: z.string().min(1).max(64) }).strict(),
    output: z.object({ recorded: z.boolean() }),
    access: moderators,
  }),
  'moderation:clusters': channel({ input: none, output: z.object({ clusters: z.array(DuplicateClusterView) }), access: moderators }),
  'moderation:bulk': channel({ input: BulkRequest.strict(), output: BulkResult, access: seniors }),
  'moderation:bulkUndo': channel({ input: z.object({ batchId: z.string().min(8).max(100) }).strict(), output: BulkResult, access: seniors }),
  'moderation:dashboard': channel({ input: none, output: ModerationDashboard, access: moderators }),
  'accounts:panel': channel({ input: z.object({ userId: z.string().min(1).max(64) }).strict(), output: SellerPanel, access: moderators }),
  'accounts:act': channel({ input: AccountActionRequest.strict(), output: AccountAction, access: moderators }),
  'accounts:actGroup': channel({ input: AccountGroupActionRequest.strict(), output: AccountGroupResult, access: moderators }),
  'accounts:linked': channel({
    input: z.object({ userId: z.string().min(1).max(64) }).strict(),
    output: z.object({ links: z.array(z.object({ userId: z.string(), nickname: z.string(), phoneMasked: z.string(), status: z.string(), via: z.array(z.enum(['phone', 'device', 'ip'])) })) }),
    access: moderators,
  }),
  'appeals:decide': channel({
    input: z.object({ appealId: z.string().min(1).max(64), outcome: z.enum(['uphold', 'overturn']), notice: z.string().trim().min(1).max(2000) }).strict(),
    output: Appeal,
    access: seniors,
  }),
  'rights:tickets': channel({ input: TicketListQuery.strict(), output: z.object({ tickets: z.array(TicketRow) }), access: rightsReaders }),
  'rights:ticket': channel({ input: ticketRef.strict(), output: RightsTicketDetail, access: rightsReaders }),
  'rights:findAccounts': channel({ input: FindAccountsRequest, output: z.object({ accounts: z.array(AccountMatch) }), access: cs }),
  /** Open tickets of this type for this account, shown before another is created. */
  'rights:openDuplicates': channel({
    input: z.object({ userId: z.string().min(1).max(64), type: TicketIntake.shape.type }).strict(),
    output: z.object({ tickets: z.array(TicketRow) }),
    access: cs,
  }),
  'rights:create': channel({ input: TicketIntake.strict(), output: RightsTicketDetail, access: cs }),
  'rights:startVerification': channel({ input: ticketAction.extend({ method: VerificationMethod }).strict(), output: RightsTicketDetail, access: cs }),
  'rights:answerVerification': channel({ input: VerificationAnswer.strict(), output: z.object({ passed: z.boolean(), detail: RightsTicketDetail }), access: cs }),
  'rights:decide': channel({ input: TicketDecisionRequest, output: RightsTicketDetail, access: cs }),
  'rights:execute': channel({ input: ticketAction.strict(), output: RightsTicketDetail, access: cs }),
  'rights:confirmProcessorTask': channel({
    input: ticketAction.extend({ taskId: z.string().min(1).max(64), reference: z.string().trim().min(1).max(200) }).strict(),
    output: RightsTicketDetail,
    access: cs,
  }),
  'rights:accessPackage': channel({ input: ticketAction.strict(), output: AccessPackage, access: cs }),
  'rights:reply': channel({ input: ticketAction.extend({ text: z.string().trim().min(1).max(8000) }).strict(), output: RightsTicketDetail, access: cs }),
  'rights:dashboard': channel({ input: none, output: RightsDashboard, access: rightsReaders }),
  'retention:list': channel({
    input: z.object({ state: z.enum(['due', 'held', 'done']), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ items: z.array(RetentionItem), total: z.number().int().nullable() }),
    access: rightsReaders,
  }),
  'retention:sweep': channel({ input: z.object({ dryRun: z.boolean() }).strict(), output: z.object({ sweep: RetentionSweep }), access: ['dpo'] }),
  'retention:sweeps': channel({ input: none, output: z.object({ sweeps: z.array(RetentionSweep) }), access: rightsReaders }),
  'legal:disclosures': channel({
    input: z.object({ status: DisclosureStatus.optional(), search: z.string().trim().max(60).optional() }).strict(),
    output: z.object({ disclosures: z.array(DisclosureRow) }),
    access: legalReaders,
  }),
  'legal:disclosure': channel({ input: z.object({ disclosureId: z.string().min(1).max(64) }).strict(), output: DisclosureDetail, access: legalReaders }),
  'legal:createDisclosure': channel({ input: DisclosureIntake.strict(), output: DisclosureDetail, access: legalStaff }),
  'legal:approveDisclosure': channel({ input: disclosureAction.extend({ note: z.string().max(2000).default('') }).strict(), output: DisclosureDetail, access: legalStaff }),
  'legal:recordProduction': channel({ input: ProductionInput.strict(), output: DisclosureDetail, access: legalStaff }),
  'legal:closeDisclosure': channel({
    input: disclosureAction.extend({ outcome: z.enum(['none_found', 'refused']), reason: z.string().trim().min(1).max(2000) }).strict(),
    output: DisclosureDetail,
    access: legalStaff,
  }),
  'legal:amendDisclosure': channel({
    input: disclosureAction
      .extend({ reason: z.string().trim().min(1).max(2000), changes: DisclosureIntake.shape.request.partial(), justification: z.string().trim().min(1).max(4000).nullable().default(null) })
      .strict(),
    output: DisclosureDetail,
    access: legalStaff,
  }),
  'legal:recordNotification': channel({ input: disclosureAction.extend({ notifiedAt: z.iso.datetime() }).strict(), output: DisclosureDetail, access: legalStaff }),
  'legal:file': channel({
    input: z.object({ fileId: z.string().min(1).max(64) }).strict(),
    output: z.object({ name: z.string(), mediaType: z.string(), sha256: z.string(), contentBase64: z.string() }),
    access: legalReaders,
  }),
  'legal:holds': channel({ input: z.object({ view: z.enum(['active', 'all']).default('active') }).strict(), output: z.object({ holds: z.array(HoldRow) }), access: legalReaders }),
  'legal:placeHold': channel({ input: HoldInput.strict(), output: HoldRow, access: legalStaff }),
  'legal:liftHold': channel({
    input: z.object({ holdId: z.string().min(1).max(64), basedOnVersion: z.number().int().positive(), reason: z.string().trim().min(1).max(1000) }).strict(),
    output: HoldRow,
    access: legalStaff,
  }),
  'legal:renewHold': channel({
    input: z.object({ holdId: z.string().min(1).max(64), basedOnVersion: z.number().int().positive(), expiresAt: z.iso.datetime(), reference: z.string().trim().min(1).max(100) }).strict(),
    output: HoldRow,
    access: legalStaff,
  }),
  'legal:processors': channel({ input: none, output: z.object({ processors: z.array(Processor) }), access: legalReaders }),
  'legal:saveProcessor': channel({ input: ProcessorInput.strict(), output: Processor, access: legalStaff }),
  'legal:reminders': channel({ input: none, output: z.object({ reminders: z.array(LegalReminder) }), access: legalReaders }),
  'legal:transparency': channel({ input: TransparencyPeriod.strict(), output: TransparencyReport, access: legalReaders }),
  'legal:transparencyExport': channel({ input: TransparencyPeriod.extend({ format: z.enum(['csv', 'html']) }).strict(), output: ExportedFile, access: legalReaders }),
  'session:lock': channel({ input: none, output: SessionStatus, access: 'signed_in' }),
  /** Re-authentication with the signed-in staff member's password; the only call a locked console takes besides status and sign-out. */
  'session:unlock': channel({ input: z.object({ password: z.string().min(1).max(256) }).strict(), output: SessionStatus, access: 'signed_in' }),
  'settings:get': channel({ input: none, output: ConsoleSettings, access: 'signed_in' }),
  'settings:set': channel({ input: ConsoleSettings.partial().strict(), output: ConsoleSettings, access: 'signed_in' }),
  'pii:reveal': channel({ input: RevealRequest, output: Revealed, access: rolesWith('pii:reveal') }),
  'pii:copied': channel({ input: RevealTarget, output: z.object({ auditSeq: z.number().int().positive() }), access: rolesWith('pii:reveal') }),
  'audit:events': channel({ input: AuditQuery, output: z.object({ events: z.array(AuditRow), hasMore: z.boolean() }), access: dpo }),
  'audit:verify': channel({ input: none, output: ChainVerification, access: dpo }),
  'audit:export': channel({ input: AuditExportRequest, output: GovernanceFile, access: dpo }),
  'staff:list': channel({ input: none, output: z.object({ staff: z.array(StaffMember) }), access: dpo }),
  'staff:changeRoles': channel({ input: RoleChange, output: z.object({ staff: StaffMember }), access: dpo }),
  'outbox:list': channel({ input: none, output: z.object({ entries: z.array(OutboxEntry) }), access: 'signed_in' }),
  'outbox:dismiss': channel({
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ dismissed: z.boolean() }),
    access: 'signed_in',
  }),
  'media:image': channel({
    // Segments of word characters only: no `..`, no query, nothing but a platform image path.
    input: z.object({ path: z.string().regex(/^\/media(?:\/[\w-]+)+\.(?:svg|png|jpe?g|webp|gif)$/).max(300) }).strict(),
    output: z.object({ dataUrl: z.string() }),
    access: 'signed_in',
  }),
} satisfies Record<string, Channel>;

export type IpcChannels = typeof ipcChannels;
export type ChannelName = keyof IpcChannels;
export type ChannelInput<C extends ChannelName> = z.input<IpcChannels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.infer<IpcChannels[C]['output']>;

/** Events the core pushes to the renderer. */
export const ipcEvents = {
  'session:changed': SessionStatus,
  'sync:progress': SyncStatus,
  'cache:changed': z.object({ entityTypes: z.array(z.string()) }),
  'outbox:changed': z.object({ pending: z.number().int().nonnegative() }),
} as const;
export type EventName = keyof typeof ipcEvents;
export type EventPayload<E extends EventName> = z.infer<(typeof ipcEvents)[E]>;

export const channelNames = Object.keys(ipcChannels) as ChannelName[];
export const eventNames = Object.keys(ipcEvents) as EventName[];

/** The envelope every invocation answers with, over Electron IPC and over the bridge alike. */
export const InvokeResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: DeskError }),
]);
export type InvokeResult = z.infer<typeof InvokeResult>;

/** What the preload exposes as window.desk, and the bridge client imitates. */
export interface DeskApi {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<InvokeResult>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
