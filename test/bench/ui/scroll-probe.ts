import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface ScrollRun {
  steps: number;
  ms: number;
  longTasks: number[];
  /** Rows still waiting for their page when each step's frame was drawn, summed: how far loading lagged. */
  loadingRowFrames: number;
}

/**
 * Scrolls the queue from top to bottom in steps of `stepPx`, one step per frame (two
 * requestAnimationFrames: the step's frame is drawn before the next), while a
 * PerformanceObserver collects every long task. A string, not a function: tsx wraps functions
 * in a __name helper the page lacks.
 */
export async function scrollWholeQueue(page: Page, stepPx: number): Promise<ScrollRun> {
  return (await page.evaluate(`(async () => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); });
    observer.observe({ type: 'longtask' });
    const scroller = document.querySelector('[data-queue-scroll]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const started = performance.now();
    let steps = 0;
    let loadingRowFrames = 0;
    scroller.scrollTop = 0;
    await frame();
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += ${stepPx};
      steps += 1;
      await frame();
      loadingRowFrames += scroller.querySelectorAll('.queue-row-loading').length;
    }
    // The last long tasks are reported after they end.
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return { steps, ms: performance.now() - started, longTasks, loadingRowFrames };
  })()`)) as ScrollRun;
}

/** Wheel steps at the top of the queue, as a mouse does, for the same observer's view of real input. */
export async function wheelTop(page: Page, steps: number): Promise<number[]> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); }).observe({ type: 'longtask' });
  })()`);
  const box = await page.getByTestId('queue-table').boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + 200);
  for (let i = 0; i < steps; i += 1) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  return (await page.evaluate('window.__longTasks')) as number[];
}

/** A heap snapshot of the page (after a full collection), for DevTools' Memory tab. */
export async function writeHeapSnapshot(page: Page, file: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await session.detach();
  writeFileSync(file, chunks.join(''));
}
