import type { ReadingDoubt, TableSeam } from '../../engine/source';
import { compactText } from '../../engine/amount/normalize';
import type { Box } from './lattice';
import type { LaidCell, LaidTable, PageLayout, TextLine } from './page-layout';
import { PAGE_NUMBER, wrapJoiner } from './page-layout';

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

export interface PlacedCell extends LaidCell {
  page: number;
  /** Further places its text is drawn: the part of a cell cut by a page break, on the next page. */
  more?: { page: number; box: Box }[];
}

/** A table as read over all the pages it covers. */
export interface JoinedTable extends Box {
  /** Page of its first piece (the box is that piece's). */
  page: number;
  rows: number;
  cols: number;
  cells: PlacedCell[];
  /** One box per piece, in order. */
  parts: { page: number; box: Box }[];
  seams: TableSeam[];
  doubts: ReadingDoubt[];
}

export interface JoinedPage {
  tables: JoinedTable[];
  lines: TextLine[];
}

/** Border positions this close (points) are the same border. */
const BORDER = 3;
/** Text positions of borderless columns vary with the widths of their numbers. */
const LOOSE_BORDER = 8;
/** Rows compared when looking for a header repeated on the continuation page. */
const HEADER_ROWS = 8;
const NUMBER = /^[-－—]?[\d,，]+(?:[.．]\d+)?%?$/;
/**
 * Labels that open a row of their own: a code, a numbered item, 其中. (Not 小计/合计: "当年收入" /
 * "小计" is one label cut in two.)
 */
const ROW_START = /^(\d{3,}(?![\d年号】\])）%.,，人元万])|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|其中)/;
const CONTINUED = /^[（(]?续(表|上表)?[)）]?$|[（(]续(表)?[)）]$/;
const TITLE_LIKE = /表$|单位[:：]|^附件|^公开\d+表/;

const DOUBT = {
  columns: '续表的列与上页的列未能完全对齐，已按位置归并，可能有金额读错列',
  loose: '分页处有文字不在表格线内，已按位置读入这张表，可能读错行或列',
  unjoined: '此表位于页首且没有标题，可能接续上一页的表格，但两者的列对不齐，未合并为一张表',
} as const;

const isNumber = (text: string) => NUMBER.test(text.replace(/\s+/g, ''));

function nearest(list: number[], value: number): number {
  let best = 0;
  for (let i = 1; i < list.length; i += 1) if (Math.abs(list[i]! - value) < Math.abs(list[best]! - value)) best = i;
  return best;
}

/** Index of the column slot of `xs` that contains x (clamped to the outer slots). */
function slotOf(xs: number[], x: number): number {
  for (let i = 1; i < xs.length - 1; i += 1) if (x < xs[i]!) return i - 1;
  return Math.max(0, xs.length - 2);
}

