import type { LaidTable } from './page-layout';
import type { JoinedTable, PlacedCell } from './joined-table';
import { slotOf } from './joined-table';

/**
 * How the columns of a piece of a table continued on another page fall on the table's: by the
 * x-positions of their borders (a tail drawn with fewer borders, a header piece with more, a page
 * shifted sideways), or, for borderless pieces, by where their text sits. Never by index.
 */

/** Border positions this close (points) are the same border. */
const BORDER = 3;
/** Text positions of borderless columns vary with the widths of their numbers. */
const LOOSE_BORDER = 8;

function nearest(list: number[], value: number): number {
  let best = 0;
  for (let i = 1; i < list.length; i += 1) if (Math.abs(list[i]! - value) < Math.abs(list[best]! - value)) best = i;
  return best;
}

export interface Alignment {
  shift: number;
  /** Borders of the piece the chain does not have yet (in chain coordinates). */
  added: number[];
  /** How cells find their columns: by their borders, by their centres (borderless), by index under a repeated header. */
  by: 'borders' | 'centres' | 'header';
  certain: boolean;
}

/** How the columns of `piece` fall on the borders `xs` (a chain's or its tail's), or null when the two are different tables. */
export function align(grid: { xs: number[]; ruled: boolean }, piece: LaidTable): Alignment | null {
  const xs = grid.xs;
  const [a0, a1] = [xs[0]!, xs[xs.length - 1]!];
  const tolerance = grid.ruled && piece.ruled ? BORDER : LOOSE_BORDER;
  let shift = 0;
  // A whole table moved sideways (mirrored margins) keeps its width.
  if (Math.abs(piece.x0 - a0) > tolerance && Math.abs(piece.x1 - piece.x0 - (a1 - a0)) <= tolerance) shift = piece.x0 - a0;
  const bs = piece.xs.map((x) => x - shift);
  if (Math.abs(bs[0]! - a0) > tolerance || Math.abs(bs[bs.length - 1]! - a1) > tolerance) return null;
  if (!grid.ruled || !piece.ruled) {
    // Borderless columns: each of the piece's columns must sit inside one of the chain's.
    const slots = piece.xs.slice(0, -1).map((_, c) => {
      const cells = piece.cells.filter((cell) => cell.col === c);
      const x0 = Math.min(...cells.map((cell) => cell.x0)) - shift;
      const x1 = Math.max(...cells.map((cell) => cell.x1)) - shift;
      return { first: slotOf(xs, x0 + 1), last: slotOf(xs, x1 - 1) };
    });
    const distinct = slots.every((s, i) => s.first === s.last && (i === 0 || s.first > slots[i - 1]!.first));
    return { shift, added: [], by: 'centres', certain: distinct };
  }
  const inner = (list: number[]) => list.slice(1, -1);
  const matchedB = inner(bs).filter((x) => xs.some((y) => Math.abs(x - y) <= tolerance));
  const matchedA = inner(xs).filter((y) => bs.some((x) => Math.abs(x - y) <= tolerance));
  const pieceInChain = matchedB.length === bs.length - 2;
  const chainInPiece = matchedA.length === xs.length - 2;
  if (pieceInChain) return { shift, added: [], by: 'borders', certain: true };
  // The chain so far has fewer borders (a header piece with spanned cells): the piece adds its own.
  if (chainInPiece) return { shift, added: inner(bs).filter((x) => !xs.some((y) => Math.abs(x - y) <= tolerance)), by: 'borders', certain: true };
  const smaller = Math.min(bs.length, xs.length) - 2;
  if (smaller > 0 && matchedB.length * 2 < smaller) return null;
  return { shift, added: [], by: 'borders', certain: false };
}

/** Adds column borders to a joined table (kept in `xs`): cells over a split column span one more. */
export function insertBorders(table: JoinedTable, xs: number[], added: number[]): void {
  for (const x of [...added].sort((p, q) => p - q)) {
    const k = xs.findIndex((y) => y > x);
    if (k <= 0) continue;
    xs.splice(k, 0, x);
    // Old column k − 1 splits in two: cells right of it move, cells over it span one more.
    for (const cell of table.cells) {
      if (cell.col >= k) cell.col += 1;
      else if (cell.col + cell.colSpan > k - 1) cell.colSpan += 1;
    }
  }
  table.cols = xs.length - 1;
}

/** The piece's cells in the chain's columns, rows numbered from 0. */
export function mapCells(xs: number[], piece: LaidTable, page: number, how: Alignment): PlacedCell[] {
  if (how.by === 'header') return piece.cells.map((cell) => ({ ...cell, page }));
  return piece.cells.map((cell) => {
    const x0 = cell.x0 - how.shift;
    const x1 = cell.x1 - how.shift;
    let col: number;
    let end: number;
    if (how.by === 'borders') {
      col = nearest(xs, x0);
      end = Math.max(col + 1, nearest(xs, x1));
    } else {
      col = slotOf(xs, (x0 + x1) / 2);
      end = col + 1;
    }
    return { ...cell, col: Math.min(col, xs.length - 2), colSpan: Math.max(1, Math.min(end, xs.length - 1) - col), page };
  });
}
