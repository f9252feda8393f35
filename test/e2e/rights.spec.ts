import { expect, test, type Page } from '@playwright/test';
import { platformDb } from './support/platform-db';
import { startDesk, startPlatform, temporaryDir } from './support/processes';
import { signIn } from './support/session';

/** A CS agent's working session: own platform (so the test can read its SMS log), own console. */
async function withDesk(run: (page: Page, db: ReturnType<typeof platformDb>) => Promise<void>, page: Page) {
  const platformData = temporaryDir('platform-e2e-');
  const deskData = temporaryDir('desk-e2e-');
  const platform = await startPlatform(platformData.path);
  const desk = await startDesk(deskData.path, { platformUrl: platform.url });
  try {
    await signIn(page, desk.url, 'cs.zhao', 'rights');
    await run(page, platformDb(platformData.path));
  } finally {
    await desk.stop();
    await platform.stop();
    deskData.remove();
    platformData.remove();
  }
}

/** Takes the call: finds the account by listing id, fills the form, creates the ticket, and lands on it. */
async function fileTicket(page: Page, options: { listingId: string; type: RegExp; request: string; listingIds?: string }) {
  await page.getByRole('tab', { name: '新建工单' }).click();
  const form = page.getByTestId('intake-form');
  await form.getByRole('radio', { name: '信息编号' }).check();
  await form.getByTestId('account-query').fill(options.listingId);
  await form.getByTestId('account-search').click();
  await expect(form.getByTestId('account-chosen')).toBeVisible();
  await form.getByRole('radio', { name: options.type }).check();
  await form.getByLabel('申请人姓名').fill('王先生');
  await form.getByRole('radio', { name: '本人' }).check();
  await form.getByLabel('联系方式').fill('13800138000');
  await form.getByLabel('请求内容').fill(options.request);
  if (options.listingIds) await form.getByLabel(/涉及的信息编号/).fill(options.listingIds);
  await form.getByTestId('intake-submit').click();
  const detail = page.getByTestId('ticket-detail');
  await expect(detail.getByTestId('ticket-state')).toContainText('已受理');
  return detail;
}

/** Identity by the registered phone and a recent listing, as the caller states them. */
async function verifyByPhoneAndListing(page: Page, phone: string, listingId: string) {
  const panel = page.getByTestId('verification-panel');
  await panel.getByRole('radio', { name: /核对注册手机号/ }).check();
  await panel.getByTestId('verification-start').click();
  await panel.getByTestId('verification-phone').fill(phone);
  await panel.getByTestId('verification-listingId').fill(listingId);
  await panel.getByTestId('verification-check').click();
  await expect(panel.getByTestId('verification-outcome')).toContainText('身份核验已通过');
}

async function approveAndExecute(page: Page) {
  await page.getByTestId('ticket-approve').click();
  await expect(page.getByTestId('ticket-state')).toContainText('已批准');
  await page.getByTestId('ticket-execute').click();
  await page.getByTestId('confirm-execute').click();
}

test('a CS agent files a deletion from a call, verifies identity by SMS, and the listing is deleted on the platform', async ({ page }) => {
  await withDesk(async (page, db) => {
    const target = db.one<{ listingId: string; phone: string }>(
      `SELECT l.id AS listingId, u.phone FROM listings l JOIN users u ON u.id = l.seller_id
       WHERE l.status = 'published' AND u.status = 'active' AND l.seller_id NOT IN (SELECT user_id FROM legal_holds)
         AND l.seller_id NOT IN (SELECT user_id FROM rights_tickets) AND l.id NOT IN (SELECT listing_id FROM transactions)
       ORDER BY l.id LIMIT 1`,
    )!;
    const detail = await fileTicket(page, { listingId: target.listingId, type: /^删除$/, request: '来电要求删除这条出租信息', listingIds: target.listingId });
    const panel = detail.getByTestId('verification-panel');
    await panel.getByRole('radio', { name: /短信验证码/ }).check();
    await panel.getByTestId('verification-start').click();
    await expect(detail.getByTestId('ticket-state')).toContainText('待身份核验');
    await expect(detail.getByTestId('deadline-paused')).toBeVisible();
    await expect.poll(() => db.lastSmsCode(target.phone)).not.toBeNull();
    await panel.getByTestId('verification-code').fill(db.lastSmsCode(target.phone)!);
    await panel.getByTestId('verification-check').click();
    await expect(panel.getByTestId('verification-outcome')).toContainText('身份核验已通过');
    await expect(detail.getByTestId('ticket-state')).toContainText('审核中');
    await approveAndExecute(page);
    await expect(detail.getByTestId('ticket-state')).toContainText('已完成');
    await expect(detail.getByTestId('execution-verified')).toBeVisible();
    await expect(detail.getByTestId('execution-step').filter({ hasText: '发布的信息' })).toContainText('已删除');
    expect(db.one('SELECT id FROM listings WHERE id = ?', target.listingId)).toBeUndefined();
  }, page);
});

