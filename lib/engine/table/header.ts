import type { Grid, GridCell } from './grid';
import { isOrigin } from './grid';
import { cellValue } from './grid';
import { compactText } from '../amount/normalize';
import { titleRowsOf } from './title-rows';

/**
 * Column-number rows ("** ** 1 2 3", "栏次 1 2", "1=2+3") label columns, they are not data:
 * every non-empty cell is a marker or a small integer, and there are at least two integers.
 */
export function isColumnNumberRow(cells: GridCell[], row: number): boolean {
  let integers = 0;
  let previous = -1;
  let increasing = true;
  for (let c = 0; c < cells.length; c += 1) {
    const cell = cells[c]!;
    if (!isOrigin(cell, row, c)) continue;
    const text = compactText(cell.text);
    if (!text) continue;
    if (/^(\*+|栏次|行次|栏号|序号|类|款|项|[甲乙丙丁戊]|[A-Z])$/.test(text)) continue;
    const formula = /^(\d{1,3})(?:=[\d+\-—]+)?$/.exec(text);
    if (!formula) return false;
    const value = Number(formula[1]);
    if (value <= previous) increasing = false;
    previous = value;
    integers += 1;
  }
  return integers >= 2 && increasing;
}

function hasNumber(cells: GridCell[], row: number): boolean {
  for (let c = 0; c < cells.length; c += 1) {
    const cell = cells[c]!;
    if (!isOrigin(cell, row, c)) continue;
    if (cellValue(cell).kind === 'number') return true;
  }
  return false;
}

export interface HeaderSplit {
  /**
   * Leading rows that are the table's title, meta and unit lines written inside the table
   * ("2024年部门收支总表", "部门：…  单位：万元"): they name no column and are not data.
   */
  titleRows: number[];
  /** First body (data) row; equals grid.height for tables without data. */
  bodyStart: number;
  /** Header rows that carry column names (column-number rows excluded). */
  nameRows: number[];
  /** Column-number rows and repeated header rows anywhere in the table: never data. */
  numberRows: Set<number>;
}

/**
 * The header is everything above the first row that carries a number (column-number rows
 * aside). Header markup is not trusted: many portals write their headers in plain <td>.
 */
export function splitHeader(grid: Grid): HeaderSplit {
  const numberRows = new Set<number>();
  let bodyStart = grid.height;
  for (let r = 0; r < grid.height; r += 1) {
    const cells = grid.cells[r]!;
    if (isColumnNumberRow(cells, r)) {
      numberRows.add(r);
      continue;
    }
    if (bodyStart === grid.height && hasNumber(cells, r)) bodyStart = r;
  }
  // Leading body rows whose amounts are all blank ("一、一般公共服务支出" with nothing in it) have
  // no number to show they are data; their numbering or code does.
  while (bodyStart > 1 && bodyStart < grid.height && looksLikeDataRow(grid, bodyStart - 1)) bodyStart -= 1;
  const titleRows = titleRowsOf(grid, bodyStart);
  const nameRows: number[] = [];
  for (let r = titleRows.length; r < bodyStart; r += 1) if (!numberRows.has(r)) nameRows.push(r);
  // Tables continued over pages repeat their header rows (续表): those are not data either.
  const headerTexts = nameRows.map((r) => rowTexts(grid, r)).filter((t) => t.length >= 2);
  for (let r = bodyStart; r < grid.height; r += 1) {
    if (numberRows.has(r)) continue;
    const texts = rowTexts(grid, r);
    if (texts.length >= 2 && headerTexts.some((h) => sameTexts(h, texts))) numberRows.add(r);
  }
  return { titleRows, bodyStart, nameRows, numberRows };
}

const DATA_LABEL = /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）]|\d{3,7}$)/;

function looksLikeDataRow(grid: Grid, row: number): boolean {
  const first = grid.cells[row]!.find((cell) => cell.text);
  return Boolean(first && first.originRow === row && DATA_LABEL.test(compactText(first.text)));
}

function rowTexts(grid: Grid, row: number): string[] {
  const texts: string[] = [];
  grid.cells[row]!.forEach((cell, c) => {
    if (isOrigin(cell, row, c) && cell.text) texts.push(compactText(cell.text));
  });
  return texts;
}

function sameTexts(a: string[], b: string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const set = new Set(a);
  const shared = b.filter((t) => set.has(t)).length;
  return shared >= Math.max(2, Math.ceil(Math.max(a.length, b.length) * 0.8));
}

/** A header cell as a node of the header tree: identified by its origin, so spans dedupe. */
export interface HeaderCell {
  key: string;
  label: string;
}

/**
 * The header path of every column: the distinct header cells above it, top-down. Cells that
 * span the whole width (an in-table title or "单位：万元" line) name no column and are dropped.
 */
export function columnPaths(grid: Grid, nameRows: number[]): HeaderCell[][] {
  const paths: HeaderCell[][] = [];
  for (let c = 0; c < grid.width; c += 1) {
    const path: HeaderCell[] = [];
    for (const r of nameRows) {
      const cell = grid.cells[r]![c]!;
      const label = compactText(cell.text);
      if (!label) continue;
      if (grid.width > 2 && spansWholeRow(grid, r, cell)) continue;
      const key = `${cell.originRow}:${cell.originCol}`;
      if (path.at(-1)?.key === key) continue;
      path.push({ key, label });
    }
    paths.push(path);
  }
  return paths;
}

function spansWholeRow(grid: Grid, row: number, cell: GridCell): boolean {
  const cells = grid.cells[row]!;
  return cells.every((other) => other.originRow === cell.originRow && other.originCol === cell.originCol);
}
