import type { Grid } from './grid';
import { cellValue, isOrigin } from './grid';
import type { HeaderSplit } from './header';
import type { ColumnInfo, Panel } from './columns';
import type { CellValue } from '../amount/parse';
import { compactText } from '../amount/normalize';
import type { RowCode } from './codes';
import { classifyCode, joinCodeParts } from './codes';
import type { EnumeratorStyle } from './enumerators';
import { enumeratorOf, stripEnumerator } from './enumerators';

export type RowRole = 'total' | 'subtotal' | 'of-which' | 'item' | 'note' | 'blank';

export interface BodyRow {
  /** Grid row index. */
  row: number;
  /** Label as shown (normalised), for messages. */
  label: string;
  /** Label without spaces and numbering, for matching. */
  key: string;
  code: RowCode | null;
  /** A code-like cell that is not a valid code (e.g. a 2-digit 类 "21"). */
  malformedCode?: string;
  enumerator: EnumeratorStyle | null;
  role: RowRole;
  /** Values of the panel's amount columns by grid column; spanned continuations read as blank. */
  values: Map<number, CellValue>;
  /**
   * The row's level among the panel's label columns (procurement tables put 品目, 专项 and 物品
   * in successive columns, so the column is the level): the label column its own label starts
   * in, or the first column of that column's level when the column is an attribute of a level
   * (经济科目 beside every 专项名称). A group label written once and left blank below (the 专项
   * "商品和服务支出" over 培训费 and 会议费) does not make the rows under it deeper. Absent
   * when the panel has one label column.
   */
  labelColumn?: number;
}

const TOTAL = /(合计|总计|总额|共计)$/;
const SUBTOTAL = /小计$/;
const OF_WHICH = /^其中[:：]?/;
const NOTE = /^(注|说明|备注)[:：0-9一1]/;

export function roleOf(key: string, hasValue: boolean, hasLabel: boolean): RowRole {
  if (!hasLabel && !hasValue) return 'blank';
  if (!hasValue && NOTE.test(key)) return 'note';
  if (OF_WHICH.test(key)) return 'of-which';
  if (SUBTOTAL.test(key)) return 'subtotal';
  if (TOTAL.test(key)) return 'total';
  return 'item';
}

