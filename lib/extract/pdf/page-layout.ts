import type { TextRun } from './text-runs';
import { splitRun } from './text-runs';
import { findStreamTables } from './stream';
import type { Box, GridCell, GridTable } from './lattice';

/**
 * One page as tables (ruled grids with their cells' text) and lines of running text in reading
 * order. Reading order is rebuilt from positions: real files draw text in any order (headers last,
 * columns one by one), so nothing here trusts the order of the content stream.
 */
export interface TextLine extends Box {
  text: string;
  size: number;
  /** The runs that make up the line, left to right, with their offsets in `text`. */
  parts: { start: number; end: number; box: Box }[];
}

export interface LaidCell extends Box {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  /**
   * The cell's last line of text runs to its right edge, so the text may go on past it (a cell
   * cut by a page break continues on the next page).
   */
  open?: boolean;
}

export interface LaidTable extends Box {
  rows: number;
  cols: number;
  cells: LaidCell[];
  /** Column borders, left to right: the rules of a ruled grid, the gaps between aligned text otherwise. */
  xs: number[];
  /** Drawn with rules (false: found from text alignment). */
  ruled: boolean;
  /**
   * A one-row grid at the top or foot of the page: a piece of a table continued over the page
   * break, or a frame around a line. Its text as lines, for when it joins no table.
   */
  fragment?: TextLine[];
}

export interface PageLayout {
  tables: LaidTable[];
  /** Lines outside every table, top to bottom. */
  lines: TextLine[];
}

/** Runs whose vertical centres are this close (in em) share a line. */
const SAME_LINE = 0.45;

function centreY(b: Box): number {
  return (b.top + b.bottom) / 2;
}

function isWide(ch: string | undefined): boolean {
  return ch !== undefined && (ch.codePointAt(0) ?? 0) >= 0x2e80;
}

/** What joins a wrapped line to the text before it: nothing beside CJK, else a space. */
export function wrapJoiner(before: string, next: string): '' | ' ' {
  return !before || isWide(before[before.length - 1]) || isWide(next[0]) ? '' : ' ';
}

/** Joins two pieces of one line: nothing between CJK neighbours, a space across a visible gap. */
function glue(left: string, right: string, gap: number, size: number): string {
  if (!left) return right;
  const a = left[left.length - 1];
  const b = right[0];
  // A wide gap separates fields of one line ("部门：某局⟶单位：万元"): a tab keeps them apart for readers of meta lines.
  if (gap > size * 2) return `${left}\t${right}`;
  if (gap > size * 0.9) return `${left} ${right}`;
  if (isWide(a) || isWide(b)) return left + right;
  return gap > size * 0.2 ? `${left} ${right}` : left + right;
}

/** Groups runs into lines (top to bottom), each sorted left to right. */
export function groupLines(runs: TextRun[]): TextLine[] {
  const sorted = [...runs].sort((p, q) => centreY(p) - centreY(q) || p.x0 - q.x0);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const current = groups[groups.length - 1];
    if (current) {
      const ref = current[0]!;
      const tolerance = SAME_LINE * Math.max(ref.size, run.size);
      if (Math.abs(centreY(run) - centreY(ref)) <= tolerance) {
        current.push(run);
        continue;
      }
    }
    groups.push([run]);
  }
  return groups.map(toLine);
}

function toLine(group: TextRun[]): TextLine {
  const runs = [...group].sort((p, q) => p.x0 - q.x0);
  let text = '';
  const parts: TextLine['parts'] = [];
  let lastX1 = -Infinity;
  const size = Math.max(...runs.map((r) => r.size));
  for (const run of runs) {
    text = glue(text, run.text, run.x0 - lastX1, size);
    parts.push({ start: text.length - run.text.length, end: text.length, box: { x0: run.x0, x1: run.x1, top: run.top, bottom: run.bottom } });
    lastX1 = Math.max(lastX1, run.x1);
  }
  return {
    text,
    size,
    parts,
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    top: Math.min(...runs.map((r) => r.top)),
    bottom: Math.max(...runs.map((r) => r.bottom)),
  };
}

/** Page numbers ("- 3 -", "第 3 页", "3/25") are page furniture, not text of the document. */
export const PAGE_NUMBER = /^[-－—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4})?(\s*共\s*\d{1,4}\s*页)?[-－—–\s]*$/;

/** Page numbers and their dashes ("- 3 -", "第 3 页", "3/25"): not content when looking for the edge of a page's text. */
const PAGE_FURNITURE = /^[-－—–\s\d第页共/／]*$/;

const NUMERIC = /^[\s\d,，.．\-－—()（）%]+$/;

/** Text of a cell from the lines inside it: wrapped CJK lines join without spaces. */
function cellText(lines: TextLine[]): string {
  let text = '';
  for (const line of lines) {
    const part = line.text.trim();
    if (!part) continue;
    text += wrapJoiner(text, part) + part;
  }
  // Glyph-by-glyph numbers come out as "2, 068, 839. 67".
  return NUMERIC.test(text) ? text.replace(/\s+/g, '') : text;
}

function contains(box: Box, x: number, y: number): boolean {
  return x >= box.x0 - 0.5 && x <= box.x1 + 0.5 && y >= box.top - 0.5 && y <= box.bottom + 0.5;
}

/** A grid of one row or one column is a frame around a title, a note or the page — or a piece of a table cut by a page break. */
function isDataGrid(grid: GridTable): boolean {
  return grid.xs.length >= 3 && grid.ys.length >= 3 && grid.cells.length >= 4;
}

