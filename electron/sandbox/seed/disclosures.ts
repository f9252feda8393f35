import { createHash } from 'node:crypto';
import { changedFields } from '../../../shared/legal/amendment-changes';
import { overDisclosure } from '../../../shared/legal/disclosure-rules';
import type { Disclosure, DisclosureRequest } from '../../../shared/platform/disclosure-entities';
import { demoStaffName } from '../services/demo-staff';
import { DAY_MS, HOUR_MS, isoAt, MINUTE_MS, shanghaiDate, shanghaiYear } from './calendar';
import { registerStories, type Story, type StoryAccounts } from './disclosure-stories';
import { instrumentTitle, productionCsv, receiptSvg, scanSvg } from './register-documents';

export type { StoryAccounts } from './disclosure-stories';

export interface SeedRegisterFile {
  id: string;
  role: 'scan' | 'production' | 'receipt';
  ordinal: number;
  content: string;
}

/** A register entry as the contract describes it, with the bytes of its files. */
export interface SeedRegisterEntry {
  disclosure: Disclosure;
  files: SeedRegisterFile[];
}

type RegisterFile = Disclosure['scan'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function kept(files: SeedRegisterFile[], file: Omit<SeedRegisterFile, 'content'> & { name: string; mediaType: string; content: string }): RegisterFile {
  files.push({ id: file.id, role: file.role, ordinal: file.ordinal, content: file.content });
  return { id: file.id, name: file.name, mediaType: file.mediaType, sizeBytes: Buffer.byteLength(file.content), sha256: sha256(file.content) };
}

/** When each step happened: an emergency moves in minutes, an ordinary request over days. */
function timeline(story: Story, anchorMs: number) {
  const quick = story.request.emergency;
  const receivedMs = anchorMs - story.daysAgo * DAY_MS + story.hour * HOUR_MS;
  const preparedMs = receivedMs + (quick ? 20 : 90) * MINUTE_MS;
  const approvedMs = preparedMs + (quick ? 30 * MINUTE_MS : DAY_MS);
  return { quick, receivedMs, preparedMs, approvedMs, doneMs: approvedMs + (quick ? HOUR_MS : 2 * DAY_MS) };
}

/** One story told as the entry it left: each step after the one before, by the staff the rules allow. */
function entry(story: Story, ordinal: number, registerNumber: string, anchorMs: number): SeedRegisterEntry {
  const n = String(ordinal).padStart(4, '0');
  const id = `ld_seed_${n}`;
  const { quick, receivedMs, preparedMs, approvedMs, doneMs } = timeline(story, anchorMs);
  const request: DisclosureRequest = { receivedAt: isoAt(receivedMs), ...story.request };
  const original: DisclosureRequest = { ...request, ...story.amendment?.firstSaved };
  const approver = story.preparedBy === 'stf_0006' ? 'stf_0007' : 'stf_0006';
  const { ending } = story;
  const files: SeedRegisterFile[] = [];
  const scan = kept(files, { id: `rf_seed_${n}_scan`, role: 'scan', ordinal: 0, name: `${instrumentTitle(request)}扫描件.svg`, mediaType: 'image/svg+xml', content: scanSvg(request) });

  // A closed entry handed nothing over, so it has no disclosed scope to compare.
  const scopeDisclosed = ending.kind === 'closed' ? null : (story.disclosed?.scope ?? request.scopeRequested);
  const beyond = scopeDisclosed === null ? null : overDisclosure(request.scopeRequested, scopeDisclosed);
  const justification = story.disclosed?.justification;
  if (beyond !== null && justification === undefined) throw new Error(`seeded ${registerNumber} discloses beyond its request without a justification`);

  let version = 1;
  let updatedMs = preparedMs;
  const step = (ms: number) => {
    version += 1;
    updatedMs = Math.max(updatedMs, ms);
    return isoAt(ms);
  };
  const approvedAt = ending.kind === 'awaiting' || (ending.kind === 'closed' && !ending.approved) ? null : step(approvedMs);
  let production: Disclosure['production'] = null;
  if (ending.kind === 'disclosed') {
    const shared = ending.files.map((name, i) =>
      kept(files, { id: `rf_seed_${n}_p${i + 1}`, role: 'production', ordinal: i, name, mediaType: 'text/csv', content: productionCsv(scopeDisclosed!, name) }),
    );
    const receipt = ending.receipt
      ? kept(files, { id: `rf_seed_${n}_receipt`, role: 'receipt', ordinal: 0, name: '回执.svg', mediaType: 'image/svg+xml', content: receiptSvg(request, shanghaiDate(doneMs), shared.length) })
      : null;
    production = { files: shared, deliveryMethod: ending.method, receipt, disclosedAt: step(doneMs) };
  }
  if (ending.kind === 'closed') step(doneMs);
  const userNotifiedAt = story.notifiedAfterDays === undefined ? null : step(doneMs + story.notifiedAfterDays * DAY_MS);
  const amendments: Disclosure['amendments'] = [];
  if (story.amendment) {
    const at = step(preparedMs + story.amendment.afterDays * DAY_MS);
    const changes = changedFields(original, request, 'request');
    amendments.push({ id: `amd_seed_${n}_1`, at, staffId: approver, staffName: demoStaffName(approver), reason: story.amendment.reason, changes });
  }
  if (updatedMs > anchorMs) throw new Error(`seeded ${registerNumber} has a step after the anchor`);

  const disclosure: Disclosure = {
    id, registerNumber, status: ending.kind === 'awaiting' ? 'awaiting_approval' : ending.kind === 'approved' ? 'approved' : ending.kind,
    request, original, scan, preparedBy: story.preparedBy, preparedByName: demoStaffName(story.preparedBy), preparedAt: isoAt(preparedMs),
    scopeDisclosed, overDisclosure: beyond === null ? null : { ...beyond, justification: justification! },
    approval: approvedAt === null ? null : { staffId: approver, staffName: demoStaffName(approver), at: approvedAt, note: quick ? '紧急情形，已电话复核后批准' : '文书齐备，范围与请求一致，同意' },
    production, outcome: ending.kind === 'disclosed' || ending.kind === 'closed' ? ending.outcome : null,
    refusalReason: ending.kind === 'closed' ? ending.reason : null, userNotifiedAt, amendments, version, updatedAt: isoAt(updatedMs),
  };
  return { disclosure, files };
}

/**
 * The lawful-disclosure register of the seeded world, oldest first, numbered per year in order of
 * registration (LD-2026-0001, …). Dates are relative to the anchor, so every anchor gets the same
 * shape of history.
 */
export function seedRegister(anchorMs: number, accounts: StoryAccounts): SeedRegisterEntry[] {
  const clock = { date: (days: number) => shanghaiDate(anchorMs + days * DAY_MS), year: (days: number) => shanghaiYear(anchorMs + days * DAY_MS) };
  const serials = new Map<string, number>();
  return registerStories(accounts, clock)
    .sort((a, b) => b.daysAgo - a.daysAgo)
    .map((story, i) => {
      const year = shanghaiDate(timeline(story, anchorMs).preparedMs).slice(0, 4);
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      return entry(story, i + 1, `LD-${year}-${String(serial).padStart(4, '0')}`, anchorMs);
    });
}
