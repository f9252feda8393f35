import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../shared/audit-chain';
import type { AuditEvent } from '../../../shared/platform/entities';
import { ChainWalk, eventHash } from './chain-verification';

/** A chain of `n` events built with the platform's rules. */
function chain(n: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let seq = 1; seq <= n; seq += 1) {
    const fields = { seq, at: new Date(Date.UTC(2026, 10, 20, 0, seq)).toISOString(), staffId: 'stf_0001', action: 'pii.reveal', subject: `user:usr_${seq}`, detail: { field: 'phone', reason: '核实身份' }, prevHash: events.at(-1)?.hash ?? GENESIS_HASH };
    events.push({ ...fields, hash: eventHash({ ...fields, hash: '' }) });
  }
  return events;
}

const walk = (events: AuditEvent[], start?: { seq: number; prevHash: string }) => {
  const w = new ChainWalk(start);
  events.forEach((e) => w.add(e));
  return w.result(new Date('2026-11-20T08:00:00Z'));
};

describe('ChainWalk', () => {
  it('accepts an intact chain and names its head', () => {
    const events = chain(5);
    expect(walk(events)).toEqual({ checked: 5, intact: true, head: { seq: 5, hash: events[4]!.hash }, firstBroken: null, verifiedAt: '2026-11-20T08:00:00.000Z' });
    expect(walk([])).toMatchObject({ checked: 0, intact: true, head: null });
  });

  it('reports an edited event once, where it is', () => {
    const events = chain(6);
    events[2] = { ...events[2]!, detail: { field: 'phone', reason: '例行检查' } };
    expect(walk(events).firstBroken).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('reports a re-hashed edit at the next link', () => {
    const events = chain(6);
    const edited = { ...events[2]!, subject: 'user:usr_999' };
    events[2] = { ...edited, hash: eventHash(edited) };
    expect(walk(events).firstBroken).toEqual({ seq: 4, reason: 'prev_mismatch' });
  });

  it('reports a removed event as a gap at its number, and a first event that does not start the chain', () => {
    const events = chain(6);
    expect(walk(events.filter((e) => e.seq !== 4)).firstBroken).toEqual({ seq: 4, reason: 'gap' });
    expect(walk(events.slice(1)).firstBroken).toEqual({ seq: 1, reason: 'gap' });
    expect(walk([events[0]!, events[0]!]).firstBroken).toEqual({ seq: 1, reason: 'gap' });
  });

  it('checks a run from its anchor', () => {
    const events = chain(6);
    expect(walk(events.slice(2), { seq: 3, prevHash: events[1]!.hash }).intact).toBe(true);
    expect(walk(events.slice(2), { seq: 3, prevHash: GENESIS_HASH }).firstBroken).toEqual({ seq: 3, reason: 'prev_mismatch' });
  });
});
