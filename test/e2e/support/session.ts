import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './processes';

/** Signs in through the real sign-in form and waits for the first queue rows (or the given area). */
export async function signIn(page: Page, url: string, username: string, landing: 'moderation' | 'rights' | 'legal' = 'moderation') {
  await page.goto(url);
  const form = page.getByTestId('sign-in-form');
  await form.getByLabel(/用户名/).fill(username);
  await form.getByLabel(/密码/).fill(E2E_PASSWORD);
  await form.getByRole('button', { name: /登录/ }).click();
  if (landing !== 'moderation') {
    await expect(page.getByTestId(`${landing}-area`)).toBeVisible();
    return;
  }
  await expect(page.getByTestId('queue-table')).toBeVisible();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
}

/** Until the console's sync has finished a whole pass: figures read before that count a partial cache. */
export async function syncSettled(page: Page) {
  const bar = page.getByTestId('sync-status');
  await expect(bar).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 });
  await expect(bar).toHaveAttribute('data-phase', 'idle', { timeout: 30_000 });
}
