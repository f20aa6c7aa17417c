import { compactText } from '../../engine/amount/normalize';
import type { TextLine } from './page-layout';
import { wrapJoiner } from './page-layout';
import type { JoinedTable, PlacedCell } from './joined-table';
import { isNumber, slotOf } from './joined-table';

/**
 * The rows at a seam, where a piece of a table continued on the next page meets the table: header
 * rows the producer repeated (dropped), a row cut in two by the break (put back together), text
 * rows that fell outside the rules (read by position).
 */

/** Rows compared when looking for a header repeated on the continuation page. */
const HEADER_ROWS = 8;
/**
 * Labels that open a row of their own: a code, a numbered item, 其中. (Not 小计/合计: "当年收入" /
 * "小计" is one label cut in two.)
 */
const ROW_START = /^(\d{3,}(?![\d年号】\])）%.,，人元万])|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|其中)/;

/** Text rows outside any grid, as cells in the chain's columns: each run goes to the column its middle falls in. */
export function looseRows(xs: number[], lines: { line: TextLine; page: number }[]): PlacedCell[][] {
  return lines.map(({ line, page }, r) => {
    const cells = new Map<number, PlacedCell>();
    for (const part of line.parts) {
      const text = line.text.slice(part.start, part.end).trim();
      if (!text) continue;
      const col = slotOf(xs, (part.box.x0 + part.box.x1) / 2);
      const known = cells.get(col);
      if (known) known.text += wrapJoiner(known.text, text) + text;
      else cells.set(col, { ...part.box, x0: xs[col]!, x1: xs[col + 1]!, row: r, col, rowSpan: 1, colSpan: 1, text, page });
    }
    return [...cells.values()];
  });
}

/** Text of every position of rows [from, to) of the cells, spans expanded. */
function expandRows(cells: PlacedCell[], from: number, to: number, cols: number): string[][] {
  const out = Array.from({ length: Math.max(0, to - from) }, () => Array.from({ length: cols }, () => ''));
  for (const cell of cells) {
    for (let r = Math.max(cell.row, from); r < Math.min(cell.row + cell.rowSpan, to); r += 1) {
      for (let c = cell.col; c < Math.min(cols, cell.col + cell.colSpan); c += 1) out[r - from]![c] = compactText(cell.text);
    }
  }
  return out;
}

/** An amount as data rows hold it (decimals or thousands separators), not a column number or a code. */
const AMOUNT = /^[-－—]?\d{1,3}([,，]\d{3})+([.．]\d+)?$|^[-－—]?\d+[.．]\d+$/;

/**
 * How many leading rows of the new piece repeat the chain's header (WPS and Excel print it on
 * every page): rows equal to the chain's header rows one by one, from its first row — or, when the
 * repeat leaves out the first rows (a title row inside the grid), ending where the header ends.
 */
export function repeatedHeader(table: JoinedTable, cells: PlacedCell[], rows: number): number {
  const cols = table.cols;
  const head = expandRows(table.cells, 0, Math.min(HEADER_ROWS, table.rows), cols).map((row) => row.join('|'));
  const lead = expandRows(cells, 0, Math.min(HEADER_ROWS, rows), cols).map((row) => row.join('|'));
  const isHeader = (row: string) => !row.split('|').some((text) => AMOUNT.test(text)) && row.split('|').some((text) => text && !isNumber(text));
  let end = 0;
  while (end < head.length && isHeader(head[end]!)) end += 1;
  let best = 0;
  for (let start = 0; start < Math.min(3, end); start += 1) {
    let n = 0;
    while (n < lead.length && start + n < end && lead[n] === head[start + n]) n += 1;
    if (n > best && (start === 0 || start + n === end)) best = n;
  }
  // Never cut through a cell spanning down from the repeated rows into the body.
  while (best > 0 && cells.some((cell) => cell.row < best && cell.row + cell.rowSpan > best)) best -= 1;
  return best;
}

/**
 * Puts a row cut by the page break back together: the new piece's first row holds the rest of the
 * chain's last row when its text continues cells whose last line ran to the right rule, and no
 * column has an amount on both sides.
 */
export function mergeCutRow(table: JoinedTable, cells: PlacedCell[]): boolean {
  const row = cells.filter((cell) => cell.row === 0);
  const first = row.filter((cell) => cell.text);
  if (!first.length || row.some((cell) => cell.rowSpan > 1)) return false;
  const last = table.rows - 1;
  if (last < 0) return false;
  const above = (col: number) => table.cells.find((cell) => cell.row <= last && cell.row + cell.rowSpan > last && cell.col <= col && cell.col + cell.colSpan > col);
  let continued = false;
  for (const cell of first) {
    const top = above(cell.col);
    const number = isNumber(cell.text);
    // An amount may sit in the second part of its cut row; text only continues text that ran to the rule.
    if (number && !top?.text) continue;
    if (!top?.text || number || isNumber(top.text) || ROW_START.test(compactText(cell.text)) || !top.open) return false;
    continued = true;
  }
  if (!continued) return false;
  for (const cell of first) {
    const top = above(cell.col);
    const where = { page: cell.page, box: { x0: cell.x0, x1: cell.x1, top: cell.top, bottom: cell.bottom } };
    if (top) {
      top.text = top.text ? top.text + wrapJoiner(top.text, cell.text) + cell.text : cell.text;
      top.open = cell.open;
      top.more = [...(top.more ?? []), where];
    } else table.cells.push({ ...cell, row: last });
  }
  return true;
}
