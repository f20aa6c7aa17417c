import { csvField } from '../../engine/report/format-tables';
import { escapeMarkdown } from '../../engine/report/format-markdown';
import { clean, documentKindName, severityCounts } from '../../engine/report/format-text';
import type { Report } from '../../engine/report/schema';

/**
 * The batch summary: one row per document (what it is, how many tables, findings by severity,
 * time, and why it was not checked, wholly or in part), as text for the terminal, Markdown and
 * CSV (--out). Pure; rows are small, so a batch of hundreds keeps only these, not the reports.
 */
export interface DocumentRow {
  /** The document as given (path or address). */
  input: string;
  /** checked now; resumed: reported by an earlier run (--resume); failed: could not be checked. */
  status: 'checked' | 'resumed' | 'failed';
  /** Where it was read from after redirects. */
  source?: string;
  title?: string;
  department?: string;
  year?: number;
  kind?: Report['document']['kind'];
  pages?: number;
  tables: number;
  errors: number;
  warnings: number;
  notes: number;
  millis: number;
  /** Parts not checked ("第 3 页：没有文字层…"). */
  notChecked: string[];
  /** Why the document could not be checked (one line). */
  reason?: string;
  sha256?: string;
  /** The report's file name in the --out folder. */
  report?: string;
}

export function checkedRow(input: string, report: Report, millis: number, extra: Pick<DocumentRow, 'sha256' | 'report'> = {}): DocumentRow {
  const counts = severityCounts(report.findings);
  const doc = report.document;
  return {
    input,
    status: 'checked',
    source: report.source,
    title: doc.title,
    ...(doc.department ? { department: doc.department } : {}),
    ...(doc.year !== undefined ? { year: doc.year } : {}),
    kind: doc.kind,
    ...(doc.pages !== undefined ? { pages: doc.pages } : {}),
    tables: report.tables.length,
    errors: counts.error,
    warnings: counts.warning,
    notes: counts.info,
    millis,
    notChecked: (report.stats.notChecked ?? []).map((n) => `${n.what}：${n.reason}`),
    ...extra,
  };
}

/** `message` is the line printed on stderr ("未核对 a.pdf：PDF 已加密…"); the row keeps the reason without the name. */
export function failedRow(input: string, message: string, millis: number): DocumentRow {
  const ownPrefix = `未核对 ${input}：`;
  const reason = message.startsWith(ownPrefix) ? message.slice(ownPrefix.length) : message.replace(` ${input}：`, '：');
  return { input, status: 'failed', tables: 0, errors: 0, warnings: 0, notes: 0, millis, notChecked: [], reason };
}

export interface BatchTotals {
  documents: number;
  checked: number;
  resumed: number;
  failed: number;
  tables: number;
  errors: number;
  warnings: number;
  notes: number;
}

