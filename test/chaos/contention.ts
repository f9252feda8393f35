import type { OutboxEntry } from '../../shared/ipc/views';
import { signedInCore } from '../fixtures/desk-core';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../fixtures/sandbox';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';

type Console = Awaited<ReturnType<typeof signedInCore>>;
interface Moderator {
  desk: Console;
  staffId: string;
  displayName: string;
}

/** The refusals that tell the loser someone else was first; anything else is a problem. */
const conflictCodes = new Set(['already_decided', 'stale_version', 'claim_conflict']);
const rounds: Record<ChaosScale, number> = { ci: 100, soak: 1_000 };

async function moderator(url: string, username: string): Promise<Moderator> {
  const desk = await signedInCore(url, username);
  const { staff } = await desk.output('session:status');
  return { desk, staffId: staff!.id, displayName: staff!.displayName };
}

/** Polls tightly (the delivery is a local HTTP call away); waitFor's 50 ms would dominate the timing. */
async function settled(m: Moderator, entryId: number): Promise<OutboxEntry> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { entries } = await m.desk.output('outbox:list');
    const entry = entries.find((e) => e.id === entryId);
    if (entry && (entry.state === 'delivered' || entry.state === 'refused')) return entry;
    if (Date.now() > deadline) throw new Error(`outbox entry ${entryId} of ${m.displayName} never settled (${entry?.state ?? 'gone'})`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Both consoles decide one listing at the same moment; returns what went wrong, if anything. */
async function decideRace(sandbox: RunningSandbox, listingId: string, [a, b]: [Moderator, Moderator], wins: Map<string, number>): Promise<string[]> {
  const { version } = sandbox.db.prepare('SELECT version FROM listings WHERE id = ?').get(listingId) as { version: number };
  const draft = { listingId, action: 'approve', reasonCode: null, basedOnVersion: version };
  const queued = await Promise.all([a.desk.invoke('moderation:decide', draft), b.desk.invoke('moderation:decide', draft)]);
  if (!queued[0].ok || !queued[1].ok) return [`${listingId}: a console refused to queue the decision: ${JSON.stringify(queued)}`];
  const outcomes = await Promise.all([settled(a, (queued[0].output as OutboxEntry).id), settled(b, (queued[1].output as OutboxEntry).id)]);
  const problems: string[] = [];
  const delivered = outcomes.filter((o) => o.state === 'delivered').length;
  const decisions = (sandbox.db.prepare('SELECT staff_id FROM decisions WHERE listing_id = ?').all(listingId) as { staff_id: string }[]).map((d) => d.staff_id);
  if (delivered !== 1) problems.push(`${listingId}: ${delivered} of 2 decisions delivered (${outcomes.map((o) => o.refusal?.code ?? o.state).join(', ')})`);
  if (decisions.length !== 1) problems.push(`${listingId}: the platform holds ${decisions.length} decisions`);
  const winnerIndex = outcomes.findIndex((o) => o.state === 'delivered');
  if (delivered === 1 && decisions.length === 1) {
    const [winner, loser] = winnerIndex === 0 ? [a, b] : [b, a];
    const refusal = outcomes[1 - winnerIndex]!.refusal;
    wins.set(winner.displayName, (wins.get(winner.displayName) ?? 0) + 1);
    if (decisions[0] !== winner.staffId) problems.push(`${listingId}: the platform's decision is ${decisions[0]}'s, the delivered one ${winner.staffId}'s`);
    if (!refusal || !conflictCodes.has(refusal.code)) problems.push(`${listingId}: ${loser.displayName} was refused with ${refusal?.code ?? 'nothing'}, not a conflict`);
    const named = refusal?.conflict?.lastDecision?.staffName ?? refusal?.conflict?.holder?.displayName;
    if (named !== winner.displayName) problems.push(`${listingId}: the refusal names ${named ?? 'nobody'}, not the winner ${winner.displayName}`);
  }
  // Refusals stay in the outbox until dismissed; clearing them keeps later rounds' polls small.
  for (const [m, o] of [[a, outcomes[0]!], [b, outcomes[1]!]] as const) {
    if (o.state === 'refused') await m.desk.output('outbox:dismiss', { id: o.id });
  }
  return problems;
}

/** Both consoles open (claim) one listing at the same moment. */
async function claimRace(sandbox: RunningSandbox, listingId: string, [a, b]: [Moderator, Moderator], wins: Map<string, number>): Promise<string[]> {
  const answers = await Promise.all([a.desk.output('moderation:open', { listingId }), b.desk.output('moderation:open', { listingId })]);
  const claimed = answers.filter((x) => x.claimed).length;
  const holders = sandbox.db.prepare('SELECT staff_id FROM claims WHERE listing_id = ?').all(listingId) as { staff_id: string }[];
  if (claimed !== 1) return [`${listingId}: ${claimed} of 2 consoles claimed it`];
  const [winner, loser] = answers[0]!.claimed ? [a, b] : [b, a];
  wins.set(winner.displayName, (wins.get(winner.displayName) ?? 0) + 1);
  const problems: string[] = [];
  const loserAnswer = answers[0]!.claimed ? answers[1]! : answers[0]!;
  if (loserAnswer.holderName !== winner.displayName) problems.push(`${listingId}: ${loser.displayName} was told the holder is ${loserAnswer.holderName}, not ${winner.displayName}`);
  if (holders.length !== 1 || holders[0]!.staff_id !== winner.staffId) problems.push(`${listingId}: the platform's claims are ${JSON.stringify(holders)}`);
  return problems;
}

const tally = (wins: Map<string, number>) => [...wins].map(([name, n]) => `${name} ${n}`).join(' / ');

export const contention: ChaosScenario = {
  id: 'contention',
  fault: 'two consoles (mod.chen, mod.lin) decide and claim the same listing at the same moment',
  mustHold: 'exactly one succeeds each time; the other gets a conflict naming the winner; the platform holds one decision per listing',
  async run(scale) {
    const n = rounds[scale];
    const folder = temporaryFolder('chaos-contention-');
    // About a quarter of seeded listings are pending; decisions need n of them, claims take any n others.
    const sandbox = await startTestSandbox(folder.path, { listings: Math.max(500, n * 5) });
    const consoles: Moderator[] = [];
    try {
      consoles.push(await moderator(sandbox.url, 'mod.chen'), await moderator(sandbox.url, 'mod.lin'));
      const pair = consoles as [Moderator, Moderator];
      const pending = (sandbox.db.prepare("SELECT id FROM listings WHERE status = 'pending' AND escalated = 0 ORDER BY id LIMIT ?").all(n) as { id: string }[]).map((r) => r.id);
      const others = (sandbox.db.prepare("SELECT id FROM listings WHERE status <> 'pending' ORDER BY id LIMIT ?").all(n) as { id: string }[]).map((r) => r.id);
      if (pending.length < n || others.length < n) throw new Error(`the sandbox has ${pending.length} pending and ${others.length} other listings, ${n} of each needed`);
      const problems: string[] = [];
      const decideWins = new Map<string, number>();
      const claimWins = new Map<string, number>();
      let started = Date.now();
      // Alternate who calls first: on one machine the call issued first tends to reach the platform first, so
      // alternating makes each moderator both winner and loser, and the conflict is checked from both sides.
      for (const [i, id] of pending.entries()) problems.push(...(await decideRace(sandbox, id, i % 2 ? [pair[1], pair[0]] : pair, decideWins)));
      const decideMs = Date.now() - started;
      started = Date.now();
      for (const [i, id] of others.entries()) problems.push(...(await claimRace(sandbox, id, i % 2 ? [pair[1], pair[0]] : pair, claimWins)));
      const claimMs = Date.now() - started;
      const doubles = (sandbox.db.prepare(`SELECT count(*) AS n FROM (SELECT listing_id FROM decisions WHERE listing_id IN (${pending.map(() => '?').join(',')}) GROUP BY listing_id HAVING count(*) <> 1)`).get(...pending) as { n: number }).n;
      if (doubles > 0) problems.push(`${doubles} listings do not hold exactly one decision on the platform`);
      return {
        ok: problems.length === 0,
        measured:
          `${n} decide races in ${(decideMs / 1000).toFixed(1)} s (won: ${tally(decideWins)}), ${n} claim races in ${(claimMs / 1000).toFixed(1)} s ` +
          `(won: ${tally(claimWins)}); ${n - doubles}/${n} listings hold exactly one decision`,
        problems: problems.slice(0, 50),
      } satisfies ChaosResult;
    } finally {
      for (const c of consoles) await c.desk.close();
      await sandbox.close();
      folder.remove();
    }
  },
};
