import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAuditActionNames, clientAuditActions } from '../../shared/audit-actions';
import { platformContract, type EndpointName, type PlatformContract } from '../../shared/platform/contract';
import type { CallInput, Endpoint } from '../../shared/platform/endpoint';
import { roles, roleScopes, type Role } from '../../shared/platform/roles';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../test/fixtures/sandbox';
import { disclosureBody, upload } from './legal-requests.fixture';

/** A request's parts that its endpoint declares, each required; parts it does not declare are left out. */
type Example<E extends Endpoint> = { [P in keyof CallInput<E> as CallInput<E>[P] extends undefined ? never : P]: CallInput<E>[P] };

/**
 * One syntactically valid request per endpoint: a new endpoint without one here fails to compile.
 * They name records that do not exist where they can, so a role that may call an endpoint gets a
 * plain refusal (not_found, invalid_transition) rather than changing the sandbox under the matrix.
 */
const missing = { user: 'usr_9999999', listing: 'lst_99999999', ticket: 'rt_missing', disclosure: 'ld_missing' };
const hash = 'b'.repeat(64);
const examples: { [K in EndpointName]: Example<PlatformContract[K]> } = {
  login: { body: { username: 'mod.chen', password: TEST_STAFF_PASSWORD } },
  refresh: { body: { refreshToken: `xtr_${'x'.repeat(43)}` } },
  logout: { body: {} },
  me: {},
  listChanges: { query: { limit: 1 } },
  getListing: { params: { listingId: missing.listing } },
  listClaims: {},
  createClaims: { body: { listingIds: [missing.listing] } },
  renewClaim: { params: { listingId: missing.listing }, body: {} },
  releaseClaim: { params: { listingId: missing.listing } },
  decide: { body: { idempotencyKey: 'matrix-decide-1', listingId: missing.listing, action: 'approve', basedOnVersion: 1 } },
  listDecisions: { query: { listingId: missing.listing } },
  undoDecision: { params: { decisionId: 'dec_missing' }, body: {} },
  runBatch: { body: { batchId: 'matrix-batch-1', dryRun: true, action: 'approve', reasonCode: null, items: [{ listingId: missing.listing, basedOnVersion: 1 }] } },
  undoBatch: { params: { batchId: 'matrix-batch-missing' }, body: {} },
  actOnAccount: { params: { userId: missing.user }, body: { idempotencyKey: 'matrix-warn-1', action: 'warn', reasonCode: 'fraud_deposit', notice: '提醒', basedOnVersion: 1 } },
  linkedAccounts: { params: { userId: missing.user } },
  decideAppeal: { params: { appealId: 'apl_missing' }, body: { idempotencyKey: 'matrix-appeal-1', outcome: 'uphold', notice: '维持', basedOnVersion: 1 } },
  recordFlagFeedback: { body: { listingId: missing.listing, rule: 'contact_in_text', verdict: 'false_positive' } },
  revealPii: { body: { subjectType: 'user', subjectId: missing.user, field: 'phone', reason: '核实身份' } },
  listAuditEvents: { query: { limit: 1, from: '2026-11-01T00:00:00Z' } },
  recordClientAuditEvent: { body: { action: 'console.lock', subject: null, detail: { idleMinutes: 10 } } },
  listStaff: {},
  changeStaffRoles: { params: { staffId: 'stf_missing' }, body: { roles: ['moderator'], reason: '岗位调整', basedOnVersion: 1 } },
  findAccounts: { query: { phoneMasked: '138****0000' } },
  createTicket: { body: { idempotencyKey: 'matrix-ticket-1', type: 'access', channel: 'phone', userId: missing.user, requester: { name: '王先生', relation: 'self', contactMasked: '138****0000' }, request: '来电' } },
  startVerification: { params: { ticketId: missing.ticket }, body: { method: 'sms_code', basedOnVersion: 1 } },
  checkVerification: { params: { ticketId: missing.ticket }, body: { code: '123456', basedOnVersion: 1 } },
  decideTicket: { params: { ticketId: missing.ticket }, body: { decision: 'approve', basedOnVersion: 1 } },
  executeTicket: { params: { ticketId: missing.ticket }, body: { idempotencyKey: 'matrix-exec-1', basedOnVersion: 1 } },
  confirmProcessorTask: { params: { ticketId: missing.ticket, taskId: 'ptk_missing' }, body: { reference: 'REF-1', basedOnVersion: 1 } },
  getAccessData: { params: { ticketId: missing.ticket } },
  recordAccessPackage: { params: { ticketId: missing.ticket }, body: { sha256: hash, files: [{ name: 'a.json', sha256: hash }], basedOnVersion: 1 } },
  sendReply: { params: { ticketId: missing.ticket }, body: { text: '您好', basedOnVersion: 1 } },
  listRetention: { query: { state: 'due', limit: 1 } },
  runRetentionSweep: { body: { idempotencyKey: 'matrix-sweep-1', dryRun: true } },
  listRetentionSweeps: { query: { limit: 1 } },
  listLegalHolds: { query: {} },
  listProcessors: {},
  createDisclosure: { body: disclosureBody([missing.user], { key: 'matrix-disclosure-1' }) },
  approveDisclosure: { params: { disclosureId: missing.disclosure }, body: { note: '', basedOnVersion: 1 } },
  recordProduction: {
    params: { disclosureId: missing.disclosure },
    body: { files: [upload('a.csv', 'a', 'text/csv')], deliveryMethod: 'mail', receipt: null, disclosedAt: '2026-11-20T08:00:00.000Z', outcome: 'disclosed_full', basedOnVersion: 1 },
  },
  closeDisclosure: { params: { disclosureId: missing.disclosure }, body: { outcome: 'none_found', reason: '无数据', basedOnVersion: 1 } },
  amendDisclosure: { params: { disclosureId: missing.disclosure }, body: { reason: '更正', changes: { caseCause: '涉嫌诈骗罪' }, basedOnVersion: 1 } },
  recordUserNotification: { params: { disclosureId: missing.disclosure }, body: { notifiedAt: '2026-11-20T08:00:00.000Z', basedOnVersion: 1 } },
  getRegisterFile: { params: { fileId: 'rf_missing' } },
  placeHold: { body: { idempotencyKey: 'matrix-hold-1', userId: missing.user, source: 'investigation', reference: 'INV-1', reason: '调查', scope: ['all'], expiresAt: null } },
  liftHold: { params: { holdId: 'hold_missing' }, body: { reason: '结案', basedOnVersion: 1 } },
  renewHold: { params: { holdId: 'hold_missing' }, body: { expiresAt: '2027-06-01T00:00:00.000Z', reference: 'INV-1-1', basedOnVersion: 1 } },
  saveProcessor: {
    body: {
      processorId: 'prc_missing', basedOnVersion: 1,
      fields: { name: '某云', kind: 'cloud', dataCategories: ['账号信息'], purpose: '托管', agreementDate: '2026-01-01', reviewDate: '2027-01-01', deletionContact: 'dpo@cloud.example.cn' },
    },
  },
};

