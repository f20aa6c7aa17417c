import type { Box } from './lattice';
import type { LaidCell, LaidTable, TextLine } from './page-layout';

/**
 * Borderless tables (Tabula's "stream", pdfplumber's text strategy), used only on lines outside
 * ruled tables. In budget tables the amounts are right-aligned in columns and the 项目 column is
 * left-aligned, so a run of at least three lines that each hold two or more separated pieces, one
 * of them an amount, is a table; its columns come from clustering the pieces' edges.
 */
const AMOUNT = /^[-－—]?[\d,，]+(?:[.．]\d+)?%?$|^[-－—]+$/;
/** Pieces of a line closer than this (in em) are one cell. */
const CELL_GAP = 1.2;
const MIN_ROWS = 3;
const MAX_HEADER_LINES = 3;
/** Table of contents lines (leader dots) look like two-column tables; they are not. */
const LEADER = /[.…·．]{4,}|…{2,}/;

interface Piece extends Box {
  text: string;
}

function piecesOf(line: TextLine): Piece[] {
  const pieces: Array<Piece & { end: number }> = [];
  for (const part of line.parts) {
    const text = line.text.slice(part.start, part.end).trim();
    if (!text) continue;
    const last = pieces[pieces.length - 1];
    if (last && part.box.x0 - last.x1 < line.size * CELL_GAP) {
      // Keep what lies between the two parts in the line's text (a space or nothing).
      last.text += line.text.slice(last.end, part.start).replace(/\s+/g, ' ') + text;
      last.x1 = Math.max(last.x1, part.box.x1);
      last.top = Math.min(last.top, part.box.top);
      last.bottom = Math.max(last.bottom, part.box.bottom);
      last.end = part.end;
    } else pieces.push({ text, ...part.box, end: part.end });
  }
  return pieces.map(({ text, x0, x1, top, bottom }) => ({ text: text.trim(), x0, x1, top, bottom }));
}

const isAmount = (text: string) => AMOUNT.test(text.replace(/\s+/g, ''));

function tabular(pieces: Piece[]): boolean {
  return pieces.length >= 2 && pieces.some((p) => isAmount(p.text)) && !pieces.some((p) => LEADER.test(p.text));
}

interface Column {
  x0: number;
  x1: number;
}

/** Columns from the data rows: pieces overlapping horizontally share a column. */
function columnsOf(rows: Piece[][]): Column[] {
  const spans = rows.flat().map((p) => ({ x0: p.x0, x1: p.x1 })).sort((a, b) => a.x0 - b.x0);
  const columns: Column[] = [];
  for (const span of spans) {
    const last = columns[columns.length - 1];
    if (last && span.x0 <= last.x1) last.x1 = Math.max(last.x1, span.x1);
    else columns.push({ ...span });
  }
  return columns;
}

function columnOf(columns: Column[], piece: Piece): number {
  const centre = (piece.x0 + piece.x1) / 2;
  let best = 0;
  let bestDistance = Infinity;
  columns.forEach((column, i) => {
    const distance = centre < column.x0 ? column.x0 - centre : centre > column.x1 ? centre - column.x1 : 0;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** Finds borderless tables among `lines` (top to bottom); returns them and the lines left over. */
export function findStreamTables(lines: TextLine[]): { tables: LaidTable[]; rest: TextLine[] } {
  const pieces = lines.map(piecesOf);
  const used = new Set<number>();
  const tables: LaidTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!tabular(pieces[i]!)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && tabular(pieces[end]!) && lines[end]!.top - lines[end - 1]!.bottom < lines[end]!.size * 2.5) end += 1;
    if (end - i < MIN_ROWS) {
      i = end;
      continue;
    }
    // Header lines right above: several separated pieces, no amounts needed.
    let start = i;
    while (start > 0 && i - start < MAX_HEADER_LINES && !used.has(start - 1) && pieces[start - 1]!.length >= 2 && !pieces[start - 1]!.some((p) => LEADER.test(p.text)) && lines[start]!.top - lines[start - 1]!.bottom < lines[start]!.size * 2.5) start -= 1;
    const rows = pieces.slice(start, end);
    const columns = columnsOf(pieces.slice(i, end));
    if (columns.length >= 2) {
      const cells: LaidCell[] = [];
      rows.forEach((row, r) => {
        const texts = new Map<number, Piece>();
        for (const piece of row) {
          const c = columnOf(columns, piece);
          const known = texts.get(c);
          texts.set(c, known ? { ...known, text: `${known.text} ${piece.text}`, x1: piece.x1 } : piece);
        }
        const line = lines[start + r]!;
        columns.forEach((column, c) => {
          const piece = texts.get(c);
          cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: piece?.text ?? '', x0: column.x0, x1: column.x1, top: line.top, bottom: line.bottom });
        });
      });
      for (let k = start; k < end; k += 1) used.add(k);
      tables.push({
        x0: columns[0]!.x0,
        x1: columns[columns.length - 1]!.x1,
        top: lines[start]!.top,
        bottom: lines[end - 1]!.bottom,
        rows: rows.length,
        cols: columns.length,
        cells,
        // Borders halfway between neighbouring columns' text.
        xs: [columns[0]!.x0, ...columns.slice(1).map((column, c) => (columns[c]!.x1 + column.x0) / 2), columns[columns.length - 1]!.x1],
        ruled: false,
      });
    }
    i = end;
  }
  return { tables, rest: lines.filter((_, k) => !used.has(k)) };
}
