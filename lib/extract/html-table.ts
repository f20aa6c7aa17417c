import type { CellAnchor, SourceCell, TableAnchor } from '../engine/source';
import type { TextWalkNotes } from './dom';
import { ELEMENT_NODE, isSkipped, tagOf, visibleText, walk } from './dom';

export const MAX_ROWSPAN = 1000;
export const MAX_COLSPAN = 200;

export interface HtmlTable {
  rows: SourceCell[][];
  /** The element of each cell, parallel to `rows`. */
  cells: Element[][];
  caption: string;
  /** Widest row, counting colspans: the "at least 2 columns" test. */
  width: number;
}

interface RawRow {
  section: Element;
  header: boolean;
  cells: Element[];
}

/**
 * Reads the rows of one table in markup order (thead, tbody, tfoot and bare rows as they come).
 * Returns null when the table holds another visible table: that is page layout, and its cells
 * are text. Hidden rows and cells are left out, so anchors index the rows and cells analysis
 * sees. Spans are parsed defensively: page markup is untrusted.
 */
export function readTable(table: Element, anchor: TableAnchor): HtmlTable | null {
  const raw: RawRow[] = [];
  const notes: TextWalkNotes = { table: false };
  let caption: string | null = null;
  walk(
    table,
    (node) => {
      if (node === table) return true;
      if (node.nodeType !== ELEMENT_NODE || notes.table) return false;
      const el = node as Element;
      const tag = tagOf(el);
      if (isSkipped(el, tag)) return false;
      if (tag === 'tr') {
        raw.push(readRow(el, table));
        return false;
      }
      if (tag === 'caption') {
        caption ??= visibleText(el, notes);
        return false;
      }
      if (tag === 'table') notes.table = true;
      // Stray wrappers (forms, divs) inside a table may still hold rows.
      return tag !== 'td' && tag !== 'th';
    },
    () => {},
  );

  const sectionEnds = sectionEndsOf(raw);
  const rows: SourceCell[][] = [];
  const cells: Element[][] = [];
  let width = 0;
  for (let r = 0; r < raw.length && !notes.table; r += 1) {
    const row = raw[r]!;
    const remaining = sectionEnds[r]! - r;
    const out: SourceCell[] = [];
    let rowWidth = 0;
    for (let c = 0; c < row.cells.length; c += 1) {
      const el = row.cells[c]!;
      const colSpan = parseColSpan(el.getAttribute('colspan'));
      rowWidth += colSpan;
      out.push({
        text: visibleText(el, notes),
        rowSpan: parseRowSpan(el.getAttribute('rowspan'), remaining),
        colSpan,
        headerMarkup: row.header || tagOf(el) === 'th',
        anchor: `${anchor}.r${r}.c${c}` satisfies CellAnchor,
      });
    }
    rows.push(out);
    cells.push(row.cells);
    if (rowWidth > width) width = rowWidth;
  }
  if (notes.table) return null;
  return { rows, cells, caption: caption ?? '', width };
}

function readRow(tr: Element, table: Element): RawRow {
  const cells: Element[] = [];
  for (let child = tr.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    const tag = tagOf(el);
    if ((tag === 'td' || tag === 'th') && !isSkipped(el, tag)) cells.push(el);
  }
  const section = sectionOf(tr, table);
  return { section, header: tagOf(section) === 'thead', cells };
}

function sectionOf(tr: Element, table: Element): Element {
  for (let el = tr.parentElement; el && el !== table; el = el.parentElement) {
    const tag = tagOf(el);
    if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') return el;
  }
  return table;
}

/** For each row, the index just past the last row of its section (a run of rows sharing one). */
function sectionEndsOf(rows: RawRow[]): number[] {
  const ends: number[] = Array.from({ length: rows.length }, () => 0);
  let end = rows.length;
  for (let r = rows.length - 1; r >= 0; r -= 1) {
    if (r < rows.length - 1 && rows[r]!.section !== rows[r + 1]!.section) end = r + 1;
    ends[r] = end;
  }
  return ends;
}

/** HTML's rules for non-negative integers: leading digits count, anything else means "absent". */
function parseSpanValue(value: string | null): number | null {
  if (value === null) return null;
  const match = /^\s*\+?(\d+)/.exec(value);
  if (!match) return null;
  const n = Number(match[1]);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

export function parseRowSpan(value: string | null, remaining: number): number {
  const limit = Math.max(1, Math.min(MAX_ROWSPAN, remaining));
  const n = parseSpanValue(value);
  if (n === null) return 1;
  // rowspan="0" spans to the end of the row group.
  if (n === 0) return limit;
  return Math.min(n, limit);
}

export function parseColSpan(value: string | null): number {
  const n = parseSpanValue(value);
  if (n === null || n === 0) return 1;
  return Math.min(n, MAX_COLSPAN);
}
