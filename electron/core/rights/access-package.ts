import { createHash } from 'node:crypto';
import labels from '../../../resources/rights/access-package.zh.json';
import { renderNotice } from '../../../shared/moderation/notices';
import type { AccessData } from '../../../shared/platform/rights';

export interface PackageFile {
  name: string;
  mediaType: string;
  content: string;
  sha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const fieldLabel = (key: string) => (labels.fields as Record<string, string>)[key] ?? key;

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return `<p>${escapeHtml(labels.none)}</p>`;
  const keys = Object.keys(rows[0]!);
  const head = keys.map((k) => `<th scope="col">${escapeHtml(fieldLabel(k))}</th>`).join('');
  const body = rows.map((r) => `<tr>${keys.map((k) => `<td>${escapeHtml(Array.isArray(r[k]) ? (r[k] as unknown[]).join('、') : r[k])}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The readable copy: every value escaped, since listing text is the user's own and may hold markup. */
function readableCopy(data: AccessData, number: string): string {
  const s = labels.sections;
  const section = (title: string, html: string) => `<section><h2>${escapeHtml(title)}</h2>\n${html}\n</section>`;
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(labels.title)} ${escapeHtml(number)}</title>`,
    '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left}</style>',
    '</head><body>',
    `<h1>${escapeHtml(labels.title)}</h1>`,
    `<p>${escapeHtml(renderNotice(labels.intro, { number, generatedAt: data.generatedAt }))}</p>`,
    section(s.account, table([data.account])),
    section(s.listings, table(data.listings)),
    section(s.loginSummary, table([data.loginSummary])),
    section(s.reportsMade, table(data.reportsMade)),
    section(s.decisionsAbout, table(data.decisionsAbout)),
    section(s.transactions, table(data.transactions)),
    '</body></html>',
  ].join('\n');
}

/**
 * The package handed to the user for an access request: the platform's export as JSON, and the
 * same in readable zh-CN HTML. The package's SHA-256 is taken over each file's name and hash in
 * order, so the ticket can prove later which files were handed over.
 */
export function buildAccessPackage(data: AccessData, ticketNumber: string): { sha256: string; files: PackageFile[] } {
  const contents = [
    { name: `${ticketNumber}-个人信息.json`, mediaType: 'application/json', content: `${JSON.stringify(data, null, 2)}\n` },
    { name: `${ticketNumber}-个人信息.html`, mediaType: 'text/html', content: readableCopy(data, ticketNumber) },
  ];
  const files = contents.map((f) => ({ ...f, sha256: sha256(f.content) }));
  return { sha256: sha256(files.map((f) => `${f.name}:${f.sha256}\n`).join('')), files };
}
