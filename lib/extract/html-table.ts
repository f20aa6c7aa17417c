import type { SourceCell } from '../source/types';
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
 * Reads the rows of one table that contains no other table, in markup order (thead, tbody,
 * tfoot and bare rows as they come). Hidden rows and cells are left out, so anchors index the
 * rows and cells analysis sees. Spans are parsed defensively: page markup is untrusted.
 */
export function readTable(table: Element, anchor: string): HtmlTable {
  const raw: RawRow[] = [];
  let caption: string | null = null;
  walk(
    table,
    (node) => {
      if (node === table) return true;
      if (node.nodeType !== ELEMENT_NODE) return false;
      const el = node as Element;
      const tag = tagOf(el);
      if (isSkipped(el, tag)) return false;
      if (tag === 'tr') {
        raw.push(readRow(el, table));
        return false;
      }
      if (tag === 'caption') {
        caption ??= visibleText(el);
        return false;
      }
      // Stray wrappers (forms, divs) inside a table may still hold rows.
      return tag !== 'td' && tag !== 'th';
    },
    () => {},
  );

  const sectionEnds = sectionEndsOf(raw);
  const rows: SourceCell[][] = [];
  const cells: Element[][] = [];
  let width = 0;
  raw.forEach((row, r) => {
    const remaining = sectionEnds[r]! - r;
    let rowWidth = 0;
    rows.push(
      row.cells.map((el, c): SourceCell => {
        const rowSpan = parseRowSpan(el.getAttribute('rowspan'), remaining);
        const colSpan = parseColSpan(el.getAttribute('colspan'));
        rowWidth += colSpan;
        return {
          text: visibleText(el),
          rowSpan,
          colSpan,
          headerMarkup: row.header || tagOf(el) === 'th',
          anchor: `${anchor}.r${r}.c${c}`,
        };
      }),
    );
    cells.push(row.cells);
    width = Math.max(width, rowWidth);
  });
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
  const ends = new Array<number>(rows.length);
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
  const match = /^[\s]*\+?(\d+)/.exec(value);
  if (!match) return null;
  const n = Number(match[1]!.slice(0, 9));
  return Number.isFinite(n) ? n : null;
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
