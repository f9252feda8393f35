import { startTestSandbox, temporaryFolder } from '../fixtures/sandbox';
import { corruptionRun } from './disk-and-corruption.corruption';
import { diskFullRun } from './disk-and-corruption.disk-full';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';

/** CI keeps the row well under a minute; the soak's 20,000 listings also give the quick_check figure at full size. */
const scales: Record<ChaosScale, { listings: number; decisions: number }> = {
  ci: { listings: 2_000, decisions: 10 },
  soak: { listings: 20_000, decisions: 50 },
};

export const diskAndCorruption: ChaosScenario = {
  id: 'disk-and-corruption',
  fault: 'disk full or cache file corrupted',
  mustHold: 'a clear message and a way to rebuild the cache from the platform; no outbox entry lost (outbox kept separately)',
  run: (scale) => diskAndCorruptionRun(scales[scale]),
};

async function diskAndCorruptionRun(scale: { listings: number; decisions: number }): Promise<ChaosResult> {
  const platformDir = temporaryFolder('chaos-platform-');
  const sandbox = await startTestSandbox(platformDir.path, { listings: scale.listings, validateResponses: false });
  const problems: string[] = [];
  const measured: string[] = [];
  try {
    for (const [label, part] of [['disk full', diskFullRun], ['corrupted', corruptionRun]] as const) {
      try {
        const result = await part(sandbox, scale.decisions);
        measured.push(`${label}: ${result.measured}`);
        problems.push(...result.problems.map((p) => `${label}: ${p}`));
      } catch (error) {
        problems.push(`${label}: ${(error as Error).message}`);
      }
    }
  } finally {
    await sandbox.close();
    platformDir.remove();
  }
  return { ok: problems.length === 0, measured: measured.join(' | '), problems };
}
