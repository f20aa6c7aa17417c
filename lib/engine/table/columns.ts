import type { Grid } from './grid';
import { cellValue, isOrigin } from './grid';
import type { HeaderCell, HeaderSplit } from './header';

export type ColumnKind = 'amount' | 'code' | 'code-part' | 'unit-code' | 'rowno' | 'percent' | 'text';

export interface ColumnInfo {
  index: number;
  path: HeaderCell[];
  /** Header path joined with "/", e.g. "基本支出/人员经费". */
  label: string;
  kind: ColumnKind;
  /** For code-part columns: 0 = 类, 1 = 款, 2 = 项. */
  part?: number;
  /**
   * Why the kind is a guess, when it is one (a possible misreading): text among the amounts,
   * codes or line numbers told by their values alone. Absent when header and values agree.
   */
  guess?: string;
}

const ROWNO_HEADER = /行次|序号|栏次|^序$/;
const UNIT_CODE_HEADER = /单位(代码|编码)|^单位$|部门(代码|编码)/;
const PART_HEADER: Record<string, number> = { 类: 0, 款: 1, 项: 2 };
const CODE_HEADER = /(科目)?(编码|代码)$|^科目$/;
const PERCENT_HEADER = /%|率|比例|占比|比重/;
const TEXT_HEADER = /名称|项目$|^项目|科目$|说明|备注|类型|内容|用途|依据|指标/;

interface ColumnStats {
  numbers: number;
  digitCodes: number;
  maxCodeLength: number;
  texts: number;
  /** The digit-only values (at most 9 digits), in row order: the candidates for codes. */
  digits: string[];
}

function statsOf(grid: Grid, split: HeaderSplit, c: number): ColumnStats {
  const stats: ColumnStats = { numbers: 0, digitCodes: 0, maxCodeLength: 0, texts: 0, digits: [] };
  for (let r = split.bodyStart; r < grid.height; r += 1) {
    if (split.numberRows.has(r)) continue;
    const cell = grid.cells[r]![c]!;
    if (!isOrigin(cell, r, c)) continue;
    const value = cellValue(cell);
    // A run of ten or more digits is an identifier (21-digit 项目编码), not an amount.
    if (value.kind === 'number' && /^\d{10,}$/.test(cell.text.trim())) {
      stats.texts += 1;
      continue;
    }
    if (value.kind === 'number') {
      stats.numbers += 1;
      const digits = cell.text.trim();
      if (/^\d{1,9}$/.test(digits)) {
        stats.digitCodes += 1;
        stats.maxCodeLength = Math.max(stats.maxCodeLength, digits.length);
        stats.digits.push(digits);
      }
    } else if (value.kind === 'text') {
      stats.texts += 1;
    }
  }
  return stats;
}

/** A class (类) of the function or economic classification: 201–234, 301–399, 501–599. */
function isClass(prefix: string): boolean {
  const n = Number(prefix);
  return (n >= 201 && n <= 234) || (n >= 301 && n <= 399) || (n >= 501 && n <= 599);
}

/**
 * Whether a column's whole numbers are classification or unit codes rather than amounts
 * (rulebook §2), and how many of them nest under another (21015 heads 2101501, 473 heads 473002).
 * Every value must have a code's shape: 3, 5 or 7 digits under a class, a 6- or 9-digit unit
 * code, or the 3-digit department heading such units. Small numbers (80, 237, 700, a lone 0)
 * have no code's shape: they are amounts. Null when some value is no code.
 */
function codeShape(digits: string[]): { nested: number } | null {
  if (digits.length === 0) return null;
  const values = new Set(digits);
  const departments = new Set([...values].filter((v) => v.length === 6 || v.length === 9).map((v) => v.slice(0, 3)));
  let nested = 0;
  for (const value of values) {
    const n = value.length;
    if (n === 6 || n === 9) {
      if (values.has(value.slice(0, 3))) nested += 1;
    } else if (n === 3) {
      if (!isClass(value) && !departments.has(value)) return null;
    } else if (n === 5 || n === 7) {
      if (!isClass(value.slice(0, 3))) return null;
      if (values.has(value.slice(0, n - 2)) || values.has(value.slice(0, 3))) nested += 1;
    } else return null;
  }
  return { nested };
}

/**
 * A code column without a header saying so: left of the names (where codes are written) the
 * shape suffices; right of them, or beside labels such as "合计", the codes must nest, since
 * whole-yuan amounts can happen to look like one code.
 */
function holdsCodes(stats: ColumnStats, leftOfNames: boolean): boolean {
  if (stats.numbers === 0 || stats.digitCodes !== stats.numbers) return false;
  const shape = codeShape(stats.digits);
  if (!shape) return false;
  if (shape.nested > 0) return stats.texts <= stats.numbers;
  return leftOfNames && stats.texts === 0;
}

/**
 * Decides what each column holds, from its header words first and its body values second.
 * Code columns sit left of the names; digit-only values to the right of a name are amounts.
 */
