import { compactText } from '../../engine/amount/normalize';
import type { Box } from './lattice';
import type { LaidTable, PageLayout, TextLine } from './page-layout';
import { PAGE_NUMBER, wrapJoiner } from './page-layout';
import type { JoinedPage, JoinedTable, PlacedCell } from './joined-table';
import { isNumber, slotOf } from './joined-table';
import { align, insertBorders, mapCells, type Alignment } from './column-match';
import { looseRows, mergeCutRow, repeatedHeader } from './seam-rows';

export type { JoinedPage, JoinedTable, PlacedCell } from './joined-table';

/**
 * Tables continued over page breaks, joined where the geometry shows it: the piece at the foot of
 * one page and the piece at the top of the next, with nothing but page furniture between them,
 * whose column borders line up. Columns are matched by x-position, never by index, so a tail drawn
 * with fewer borders (cells merged) or a header piece with more still lands in the right columns.
 * Header rows the producer repeated on the new page are dropped, a row cut in two by the break is
 * put back together, and text rows that fell outside the rules are read by position.
 *
 * Every join is recorded as a seam: certain when the columns line up and no row can have been
 * lost, otherwise with the doubt in plain Chinese. A piece at the top of a page that may continue
 * the table above but cannot be joined with confidence keeps a doubt saying so.
 */

/** How far (points) a row of loose text may reach past the table's outer borders. */
const MARGIN = 3;
const CONTINUED = /^[（(]?续(表\d*|上表)?[)）]?$|[（(]续(表\d*)?[)）]$/;
/** A unit line alone ("单位：万元", "金额单位：元"): repeated over a continuation, it starts no table. */
const UNIT_ONLY = /^(金额)?单位[:：](万元|元|亿元|千元)$/;
const TITLE_LIKE = /表$|单位[:：]|^附件|^公开\d+表/;

const DOUBT = {
  columns: '续表的列与上页的列未能完全对齐，已按位置归并，可能有金额读错列',
  loose: '分页处有文字不在表格线内，已按位置读入这张表，可能读错行或列',
  unjoined: '此表位于页首且没有标题，可能接续上一页的表格，但两者的列对不齐，未合并为一张表',
} as const;

/**
 * A line as running headers are compared: its page number aside. A title's or a note's numbers
 * are their own, and a line of figures only is a row of a table, never a header.
 */
function runningKey(text: string): string {
  return /表|^注/.test(text) || !/[^\d\s,，.．%\-－—]/.test(text) ? text : text.replace(/\d+/g, '#');
}

/** "第3页，共10页", "共10页第3页", "Page 3 of 10": page marks PAGE_NUMBER leaves out (never an amount). */
const PAGE_MARK = /^(?:第\d{1,4}页[，,、]?共\d{1,4}页|共\d{1,4}页[，,、]?第\d{1,4}页|第\d{1,4}页|page\d{1,4}(?:of\d{1,4})?)$/i;

function isPageMark(text: string): boolean {
  return PAGE_MARK.test(text);
}

/** Lines repeated at the same edge of several pages: running headers and footers. */
function runningTexts(pages: PageLayout[]): Set<string> {
  const seen = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set<string>();
    // Notes under tables ("注：本表无数据") repeat too, but they end a table; they are never furniture.
    for (const line of [...page.lines.slice(0, 2), ...page.lines.slice(-2)]) {
      const text = compactText(line.text);
      if (!text.startsWith('注')) edges.add(runningKey(text));
    }
    for (const text of edges) seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 3).map(([text]) => text));
}

interface Chain {
  joined: JoinedTable;
  /** Unified column borders. */
  xs: number[];
  ruled: boolean;
  /**
   * Borders of the last piece when it was placed by its repeated header rather than by position
   * (a narrower re-flowed part): the next piece lines up with it, column for column.
   */
  tail?: { xs: number[]; ruled: boolean };
  /** Lines above the first piece (title, unit, department): a producer repeating them on every page is not a new table. */
  context: Set<string>;
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  box: Box;
}

/** A line cut into the pieces a wide gap separates (the fields of a row). */
function piecesOf(line: TextLine): Piece[] {
  const pieces: Piece[] = [];
  for (const part of line.parts) {
    const text = line.text.slice(part.start, part.end).trim();
    if (!text) continue;
    const last = pieces[pieces.length - 1];
    if (last && part.box.x0 - last.x1 < line.size * 1.2) {
      last.text += wrapJoiner(last.text, text) + text;
      last.x1 = part.box.x1;
      last.box = { ...last.box, x1: part.box.x1, top: Math.min(last.box.top, part.box.top), bottom: Math.max(last.box.bottom, part.box.bottom) };
    } else pieces.push({ text, x0: part.box.x0, x1: part.box.x1, box: { ...part.box } });
  }
  return pieces;
}

type LineKind = 'furniture' | 'row' | 'other';

