import type { Page } from 'playwright-core';

/**
 * Installs, in the page, the clock for decide-and-next: the decision key's keydown timestamp
 * (event.timeStamp, the same time origin as performance.now()) to the moment the detail pane
 * carries a different data-listing-id (a MutationObserver: the DOM commit) and to the next
 * animation frame after it (the frame that shows it).
 */
// A string, not a function: tsx (esbuild keepNames) wraps functions in a __name helper the page lacks.
const clockScript = (key: string) => `(() => {
  const state = { pressedAt: null, shownId: null, samples: [] };
  window.__decideNext = state;
  const current = () => document.querySelector('[data-testid="listing-detail"][data-listing-id]')?.dataset.listingId ?? null;
  state.shownId = current();
  // Capture phase on window: before the page's own handlers run.
  window.addEventListener('keydown', (event) => {
    if (event.key === ${JSON.stringify(key)}) state.pressedAt = event.timeStamp;
  }, true);
  new MutationObserver(() => {
    const id = current();
    if (id === null || id === state.shownId) return;
    state.shownId = id;
    if (state.pressedAt === null) return;
    const pressedAt = state.pressedAt;
    state.pressedAt = null;
    const committed = performance.now() - pressedAt;
    requestAnimationFrame(() => state.samples.push({ committed, framed: performance.now() - pressedAt }));
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-listing-id'] });
})()`;

export async function installDecisionClock(page: Page, decisionKey: string): Promise<void> {
  await page.evaluate(clockScript(decisionKey));
}

/**
 * Presses the key `count` times, each `readMs` after the previous next item is shown (a
 * moderator reads an item before deciding it; the console reads the following one meanwhile);
 * returns ms per decision.
 */
export async function timeDecisions(page: Page, key: string, count: number, readMs: number): Promise<{ committed: number[]; framed: number[] }> {
  const before = await page.evaluate('window.__decideNext.samples.length') as number;
  for (let i = 1; i <= count; i += 1) {
    await page.waitForTimeout(readMs);
    await page.keyboard.press(key);
    await page.waitForFunction(`window.__decideNext.samples.length >= ${before + i}`, undefined, { timeout: 15_000 });
  }
  const samples = (await page.evaluate(`window.__decideNext.samples.slice(${before})`)) as { committed: number; framed: number }[];
  return { committed: samples.map((s) => s.committed), framed: samples.map((s) => s.framed) };
}
