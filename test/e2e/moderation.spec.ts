import { expect, test, type Page } from '@playwright/test';
import { decisionsOn } from './support/platform';
import { startDesk, startPlatform, temporaryDir } from './support/processes';
import { signIn } from './support/session';

async function rejectSelected(page: Page, reasonLabel: RegExp) {
  const detail = page.getByTestId('listing-detail');
  const listingId = await detail.getAttribute('data-listing-id');
  await page.getByTestId('reject-button').click();
  const chooser = page.getByTestId('reject-reason');
  if ((await chooser.evaluate((el) => el.tagName)) === 'SELECT') await chooser.selectOption({ label: (await chooser.locator('option').filter({ hasText: reasonLabel }).first().textContent())! });
  else await chooser.getByLabel(reasonLabel).check();
  await page.getByTestId('confirm-reject').click();
  return listingId!;
}

test('a moderator rejects a listing with a reason, and the platform records it exactly once', async ({ page }) => {
  const data = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path);
  try {
    await signIn(page, desk.url, 'mod.chen');
    const firstRow = page.getByTestId('queue-row').first();
    await firstRow.click();
    const detail = page.getByTestId('listing-detail');
    await expect(detail).toHaveAttribute('data-listing-id', (await firstRow.getAttribute('data-listing-id'))!);
    await expect(detail).toContainText(/\d{3}\*{4}\d{4}/);
    const listingId = await rejectSelected(page, /诈骗|定金/);
    // The next listing opens, and the decided one leaves the queue.
    await expect(detail).not.toHaveAttribute('data-listing-id', listingId);
    await expect(page.locator(`[data-testid="queue-row"][data-listing-id="${listingId}"]`)).toHaveCount(0);
    await expect(page.getByTestId('pending-outbox-count')).toContainText('0');
    await expect.poll(() => decisionsOn(desk.platformUrl, listingId)).toHaveLength(1);
    const [decision] = await decisionsOn(desk.platformUrl, listingId);
    expect(decision).toMatchObject({ action: 'reject', reasonCode: 'fraud_deposit', staffName: '陈晓峰' });
  } finally {
    await desk.stop();
    data.remove();
  }
});

test('a decision made while the platform is down is delivered once when it returns', async ({ page }) => {
  const platformData = temporaryDir('platform-e2e-');
  const deskData = temporaryDir('desk-e2e-');
  let platform = await startPlatform(platformData.path);
  const desk = await startDesk(deskData.path, { platformUrl: platform.url });
  try {
    await signIn(page, desk.url, 'mod.lin');
    await page.getByTestId('queue-row').first().click();
    await platform.stop();
    const listingId = await rejectSelected(page, /联系方式|站外/);
    await expect(page.getByTestId('pending-outbox-count')).toContainText('1');
    await expect(page.getByTestId('offline-indicator')).toBeVisible();
    platform = await startPlatform(platformData.path, platform.port);
    await expect(page.getByTestId('pending-outbox-count')).toContainText('0', { timeout: 60_000 });
    await expect(page.getByTestId('offline-indicator')).toHaveCount(0);
    expect(await decisionsOn(platform.url, listingId)).toHaveLength(1);
  } finally {
    await desk.stop();
    await platform.stop();
    platformData.remove();
    deskData.remove();
  }
});

test('the console speaks Chinese by default and English on the switch, and back', async ({ page }) => {
  const data = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path);
  try {
    await signIn(page, desk.url, 'mod.chen');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation')).toContainText('审核队列');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByRole('navigation')).toContainText(/Moderation queue/i);
    await expect(page.getByTestId('sync-status')).not.toContainText('同步');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('navigation')).toContainText(/Moderation queue/i);
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByRole('navigation')).toContainText('审核队列');
  } finally {
    await desk.stop();
    data.remove();
  }
});
