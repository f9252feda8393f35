import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../test/fixtures/console-parts';
import { temporaryFolder } from '../../test/fixtures/folders';
import { waitFor } from '../../test/fixtures/wait';
import { BACKGROUND_NICE, lowerThreadPriority } from './background-priority';
import { SideConnection } from './storage/side-connection';
import { WorkerFeedReader } from './sync/feed-reader';
import { WorkerFeedWriter } from './sync/worker-feed-writer';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** A thread's nice value as the kernel keeps it: the 19th field of its stat line. */
function niceOf(thread: string): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
    // The fields after the command name, which may hold spaces, start at the 3rd.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  } catch {
    return null; // ended between the listing and the read
  }
}

/** This process's threads now at the background's nice value. */
const backgroundThreads = () => new Set(readdirSync('/proc/self/task').filter((thread) => niceOf(thread) === BACKGROUND_NICE));

const newlyInBackground = (before: Set<string>) => [...backgroundThreads()].filter((thread) => !before.has(thread));

describe('lowerThreadPriority', () => {
  const calls: [number, number][] = [];
  const os = { setPriority: (thread: number, nice: number) => void calls.push([thread, nice]) };

  it('on Linux, sets the nice value of the thread /proc/thread-self names, and of no other', () => {
    calls.length = 0;
    expect(lowerThreadPriority({ readlinkSync: () => '4100/task/4123' }, os, 'linux', 19)).toBe(true);
    expect(calls).toEqual([[4123, 19]]);
  });

  it('elsewhere, where a priority is the whole process’s, or where the kernel refuses, changes nothing and says so', () => {
    calls.length = 0;
    expect(lowerThreadPriority({ readlinkSync: () => '4100/task/4123' }, os, 'darwin', 19)).toBe(false);
    expect(lowerThreadPriority({ readlinkSync: () => '4100/task/4123' }, os, 'win32', 19)).toBe(false);
    expect(calls).toEqual([]);
    const noProc = { readlinkSync: () => { throw new Error('ENOENT: /proc/thread-self'); } };
    expect(lowerThreadPriority(noProc, os, 'linux', 19)).toBe(false);
    expect(lowerThreadPriority({ readlinkSync: () => 'thread-self' }, os, 'linux', 19)).toBe(false);
    const refusing = { setPriority: () => { throw new Error('EACCES'); } };
    expect(lowerThreadPriority({ readlinkSync: () => '4100/task/4123' }, refusing, 'linux', 19)).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')("the core's workers, each on a thread of its own at the background's priority", () => {
  const coreThread = readlinkSync('/proc/thread-self').split('/').pop()!;

  it('the side connection, the feed writer and the feed reader each lower their own thread, and the core’s stays as it was', async () => {
    const niceBefore = niceOf(coreThread);
    const { db, replica } = openReplica(folder.path);
    const started: { close(): void }[] = [];
    try {
      for (const [name, start] of [
        ['the side connection', () => new SideConnection(db, () => undefined)],
        ['the feed writer', () => new WorkerFeedWriter(replica, { autocheckpoint: true, log: () => undefined })],
        ['the feed reader', () => new WorkerFeedReader(() => undefined)],
      ] as const) {
        const before = backgroundThreads();
        started.push(start());
        // One thread more in the background for each worker: its own, set by itself as it starts.
        const added = await waitFor(() => (newlyInBackground(before).length > 0 ? newlyInBackground(before) : null), `${name}'s thread at nice ${BACKGROUND_NICE}`);
        expect(added).toHaveLength(1);
        expect(added).not.toContain(coreThread);
      }
      expect(niceOf(coreThread)).toBe(niceBefore);
      // Lowered, the side connection still answers.
      await expect((started[0] as SideConnection).all('SELECT count(*) AS n FROM listings')).resolves.toEqual([{ n: 0 }]);
    } finally {
      for (const worker of started.reverse()) worker.close();
      db.close();
    }
  });
});
