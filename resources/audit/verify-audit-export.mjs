#!/usr/bin/env node
// Re-verifies an audit export from Xuntong Desk (讯通工作台) offline: `node verify-audit-export.mjs FILE`.
//
// It needs nothing but Node (18 or later) and this file, so an auditor can read every line of
// what they run. The hash rules are those the platform writes with (shared/audit-chain.ts in the
// console's source), written out again here on purpose: this script must stand alone.
//
// Each event's hash is SHA-256 over canonical JSON of {seq, at, staffId, action, subject,
// detail, prevHash}: object keys sorted at every depth, no whitespace, undefined members left
// out. The run is intact when the sequence numbers run without a gap from fromSeq to toSeq,
// the first event's prevHash is the file's anchorPrevHash, each event's prevHash is the hash
// of the one before it, each hash matches its fields, and the last event is the file's head.
//
// Exit status: 0 intact, 1 broken (the first broken sequence number and why are printed),
// 2 the file cannot be read as an export.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function eventHash(event) {
  const { seq, at, staffId, action, subject, detail, prevHash } = event;
  return createHash('sha256').update(canonicalJson({ seq, at, staffId, action, subject, detail, prevHash })).digest('hex');
}

/** The first broken link of an export, or null when it is intact. */
export function verifyExport(file) {
  const events = file.events;
  let expectedSeq = file.fromSeq;
  let previousHash = file.anchorPrevHash;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { seq: Math.min(expectedSeq, event.seq), reason: 'gap' };
    if (event.prevHash !== previousHash) return { seq: event.seq, reason: 'prev_mismatch' };
    if (eventHash(event) !== event.hash) return { seq: event.seq, reason: 'hash_mismatch' };
    expectedSeq = event.seq + 1;
    previousHash = event.hash;
  }
  // Events cut from the end, or a head that names another event, break the run at its end.
  if (expectedSeq !== file.toSeq + 1) return { seq: expectedSeq, reason: 'gap' };
  if (file.head.seq !== file.toSeq || file.head.hash !== previousHash) return { seq: file.toSeq, reason: 'head_mismatch' };
  return null;
}

function readExport(path) {
  const file = JSON.parse(readFileSync(path, 'utf8'));
  const isSeq = (n) => Number.isInteger(n) && n > 0;
  if (file === null || typeof file !== 'object') throw new Error('not a JSON object');
  if (!isSeq(file.fromSeq) || !isSeq(file.toSeq) || file.toSeq < file.fromSeq) throw new Error('fromSeq/toSeq missing or out of order');
  if (typeof file.anchorPrevHash !== 'string') throw new Error('anchorPrevHash missing');
  if (!file.head || !isSeq(file.head.seq) || typeof file.head.hash !== 'string') throw new Error('head missing');
  if (!Array.isArray(file.events) || file.events.length === 0) throw new Error('events missing');
  for (const [i, e] of file.events.entries()) {
    if (e === null || typeof e !== 'object' || !isSeq(e.seq) || typeof e.hash !== 'string' || typeof e.prevHash !== 'string') {
      throw new Error(`events[${i}] is not an audit event`);
    }
  }
  return file;
}

function main(argv) {
  const path = argv[2];
  if (!path || argv.length > 3) {
    console.error('usage: node verify-audit-export.mjs FILE');
    return 2;
  }
  let file;
  try {
    file = readExport(path);
  } catch (error) {
    console.error(`cannot read ${path} as an audit export: ${error.message}`);
    return 2;
  }
  const broken = verifyExport(file);
  if (broken) {
    console.log(`BROKEN at seq ${broken.seq}: ${broken.reason}`);
    console.log(JSON.stringify({ intact: false, checked: file.events.length, firstBroken: broken }));
    return 1;
  }
  console.log(`intact: ${file.events.length} events, seq ${file.fromSeq} to ${file.toSeq}, anchored on ${file.anchorPrevHash}, head ${file.head.hash}`);
  console.log(JSON.stringify({ intact: true, checked: file.events.length, firstBroken: null, anchorPrevHash: file.anchorPrevHash, head: file.head }));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('verify-audit-export.mjs')) process.exitCode = main(process.argv);