/** Builds the body rows of one panel: labels, codes, numbering, roles and values. */
export function panelRows(grid: Grid, split: HeaderSplit, panel: Panel, unitPrefixes: ReadonlySet<string>): BodyRow[] {
  const rows: BodyRow[] = [];
  const textColumns = panel.columns.filter((c) => c.kind === 'text');
  const codeColumns = panel.columns.filter((c) => c.kind === 'code');
  const partColumns = firstPartRun(panel);
  const unitColumns = panel.columns.filter((c) => c.kind === 'unit-code');

  for (let r = split.bodyStart; r < grid.height; r += 1) {
    if (split.numberRows.has(r)) continue;
    const line = grid.cells[r]!;
    const text = (col: number): string => {
      const cell = line[col]!;
      return cell.text;
    };
    const labelParts = textColumns.map((c) => text(c.index)).filter(Boolean);
    const label = [...new Set(labelParts)].join(' ');
    // Markup residue such as a literal "<b>合计</b>" must not hide a total.
    const key = compactText(stripEnumerator(compactText(label).replace(/<\/?[a-z][^>]*>/gi, '')));

    let code: RowCode | null = null;
    let malformedCode: string | undefined;
    const full = codeColumns.map((c) => compactText(text(c.index))).find(Boolean);
    const parts = partColumns.map((c) => compactText(text(c.index)));
    const unit = unitColumns.map((c) => compactText(text(c.index))).find(Boolean);
    if (full) {
      code = classifyCode(full, unitPrefixes);
      if (!code) malformedCode = full;
    } else if (parts.some(Boolean)) {
      const joined = joinCodeParts(parts);
      code = joined ? classifyCode(joined, new Set()) : null;
      if (!code) malformedCode = parts.filter(Boolean).join(' ');
    }
    if (!code && unit) code = classifyCode(unit, unitPrefixes, true);

    const values = new Map<number, CellValue>();
    let hasValue = false;
    for (const column of panel.amountColumns) {
      const cell = line[column.index]!;
      // A label spanning across an amount column ("支出合计" over three columns) leaves that
      // column without a number of its own: not a blank to be filled, nothing to check.
      const origin = isOrigin(cell, r, column.index);
      const coveredByLabel = !origin && cell.originRow === r && cellValue(cell).kind === 'text';
      const value: CellValue = origin ? cellValue(cell) : coveredByLabel ? { kind: 'text', raw: '' } : { kind: 'blank', raw: '' };
      if (value.kind !== 'blank' && !coveredByLabel) hasValue = true;
      values.set(column.index, value);
    }
    const hasLabel = Boolean(label) || Boolean(code) || Boolean(malformedCode);
    // A parent label repeated where a page break cut its row span is not this row's own.
    const previousLine = r > split.bodyStart ? grid.cells[r - 1] : undefined;
    const ownLabel = textColumns.length > 1
      ? textColumns.findIndex((c) => isOrigin(line[c.index]!, r, c.index) && line[c.index]!.text && line[c.index]!.text !== previousLine?.[c.index]?.text)
      : -1;
    rows.push({
      ...(ownLabel >= 0 ? { labelColumn: ownLabel } : {}),
      row: r,
      label: label || code?.code || '',
      key,
      code,
      ...(malformedCode ? { malformedCode } : {}),
      enumerator: enumeratorOf(compactText(label)),
      role: roleOf(key, hasValue, hasLabel),
      values,
    });
  }
  levelLabelColumns(rows, textColumns.map((c) => c.index), grid);
  const kept = rows.filter((row) => row.role !== 'blank');
  // Coded tables often leave the 合计 label off their first row (a lost merged cell).
  const first = kept[0];
  if (first && !first.label && !first.code && !first.malformedCode && kept.slice(1).some((r) => r.code)) {
    first.role = 'total';
    first.label = '合计';
    first.key = '合计';
  }
  return kept;
}

/**
 * Label columns that every row starting in the column before also fills are attributes of that
 * column's level (专项名称 | 经济科目): a row starting there — its group label written once above
 * — is at that level, not one deeper.
 */
function levelLabelColumns(rows: BodyRow[], columns: number[], grid: Grid): void {
  if (columns.length < 2) return;
  const level = columns.map((_, k) => k);
  for (let k = 1; k < columns.length; k += 1) {
    const starting = rows.filter((row) => row.labelColumn === k - 1);
    const fills = (row: BodyRow) => Boolean(grid.cells[row.row]![columns[k]!]!.text);
    if (starting.length >= 2 && starting.every(fills)) level[k] = level[k - 1]!;
  }
  for (const row of rows) if (row.labelColumn !== undefined) row.labelColumn = level[row.labelColumn]!;
}

/**
 * The 类/款/项 columns of the first code: tables such as seed 003's 支出经济分类汇总表 carry two
 * classifications side by side (部门 302|01 and 政府 502|01); the first one is the row's code.
 */
function firstPartRun(panel: Panel): ColumnInfo[] {
  const run: ColumnInfo[] = [];
  for (const column of panel.columns) {
    if (column.kind === 'code-part') {
      if (run.length && (column.part ?? 0) <= (run.at(-1)!.part ?? 0)) break;
      run.push(column);
    } else if (run.length) {
      break;
    }
  }
  return run;
}

/** The 3-digit prefixes of 6-digit codes anywhere in the body: those 3-digit codes are units. */
export function unitPrefixesOf(grid: Grid, split: HeaderSplit): Set<string> {
  const prefixes = new Set<string>();
  for (let r = split.bodyStart; r < grid.height; r += 1) {
    for (const cell of grid.cells[r]!) {
      const text = cell.text.trim();
      if (/^\d{6}$/.test(text) || /^\d{3}\d{3}_/.test(text)) prefixes.add(text.slice(0, 3));
    }
  }
  return prefixes;
}
