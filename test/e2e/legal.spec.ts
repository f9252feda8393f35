import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { platformDb } from './support/platform-db';
import { startDesk, startPlatform, temporaryDir } from './support/processes';
import { signIn, syncSettled } from './support/session';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const scan = Buffer.from('%PDF-1.4\n广州市公安局天河区分局 调取证据通知书 穗公（天）调证字〔2026〕9901号\n%%EOF\n', 'utf8');
const produced = Buffer.from('用户ID,昵称,注册手机号\n', 'utf8');

/** This quarter in Guangzhou, as the report's period selectors name it. */
function thisQuarter() {
  const [year, month] = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7).split('-').map(Number) as [number, number];
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

async function openTab(page: Page, name: string) {
  await page.getByTestId('legal-area').getByRole('tab', { name }).click();
}

/** The report's figure for this quarter, as the page shows it. */
async function reportFigures(page: Page) {
  await openTab(page, '透明度报告');
  const report = page.getByTestId('transparency-report');
  const { year, quarter } = thisQuarter();
  await report.getByLabel('年度').selectOption(String(year));
  await report.getByLabel('季度').selectOption(String(quarter));
  const figure = async (key: string) => Number(await report.getByTestId(`figure-${key}`).textContent());
  await expect(report.getByTestId('transparency-figures')).toBeVisible();
  return { requests: await figure('requests'), accountsSpecified: await figure('accountsSpecified'), noNotify: await figure('noNotify') };
}

