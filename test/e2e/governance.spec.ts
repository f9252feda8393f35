import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { platformDb } from './support/platform-db';
import { E2E_PASSWORD, startDesk, startPlatform, temporaryDir } from './support/processes';
import { signIn } from './support/session';

/** Opens the first pending listing and reveals the first masked phone in it, for a stated reason. */
async function revealFirstPhone(page: Page) {
  await page.getByTestId('queue-row').first().click();
  const detail = page.getByTestId('listing-detail');
  const button = detail.getByTestId('reveal-button').first();
  const masked = /（(\d{3})\*{4}(\d{4})）/.exec((await button.getAttribute('aria-label')) ?? (await button.textContent()) ?? '')!;
  await button.click();
  const dialog = page.getByTestId('reveal-dialog');
  // Without a reason nothing is fetched.
  await dialog.getByTestId('reveal-confirm').click();
  await expect(dialog).toContainText('请选择查看原因');
  await dialog.getByRole('radio', { name: '调查欺诈' }).check();
  await dialog.getByTestId('reveal-confirm').click();
  const revealed = detail.getByTestId('revealed-phone');
  await expect(revealed).toHaveText(new RegExp(`^${masked[1]}\\d{4}${masked[2]}$`));
  return (await revealed.textContent())!;
}

test('a moderator reveals a phone for a reason, briefly; the DPO finds it in the trail, and an edited row breaks the chain there', async ({ browser }) => {
  const platformData = temporaryDir('platform-e2e-');
  const modData = temporaryDir('desk-e2e-');
  const dpoData = temporaryDir('desk-e2e-');
  const platform = await startPlatform(platformData.path);
  const [modDesk, dpoDesk] = await Promise.all([startDesk(modData.path, { platformUrl: platform.url }), startDesk(dpoData.path, { platformUrl: platform.url })]);
  const [modContext, dpoContext] = await Promise.all([browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] }), browser.newContext({ acceptDownloads: true })]);
  const db = platformDb(platformData.path);
  try {
    const [mod, dpo] = await Promise.all([modContext.newPage(), dpoContext.newPage()]);
    await mod.clock.install();
    await Promise.all([signIn(mod, modDesk.url, 'mod.chen'), signIn(dpo, dpoDesk.url, 'dpo.zhou', 'rights')]);

    const phone = await revealFirstPhone(mod);
    await mod.getByTestId('reveal-copy').click();
    await expect(mod.getByTestId('reveal-copied')).toContainText('已记入审计日志');
    expect(await mod.evaluate(() => navigator.clipboard.readText())).toBe(phone);
    // Thirty seconds later the number is masked again.
    await mod.clock.fastForward('00:31');
    await expect(mod.getByTestId('revealed-phone')).toHaveCount(0);
    await expect(mod.getByTestId('listing-detail')).not.toContainText(phone);

    const reveal = db.one<{ seq: number; staffId: string; detail: string }>("SELECT seq, staff_id AS staffId, detail FROM audit_events WHERE action = 'pii.reveal' ORDER BY seq DESC LIMIT 1")!;
    expect(reveal.staffId).toBe('stf_0001');
    expect(JSON.parse(reveal.detail).reason).toContain('调查欺诈');
    expect(db.one("SELECT action FROM audit_events WHERE action = 'pii.copy' AND staff_id = 'stf_0001'")).toEqual({ action: 'pii.copy' });
    expect(db.one('SELECT count(*) AS n FROM audit_events WHERE detail LIKE ?', `%${phone}%`)).toEqual({ n: 0 });

    // The DPO's trail: the reveal, by name; the chain intact.
    await dpo.getByRole('navigation').getByRole('button', { name: '审计日志' }).click();
    await dpo.getByTestId('audit-filter-action').fill('pii.reveal');
    await dpo.getByTestId('audit-filter-apply').click();
    const row = dpo.locator(`[data-testid="audit-row"][data-seq="${reveal.seq}"]`);
    await expect(row).toContainText('陈晓峰');
    await dpo.getByTestId('audit-verify').click();
    await expect(dpo.getByTestId('audit-verify-result')).toHaveAttribute('data-intact', 'true');

    // Someone with database access rewrites the reveal's reason (dropping the trigger that refuses it, as they could).
    const writable = new Database(join(platformData.path, 'platform.sqlite'));
    writable.exec('DROP TRIGGER audit_events_never_rewritten');
    writable.prepare('UPDATE audit_events SET detail = ? WHERE seq = ?').run(JSON.stringify({ field: 'phone', reason: '例行抽查' }), reveal.seq);
    writable.close();
    await dpo.getByTestId('audit-verify').click();
    await expect(dpo.getByTestId('audit-verify-result')).toHaveAttribute('data-broken-seq', String(reveal.seq));

    // An exported range re-verifies offline, and names the same row.
    await dpo.getByTestId('audit-export-from').fill(String(Math.max(1, reveal.seq - 5)));
    await dpo.getByTestId('audit-export-to').fill(String(reveal.seq));
    await dpo.getByTestId('audit-export-button').click();
    const [download] = await Promise.all([dpo.waitForEvent('download'), dpo.getByTestId('audit-export-download').click()]);
    const file = join(dpoData.path, 'audit-export.json');
    await download.saveAs(file);
    const verdict = (() => {
      try {
        return { status: 0, out: execFileSync('node', ['resources/audit/verify-audit-export.mjs', file], { encoding: 'utf8' }) };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { status: failed.status, out: failed.stdout };
      }
    })();
    expect(verdict.status).toBe(1);
    expect(verdict.out).toContain(`seq ${reveal.seq}`);
  } finally {
    await Promise.all([modContext.close(), dpoContext.close()]);
    await Promise.all([modDesk.stop(), dpoDesk.stop()]);
    await platform.stop();
    for (const dir of [modData, dpoData, platformData]) dir.remove();
  }
});

test('the console locks after the idle minutes set, hides the work, and unlocks with the password', async ({ page }) => {
  const data = temporaryDir('desk-e2e-');
  const desk = await startDesk(data.path);
  try {
    await page.clock.install();
    await signIn(page, desk.url, 'mod.chen');
    await page.getByTestId('console-settings-button').click();
    await page.getByTestId('idle-minutes-input').fill('2');
    await page.getByTestId('idle-minutes-save').click();
    await page.getByTestId('queue-row').first().click();

    await page.clock.fastForward('01:30');
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await page.clock.fastForward('00:45');
    const lock = page.getByTestId('lock-screen');
    await expect(lock).toBeVisible();
    await expect(lock).toContainText('陈晓峰');
    await expect(page.getByTestId('queue-table')).toBeHidden();
    // A reload does not get past the lock: the core holds it.
    await page.reload();
    await expect(page.getByTestId('lock-screen')).toBeVisible();

    await page.getByTestId('lock-password').fill('not-the-password');
    await page.getByTestId('lock-unlock').click();
    await expect(lock).toContainText('密码不正确');
    await page.getByTestId('lock-password').fill(E2E_PASSWORD);
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await expect(page.getByTestId('queue-table')).toBeVisible();
  } finally {
    await desk.stop();
    data.remove();
  }
});