export function totals(rows: DocumentRow[]): BatchTotals {
  const sum = (pick: (row: DocumentRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  return {
    documents: rows.length,
    checked: rows.filter((r) => r.status === 'checked').length,
    resumed: rows.filter((r) => r.status === 'resumed').length,
    failed: rows.filter((r) => r.status === 'failed').length,
    tables: sum((r) => r.tables),
    errors: sum((r) => r.errors),
    warnings: sum((r) => r.warnings),
    notes: sum((r) => r.notes),
  };
}

export interface RunInfo {
  elapsedMs: number;
  jobs: number;
}

/** "2019 年 预算 · 某某局 ·《某某局2019年部门预算》" from what the report identified. */
function identity(row: DocumentRow): string {
  const parts: string[] = [];
  if (row.year !== undefined) parts.push(`${row.year} 年`);
  if (row.kind) parts.push(documentKindName(row.kind));
  if (row.department) parts.push(clean(row.department));
  const title = row.title ? clean(row.title) : '';
  if (title) parts.push(`《${title}》`);
  return parts.join(' · ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} 秒`;
}

function mark(row: DocumentRow): string {
  if (row.status === 'failed') return '—';
  if (row.notChecked.some((part) => part.startsWith('整个文件'))) return '?';
  if (row.errors > 0) return '✗';
  if (row.warnings > 0) return '!';
  return '✓';
}

function headline(rows: DocumentRow[], run: RunInfo): string {
  const t = totals(rows);
  const resumed = t.resumed ? `（其中 ${t.resumed} 个此前已报告，本次跳过）` : '';
  return `预算透镜批量核对：${t.documents} 个文件，已核对 ${t.checked + t.resumed}${resumed}，未核对 ${t.failed}；用时 ${seconds(run.elapsedMs)}（${run.jobs} 个并行）`;
}

function totalsLine(rows: DocumentRow[]): string {
  const t = totals(rows);
  return `合计：表格 ${t.tables} 张；错误 ${t.errors}，警告 ${t.warnings}，提示 ${t.notes}。`;
}

function isUnreadPart(part: string): boolean {
  return part.startsWith('整个文件') || /^第 [\d、–等 ]+页/.test(part);
}

/** The terminal summary: a line per document, its unchecked parts below it, the totals. */
export function formatSummaryText(rows: DocumentRow[], run: RunInfo): string {
  const out = [headline(rows, run), '✗ 有错误 · ! 有警告 · ✓ 未发现问题 · ? 整个文件无法读取数字 · — 未核对', ''];
  for (const row of rows) {
    const name = clean(row.input);
    if (row.status === 'failed') {
      out.push(`— ${name}  未核对：${clean(row.reason ?? '')}`);
      continue;
    }
    const pages = row.pages !== undefined ? ` · ${row.pages} 页` : '';
    const resumed = row.status === 'resumed' ? ' · 此前已报告' : '';
    out.push(`${mark(row)} ${name}  ${identity(row) || '（未识别）'}${pages} · ${row.tables} 张表 · 错误 ${row.errors} · 警告 ${row.warnings} · 提示 ${row.notes} · ${seconds(row.millis)}${resumed}`);
    // Pages and whole files not read are named; the routine rest (empty tables, amounts of the
    // text bound to no row) is counted, its detail in the report.
    const named = row.notChecked.filter(isUnreadPart);
    for (const part of named) out.push(`    未检查：${clean(part)}`);
    const rest = row.notChecked.length - named.length;
    if (rest > 0) out.push(`    另有 ${rest} 项未核对（表格为空、文字中的金额未能对应等，详见报告）`);
  }
  out.push('', totalsLine(rows), '');
  return out.join('\n');
}

const CSV_COLUMNS = ['document', 'status', 'title', 'department', 'year', 'kind', 'pages', 'tables', 'errors', 'warnings', 'notes', 'seconds', 'not_checked', 'reason', 'sha256', 'report'] as const;

/** summary.csv: one row per document (UTF-8 with BOM so that spreadsheets read the Chinese). */
export function formatSummaryCsv(rows: DocumentRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const fields = [
      row.input,
      row.status,
      row.title ?? '',
      row.department ?? '',
      row.year === undefined ? '' : String(row.year),
      row.kind ?? '',
      row.pages === undefined ? '' : String(row.pages),
      String(row.tables),
      String(row.errors),
      String(row.warnings),
      String(row.notes),
      (row.millis / 1000).toFixed(2),
      row.notChecked.join('；'),
      row.reason ?? '',
      row.sha256 ?? '',
      row.report ?? '',
    ];
    lines.push(fields.map((field) => csvField(clean(field))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** summary.md: the same table in Markdown, each document linked to its report. */
export function formatSummaryMarkdown(rows: DocumentRow[], run: RunInfo): string {
  const out = [`# ${escapeMarkdown(headline(rows, run))}`, '', '| | 文件 | 文件内容 | 表格 | 错误 | 警告 | 提示 | 用时 | 未检查 |', '|---|---|---|---:|---:|---:|---:|---:|---|'];
  for (const row of rows) {
    const name = row.report ? `[${escapeMarkdown(row.input)}](${encodeURIComponent(row.report.replace(/\.json$/, '.md'))})` : escapeMarkdown(row.input);
    const missing = row.status === 'failed' ? escapeMarkdown(row.reason ?? '') : row.notChecked.map(escapeMarkdown).join('；');
    out.push(`| ${mark(row)} | ${name} | ${escapeMarkdown(identity(row))} | ${row.tables} | ${row.errors} | ${row.warnings} | ${row.notes} | ${seconds(row.millis)} | ${missing} |`);
  }
  out.push('', escapeMarkdown(totalsLine(rows)), '');
  return out.join('\n');
}
