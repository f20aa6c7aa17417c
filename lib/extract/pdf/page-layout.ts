import type { TextRun } from './text-runs';
import { splitRun } from './text-runs';
import { findStreamTables } from './stream';
import type { Box, GridTable } from './lattice';

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
}

export interface LaidTable extends Box {
  rows: number;
  cols: number;
  cells: LaidCell[];
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

export function layoutPage(runs: TextRun[], grids: GridTable[]): PageLayout {
  const outside: TextRun[] = [];
  const perCell = new Map<GridTable, TextRun[][]>();
  for (const grid of grids) perCell.set(grid, grid.cells.map(() => []));
  for (const run of runs) {
    const cy = centreY(run);
    const grid = grids.find((g) => cy >= g.top && cy <= g.bottom && run.x1 > g.x0 && run.x0 < g.x1);
    if (!grid) {
      outside.push(run);
      continue;
    }
    for (const piece of splitRun(run, grid.xs)) {
      const cx = (piece.x0 + piece.x1) / 2;
      const index = grid.cells.findIndex((cell) => contains(cell, cx, cy));
      if (index < 0) outside.push(piece);
      else perCell.get(grid)![index]!.push(piece);
    }
  }
  const tables: LaidTable[] = grids.map((grid) => {
    const texts = perCell.get(grid)!;
    return {
      x0: grid.x0,
      x1: grid.x1,
      top: grid.top,
      bottom: grid.bottom,
      rows: grid.ys.length - 1,
      cols: grid.xs.length - 1,
      cells: grid.cells.map((cell, i) => ({ ...cell, text: cellText(groupLines(texts[i]!)) })),
    };
  });
  // Borderless tables among the remaining lines; what is left is running text.
  const stream = findStreamTables(groupLines(outside));
  return { tables: [...tables, ...stream.tables].sort((a, b) => a.top - b.top), lines: stream.rest };
}