function lineKind(line: TextLine, chain: Chain | null, running: Set<string>): LineKind {
  const text = compactText(line.text);
  if (!text || PAGE_NUMBER.test(line.text) || isPageMark(text) || CONTINUED.test(text) || UNIT_ONLY.test(text) || running.has(runningKey(text))) return 'furniture';
  if (chain && (chain.context.has(text) || chain.context.has(text.replace(CONTINUED, '')))) return 'furniture';
  if (!chain || TITLE_LIKE.test(text)) return 'other';
  const xs = chain.xs;
  const pieces = piecesOf(line);
  if (!pieces.every((p) => p.x0 >= xs[0]! - MARGIN && p.x1 <= xs[xs.length - 1]! + MARGIN)) return 'other';
  const slots = new Set(pieces.map((p) => slotOf(xs, (p.x0 + p.x1) / 2)));
  return pieces.some((p) => isNumber(p.text)) || slots.size >= 2 ? 'row' : 'other';
}

function startChain(table: LaidTable, page: number, context: string[]): Chain {
  // Spans never reach past the grid, whatever the piece says.
  const cols = Math.max(1, table.cols);
  const cells: PlacedCell[] = table.cells.map((cell) => {
    const col = Math.min(Math.max(0, cell.col), cols - 1);
    return { ...cell, col, colSpan: Math.max(1, Math.min(cell.colSpan, cols - col)), page };
  });
  return {
    joined: { x0: table.x0, x1: table.x1, top: table.top, bottom: table.bottom, page, rows: table.rows, cols, cells, parts: [{ page, box: boxOf(table) }], seams: [], doubts: [] },
    xs: [...table.xs],
    ruled: table.ruled,
    context: new Set(context.map(compactText).filter(Boolean)),
  };
}

function boxOf(b: Box): Box {
  return { x0: b.x0, x1: b.x1, top: b.top, bottom: b.bottom };
}

/**
 * Appends the next page's piece (and the loose rows between) to the chain when its columns fit;
 * false when they do not (the piece is a table of its own). `headerOnly`: join only a piece that
 * repeats the chain's header (a table split in two on the same page).
 */
function extend(chain: Chain, piece: LaidTable | null, page: number, loose: { line: TextLine; page: number }[], headerOnly = false): boolean {
  let how: Alignment = { shift: 0, added: [], by: 'borders', certain: true };
  let xs = chain.xs;
  if (piece && opensWithOwnTitle(chain, piece)) return false;
  if (piece) {
    let found = align(chain, piece);
    if (!found && chain.tail) {
      // Lined up with the re-flowed last piece, whose columns are the chain's one for one.
      const onTail = align(chain.tail, piece);
      if (onTail && !onTail.added.length && onTail.by === 'borders') {
        found = onTail;
        xs = chain.tail.xs;
      }
    }
    found ??= alignByHeader(chain, piece, page);
    if (!found || (headerOnly && found.added.length)) return false;
    how = found;
  }
  if (how.added.length) insertBorders(chain.joined, chain.xs, how.added);
  const rows: PlacedCell[][] = looseRows(chain.xs, loose);
  const offset = rows.length;
  const cells = rows.flat();
  if (piece) for (const cell of mapCells(xs, piece, page, how)) cells.push({ ...cell, row: cell.row + offset });
  let count = offset + (piece?.rows ?? 0);
  const drop = repeatedHeader(chain.joined, cells, count);
  if (headerOnly && drop === 0) return false;
  let local = cells.filter((cell) => cell.row >= drop).map((cell) => ({ ...cell, row: cell.row - drop }));
  count -= drop;
  const joined = chain.joined;
  let seamRow = joined.rows;
  if (count > 0 && mergeCutRow(chain.joined, local)) {
    local = local.filter((cell) => cell.row > 0).map((cell) => ({ ...cell, row: cell.row - 1 }));
    count -= 1;
    seamRow = joined.rows - 1;
  }
  for (const cell of local) joined.cells.push({ ...cell, row: cell.row + joined.rows });
  joined.rows += count;
  if (piece) joined.parts.push({ page, box: boxOf(piece) });
  if (piece && how.by === 'header') chain.tail = { xs: [...piece.xs], ruled: piece.ruled };
  else if (piece && xs === chain.xs) delete chain.tail;
  const doubt = !how.certain ? DOUBT.columns : loose.length ? DOUBT.loose : undefined;
  joined.seams.push({ row: Math.min(seamRow, Math.max(0, joined.rows - 1)), page: piece ? page : loose[loose.length - 1]!.page, certain: !doubt, ...(doubt ? { doubt } : {}) });
  return true;
}

/**
 * A piece laid out differently (narrower, re-flowed by WPS or a browser) that repeats the chain's
 * header cell for cell: its columns are the header's, whatever their x-positions.
 */
function alignByHeader(chain: Chain, piece: LaidTable, page: number): Alignment | null {
  if (piece.cols !== chain.joined.cols) return null;
  const cells = piece.cells.map((cell) => ({ ...cell, page }));
  return repeatedHeader(chain.joined, cells, piece.rows) > 0 ? { shift: 0, added: [], by: 'header', certain: true } : null;
}