test('a cancellation keeps the transaction record anonymised and says which law keeps it', async ({ page }) => {
  await withDesk(async (page, db) => {
    const seller = db.one<{ userId: string; listingId: string; phone: string; transactionId: string }>(
      `SELECT u.id AS userId, l.id AS listingId, u.phone, t.id AS transactionId FROM transactions t
       JOIN listings l ON l.id = t.listing_id JOIN users u ON u.id = t.seller_id
       WHERE u.status = 'active' AND u.id NOT IN (SELECT user_id FROM legal_holds) AND u.id NOT IN (SELECT user_id FROM rights_tickets)
       ORDER BY t.id LIMIT 1`,
    )!;
    const detail = await fileTicket(page, { listingId: seller.listingId, type: /^注销$/, request: '来电要求注销账号' });
    await verifyByPhoneAndListing(page, seller.phone, seller.listingId);
    await approveAndExecute(page);
    await expect(detail.getByTestId('ticket-state')).toContainText('已完成');
    const kept = detail.getByTestId('execution-step').filter({ has: page.getByRole('rowheader', { name: '交易记录' }) });
    await expect(kept).toContainText('已匿名化');
    await expect(kept).toContainText('《电子商务法》第三十一条');
    // On the platform: the account is anonymised, and the transaction is still there, marked anonymised.
    expect(db.one<{ status: string; phone: string | null }>('SELECT status, phone FROM users WHERE id = ?', seller.userId)).not.toMatchObject({ status: 'active' });
    expect(db.one<{ phone: string | null }>('SELECT phone FROM users WHERE id = ?', seller.userId)!.phone).not.toBe(seller.phone);
    expect(db.one('SELECT anonymised FROM transactions WHERE id = ?', seller.transactionId)).toEqual({ anonymised: 1 });
    // And the letter the user will receive says why the record was kept.
    await expect(detail.getByTestId('reply-text')).toHaveValue(/电子商务法.*第三十一条/);
  }, page);
});

test('a ticket for an account under legal hold cannot be executed, and the agent is told only that a hold applies', async ({ page }) => {
  await withDesk(async (page, db) => {
    const held = db.one<{ userId: string; listingId: string; phone: string }>(
      `SELECT h.user_id AS userId, l.id AS listingId, u.phone FROM legal_holds h JOIN users u ON u.id = h.user_id
       JOIN listings l ON l.seller_id = h.user_id
       WHERE h.lifted_at IS NULL AND (h.expires_at IS NULL OR h.expires_at > ?) ORDER BY l.id LIMIT 1`,
      new Date().toISOString(),
    )!;
    const detail = await fileTicket(page, { listingId: held.listingId, type: /^注销$/, request: '来电要求注销账号' });
    await verifyByPhoneAndListing(page, held.phone, held.listingId);
    await page.getByTestId('ticket-approve').click();
    await expect(detail.getByTestId('ticket-state')).toContainText('已批准');
    await expect(detail.getByTestId('legal-hold-notice')).toContainText('法律保全');
    await expect(detail.getByTestId('legal-hold-notice')).toContainText('请勿向用户透露');
    await expect(detail.getByTestId('ticket-execute')).toBeDisabled();
    expect(db.one<{ status: string }>('SELECT status FROM users WHERE id = ?', held.userId)!.status).not.toBe('anonymised');
  }, page);
});
