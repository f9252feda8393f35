import { afterAll, describe, expect, it } from 'vitest';
import { Listing } from '../../../shared/platform/entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { clip, PREVIEW_CHARS, quarantineEntries } from './quarantine-reads';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const at = new Date('2026-11-20T06:05:00.000Z');
const hasLoneSurrogate = (text: string) => /\p{Cs}/u.test(text);

describe('the quarantine as the renderer reads it', () => {
  const { db, replica } = openReplica(folder.path);

  it('previews at most 300 characters of a 100,000-character record, and never half a surrogate pair', () => {
    replica.commitPage([], [
      { entityType: 'listing', entityId: 'lst_1', reason: 'Too big', path: 'record.title', raw: { entityType: 'listing', id: 'lst_1', record: { title: '超'.repeat(100_000) } } },
      { entityType: 'listing', entityId: 'lst_2\uD800', reason: 'text is not well-formed Unicode', path: 'record.title', raw: { record: { title: '二手 \uD800 急售' } } },
      { entityType: null, entityId: null, reason: 'Invalid input', path: 'entityType', raw: { note: '📱'.repeat(400) } },
    ], 'c1', at);
    const { entries, total } = quarantineEntries(db);
    expect(total).toBe(3);
    // Whatever UTF-8 made of the lone surrogate on its way into SQLite, what comes out is text again.
    expect(entries.map((e) => e.entityId)).toEqual([null, expect.stringMatching(/^lst_2\uFFFD+$/), 'lst_1']);
    for (const e of entries) {
      expect(e.preview.length).toBeLessThanOrEqual(PREVIEW_CHARS);
      expect(hasLoneSurrogate(JSON.stringify(e))).toBe(false);
    }
    expect(entries[2]!.preview.endsWith('…')).toBe(true);
    // JSON keeps the platform's lone surrogate as the escape it arrived as, so the investigator sees it.
    expect(entries[1]!.preview).toContain('\\ud800');
  });

  it('marks an entry resolved when a good version of the same record lands, and counts only open ones', () => {
    expect(replica.quarantinedCount()).toBe(3);
    const listing = Listing.parse({
      id: 'lst_1', sellerId: 'usr_1', category: 'pets', title: '金毛幼犬', body: '', priceFen: 100_000, priceUnit: 'item', city: '广州', district: '天河',
      contactPhoneMasked: '135****7162', images: [], status: 'pending', escalated: false, displayUntil: '2026-12-20', version: 2,
      createdAt: '2026-11-19T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z',
    });
    const { resolved } = replica.commitPage([{ entityType: 'listing', id: 'lst_1', version: 2, op: 'upsert', record: listing }], [], 'c2', new Date('2026-11-21T00:00:00.000Z'));
    expect(resolved).toBe(1);
    expect(replica.quarantinedCount()).toBe(2);
    expect(quarantineEntries(db).entries.find((e) => e.entityId === 'lst_1')).toMatchObject({ resolvedAt: '2026-11-21T00:00:00.000Z' });
  });

  it('clips without leaving a lone surrogate at the cut', () => {
    const cut = clip('a'.repeat(298) + '📱📱', 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(hasLoneSurrogate(cut)).toBe(false);
  });
});
