import type { ChannelInput } from '../../../shared/ipc/contract';
import { shanghaiLocalToIso } from '../legal-area/legal-dates';

/** The DPO's filter as typed: times are `datetime-local` values read as Guangzhou time. */
export interface AuditFilters {
  staffId: string;
  action: string;
  subject: string;
  from: string;
  to: string;
}

export const initialAuditFilters: AuditFilters = { staffId: '', action: '', subject: '', from: '', to: '' };

export const AUDIT_PAGE_SIZE = 50;

/** Why a filter cannot be sent: a time range that ends before it starts. */
export function auditFilterProblem(filters: AuditFilters): 'range_reversed' | null {
  const from = shanghaiLocalToIso(filters.from);
  const to = shanghaiLocalToIso(filters.to);
  return from && to && from >= to ? 'range_reversed' : null;
}

/** The filter as the core's query, one page after `afterSeq`; empty fields are left out. */
export function toAuditQuery(filters: AuditFilters, afterSeq: number): ChannelInput<'audit:events'> {
  const from = shanghaiLocalToIso(filters.from);
  const to = shanghaiLocalToIso(filters.to);
  return {
    afterSeq,
    limit: AUDIT_PAGE_SIZE,
    ...(filters.staffId ? { staffId: filters.staffId } : {}),
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.subject.trim() ? { subject: filters.subject.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}