/** Lines repeated at the same edge of several pages: running headers and footers. */
function runningTexts(pages: PageLayout[]): Set<string> {
  const seen = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set<string>();
    for (const line of [...page.lines.slice(0, 2), ...page.lines.slice(-2)]) edges.add(compactText(line.text));
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

interface Alignment {
  shift: number;
  /** Borders of the piece the chain does not have yet (in chain coordinates). */
  added: number[];
  /** How cells find their columns: by their borders, by their centres (borderless), by index under a repeated header. */
  by: 'borders' | 'centres' | 'header';
  certain: boolean;
}

/** How the columns of `piece` fall on the borders `xs` (a chain's or its tail's), or null when the two are different tables. */
function align(grid: { xs: number[]; ruled: boolean }, piece: LaidTable): Alignment | null {
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

/**
 * A piece laid out differently (narrower, re-flowed by WPS or a browser) that repeats the chain's
 * header cell for cell: its columns are the header's, whatever their x-positions.
 */
function alignByHeader(chain: Chain, piece: LaidTable, page: number): Alignment | null {
  if (piece.cols !== chain.joined.cols) return null;
  const cells = piece.cells.map((cell) => ({ ...cell, page }));
  return repeatedHeader(chain, cells, piece.rows) > 0 ? { shift: 0, added: [], by: 'header', certain: true } : null;
}

function insertBorders(chain: Chain, added: number[]): void {
  for (const x of [...added].sort((p, q) => p - q)) {
    const k = chain.xs.findIndex((y) => y > x);
    if (k <= 0) continue;
    chain.xs.splice(k, 0, x);
    // Old column k − 1 splits in two: cells right of it move, cells over it span one more.
    for (const cell of chain.joined.cells) {
      if (cell.col >= k) cell.col += 1;
      else if (cell.col + cell.colSpan > k - 1) cell.colSpan += 1;
    }
  }
  chain.joined.cols = chain.xs.length - 1;
}

/** The piece's cells in the chain's columns, rows numbered from 0. */
function mapCells(xs: number[], piece: LaidTable, page: number, how: Alignment): PlacedCell[] {
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
  if (!text || PAGE_NUMBER.test(line.text) || CONTINUED.test(text) || running.has(text)) return 'furniture';
  if (chain && (chain.context.has(text) || chain.context.has(text.replace(CONTINUED, '')))) return 'furniture';
  if (!chain || TITLE_LIKE.test(text)) return 'other';
  const xs = chain.xs;
  const pieces = piecesOf(line);
  if (!pieces.every((p) => p.x0 >= xs[0]! - BORDER && p.x1 <= xs[xs.length - 1]! + BORDER)) return 'other';
  const slots = new Set(pieces.map((p) => slotOf(xs, (p.x0 + p.x1) / 2)));
  return pieces.some((p) => isNumber(p.text)) || slots.size >= 2 ? 'row' : 'other';
}

/** Text rows outside any grid, as cells in the chain's columns: each run goes to the column its middle falls in. */
function looseRows(chain: Chain, lines: { line: TextLine; page: number }[]): PlacedCell[][] {
  return lines.map(({ line, page }, r) => {
    const cells = new Map<number, PlacedCell>();
    for (const part of line.parts) {
      const text = line.text.slice(part.start, part.end).trim();
      if (!text) continue;
      const col = slotOf(chain.xs, (part.box.x0 + part.box.x1) / 2);
      const known = cells.get(col);
      if (known) known.text += wrapJoiner(known.text, text) + text;
      else cells.set(col, { ...part.box, x0: chain.xs[col]!, x1: chain.xs[col + 1]!, row: r, col, rowSpan: 1, colSpan: 1, text, page });
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
 * every page): rows equal to the chain's first rows, one by one, up to its first row of amounts.
 */
function repeatedHeader(chain: Chain, cells: PlacedCell[], rows: number): number {
  const cols = chain.joined.cols;
  const head = expandRows(chain.joined.cells, 0, Math.min(HEADER_ROWS, chain.joined.rows), cols);
  const lead = expandRows(cells, 0, Math.min(HEADER_ROWS, rows), cols);
  let n = 0;
  while (n < lead.length && n < head.length) {
    const row = head[n]!;
    if (row.some((text) => AMOUNT.test(text)) || !row.some((text) => text && !isNumber(text))) break;
    if (lead[n]!.join('|') !== row.join('|')) break;
    n += 1;
  }
  // Never cut through a cell spanning down from the repeated rows into the body.
  while (n > 0 && cells.some((cell) => cell.row < n && cell.row + cell.rowSpan > n)) n -= 1;
  return n;
}

/**
 * Puts a row cut by the page break back together: the new piece's first row holds the rest of the
 * chain's last row when its text continues cells whose last line ran to the right rule, and no
 * column has an amount on both sides.
 */
function mergeCutRow(chain: Chain, cells: PlacedCell[]): boolean {
  const row = cells.filter((cell) => cell.row === 0);
  const first = row.filter((cell) => cell.text);
  if (!first.length || row.some((cell) => cell.rowSpan > 1)) return false;
  const last = chain.joined.rows - 1;
  if (last < 0) return false;
  const above = (col: number) => chain.joined.cells.find((cell) => cell.row <= last && cell.row + cell.rowSpan > last && cell.col <= col && cell.col + cell.colSpan > col);
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
    } else chain.joined.cells.push({ ...cell, row: last });
  }
  return true;
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
  if (how.added.length) insertBorders(chain, how.added);
  const rows: PlacedCell[][] = looseRows(chain, loose);
  const offset = rows.length;
  const cells = rows.flat();
  if (piece) for (const cell of mapCells(xs, piece, page, how)) cells.push({ ...cell, row: cell.row + offset });
  let count = offset + (piece?.rows ?? 0);
  const drop = repeatedHeader(chain, cells, count);
  if (headerOnly && drop === 0) return false;
  let local = cells.filter((cell) => cell.row >= drop).map((cell) => ({ ...cell, row: cell.row - drop }));
  count -= drop;
  const joined = chain.joined;
  let seamRow = joined.rows;
  if (count > 0 && mergeCutRow(chain, local)) {
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
