import type { TableModel } from '../table/model';
import type { Location } from '../report/schema';
import type { Completeness, RequiredTable, TableShell } from '../document/completeness';
import type { Contents, ContentsEntry } from '../document/contents';
import { kindEntry } from '../document/table-kinds';
import type { TableKind } from '../document/table-kinds';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { cellRefAt } from './sum-identity';

/**
 * The document as a set of tables (rulebook §1): required tables missing or published empty
 * without a note, and a 目录 that lists tables the document does not have (or misses ones it
 * has). These are structural warnings: a table may sit in an attachment the page links to.
 */

function tableLocation(tables: readonly TableModel[], id: string | undefined, label: string): Location | null {
  const table = id ? tables.find((t) => t.id === id) : undefined;
  return table ? cellRefAt(table, 0, 0, label) : null;
}

function textLocation(text: string, anchor?: string): Location {
  return anchor ? { text, anchor } : { text };
}

/** 收入总表 / 支出总表 published empty although the 收支总表 shows income and spending (seed 000-04). */
function summaryTotal(tables: readonly TableModel[], kind: TableKind): string | null {
  const label = kind === 'income-summary' ? /^本年收入合计$|^收入总计$/ : kind === 'expense-summary' ? /^本年支出合计$|^支出总计$/ : null;
  if (!label) return null;
  const summary = tables.find((t) => t.kind === 'income-expense-summary');
  if (!summary) return null;
  for (const panel of summary.panels) {
    for (const row of panel.rows) {
      if (!label.test(row.key)) continue;
      for (const value of row.values.values()) if (value.kind === 'number' && !value.value.isZero()) return `${row.label} ${value.value.toString()}`;
    }
  }
  return null;
}

function requiredFinding(table: RequiredTable, tables: readonly TableModel[], outcome: CheckOutcome): void {
  outcome.checksRun += 1;
  const where = table.listed ? '目录列有此表，' : '';
  if (table.status === 'present') {
    outcome.passed += 1;
    return;
  }
  if (table.status === 'missing') {
    outcome.findings.push({
      rule: 'doc.required',
      severity: 'warning',
      message: `缺少必需表格《${table.name}》：${where}正文中没有这张表（空表也应公开并说明）。`,
      location: textLocation(table.name, table.anchor),
      related: [],
    });
    return;
  }
  const location = tableLocation(tables, table.tableId, table.name) ?? textLocation(table.name, table.anchor);
  const contradiction = summaryTotal(tables, table.kind);
  if (contradiction) {
    outcome.findings.push({
      rule: 'doc.empty-table',
      severity: 'warning',
      message: `《${table.name}》为空表，但收支总表有数（${contradiction}）${table.note ? `；“${table.note}”与此矛盾` : ''}。`,
      location,
      related: [],
    });
    return;
  }
  if (table.status === 'empty') {
    outcome.findings.push({
      rule: 'doc.empty-table',
      severity: 'warning',
      message: `《${table.name}》为空表，未见说明（空表应注明原因，如“本部门无此项收支”）。`,
      location,
      related: [],
    });
    return;
  }
  outcome.passed += 1;
  outcome.findings.push({
    rule: 'doc.empty-table',
    severity: 'info',
    message: `《${table.name}》为空表，已说明：${table.note}`,
    location,
    related: [],
  });
}

/** Listed in the 目录 but not in the document, and in the document but not in the 目录 (by kind, tolerant of numbering). */
function contentsFindings(
  contents: Contents,
  tables: readonly TableModel[],
  shells: readonly TableShell[],
  reported: ReadonlySet<TableKind>,
  outcome: CheckOutcome,
): void {
  const listed = new Map<TableKind, ContentsEntry[]>();
  for (const entry of contents.entries) listed.set(entry.kind, [...(listed.get(entry.kind) ?? []), entry]);
  const present = new Map<TableKind, number>();
  for (const table of tables) {
    const kind = table.kind as TableKind;
    if (kind === 'unknown' || kind === 'contents') continue;
    present.set(kind, (present.get(kind) ?? 0) + 1);
  }
  for (const shell of shells) present.set(shell.kind, (present.get(shell.kind) ?? 0) + 1);

  for (const [kind, entries] of listed) {
    if (reported.has(kind)) continue;
    outcome.checksRun += 1;
    const count = present.get(kind) ?? 0;
    if (count >= entries.length || count > 0) {
      outcome.passed += 1;
      continue;
    }
    for (const entry of entries) {
      outcome.findings.push({
        rule: 'doc.contents',
        severity: entry.declaredEmpty ? 'info' : 'warning',
        message: entry.declaredEmpty
          ? `目录列有《${entry.text}》（标为空表${entry.reason ? `：${entry.reason}` : ''}），正文中没有这张表。`
          : `目录列有《${entry.text}》，正文中没有这张表。`,
        location: textLocation(entry.text, entry.anchor),
        related: [],
      });
    }
  }
  for (const [kind] of present) {
    // Performance forms are appendices that the 公开表 目录 of most templates does not list.
    if (listed.has(kind) || UNLISTED_OK.has(kind)) continue;
    outcome.checksRun += 1;
    const table = tables.find((t) => t.kind === kind);
    const name = table?.title || kindEntry(kind).name;
    outcome.findings.push({
      rule: 'doc.contents',
      severity: 'warning',
      message: `《${name}》在正文中，但目录没有列出。`,
      location: tableLocation(tables, table?.id, name) ?? textLocation(name, shells.find((s) => s.kind === kind)?.anchor),
      related: contents.anchor ? [textLocation('目录', contents.anchor)] : [],
    });
  }
}

const UNLISTED_OK = new Set<TableKind>(['performance-overall', 'performance-project']);

export function checkDocumentTables(
  completeness: Completeness | null,
  contents: Contents | null,
  shells: readonly TableShell[],
  tables: readonly TableModel[],
): CheckOutcome {
  const outcome = emptyOutcome();
  const reported = new Set<TableKind>();
  for (const table of completeness?.tables ?? []) {
    requiredFinding(table, tables, outcome);
    if (table.status === 'missing') reported.add(table.kind);
  }
  if (contents) contentsFindings(contents, tables, shells, reported, outcome);
  return outcome;
}

export const documentTablesCheck: DocumentCheck = {
  name: 'document-tables',
  scope: 'document',
  rules: ['doc.required', 'doc.empty-table', 'doc.contents'],
  run: (context) => checkDocumentTables(context.completeness, context.contents, context.shells, context.tables),
};
