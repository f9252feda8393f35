import { describe, expect, it } from 'vitest';
import { changedFields } from './amendment-changes';

const request = {
  documentNumber: '穗公（天）调证字〔2026〕1243号',
  emergency: false,
  noNotifyUntil: null as string | null,
  officers: [{ name: '李警官', badgeNumber: '044321' }],
  scopeRequested: { userIds: ['usr_0000001'], categories: ['login_logs'], from: '2026-03-01', to: '2026-03-31' },
};

describe('changedFields', () => {
  it('lists only what really changed, by dotted path, down to nested fields', () => {
    const after = { ...request, documentNumber: '穗公（天）调证字〔2026〕1234号', scopeRequested: { ...request.scopeRequested, to: '2026-04-30' } };
    expect(changedFields(request, after, 'request')).toEqual([
      { path: 'request.documentNumber', before: '穗公（天）调证字〔2026〕1243号', after: '穗公（天）调证字〔2026〕1234号' },
      { path: 'request.scopeRequested.to', before: '2026-03-31', after: '2026-04-30' },
    ]);
  });

  it('treats a list as one value and a null as a value', () => {
    const after = { ...request, officers: [...request.officers, { name: '王警官', badgeNumber: '044777' }], noNotifyUntil: '2026-12-31' };
    expect(changedFields(request, after, 'request')).toEqual([
      { path: 'request.noNotifyUntil', before: null, after: '2026-12-31' },
      { path: 'request.officers', before: request.officers, after: after.officers },
    ]);
  });

  it('finds nothing when the same values are given again, whatever the key order', () => {
    const { scopeRequested: _scope, ...rest } = request;
    const same = { scopeRequested: { to: '2026-03-31', from: '2026-03-01', categories: ['login_logs'], userIds: ['usr_0000001'] }, ...rest };
    expect(changedFields(request, same, 'request')).toEqual([]);
  });
});
