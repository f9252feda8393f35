import { describe, expect, it } from 'vitest';
import { foreignRequestBlocked, mayApprove, overDisclosure, type Scope } from './disclosure-rules';

const requested: Scope = { userIds: ['usr_0000001', 'usr_0000002'], categories: ['account_profile', 'login_logs'], from: '2026-03-01', to: '2026-03-31' };
const within = (changes: Partial<Scope>): Scope => ({ ...requested, ...changes });

describe('overDisclosure', () => {
  it('is null when the disclosure stays within the request, including a narrower one', () => {
    expect(overDisclosure(requested, requested)).toBeNull();
    expect(overDisclosure(requested, within({ userIds: ['usr_0000002'], categories: ['login_logs'], from: '2026-03-10', to: '2026-03-20' }))).toBeNull();
  });

  it('names an account the authority did not ask about', () => {
    expect(overDisclosure(requested, within({ userIds: ['usr_0000001', 'usr_0000009'] }))).toEqual({ userIds: ['usr_0000009'], categories: [], outsideDates: false });
  });

  it('names a category the document did not ask for', () => {
    expect(overDisclosure(requested, within({ categories: ['login_logs', 'device_info', 'messages'] }))).toEqual({
      userIds: [],
      categories: ['device_info', 'messages'],
      outsideDates: false,
    });
  });

  it('flags data from before or after the requested period, by a single day', () => {
    expect(overDisclosure(requested, within({ from: '2026-02-28' }))).toEqual({ userIds: [], categories: [], outsideDates: true });
    expect(overDisclosure(requested, within({ to: '2026-04-01' }))).toEqual({ userIds: [], categories: [], outsideDates: true });
  });

  it('reports every way at once', () => {
    expect(overDisclosure(requested, { userIds: ['usr_0000003'], categories: ['messages'], from: '2026-01-01', to: '2026-03-31' })).toEqual({
      userIds: ['usr_0000003'],
      categories: ['messages'],
      outsideDates: true,
    });
  });
});

describe('foreignRequestBlocked', () => {
  const approval = { authority: '司法部', documentNumber: '司国合〔2026〕12号', approvedOn: '2026-05-06' };

  it('blocks a foreign authority without the competent Chinese authority’s approval', () => {
    expect(foreignRequestBlocked({ domestic: false, foreignApproval: null })).toBe(true);
  });

  it('lets a foreign request with approval, and any domestic one, through', () => {
    expect(foreignRequestBlocked({ domestic: false, foreignApproval: approval })).toBe(false);
    expect(foreignRequestBlocked({ domestic: true, foreignApproval: null })).toBe(false);
  });
});

describe('mayApprove', () => {
  it('refuses the preparer and accepts a colleague', () => {
    expect(mayApprove('stf_0006', 'stf_0006')).toBe(false);
    expect(mayApprove('stf_0006', 'stf_0007')).toBe(true);
  });
});
