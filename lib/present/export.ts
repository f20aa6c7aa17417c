import type { Report } from '../engine/report/schema';
import { reportSchema } from '../engine/report/schema';
import { escapeMarkdown } from '../engine/report/format-markdown';
import { t, type Lang } from './i18n';
import { findingLink, groupFindings, type FindingView, type ReportView } from './view-model';

/**
 * A document's findings to take away: a short summary for the clipboard, and Markdown, CSV and
 * the report@1 JSON to save. Built from the view model, so they say what the popup says.
 */

export type ExportFormat = 'md' | 'csv' | 'json';

function title(report: Report): string {
  return report.document.title.trim() || report.source;
}

/** The verdict, the document and the errors and warnings, one line each: for mail or chat. */
export function summaryText(report: Report, view: ReportView, lang: Lang = 'zh'): string {
  const dict = t(lang);
  const lines = [`${dict.brand}${lang === 'zh' ? '：' : ': '}${title(report)}`, report.source.split('#')[0]!, view.verdict];
  const serious = view.findings.filter((f) => f.severity !== 'info');
  serious.forEach((f, i) => {
    lines.push(`${i + 1}. [${dict.severity[f.severity]}] ${f.headline}${f.arithmetic ? `（${f.arithmetic}）` : ''} — ${f.where}`);
  });
  const notes = view.counts.info;
  if (notes) lines.push(lang === 'zh' ? `另有 ${notes} 条提示（四舍五入等）。` : `Plus ${notes} notes (rounding and the like).`);
  return `${lines.join('\n')}\n`;
}

export function markdownOf(report: Report, view: ReportView, lang: Lang = 'zh'): string {
  const dict = t(lang);
  const out = [`# ${escapeMarkdown(`${dict.brand}${lang === 'zh' ? '：' : ': '}${title(report)}`)}`, '', `- ${lang === 'zh' ? '来源' : 'Source'}: <${report.source.split('#')[0]!.replace(/[<>\s]/g, encodeURIComponent)}>`, `- ${escapeMarkdown(view.verdict)}`];
  for (const group of groupFindings(view.findings, 'severity', lang)) {
    out.push('', `## ${escapeMarkdown(group.title)}（${group.items.length}）`, '');
    group.items.forEach((f, i) => out.push(...itemLines(f, i + 1, report, lang)));
  }
  return `${out.join('\n')}\n`;
}

function itemLines(f: FindingView, n: number, report: Report, lang: Lang): string[] {
  const dict = t(lang);
  const lines = [`${n}. **${escapeMarkdown(f.headline)}**`];
  if (f.arithmetic) lines.push(`   ${escapeMarkdown(f.arithmetic)}  `);
  lines.push(`   ${escapeMarkdown(f.where)}  `);
  lines.push(`   ${escapeMarkdown(f.detail)}  `);
  lines.push(`   ${dict.rule}: \`${f.rule.id.replace(/`/g, '')}\` · [${lang === 'zh' ? '定位' : 'open'}](<${findingLink(report.source, f.key).replace(/[<>\s]/g, encodeURIComponent)}>)`);
  return lines;
}

const CSV_COLUMNS = ['id', 'severity', 'basis', 'rule', 'headline', 'arithmetic', 'where', 'table', 'page', 'expected', 'actual', 'difference', 'tolerance', 'unit', 'message', 'link'] as const;

/** RFC 4180: every field quoted, quotes doubled; a leading = + - @ is defused for spreadsheets. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvOf(report: Report, view: ReportView): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const f of view.findings) {
    const x = f.finding;
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: f.id,
      severity: f.severity,
      basis: f.basis,
      rule: f.rule.id,
      headline: f.headline,
      arithmetic: f.arithmetic,
      where: f.where,
      table: f.tableTitle ?? '',
      page: f.page !== undefined ? String(f.page) : '',
      expected: x.expected ?? '',
      actual: x.actual ?? '',
      difference: x.difference ?? '',
      tolerance: x.tolerance ?? '',
      unit: x.unit ?? '',
      message: x.message,
      link: findingLink(report.source, f.key),
    };
    rows.push(CSV_COLUMNS.map((c) => csvField(cells[c])).join(','));
  }
  // A byte-order mark so spreadsheet programs read the Chinese as UTF-8.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** The report@1 contract itself (what the CLI's --format json prints), validated before it leaves. */
export function jsonOf(report: Report): string {
  return `${JSON.stringify(reportSchema.parse(report), null, 2)}\n`;
}

export function exportOf(format: ExportFormat, report: Report, view: ReportView, lang: Lang = 'zh'): { text: string; mime: string; name: string } {
  const base = fileBase(report);
  switch (format) {
    case 'md':
      return { text: markdownOf(report, view, lang), mime: 'text/markdown;charset=utf-8', name: `${base}.md` };
    case 'csv':
      return { text: csvOf(report, view), mime: 'text/csv;charset=utf-8', name: `${base}.csv` };
    case 'json':
      return { text: jsonOf(report), mime: 'application/json', name: `${base}.json` };
  }
}

function fileBase(report: Report): string {
  // eslint-disable-next-line no-control-regex
  const name = title(report).replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_').slice(0, 60);
  return `budget-lens_${name || 'report'}`;
}
