import { randomUUID } from 'node:crypto';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import type { LegalHold, Processor } from '../../../shared/platform/legal-entities';
import type { StaffProfile } from '../../../shared/platform/entities';
import { DeskFailure } from '../errors';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';
import { disclosureById, disclosureDetail, disclosureRows, disclosures, holdRow, holdRows, processors, reminders } from './register-reads';
import { transparencyCsv, transparencyHtml, transparencyReport } from './transparency';

export interface LegalDeps {
  workspace(): AccountWorkspace;
  staff(): StaffProfile;
}

type LegalChannels = Extract<keyof HandlerTable, `legal:${string}`>;

/**
 * The legal area: the register, holds and processors read from the cache (legal staff's alone),
 * every change made live on the platform, which enforces the register's rules, and its answer
 * stored before the renderer hears of it.
 */
export function legalHandlers({ workspace, staff }: LegalDeps): Pick<HandlerTable, LegalChannels> {
  const cached = (ws: AccountWorkspace, disclosureId: string): Disclosure => {
    const found = disclosureById(ws.replica.db, disclosureId);
    if (!found) throw new DeskFailure('not_found', `register entry ${disclosureId} is not in the cache`, { path: 'input.disclosureId' });
    return found;
  };
  const landedDisclosure = (ws: AccountWorkspace, disclosure: Disclosure) => {
    ws.replica.writing(() => ws.replica.rights.applyLegal('disclosure', disclosure));
    ws.cacheChanged(['disclosure']);
    return disclosureDetail(ws.replica.db, disclosure, staff().id);
  };
  const landedHold = (ws: AccountWorkspace, hold: LegalHold) => {
    ws.replica.writing(() => ws.replica.rights.applyLegal('legal_hold', hold));
    ws.cacheChanged(['legal_hold']);
    return holdRow(ws.replica.db, hold, new Date());
  };
  const onDisclosure = async (disclosureId: string, call: (ws: AccountWorkspace) => Promise<{ disclosure: Disclosure }>) => {
    const ws = workspace();
    cached(ws, disclosureId);
    return landedDisclosure(ws, (await call(ws)).disclosure);
  };

  return {
    'legal:disclosures': (input) => ({ disclosures: disclosureRows(workspace().replica.db, input) }),
    'legal:disclosure': (input) => {
      const ws = workspace();
      return disclosureDetail(ws.replica.db, cached(ws, input.disclosureId), staff().id);
    },
    'legal:createDisclosure': async (input) => {
      const ws = workspace();
      const { disclosure } = await ws.client.call('createDisclosure', { body: { ...input, idempotencyKey: `desk-${randomUUID()}` } });
      return landedDisclosure(ws, disclosure);
    },
    'legal:approveDisclosure': ({ disclosureId, ...body }) =>
      onDisclosure(disclosureId, (ws) => ws.client.call('approveDisclosure', { params: { disclosureId }, body })),
    'legal:recordProduction': ({ disclosureId, ...body }) =>
      onDisclosure(disclosureId, (ws) => ws.client.call('recordProduction', { params: { disclosureId }, body })),
    'legal:closeDisclosure': ({ disclosureId, ...body }) =>
      onDisclosure(disclosureId, (ws) => ws.client.call('closeDisclosure', { params: { disclosureId }, body })),
    'legal:amendDisclosure': ({ disclosureId, ...body }) =>
      onDisclosure(disclosureId, (ws) => ws.client.call('amendDisclosure', { params: { disclosureId }, body })),
    'legal:recordNotification': ({ disclosureId, ...body }) =>
      onDisclosure(disclosureId, (ws) => ws.client.call('recordUserNotification', { params: { disclosureId }, body })),
    'legal:file': (input) => workspace().client.call('getRegisterFile', { params: { fileId: input.fileId } }),
    'legal:holds': (input) => ({ holds: holdRows(workspace().replica.db, input.view, new Date()) }),
    'legal:placeHold': async (input) => {
      const ws = workspace();
      const { hold } = await ws.client.call('placeHold', { body: { ...input, idempotencyKey: `desk-${randomUUID()}` } });
      return landedHold(ws, hold);
    },
    'legal:liftHold': async ({ holdId, ...body }) => {
      const ws = workspace();
      return landedHold(ws, (await ws.client.call('liftHold', { params: { holdId }, body })).hold);
    },
    'legal:renewHold': async ({ holdId, ...body }) => {
      const ws = workspace();
      return landedHold(ws, (await ws.client.call('renewHold', { params: { holdId }, body })).hold);
    },
    'legal:processors': () => ({ processors: processors(workspace().replica.db) }),
    'legal:saveProcessor': async (input) => {
      const ws = workspace();
      const { processor } = await ws.client.call('saveProcessor', { body: input });
      ws.replica.writing(() => ws.replica.rights.applyLegal('processor', processor satisfies Processor));
      ws.cacheChanged(['processor']);
      return processor;
    },
    'legal:reminders': () => ({ reminders: reminders(workspace().replica.db, new Date()) }),
    'legal:transparency': (input) => transparencyReport(disclosures(workspace().replica.db), input),
    'legal:transparencyExport': async ({ format, ...period }) => {
      const ws = workspace();
      const report = transparencyReport(disclosures(ws.replica.db), period);
      const file = format === 'csv' ? transparencyCsv(report) : transparencyHtml(report, new Date());
      // The file leaves the console, which the platform cannot see: say so on the trail first.
      await ws.client.call('recordClientAuditEvent', {
        body: { action: 'export.transparency', subject: null, detail: { year: period.year, quarter: period.quarter, format, name: file.name } },
      });
      return file;
    },
  };
}
