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
    // A pair in the wrong order is two lone halves; a key deep down is named with its whole path.
    expect(illFormedTextPath({ a: [{ b: 'ok' }, { c: '\uDC00\uD800' }] })).toEqual(['a', 1, 'c']);
    expect(illFormedTextPath([{ ok: 1, ['\uDFFF']: 'x' }])).toEqual([0, '\uDFFF']);
    expect(illFormedTextPath('\uD800')).toEqual([]);
    expect(illFormedTextPath(42)).toBeNull();
  });

  it('stops walking past 32 levels: a hostile value does not exhaust the stack', () => {
    let deep: unknown = 'x\uD800';
    for (let level = 0; level < 10_000; level++) deep = { next: deep };
    expect(illFormedTextPath(deep)).toBeNull();
    let shallow: unknown = 'x\uD800';
    for (let level = 0; level < 30; level++) shallow = [shallow];
    expect(illFormedTextPath(shallow)).toEqual(Array(30).fill(0));
  });

  it('makes admission refuse such input with invalid_input naming the field, before any handler', () => {
    // It would otherwise reach a URL (encodeURIComponent throws URIError) or a platform record every console quarantines.
    const admission = admit('moderation:listing', { listingId: 'lst_\uDC00' }, moderator);
    expect(admission).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'input.listingId' } });
    expect(admit('moderation:listing', { listingId: 'lst_00000001' }, moderator)).toMatchObject({ ok: true });
  });
});
