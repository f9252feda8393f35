import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './processes';

/** Signs in through the real sign-in form and waits for the first queue rows. */
export async function signIn(page: Page, url: string, username: string) {
  await page.goto(url);
  const form = page.getByTestId('sign-in-form');
  await form.getByLabel(/用户名/).fill(username);
  await form.getByLabel(/密码/).fill(E2E_PASSWORD);
  await form.getByRole('button', { name: /登录/ }).click();
  await expect(page.getByTestId('queue-table')).toBeVisible();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
}