/**
 * A piece whose first row is one cell across the whole grid holding a title (Word exports put the
 * title inside the table) begins a table of its own, unless the chain begins with the same row.
 */
function opensWithOwnTitle(chain: Chain, piece: LaidTable): boolean {
  const first = piece.cells.filter((cell) => cell.row === 0);
  if (first.length !== 1 || first[0]!.colSpan < piece.cols) return false;
  const text = compactText(first[0]!.text);
  if (!/表/.test(text) || isNumber(text)) return false;
  const top = chain.joined.cells.filter((cell) => cell.row === 0);
  return !(top.length === 1 && compactText(top[0]!.text) === text);
}

/** Lines above `top` on a page, nearest last, back to the previous table. */
function linesAbove(page: PageLayout, top: number, after = -Infinity): TextLine[] {
  return page.lines.filter((line) => line.bottom <= top + 1 && line.top >= after - 1);
}

export function joinPages(pages: PageLayout[]): JoinedPage[] {
  const running = runningTexts(pages);
  const chains: Chain[] = [];
  /** Chains begun from a one-row frame: unless something joins them, their text goes back to the lines. */
  const frames = new Map<Chain, TextLine[]>();
  const used = new Set<TextLine>();
  /** The chain whose last piece ends its page, with the text rows under it. */
  let open: { chain: Chain; after: { line: TextLine; page: number }[] } | null = null;

  pages.forEach((layout, index) => {
    const page = index + 1;
    const tables = [...layout.tables].sort((p, q) => p.top - q.top);
    let last: Chain | null = null;
    let lastBottom = -Infinity;
    let start = 0;

    if (open) {
      const head = tables[0] ?? null;
      const leading = head ? linesAbove(layout, head.top) : layout.lines;
      const kinds = leading.map((line) => lineKind(line, open!.chain, running));
      // With no grid on the page, the rows read from text up to the first other line may continue the table.
      const upTo = head ? leading.length : kinds.indexOf('other') < 0 ? leading.length : kinds.indexOf('other');
      const blocked = kinds.slice(0, upTo).includes('other');
      const between = leading.slice(0, upTo).filter((_, i) => kinds[i] === 'row').map((line) => ({ line, page }));
      const loose = [...open.after, ...between];
      if (!blocked && (head || between.length) && extend(open.chain, head, page, loose)) {
        for (const { line } of loose) used.add(line);
        last = open.chain;
        lastBottom = head ? head.bottom : Math.max(...between.map(({ line }) => line.bottom));
        start = head ? 1 : 0;
      } else if (head && !blocked) {
        // An untitled table right at the top of the page, after a table that ran to the foot of the last one.
        const chain = begin(head, page, []);
        if (!head.fragment && !opensWithOwnTitle(open.chain, head)) chain.joined.doubts.push({ reason: DOUBT.unjoined });
        last = chain;
        lastBottom = head.bottom;
        start = 1;
      }
    }
    for (let i = start; i < tables.length; i += 1) {
      const table = tables[i]!;
      const above = linesAbove(layout, table.top, lastBottom);
      // A table split in two on one page (a web page printed, Word's 续表): the second part repeats the header.
      const chain = last;
      if (chain && !table.fragment && above.every((line) => lineKind(line, chain, running) === 'furniture') && extend(chain, table, page, [], true)) {
        lastBottom = table.bottom;
        continue;
      }
      last = begin(table, page, above.slice(-6).map((line) => line.text));
      lastBottom = table.bottom;
    }
    open = null;
    if (last) {
      const trailing = layout.lines.filter((line) => line.top >= lastBottom - 1 && !used.has(line));
      const chain = last;
      const kinds = trailing.map((line) => lineKind(line, chain, running));
      if (!kinds.includes('other')) open = { chain, after: trailing.filter((_, i) => kinds[i] === 'row').map((line) => ({ line, page })) };
    }
  });

  function begin(table: LaidTable, page: number, context: string[]): Chain {
    const chain = startChain(table, page, context);
    chains.push(chain);
    if (table.fragment) frames.set(chain, table.fragment);
    return chain;
  }

  const out: JoinedPage[] = pages.map((layout) => ({ tables: [], lines: layout.lines.filter((line) => !used.has(line)) }));
  for (const chain of chains) {
    const home = out[chain.joined.page - 1]!;
    const frame = frames.get(chain);
    if (frame && chain.joined.seams.length === 0) home.lines.push(...frame);
    else home.tables.push(chain.joined);
  }
  for (const page of out) page.lines.sort((p, q) => p.top - q.top);
  return out;
}

/** Every table on its own page, nothing joined: the fallback when joining fails on input it did not foresee. */
export function separatePages(pages: PageLayout[]): JoinedPage[] {
  return pages.map((layout, index) => ({
    tables: layout.tables.filter((table) => !table.fragment).map((table) => startChain(table, index + 1, []).joined),
    lines: [...layout.lines, ...layout.tables.flatMap((table) => table.fragment ?? [])].sort((p, q) => p.top - q.top),
  }));
}
