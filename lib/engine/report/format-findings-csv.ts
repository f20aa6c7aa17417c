import type { Finding, Report } from './schema';
import { isCellRef } from './schema';
import { csvField } from './format-tables';
import { clean, quote } from './format-text';

/**
 * Findings as CSV, one row per finding, for spreadsheets and scripts (`budget-lens check --format
 * csv`): the document, where (page, table, cell or quoted text), the rule, the severity and the
 * message, and the amounts. Severity stays the report's English key (error, warning, info) so
 * rows can be filtered; page text is cleaned of control characters and formula starts.
 */
export const FINDINGS_CSV_COLUMNS = ['document', 'page', 'table', 'cell', 'rule', 'severity', 'message', 'expected', 'actual'] as const;

export function findingsCsvHeader(): string {
  return `${FINDINGS_CSV_COLUMNS.join(',')}\r\n`;
}

/** The rows of one report (CRLF line ends, as RFC 4180 and spreadsheets expect); '' when it has no findings. */
export function findingsCsvRows(report: Report): string {
  return report.findings.map((finding) => `${findingRow(report, finding).map(csvField).join(',')}\r\n`).join('');
}

function findingRow(report: Report, finding: Finding): string[] {
  const location = finding.location;
  let table = '';
  let cell = '';
  let page = location.page;
  if (isCellRef(location)) {
    const summary = report.tables.find((t) => t.id === location.tableId);
    const title = summary ? clean(summary.title) : '';
    table = title ? `${location.tableId} ${title}` : location.tableId;
    page ??= summary?.page;
    const label = location.label ? clean(location.label) : '';
    cell = label ? `${label}（第 ${location.row + 1} 行第 ${location.col + 1} 列）` : `第 ${location.row + 1} 行第 ${location.col + 1} 列`;
  } else {
    cell = `「${quote(location.text)}」`;
  }
  return [clean(report.source), page === undefined ? '' : String(page), table, cell, finding.rule, finding.severity, clean(finding.message), finding.expected ?? '', finding.actual ?? ''];
}