function isRowGrid(grid: GridTable): boolean {
  return grid.xs.length >= 3 && grid.ys.length === 2;
}

/** Left padding of the table's cells: the smallest gap between a cell's left rule and its text. */
function cellPadding(grid: GridTable, texts: TextRun[][]): number {
  let padding = Infinity;
  grid.cells.forEach((cell, i) => {
    for (const run of texts[i]!) padding = Math.min(padding, run.x0 - cell.x0);
  });
  return Number.isFinite(padding) ? Math.max(0, padding) : 0;
}

function laidCell(cell: GridCell, runs: TextRun[], padding: number): LaidCell {
  const lines = groupLines(runs);
  const last = lines[lines.length - 1];
  // A line that stops within a character (and the padding) of the right rule had no room for more.
  const open = last !== undefined && cell.x1 - last.x1 <= padding + last.size * 1.2;
  return { ...cell, text: cellText(lines), ...(open ? { open } : {}) };
}

/** Drops the row a closed edge added when nothing is written in it (column rules that merely overhang). */
function dropEmptyClosedRows(table: LaidTable, closed: GridTable['closed']): LaidTable {
  let { cells, rows, top, bottom } = table;
  const emptyRow = (r: number) => cells.every((c) => (c.row > r || c.row + c.rowSpan <= r) || (!c.text && c.rowSpan === 1));
  if (closed?.bottom && rows > 1 && emptyRow(rows - 1)) {
    cells = cells.filter((c) => c.row !== rows - 1);
    rows -= 1;
    bottom = Math.max(...cells.map((c) => c.bottom));
  }
  if (closed?.top && rows > 1 && emptyRow(0)) {
    cells = cells.filter((c) => c.row !== 0).map((c) => ({ ...c, row: c.row - 1 }));
    rows -= 1;
    top = Math.min(...cells.map((c) => c.top));
  }
  return { ...table, cells, rows, top, bottom };
}

/** Slot of a sorted border list that x falls in (-1 outside). */
function slot(borders: number[], x: number): number {
  let lo = 0;
  let hi = borders.length - 1;
  if (x < borders[0]! || x > borders[hi]!) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (borders[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Which cell of the grid holds a point: by row and column slot, a cell list scan only at the edges. */
function cellLocator(grid: GridTable): (x: number, y: number) => number {
  const cols = grid.xs.length - 1;
  const at = new Int32Array(Math.max(0, (grid.ys.length - 1) * cols)).fill(-1);
  grid.cells.forEach((cell, i) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan && r < grid.ys.length - 1; r += 1) {
      for (let c = cell.col; c < cell.col + cell.colSpan && c < cols; c += 1) if (at[r * cols + c] === -1) at[r * cols + c] = i;
    }
  });
  return (x, y) => {
    const r = slot(grid.ys, y);
    const c = slot(grid.xs, x);
    const i = r >= 0 && c >= 0 ? at[r * cols + c]! : -1;
    if (i >= 0 && contains(grid.cells[i]!, x, y)) return i;
    return grid.cells.findIndex((cell) => contains(cell, x, y));
  };
}

export function layoutPage(runs: TextRun[], allGrids: GridTable[]): PageLayout {
  const grids = allGrids.filter((g) => isDataGrid(g) || isRowGrid(g));
  const outside: TextRun[] = [];
  const perCell = new Map<GridTable, TextRun[][]>();
  const locate = new Map<GridTable, (x: number, y: number) => number>();
  for (const grid of grids) {
    perCell.set(grid, grid.cells.map(() => []));
    locate.set(grid, cellLocator(grid));
  }
  for (const run of runs) {
    const cy = centreY(run);
    const grid = grids.find((g) => cy >= g.top && cy <= g.bottom && run.x1 > g.x0 && run.x0 < g.x1);
    if (!grid) {
      outside.push(run);
      continue;
    }
    const find = locate.get(grid)!;
    for (const piece of splitRun(run, grid.xs)) {
      const index = find((piece.x0 + piece.x1) / 2, cy);
      if (index < 0) outside.push(piece);
      else perCell.get(grid)![index]!.push(piece);
    }
  }
  // A one-row grid counts only at the top or the foot of the page, where a table cut by a page
  // break leaves such a piece; elsewhere its text goes back to the running text.
  const content = runs.filter((r) => !PAGE_FURNITURE.test(r.text));
  const edge = (grid: GridTable) => {
    if (!perCell.get(grid)!.some((texts) => texts.length)) return false;
    return !content.some((r) => r.bottom < grid.top) || !content.some((r) => r.top > grid.bottom);
  };
  const tables: LaidTable[] = [];
  for (const grid of grids) {
    const texts = perCell.get(grid)!;
    if (isRowGrid(grid) && !edge(grid)) {
      outside.push(...texts.flat());
      continue;
    }
    const padding = cellPadding(grid, texts);
    const laid: LaidTable = {
      x0: grid.x0,
      x1: grid.x1,
      top: grid.top,
      bottom: grid.bottom,
      rows: grid.ys.length - 1,
      cols: grid.xs.length - 1,
      xs: grid.xs,
      ruled: true,
      cells: grid.cells.map((cell, i) => laidCell(cell, texts[i]!, padding)),
      ...(isRowGrid(grid) ? { fragment: groupLines(texts.flat()) } : {}),
    };
    tables.push(grid.closed ? dropEmptyClosedRows(laid, grid.closed) : laid);
  }
  // Borderless tables among the remaining lines; what is left is running text.
  const stream = findStreamTables(groupLines(outside));
  return { tables: [...tables, ...stream.tables].sort((a, b) => a.top - b.top), lines: stream.rest };
}