export function classifyColumns(grid: Grid, split: HeaderSplit, paths: HeaderCell[][]): ColumnInfo[] {
  const columns: ColumnInfo[] = [];
  let seenText = false;
  for (let c = 0; c < grid.width; c += 1) {
    const path = paths[c] ?? [];
    const label = path.map((p) => p.label).join('/');
    const leaf = path.at(-1)?.label ?? '';
    const stats = statsOf(grid, split, c);
    const digitOnly = stats.numbers > 0 && stats.digitCodes === stats.numbers && stats.texts === 0;
    let kind: ColumnKind;
    let part: number | undefined;
    let guess: string | undefined;
    if (ROWNO_HEADER.test(leaf)) kind = 'rowno';
    else if (UNIT_CODE_HEADER.test(leaf) && stats.texts === 0) kind = 'unit-code';
    // A 类/款/项 column holds short integers; a stray label ("合计") in it does not make it text.
    else if (leaf in PART_HEADER && stats.digitCodes >= stats.numbers && stats.texts <= Math.max(1, stats.numbers / 4)) {
      kind = 'code-part';
      part = PART_HEADER[leaf];
    } else if (CODE_HEADER.test(leaf) && stats.digitCodes === stats.numbers && (stats.texts <= Math.max(1, stats.numbers / 4) || holdsCodes(stats, true))) kind = 'code';
    else if (PERCENT_HEADER.test(leaf) && !/合计|总计/.test(leaf)) kind = 'percent';
    else if (holdsCodes(stats, !seenText)) {
      kind = 'code';
      if (seenText && !path.length) guess = '此列无表头，按数值的编码层级读作科目编码';
    } else if (digitOnly && isLineNumbering(stats.digits)) {
      kind = 'rowno';
      guess = '此列按逐行加一的数值读作行次';
    } else if (stats.numbers > 0 && stats.numbers >= stats.texts) {
      kind = 'amount';
      if (stats.texts > 0) guess = `此列 ${stats.numbers} 格为数字、${stats.texts} 格为文字，按金额列读取`;
    }
    else if (stats.texts > 0) kind = 'text';
    // An all-blank column: an amount column with nothing in it, unless its header names labels.
    else kind = TEXT_HEADER.test(leaf) && !/合计|总计|支出|收入|金额|预算|决算/.test(leaf) ? 'text' : 'amount';
    if (kind === 'text') seenText = true;
    columns.push({ index: c, path, label, kind, ...(part === undefined ? {} : { part }), ...(guess ? { guess } : {}) });
  }
  markCodePartRuns(grid, split, columns);
  return columns;
}

/**
 * 1, 2, 3 … (or 33, 34, 35 … on a continued page): the 行次 of a table whose header was not read.
 * Amounts never count up by one on every line.
 */
function isLineNumbering(digits: string[]): boolean {
  if (digits.length < 3) return false;
  return digits.every((d, i) => i === 0 || Number(d) === Number(digits[i - 1]) + 1);
}

/**
 * Headerless 类/款/项 columns: a code column of 3-digit classes followed by one or two columns of
 * 1–2 digit numbers under the same header cell ("科目编码" spanning them, the 类/款/项 row gone)
 * or under none. Read alone those small numbers would be amounts.
 */
function markCodePartRuns(grid: Grid, split: HeaderSplit, columns: ColumnInfo[]): void {
  const sameField = (a: ColumnInfo, b: ColumnInfo) => b.path.length === 0 || a.path.at(-1)?.key === b.path.at(-1)?.key;
  const isPart = (first: ColumnInfo, column: ColumnInfo | undefined): column is ColumnInfo => {
    if (!column || (column.kind !== 'code' && column.kind !== 'amount') || !sameField(first, column)) return false;
    const stats = statsOf(grid, split, column.index);
    // A stray label ("款" from a header row read into the body) does not make it text.
    return stats.digits.length > 0 && stats.digitCodes === stats.numbers && stats.maxCodeLength <= 2 && stats.texts <= Math.max(1, stats.numbers / 4);
  };
  for (let c = 0; c + 1 < columns.length; c += 1) {
    const first = columns[c]!;
    if (first.kind !== 'code') continue;
    const stats = statsOf(grid, split, c);
    if (stats.maxCodeLength !== 3 || !stats.digits.every((d) => d.length === 3 && isClass(d))) continue;
    const second = columns[c + 1];
    if (!isPart(first, second)) continue;
    first.kind = 'code-part';
    first.part = 0;
    second.kind = 'code-part';
    second.part = 1;
    const third = columns[c + 2];
    if (isPart(first, third)) {
      third.kind = 'code-part';
      third.part = 2;
    }
  }
}

/** A label-and-amounts block of columns. Side-by-side tables (收支总表, 公开06) have several. */
export interface Panel {
  index: number;
  columns: ColumnInfo[];
  amountColumns: ColumnInfo[];
}

export function splitPanels(columns: ColumnInfo[]): Panel[] {
  const panels: Panel[] = [];
  let current: ColumnInfo[] = [];
  let sawAmount = false;
  for (const column of columns) {
    const isAmount = column.kind === 'amount' || column.kind === 'percent';
    if (!isAmount && sawAmount) {
      panels.push(toPanel(panels.length, current));
      current = [];
      sawAmount = false;
    }
    current.push(column);
    if (isAmount) sawAmount = true;
  }
  if (current.length) panels.push(toPanel(panels.length, current));
  return panels.filter((panel) => panel.amountColumns.length > 0);
}

function toPanel(index: number, columns: ColumnInfo[]): Panel {
  return { index, columns, amountColumns: columns.filter((c) => c.kind === 'amount') };
}
