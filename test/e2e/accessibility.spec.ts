import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, startDesk, temporaryDir } from './support/processes';

const seriousOrWorse = (violations: { impact?: string | null; id: string; nodes: { target: unknown }[] }[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);

test('the sign-in and queue pages have no serious or critical accessibility violations', async ({ page }) => {
  const data = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path);
  try {
    await page.goto(desk.url);
    await expect(page.getByTestId('sign-in-form')).toBeVisible();
    expect(seriousOrWorse((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);

    const form = page.getByTestId('sign-in-form');
    await form.getByLabel(/用户名/).fill('mod.chen');
    await form.getByLabel(/密码/).fill(E2E_PASSWORD);
    await form.getByRole('button', { name: /登录/ }).click();
    await page.getByTestId('queue-row').first().click();
    await expect(page.getByTestId('listing-detail')).toBeVisible();
    expect(seriousOrWorse((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);
  } finally {
    await desk.stop();
    data.remove();
  }
});
