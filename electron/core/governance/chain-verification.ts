import { createHash } from 'node:crypto';
import { auditHashInput, GENESIS_HASH } from '../../../shared/audit-chain';
import type { ChainVerification } from '../../../shared/ipc/governance-views';
import type { AuditEvent } from '../../../shared/platform/entities';

export type BrokenLink = NonNullable<ChainVerification['firstBroken']>;

export const eventHash = (event: AuditEvent): string => createHash('sha256').update(auditHashInput(event)).digest('hex');

/**
 * Walks a run of the chain in sequence order and remembers the first broken link: a missing
 * sequence number (gap), an event that does not point at the hash of the one before it
 * (prev_mismatch), or one whose own hash does not cover its fields (hash_mismatch). After a
 * break the walk goes on against the stored hashes, so one edit is reported once, where it is,
 * and not again at every event after it.
 */
export class ChainWalk {
  private expectedSeq: number;
  private previousHash: string;
  checked = 0;
  head: { seq: number; hash: string } | null = null;
  firstBroken: BrokenLink | null = null;

  /** From the start of the trail, or from an exported run's first event and the hash it says came before it. */
  constructor(start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH }) {
    this.expectedSeq = start.seq;
    this.previousHash = start.prevHash;
  }

  add(event: AuditEvent): void {
    this.checked += 1;
    if (event.seq !== this.expectedSeq) this.broken({ seq: Math.min(this.expectedSeq, event.seq), reason: 'gap' });
    else if (event.prevHash !== this.previousHash) this.broken({ seq: event.seq, reason: 'prev_mismatch' });
    else if (eventHash(event) !== event.hash) this.broken({ seq: event.seq, reason: 'hash_mismatch' });
    this.expectedSeq = event.seq + 1;
    this.previousHash = event.hash;
    this.head = { seq: event.seq, hash: event.hash };
  }

  private broken(link: BrokenLink): void {
    this.firstBroken ??= link;
  }

  result(verifiedAt: Date): ChainVerification {
    return { checked: this.checked, intact: this.firstBroken === null, head: this.head, firstBroken: this.firstBroken, verifiedAt: verifiedAt.toISOString() };
  }
}
