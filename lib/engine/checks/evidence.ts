import type { CellRef, Finding, Reading, Severity } from '../report/schema';
import { isCellRef } from '../report/schema';
import type { TableModel } from '../table/model';
import type { ReadingDoubt, TableSeam } from '../source';
import { categoryOf, ruleEntry } from './catalogue';
import type { FindingDraft } from './types';

/**
 * Evidence and reading caps (issue 10): an error means the document is wrong, beyond doubt. Every
 * finding records the readings it rests on — the tables it read, the page-break seams its cells
 * cross, the unsure rows, columns or headers they sit in, and whatever the check declared (a
 * sentence bound to a row, a column kind guessed). When any of them is doubtful the finding is a
 * possible misreading: basis 'reading', at most a warning, its message saying so. The runner
 * applies this to every finding, so no check has to remember it.
 */

export const MISREADING = '可能为读取问题，请核对原表';

/** A reading a check made and is sure of (a sentence bound to the one row its words name). */
export function certain(what: string, note?: string): Reading {
  return { what, certain: true, ...(note ? { note } : {}) };
}

/** A reading a check made and is not sure of: the finding becomes a possible misreading. */
export function doubtful(what: string, note: string): Reading {
  return { what, certain: false, note };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function milder(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

function tableName(table: TableModel): string {
  return `《${table.title || table.id}》`;
}

const UNIT_SOURCE: Record<TableModel['unitSource'], string> = {
  caption: '取自表题',
  header: '取自表头',
  default: '表上未标，沿用全文单位',
  none: '未标明',
};

function tableReading(table: TableModel): Reading {
  return certain(`${tableName(table)}${table.page ? `（第 ${table.page} 页）` : ''}`, `单位：${table.unit ?? '未标明'}（${UNIT_SOURCE[table.unitSource]}）`);
}

/** A seam lies between the cells when some are above it and some at or below it. */
function crosses(seam: TableSeam, rows: readonly number[]): boolean {
  return rows.some((r) => r < seam.row) && rows.some((r) => r >= seam.row);
}

function seamReading(table: TableModel, seam: TableSeam): Reading {
  const what = `${tableName(table)}第 ${seam.row + 1} 行起为续表${seam.page ? `（第 ${seam.page} 页）` : ''}，与上文拼接`;
  return seam.certain ? certain(what) : doubtful(what, seam.doubt ?? '续表与上页的拼接不确定');
}

/**
 * Whether a doubt touches one of the cells. A doubt names a cell (row and col), a row, a column
 * (col only) or the whole table (neither); a doubt on a header row unsettles its column (or, without
 * a column, every column).
 */
function touches(doubt: ReadingDoubt, table: TableModel, cells: readonly CellRef[]): boolean {
  const inHeader = doubt.row !== undefined && doubt.row < table.header.bodyStart;
  if (doubt.row === undefined || inHeader) return doubt.col === undefined || cells.some((c) => c.col === doubt.col);
  return cells.some((c) => c.row === doubt.row && (doubt.col === undefined || c.col === doubt.col));
}

function doubtReading(table: TableModel, doubt: ReadingDoubt): Reading {
  const inHeader = doubt.row !== undefined && doubt.row < table.header.bodyStart;
  const where =
    doubt.row === undefined ? (doubt.col === undefined ? '' : `第 ${doubt.col + 1} 列`)
    : inHeader ? `表头${doubt.col === undefined ? '' : `第 ${doubt.col + 1} 列`}`
    : `第 ${doubt.row + 1} 行${doubt.col === undefined ? '' : `第 ${doubt.col + 1} 列`}`;
  return doubtful(`${tableName(table)}${where}`, doubt.reason);
}

/** The readings under a finding's cells: each table read, the seams crossed, the doubts touched. */
export function cellReadings(draft: FindingDraft, tables: ReadonlyMap<string, TableModel>): Reading[] {
  const byTable = new Map<string, CellRef[]>();
  for (const loc of [draft.location, ...draft.related]) {
    if (!isCellRef(loc)) continue;
    byTable.set(loc.tableId, [...(byTable.get(loc.tableId) ?? []), loc]);
  }
  const readings: Reading[] = [];
  for (const [id, cells] of byTable) {
    const table = tables.get(id);
    if (!table) continue;
    readings.push(tableReading(table));
    const rows = cells.map((c) => c.row);
    for (const seam of table.seams) if (crosses(seam, rows)) readings.push(seamReading(table, seam));
    for (const doubt of table.doubts) if (touches(doubt, table, cells)) readings.push(doubtReading(table, doubt));
  }
  return readings;
}

/**
 * A check's draft as the report shows it: category from the catalogue, severity within the
 * rule's bound, readings recorded, and — when a reading is doubtful — basis 'reading', at most a
 * warning, with the caveat and its reasons appended to the message.
 */
export function withEvidence(draft: FindingDraft, tables: ReadonlyMap<string, TableModel>): Omit<Finding, 'id'> {
  const { readings: declared, rule, severity: _severity, message: _message, ...rest } = draft;
  const readings = [...cellReadings(draft, tables), ...(declared ?? [])];
  const doubts = readings.filter((r) => !r.certain);
  let severity = milder(draft.severity, ruleEntry(draft.rule).severity);
  let message = draft.message;
  if (doubts.length) {
    severity = milder(severity, 'warning');
    if (severity !== 'info') message = `${message}${MISREADING}：${[...new Set(doubts.map((d) => d.note ?? d.what))].join('；')}。`;
  }
  return {
    rule,
    severity,
    category: categoryOf(rule),
    message,
    ...rest,
    basis: doubts.length ? 'reading' : 'document',
    ...(readings.length ? { readings } : {}),
  };
}