test('legal staff register a police request with its scan, a colleague approves, the data handed over is recorded, and the report counts it', async ({ browser }) => {
  const platformData = temporaryDir('platform-e2e-');
  const liuData = temporaryDir('desk-e2e-');
  const huangData = temporaryDir('desk-e2e-');
  const platform = await startPlatform(platformData.path);
  const [liuDesk, huangDesk] = await Promise.all([startDesk(liuData.path, { platformUrl: platform.url }), startDesk(huangData.path, { platformUrl: platform.url })]);
  const [liuContext, huangContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  const db = platformDb(platformData.path);
  try {
    const [liu, huang] = await Promise.all([liuContext.newPage(), huangContext.newPage()]);
    await Promise.all([signIn(liu, liuDesk.url, 'legal.liu', 'legal'), signIn(huang, huangDesk.url, 'legal.huang', 'legal')]);
    await syncSettled(liu);
    const before = await reportFigures(liu);
    const target = db.one<{ id: string }>("SELECT id FROM users WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 7")!;

    await openTab(liu, '新建登记');
    const form = liu.getByTestId('disclosure-form');
    await form.getByLabel('机关类型').selectOption({ label: '公安机关' });
    await form.getByLabel('机关名称').fill('广州市公安局天河区分局');
    await form.getByLabel('办案人员 1 姓名').fill('李明');
    await form.getByLabel('办案人员 1 警号/工作证号').fill('440106123');
    await form.getByLabel('回拨核实电话').fill('020-83118000');
    await form.getByLabel('核实情况').fill('回拨分局值班室，确认两名民警在办此案');
    await form.getByLabel('文书类型').selectOption({ label: '调取证据通知书' });
    await form.getByLabel('文书编号').fill('穗公（天）调证字〔2026〕9901号');
    await form.getByLabel('批准人').fill('副局长 张志华');
    await form.getByLabel('案由').fill('涉嫌诈骗罪（二手手机虚假交易）');
    await form.getByLabel('法律依据').fill('《刑事诉讼法》第五十四条');
    await form.getByLabel('文书要求不得通知用户').check();
    await form.getByTestId('scan-input').setInputFiles({ name: '调取证据通知书.pdf', mimeType: 'application/pdf', buffer: scan });
    await expect(form.getByTestId('scan-input-list')).toContainText('调取证据通知书.pdf');
    const requested = form.getByTestId('scope-requested');
    await requested.getByLabel(/调取的账号/).fill(target.id);
    await requested.getByRole('checkbox', { name: '账号资料' }).check();
    await requested.getByRole('checkbox', { name: '注册手机号' }).check();
    await requested.getByLabel('起始日期').fill('2026-09-01');
    await requested.getByLabel('截止日期').fill('2026-11-20');

    // Ticking a category the document did not ask for is flagged at once, and cannot be saved unexplained.
    const disclosed = form.getByTestId('scope-disclosed');
    await disclosed.getByRole('checkbox', { name: /交易记录/ }).check();
    await expect(form.getByTestId('over-disclosure')).toContainText('交易记录');
    await form.getByTestId('disclosure-submit').click();
    await expect(form.getByTestId('disclosure-problems')).toContainText('超范围披露的理由');
    expect(db.one("SELECT id FROM disclosures WHERE request LIKE '%9901号%'")).toBeUndefined();
    // Back to exactly what was asked for.
    await disclosed.getByRole('checkbox', { name: /交易记录/ }).uncheck();
    await expect(form.getByTestId('over-disclosure')).toHaveCount(0);
    await form.getByTestId('disclosure-submit').click();

    const detail = liu.getByTestId('disclosure-detail');
    await expect(detail.getByTestId('disclosure-status')).toContainText('待批准');
    await expect(detail.getByTestId('approve-disclosure')).toBeDisabled();
    await expect(detail.getByTestId('approval-refusal')).toContainText('须由另一位法务人员批准');
    const entry = db.one<{ id: string; registerNumber: string; scopeDisclosed: string; overDisclosure: string | null }>(
      "SELECT id, register_number AS registerNumber, scope_disclosed AS scopeDisclosed, over_disclosure AS overDisclosure FROM disclosures WHERE request LIKE '%9901号%'",
    )!;
    expect(JSON.parse(entry.scopeDisclosed)).toEqual({ userIds: [target.id], categories: ['account_profile', 'registration_phone'], from: '2026-09-01', to: '2026-11-20' });
    expect(entry.overDisclosure).toBeNull();
    expect(db.one("SELECT sha256 FROM register_files WHERE disclosure_id = ? AND role = 'scan'", entry.id)).toEqual({ sha256: sha256(scan) });
    await expect(detail.getByTestId('scan-file').getByTestId('file-sha256')).toContainText(sha256(scan));

    // The colleague finds it in the register once the feed brings it, and approves it.
    await huang.getByTestId('disclosure-search').fill(entry.registerNumber);
    const row = huang.getByTestId('disclosure-row').filter({ hasText: entry.registerNumber });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.click();
    const huangDetail = huang.getByTestId('disclosure-detail');
    await huangDetail.getByLabel('批准意见（选填）').fill('调取范围与文书一致');
    await huangDetail.getByTestId('approve-disclosure').click();
    await expect(huangDetail.getByTestId('approval-record')).toContainText('黄婉婷');
    expect(db.one('SELECT status, approved_by AS approvedBy FROM disclosures WHERE id = ?', entry.id)).toEqual({ status: 'approved', approvedBy: 'stf_0007' });

    // The preparer sees the approval arrive, and records what was handed over.
    await expect(detail.getByTestId('disclosure-status')).toContainText('已批准', { timeout: 30_000 });
    const production = detail.getByTestId('production-form');
    await production.getByTestId('produced-input').setInputFiles({ name: '账号资料及注册手机号.csv', mimeType: 'text/csv', buffer: produced });
    await production.getByRole('radio', { name: '公安协作平台' }).check();
    await production.getByRole('radio', { name: '全部提供' }).check();
    await production.getByTestId('record-production').click();
    await expect(detail.getByTestId('disclosure-status')).toContainText('已提供');
    await expect(detail.getByTestId('produced-file').getByTestId('file-sha256')).toContainText(sha256(produced));
    expect(db.one("SELECT sha256 FROM register_files WHERE disclosure_id = ? AND role = 'production'", entry.id)).toEqual({ sha256: sha256(produced) });

    const after = await reportFigures(liu);
    expect(after).toEqual({ requests: before.requests + 1, accountsSpecified: before.accountsSpecified + 1, noNotify: before.noNotify + 1 });
  } finally {
    await Promise.all([liuContext.close(), huangContext.close()]);
    await Promise.all([liuDesk.stop(), huangDesk.stop()]);
    await platform.stop();
    for (const dir of [liuData, huangData, platformData]) dir.remove();
  }
});