const folder = temporaryFolder();
let sandbox: RunningSandbox;
const sessions = {} as Record<Role, string>;
const usernameOf = (role: Role) => sandbox.staff.find((s) => s.role === role)!.username;
const names = Object.keys(platformContract) as EndpointName[];
const inputOf = (name: EndpointName) => examples[name] as Partial<CallInput<PlatformContract[EndpointName]>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { now: () => new Date('2026-11-20T09:00:00Z') });
  for (const role of roles) sessions[role] = (await signIn(sandbox.url, usernameOf(role))).accessToken;
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

describe('the role matrix on the platform', () => {
  it('has examples the contract itself accepts', () => {
    for (const name of names) {
      const endpoint = platformContract[name];
      const example = inputOf(name);
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = endpoint[part];
        if (schema) expect(schema.safeParse(example[part]).error?.issues, `${name} ${part}`).toBeUndefined();
      }
    }
  });

  for (const role of roles) {
    it(`answers ${role} with forbidden_scope exactly where the role lacks the endpoint's scope`, async () => {
      let refusals = 0;
      for (const name of names) {
        const access = platformContract[name].access;
        // Signing out ends the session the rest of the row uses, so it gets one of its own.
        const token = name === 'logout' ? (await signIn(sandbox.url, usernameOf(role))).accessToken : sessions[role];
        const answer = await call(sandbox.url, name, inputOf(name), token);
        const label = `${role} ${name}: ${JSON.stringify(answer.body)}`;
        if (access.kind === 'scope' && !roleScopes[role].includes(access.scope)) {
          refused(answer, 403, 'forbidden_scope');
          refusals += 1;
        } else {
          expect((answer.body as { code?: string } | undefined)?.code, label).not.toBe('forbidden_scope');
          // A valid request reaches the handler: no validation refusal, no crash.
          expect(answer.status, label).not.toBe(400);
          expect(answer.status, label).toBeLessThan(500);
        }
      }
      // Every role lacks some scope, so each row refuses something.
      expect(refusals).toBeGreaterThan(0);
    });
  }

  it('lets a role report a console action only if it holds the scope the action names', async () => {
    for (const role of roles) {
      for (const action of clientAuditActionNames) {
        const answer = await call(sandbox.url, 'recordClientAuditEvent', { body: { action, subject: null, detail: {} } }, sessions[role]);
        if (roleScopes[role].includes(clientAuditActions[action])) ok(answer);
        else refused(answer, 403, 'forbidden_scope');
      }
    }
    // Every action is refused to some role, or the mapping would protect nothing.
    for (const action of clientAuditActionNames) {
      if (clientAuditActions[action] === 'changes:read') continue;
      expect(roles.some((r) => !roleScopes[r].includes(clientAuditActions[action])), action).toBe(true);
    }
  });
});
