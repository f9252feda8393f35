import { describe, expect, it } from 'vitest';
import { disclosureRecord, disclosureRequest } from '../../desk/fake-legal-records';
import { amendableFieldsOf, amendmentDraftOf, checkAmendment, type AmendmentDraft } from './amendment-draft';

const disclosure = disclosureRecord({ version: 4 });
const draft = (changed: Partial<AmendmentDraft>): AmendmentDraft => ({ ...amendmentDraftOf(disclosure), reason: '按原件更正', ...changed });

describe('checkAmendment', () => {
  it('sends a corrected badge number as the whole list of officers', () => {
    const base = amendmentDraftOf(disclosure);
    const officers = base.values.officers.map((o, i) => (i === 1 ? { ...o, badgeNumber: '044189' } : o));
    const { input } = checkAmendment(draft({ chosen: ['officers'], values: { ...base.values, officers } }), disclosure);
    expect(input).toEqual({
      disclosureId: 'dsc_00001',
      basedOnVersion: 4,
      reason: '按原件更正',
      changes: { officers: [{ name: '李警官', badgeNumber: '044123' }, { name: '张警官', badgeNumber: '044189' }] },
      justification: null,
    });
  });

  it('finds a field unchanged whatever the order of its keys', () => {
    const reordered = disclosureRecord({ request: { ...disclosureRequest(), identityCheck: { note: '回拨分局值班室，确认两名警官及文书属实', callBackNumber: '020-83118110' } } });
    expect(checkAmendment({ ...amendmentDraftOf(reordered), reason: 'x', chosen: ['identityCheck'] }, reordered).problems).toEqual({ identityCheck: 'unchanged' });
  });

  it('needs a justification when the corrected request leaves the disclosed scope beyond it', () => {
    const base = amendmentDraftOf(disclosure);
    // The document in fact asked only for the account profile; the registration phone was already in the disclosed scope.
    const values = { ...base.values, scopeRequested: { ...base.values.scopeRequested, categories: ['account_profile' as const] } };
    const unjustified = checkAmendment(draft({ chosen: ['scopeRequested'], values, justification: '' }), disclosure);
    expect(unjustified.over).toEqual({ userIds: [], categories: ['registration_phone', 'listings'], outsideDates: false });
    expect(unjustified.problems).toEqual({ justification: 'unjustified' });
    const justified = checkAmendment(draft({ chosen: ['scopeRequested'], values, justification: '办案人员口头补充，书面文书随后送达' }), disclosure);
    expect(justified.input?.justification).toBe('办案人员口头补充，书面文书随后送达');
  });

  it('offers the approval only on a foreign request, and requires all of it', () => {
    expect(amendableFieldsOf(disclosure.request)).not.toContain('foreignApproval');
    const foreign = disclosureRecord({ request: disclosureRequest({ domestic: false, foreignApproval: { authority: '司法部', documentNumber: '司国际批〔2026〕7号', approvedOn: '2026-11-10' } }) });
    expect(amendableFieldsOf(foreign.request)).toContain('foreignApproval');
    const base = amendmentDraftOf(foreign);
    expect(checkAmendment({ ...base, reason: 'x', chosen: ['foreignApproval'], values: { ...base.values, approvedOn: '' } }, foreign).problems).toEqual({ foreignApproval: 'foreign_blocked' });
  });
});
