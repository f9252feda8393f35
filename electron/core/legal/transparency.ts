import type { z } from 'zod';
import type { TransparencyPeriod, TransparencyReport } from '../../../shared/ipc/legal-views';
import { authorityTypes } from '../../../shared/legal/disclosure-rules';
import { renderNotice } from '../../../shared/moderation/notices';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import words from '../../../resources/legal/transparency-report.zh.json';

type Period = z.infer<typeof TransparencyPeriod>;

/** The quarter (1–4) and year of an instant, in Asia/Shanghai, the calendar the report is published on. */
function shanghaiYearQuarter(instant: string): { year: number; quarter: number } {
  const date = new Date(Date.parse(instant) + 8 * 3_600_000);
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

const inPeriod = (d: Disclosure, period: Period) => {
  const at = shanghaiYearQuarter(d.request.receivedAt);
  return at.year === period.year && (period.quarter === null || at.quarter === period.quarter);
};

const accountsOf = (d: Disclosure) => new Set(d.request.scopeRequested.userIds).size;

/**
 * The transparency report's figures for a year or a quarter, counted by the date each request
 * was received, from the register as amended (a corrected entry counts as corrected).
 */
export function transparencyReport(register: readonly Disclosure[], period: Period): TransparencyReport {
  const entries = register.filter((d) => inPeriod(d, period));
  const count = (test: (d: Disclosure) => boolean) => entries.filter(test).length;
  const settled = entries.filter((d) => d.outcome !== null);
  const produced = settled.filter((d) => d.outcome === 'disclosed_full' || d.outcome === 'disclosed_part').length;
  return {
    period,
    byAuthorityType: authorityTypes.map((authorityType) => {
      const own = entries.filter((d) => d.request.authorityType === authorityType);
      return { authorityType, requests: own.length, accounts: own.reduce((n, d) => n + accountsOf(d), 0) };
    }),
    requests: entries.length,
    accountsSpecified: entries.reduce((n, d) => n + accountsOf(d), 0),
    producedShare: settled.length ? produced / settled.length : null,
    emergency: count((d) => d.request.emergency),
    preservation: count((d) => d.request.instrumentType === 'assistance_freeze_notice'),
    refused: count((d) => d.outcome === 'refused'),
    noneFound: count((d) => d.outcome === 'none_found'),
    noNotify: count((d) => d.request.noNotify),
    foreign: count((d) => !d.request.domestic),
  };
}

const periodName = (period: Period) =>
  period.quarter === null ? renderNotice(words.period.year, { year: period.year }) : renderNotice(words.period.quarter, { year: period.year, quarter: period.quarter });
const fileStem = (period: Period) => `transparency-${period.year}${period.quarter === null ? '' : `-Q${period.quarter}`}`;
const percent = (share: number | null) => (share === null ? words.notApplicable : `${Math.round(share * 1000) / 10}%`);
const authorityName = (type: string) => (words.authorityTypes as Record<string, string>)[type] ?? type;
const figureRows = (report: TransparencyReport): [string, string][] =>
  (Object.keys(words.figures) as (keyof typeof words.figures)[]).map((key) => [
    words.figures[key],
    key === 'producedShare' ? percent(report.producedShare) : String(report[key]),
  ]);

/** CSV for spreadsheets: a BOM so Excel reads the Chinese, fields quoted where they need it. */
export function transparencyCsv(report: TransparencyReport): { name: string; mediaType: string; content: string } {
  const field = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const line = (values: string[]) => values.map(field).join(',');
  const lines = [
    line([renderNotice(words.title, { period: periodName(report.period) })]),
    line([words.columns.authorityType, words.columns.requests, words.columns.accounts]),
    ...report.byAuthorityType.map((r) => line([authorityName(r.authorityType), String(r.requests), String(r.accounts)])),
    '',
    ...figureRows(report).map(([label, value]) => line([label, value])),
  ];
  return { name: `${fileStem(report.period)}.csv`, mediaType: 'text/csv', content: `\uFEFF${lines.join('\r\n')}\r\n` };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A page ready to print (or save as PDF from the print dialog), in Chinese as published. */
export function transparencyHtml(report: TransparencyReport, generatedAt: Date): { name: string; mediaType: string; content: string } {
  const period = periodName(report.period);
  const title = renderNotice(words.title, { period });
  const generated = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(generatedAt);
  const rows = (cells: string[][]) => cells.map((c) => `<tr><th scope="row">${escapeHtml(c[0]!)}</th>${c.slice(1).map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n');
  const content = [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;margin:2cm;color:#111}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #888;padding:4px 10px;text-align:left}td{text-align:right}@media print{body{margin:1.5cm}}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(renderNotice(words.intro, { period, generatedAt: generated }))}</p>`,
    `<h2>${escapeHtml(words.byAuthority)}</h2>`,
    `<table><thead><tr><th scope="col">${escapeHtml(words.columns.authorityType)}</th><th scope="col">${escapeHtml(words.columns.requests)}</th><th scope="col">${escapeHtml(words.columns.accounts)}</th></tr></thead><tbody>`,
    rows(report.byAuthorityType.map((r) => [authorityName(r.authorityType), String(r.requests), String(r.accounts)])),
    '</tbody></table>',
    `<h2>${escapeHtml(words.summary)}</h2>`,
    `<table><tbody>${rows(figureRows(report))}</tbody></table>`,
    `<p>${escapeHtml(words.company)}</p>`,
    '</body></html>',
  ].join('\n');
  return { name: `${fileStem(report.period)}.html`, mediaType: 'text/html', content };
}
