import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createFlagRules, flagListing, parseFlagConfig } from '../../shared/moderation/flags';
import type { Listing } from '../../shared/platform/entities';

import { decisionsOn, platformToken } from './support/platform';
import { startDesk, temporaryDir } from './support/processes';
import { signIn } from './support/session';

const keywords: unknown = JSON.parse(readFileSync(new URL('../../resources/moderation/flag-keywords.json', import.meta.url), 'utf8'));

/** Decisions on the platform, by listing, asked over its own HTTP API. */
async function platformDecisions(platformUrl: string, listingIds: string[]) {
  return (await Promise.all(listingIds.map((id) => decisionsOn(platformUrl, id)))).flat();
}

test('a moderator clears ten items by keyboard alone', async ({ page }) => {
  const data = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path);
  try {
    await signIn(page, desk.url, 'mod.chen');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('listing-detail');
    await expect(detail).toBeVisible();
    const decided: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const id = (await detail.getAttribute('data-listing-id'))!;
      decided.push(id);
      if (i % 2 === 0) {
        await page.keyboard.press('a');
      } else {
        await page.keyboard.press('r');
        await page.keyboard.press('2');
        await page.keyboard.press('Enter');
      }
      await expect(detail).not.toHaveAttribute('data-listing-id', id);
    }
    expect(new Set(decided).size).toBe(10);
    await expect.poll(async () => (await platformDecisions(desk.platformUrl, decided)).length, { timeout: 30_000 }).toBe(10);
    const actions = (await platformDecisions(desk.platformUrl, decided)).map((d) => d.action).sort();
    expect(actions).toEqual([...Array(5).fill('approve'), ...Array(5).fill('reject')]);
  } finally {
    await desk.stop();
    data.remove();
  }
});

test('two moderators never receive the same item from "next"', async ({ browser }) => {
  const data = temporaryDir('desk-e2e-');
  const second = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path);
  const other = await startDesk(second.path, { platformUrl: desk.platformUrl });
  const [chenContext, linContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [chen, lin] = await Promise.all([chenContext.newPage(), linContext.newPage()]);
    await Promise.all([signIn(chen, desk.url, 'mod.chen'), signIn(lin, other.url, 'mod.lin')]);
    const seen = { chen: [] as string[], lin: [] as string[] };
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([chen.keyboard.press('n'), lin.keyboard.press('n')]);
      const [a, b] = await Promise.all(
        [chen, lin].map(async (page, i) => {
          const previous = i === 0 ? seen.chen.at(-1) : seen.lin.at(-1);
          const detail = page.getByTestId('listing-detail');
          if (previous) await expect(detail).not.toHaveAttribute('data-listing-id', previous);
          await expect(detail).toHaveAttribute('data-listing-id', /lst_/);
          return (await detail.getAttribute('data-listing-id'))!;
        }),
      );
      seen.chen.push(a!);
      seen.lin.push(b!);
    }
    const overlap = seen.chen.filter((id) => seen.lin.includes(id));
    expect(overlap).toEqual([]);
  } finally {
    await chenContext.close();
    await linContext.close();
    await other.stop();
    await desk.stop();
    data.remove();
    second.remove();
  }
});

test('a senior moderator rejects a duplicate cluster in bulk, after a dry run, and undoes it', async ({ page }) => {
  const data = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path, { listings: 600 });
  try {
    await signIn(page, desk.url, 'senior.wang');
    await page.getByRole('link', { name: /重复/ }).or(page.getByRole('tab', { name: /重复/ })).or(page.getByRole('button', { name: /重复/ })).first().click();
    const cluster = page.getByTestId('cluster').first();
    await expect(cluster).toBeVisible();
    await cluster.getByTestId('bulk-button').click();
    const dialog = page.getByTestId('bulk-dialog');
    await dialog.getByRole('combobox').first().selectOption({ label: (await dialog.getByRole('option', { name: /重复/ }).first().textContent())! }).catch(() => undefined);
    const dry = dialog.getByTestId('bulk-dry-run-results');
    await expect(dry).toBeVisible();
    const memberIds = await dry.locator('[data-listing-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-listing-id')!));
    expect(memberIds.length).toBeGreaterThan(1);
    expect(await platformDecisions(desk.platformUrl, memberIds)).toEqual(expect.not.arrayContaining([expect.objectContaining({ batchId: expect.any(String) })]));
    await dialog.getByTestId('bulk-apply').click();
    await expect(dialog.getByTestId('bulk-results')).toBeVisible();
    await expect.poll(async () => (await platformDecisions(desk.platformUrl, memberIds)).filter((d) => d.batchId !== null).length).toBeGreaterThan(0);
    await dialog.getByTestId('bulk-undo').click();
    await expect
      .poll(async () => (await platformDecisions(desk.platformUrl, memberIds)).filter((d) => d.batchId !== null && d.undoneAt === null).length)
      .toBe(0);
  } finally {
    await desk.stop();
    data.remove();
  }
});

test("a flag's highlighted span is exactly the text its rule matched", async ({ page }) => {
  const data = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path);
  try {
    await signIn(page, desk.url, 'mod.lin');
    await page.getByRole('tab', { name: /自动标记/ }).click();
    // A contact detail written into the text: a rule with spans to highlight (a price flag has none).
    await page.getByTestId('filter-flag').selectOption('contact_in_text');
    await page.getByTestId('queue-row').first().click();
    const detail = page.getByTestId('listing-detail');
    const marks = detail.getByTestId('flag-span');
    await expect(marks.first()).toBeVisible();
    const shown = await marks.evaluateAll((els) => els.map((el) => ({ rule: el.getAttribute('data-rule')!, text: el.textContent ?? '' })));
    // Run the rules themselves on the listing as the platform holds it: the page must mark the same characters.
    const listingId = (await detail.getAttribute('data-listing-id'))!;
    const token = await platformToken(desk.platformUrl);
    const listing = (await (await fetch(`${desk.platformUrl}/v1/listings/${listingId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Listing;
    const expected = flagListing(createFlagRules(parseFlagConfig(keywords)), listing, { medianPriceFen: null }).flatMap((flag) =>
      flag.spans.map((span) => ({ rule: flag.rule, text: listing[span.field].slice(span.start, span.end) })),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(shown).toEqual(expect.arrayContaining(expected));
    expect(shown.length).toBe(expected.length);
  } finally {
    await desk.stop();
    data.remove();
  }
});
