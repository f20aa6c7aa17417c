import type { CellAnchor, SourceCell } from '../source';
import { normalizeText } from '../amount/normalize';
import type { CellValue } from '../amount/parse';
import { parseAmount } from '../amount/parse';

/** One position of the expanded table grid; spanned positions point back to their origin cell. */
export interface GridCell {
  /** Normalised text of the origin cell (NFKC, whitespace collapsed). */
  text: string;
  originRow: number;
  originCol: number;
  /** Anchor of the origin cell, empty for positions the markup left out (ragged rows). */
  anchor: CellAnchor | '';
  headerMarkup: boolean;
  /** The exact stored number behind a rounded display (spreadsheets; see SourceCell.exact). */
  exact?: string;
  /** Parsed amount, filled on first use by cellValue(). */
  value?: CellValue;
}

export interface Grid {
  width: number;
  height: number;
  /** cells[row][col], always defined for 0 ≤ row < height, 0 ≤ col < width. */
  cells: GridCell[][];
}

export const MAX_COLSPAN = 200;
export const MAX_ROWSPAN = 5000;

/**
 * An upper bound of the expanded grid's area, computed without expanding it: a row is at most as
 * wide as its own cells' spans plus the spans reaching down into it from rows above. Span bombs
 * (thousands of colspan × rowspan cells) are refused on this number before any memory is taken.
 */
export function gridAreaBound(rows: readonly SourceCell[][]): number {
  const height = rows.length;
  // carried[r]: columns occupied in row r by cells starting in an earlier row (a difference array).
  const carriedDelta = new Float64Array(height + 1);
  let carried = 0;
  let width = 0;
  for (let r = 0; r < height; r += 1) {
    carried += carriedDelta[r]!;
    let own = 0;
    for (const cell of rows[r]!) {
      const rowSpan = Math.min(Math.max(1, cell.rowSpan | 0), MAX_ROWSPAN, height - r);
      const colSpan = Math.min(Math.max(1, cell.colSpan | 0), MAX_COLSPAN);
      own += colSpan;
      if (rowSpan > 1) {
        carriedDelta[r + 1] = carriedDelta[r + 1]! + colSpan;
        carriedDelta[r + rowSpan] = carriedDelta[r + rowSpan]! - colSpan;
      }
    }
    width = Math.max(width, own + carried);
  }
  return width * height;
}

/**
 * Expands rowspan/colspan into a dense grid (the HTML table model), so that column positions
 * mean the same thing on every row. Ragged rows are padded with empty cells.
 */
export function expandGrid(rows: SourceCell[][]): Grid {
  const cells: GridCell[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((row, r) => {
    const line = cells[r]!;
    let c = 0;
    for (const cell of row) {
      while (line[c]) c += 1;
      const rowSpan = Math.min(Math.max(1, cell.rowSpan | 0), MAX_ROWSPAN, rows.length - r);
      const colSpan = Math.min(Math.max(1, cell.colSpan | 0), MAX_COLSPAN);
      const placed: GridCell = {
        text: normalizeText(cell.text),
        originRow: r,
        originCol: c,
        // Extraction names cells "t3.r2.c5" (lib/engine/source.ts).
        anchor: cell.anchor as CellAnchor,
        headerMarkup: cell.headerMarkup,
      };
      if (cell.exact !== undefined) placed.exact = cell.exact;
      for (let dr = 0; dr < rowSpan; dr += 1) {
        const target = cells[r + dr]!;
        for (let dc = 0; dc < colSpan; dc += 1) {
          if (!target[c + dc]) target[c + dc] = placed;
        }
      }
      c += colSpan;
      width = Math.max(width, c);
    }
    width = Math.max(width, line.length);
  });
  cells.forEach((line, r) => {
    for (let c = 0; c < width; c += 1) {
      if (!line[c]) line[c] = { text: '', originRow: r, originCol: c, anchor: '', headerMarkup: false };
    }
  });
  return { width, height: rows.length, cells };
}

/** True when (row, col) is the top-left position of its cell, so its value is counted once. */
export function isOrigin(cell: GridCell, row: number, col: number): boolean {
  return cell.originRow === row && cell.originCol === col;
}

/** The parsed amount of a grid cell, computed once per origin cell (checks read cells many times). */
export function cellValue(cell: GridCell): CellValue {
  cell.value ??= exactOrShown(cell);
  return cell.value;
}

/** A rounded display computes with the stored number, keeping the shown text as `raw`. */
function exactOrShown(cell: GridCell): CellValue {
  const shown = parseAmount(cell.text);
  if (cell.exact === undefined || shown.kind !== 'number') return shown;
  const exact = parseAmount(cell.exact);
  return exact.kind === 'number' ? { ...exact, raw: shown.raw, grouped: shown.grouped } : shown;
}
