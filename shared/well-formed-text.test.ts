import { describe, expect, it } from 'vitest';
import { admit } from './ipc/admission';
import { illFormedTextPath } from './well-formed-text';

const moderator = { state: 'signed_in' as const, staff: { id: 'stf_0001', username: 'mod.chen', displayName: '陈晓峰', roles: ['moderator' as const] } };

describe('well-formed text', () => {
  it('finds a lone surrogate anywhere in a value, and accepts pairs (emoji, rare characters)', () => {
    expect(illFormedTextPath({ title: '二手 📱 𠮷', images: ['a'] })).toBeNull();
    expect(illFormedTextPath({ record: { title: '二手\uD800' } })).toEqual(['record', 'title']);
    expect(illFormedTextPath({ list: ['ok', 'x\uDC00'] })).toEqual(['list', 1]);
    expect(illFormedTextPath({ ['k\uD83D']: 1 })).toEqual(['k\uD83D']);
  });

  it('makes admission refuse such input with invalid_input naming the field, before any handler', () => {
    // It would otherwise reach a URL (encodeURIComponent throws URIError) or a platform record every console quarantines.
    const admission = admit('moderation:listing', { listingId: 'lst_\uDC00' }, moderator);
    expect(admission).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'input.listingId' } });
    expect(admit('moderation:listing', { listingId: 'lst_00000001' }, moderator)).toMatchObject({ ok: true });
  });
});
