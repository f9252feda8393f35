import type { DisclosureCategory } from '../../../shared/legal/disclosure-rules';
import type { DisclosureRequest, DisclosureScope } from '../../../shared/platform/disclosure-entities';

/**
 * The documents a seeded register entry keeps: a "scan" of the authority's notice, what was handed
 * over and the receipt. Small generated text, not real scans; they exist so the register's hashes
 * and downloads have something true to check.
 */

const PLATFORM = '讯通无限（广州）网络技术有限公司';

const instrumentTitles: Record<DisclosureRequest['instrumentType'], string> = {
  evidence_collection_notice: '调取证据通知书',
  assistance_inquiry_notice: '协助查询通知书',
  assistance_freeze_notice: '协助冻结（保全）通知书',
  court_order: '调查取证令',
  other: '协查请求函',
};

const categoryLabels: Record<DisclosureCategory, string> = {
  account_profile: '账号资料', registration_phone: '注册手机号', listings: '发布信息', listing_images: '信息图片',
  messages: '站内消息', login_logs: '登录日志', transactions: '交易记录', device_info: '设备信息',
};

export const instrumentTitle = (request: DisclosureRequest): string => instrumentTitles[request.instrumentType];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(lines: string[]): string {
  const text = lines.map((line, i) => `  <text x="60" y="${110 + i * 34}" font-size="${i === 0 ? 26 : 18}">${escapeXml(line)}</text>`).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="794" height="1123" viewBox="0 0 794 1123" font-family="serif">
  <rect width="794" height="1123" fill="#fbfaf6"/>
  <rect x="30" y="30" width="734" height="1063" fill="none" stroke="#999"/>
${text}
  <text x="60" y="1070" font-size="12" fill="#888">沙盒平台生成的示意文书，非真实扫描件</text>
</svg>
`;
}

export function scanSvg(request: DisclosureRequest): string {
  const s = request.scopeRequested;
  return page([
    request.authorityName,
    `${instrumentTitle(request)}　${request.documentNumber}`,
    `${PLATFORM}：`,
    `因办理${request.caseCause}一案，根据${request.statute}之规定，`,
    `请协助提供下列账号的${s.categories.map((c) => categoryLabels[c]).join('、')}：`,
    `账号：${s.userIds.join('、')}`,
    `期间：${s.from} 至 ${s.to}`,
    request.noNotify ? `请勿将本次调取情况告知相关用户${request.noNotifyUntil ? `（截至 ${request.noNotifyUntil}）` : ''}。` : '',
    `承办人：${request.officers.map((o) => `${o.name}（${o.badgeNumber}）`).join('、')}`,
    `批准人：${request.approvingOfficial}`,
  ].filter(Boolean));
}

/** What was handed over: one line per account and category, with the period. */
export function productionCsv(scope: DisclosureScope, name: string): string {
  const rows = scope.userIds.flatMap((userId) => scope.categories.map((c) => `${userId},${categoryLabels[c]},${scope.from},${scope.to}`));
  return `# ${name}（沙盒示意数据，不含真实个人信息）\n账号,类别,起,止\n${rows.join('\n')}\n`;
}

export function receiptSvg(request: DisclosureRequest, receivedOn: string, files: number): string {
  return page([
    '回　执',
    `${request.authorityName}　${request.documentNumber}`,
    `已于 ${receivedOn} 收到${PLATFORM}`,
    `依上述文书提供的材料共 ${files} 份。`,
    `接收人：${request.officers[0]!.name}（${request.officers[0]!.badgeNumber}）`,
  ]);
}
