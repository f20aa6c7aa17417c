import type { SourceCell, SourceDocument, SourceTable, TextBlock } from '../../engine/source';
import type { PdfGeometry, PdfRect } from './types';
import type { Box } from './lattice';
import type { TextLine } from './page-layout';
import type { JoinedPage, JoinedTable } from './continuation';
import { PAGE_NUMBER, wrapJoiner } from './page-layout';

/**
 * Pages → SourceDocument. Tables keep the HTML anchor scheme (t3, t3.r2.c5) and running text
 * becomes paragraphs (b7), so analysis and the presenters treat PDFs exactly like pages.
 */
const BEFORE_LINES = 6;
const AFTER_LINES = 3;
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))/;

/** "6、…", "（3）…", "2. …": a numbered item starts its own paragraph even without an indent. */
const ENUMERATED = /^(\d{1,2}[、]|\d{1,2}[.．](?!\d)|[（(]\d{1,2}[)）])/;

type Item = { kind: 'table'; table: JoinedTable; top: number } | { kind: 'line'; line: TextLine; top: number };

function rect(page: number, box: Box): PdfRect {
  return { page, x: box.x0, y: box.top, width: box.x1 - box.x0, height: box.bottom - box.top };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((p, r) => p - r);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]! : 0;
}

/** Rows of a table in markup form: each row lists the cells that start in it; holes become empty cells. */
function sourceRows(table: JoinedTable, anchor: string): { rows: SourceCell[][]; rects: PdfRect[][][] } {
  const covered = Array.from({ length: table.rows }, () => Array.from({ length: table.cols }, () => false));
  for (const cell of table.cells) {
    for (let r = cell.row; r < Math.min(table.rows, cell.row + cell.rowSpan); r += 1) {
      for (let c = cell.col; c < Math.min(table.cols, cell.col + cell.colSpan); c += 1) covered[r]![c] = true;
    }
  }
  const starts: { col: number; text: string; rowSpan: number; colSpan: number; rects: PdfRect[] }[][] = Array.from({ length: table.rows }, () => []);
  for (const cell of table.cells) {
    const rects = [rect(cell.page, cell), ...(cell.more ?? []).map((part) => rect(part.page, part.box))];
    starts[cell.row]?.push({ col: cell.col, text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, rects });
  }
  for (let r = 0; r < table.rows; r += 1) {
    for (let c = 0; c < table.cols; c += 1) {
      if (!covered[r]![c]) starts[r]!.push({ col: c, text: '', rowSpan: 1, colSpan: 1, rects: [] });
    }
  }
  const rows: SourceCell[][] = [];
  const rects: PdfRect[][][] = [];
  starts.forEach((row, r) => {
    row.sort((p, q) => p.col - q.col);
    rows.push(row.map((cell, c) => ({ text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, headerMarkup: false, anchor: `${anchor}.r${r}.c${c}` })));
    rects.push(row.map((cell) => cell.rects));
  });
  return { rows, rects };
}

interface Margins {
  left: number;
  right: number;
}

interface PlacedLine {
  line: TextLine;
  page: number;
  margins: Margins;
}


/**
 * A line continues the paragraph above when that one ran (nearly) to the right margin and this
 * one is not indented, numbered or a heading — also across a page break.
 */
function continues(previous: PlacedLine, line: TextLine, margins: Margins, samePage: boolean): boolean {
  const before = previous.line;
  const size = Math.max(before.size, line.size);
  // Some producers draw digits and CJK of one line at slightly different sizes.
  if (Math.max(before.size, line.size) / Math.min(before.size, line.size) > 1.3) return false;
  if (samePage && line.top - before.bottom > size * 1.2) return false;
  // A line that stops short ends its paragraph, unless it stopped mid-sentence because the next
  // unbreakable run ("（项）", "161.62万元") did not fit.
  const shortBy = previous.margins.right - before.x1;
  const ended = /[。；：！？!?:;]$/.test(before.text.trim());
  if (shortBy > size * 2 && (ended || shortBy > size * 6)) return false;
  if (!samePage && ended) return false;
  if (line.x0 > margins.left + size * 1.2) return false;
  return !HEADING.test(line.text) && !ENUMERATED.test(line.text);
}

export function assemble(pages: JoinedPage[], source: string): { doc: SourceDocument; geometry: PdfGeometry } {
  const tables: SourceTable[] = [];
  const blocks: TextBlock[] = [];
  const geometry: PdfGeometry = { boxes: new Map(), spans: new Map() };
  const bodySize = quantile(pages.flatMap((p) => p.lines.map((l) => l.size)), 0.5);
  let seq = 0;
  let title = '';
  // Lines since the last table, across page breaks: a title often stays at the foot of one page
  // while its table starts on the next.
  let linesSinceTable: string[] = [];

  let lastTable: { source: SourceTable; end: JoinedTable['parts'][number] } | null = null;

  let paragraph: PlacedLine[] | null = null;
  const flush = () => {
    if (!paragraph) return;
    const anchor = `b${blocks.length}`;
    let text = '';
    const spans: { start: number; end: number; rect: PdfRect }[] = [];
    for (const { line, page } of paragraph) {
      const part = line.text;
      const joiner = wrapJoiner(text, part);
      const offset = text.length + joiner.length;
      text += joiner + part;
      for (const p of line.parts) spans.push({ start: offset + p.start, end: offset + p.end, rect: rect(page, p.box) });
    }
    const first = paragraph[0]!;
    const short = paragraph.length <= 2 && text.length <= 40 && !/[。；]$/.test(text);
    const heading = short && (first.line.size > bodySize * 1.15 || HEADING.test(text));
    blocks.push({ anchor, text, kind: heading ? 'heading' : 'paragraph', seq: seq++, page: first.page });
    geometry.boxes.set(anchor, paragraph.map(({ line, page }) => rect(page, line)));
    geometry.spans.set(anchor, spans);
    paragraph = null;
  };

  pages.forEach((layout, index) => {
    const page = index + 1;
    const lines = layout.lines.filter((line, i) => !((i === 0 || i === layout.lines.length - 1) && PAGE_NUMBER.test(line.text)));
    const items: Item[] = [
      ...layout.tables.map((table) => ({ kind: 'table' as const, table, top: table.top })),
      ...lines.map((line) => ({ kind: 'line' as const, line, top: line.top })),
    ].sort((p, q) => p.top - q.top);
    const bodyLines = layout.lines.filter((l) => Math.abs(l.size - bodySize) <= 1);
    const margins = {
      left: bodyLines.length ? Math.min(...bodyLines.map((l) => l.x0)) : 0,
      // The common right edge, not the widest line: one overlong line (a rule of dots, a URL) must not make every other line look short.
      right: bodyLines.length ? quantile(bodyLines.map((l) => l.x1), 0.8) : 0,
    };
    if (page === 1 && layout.lines.length) {
      const biggest = Math.max(...layout.lines.map((l) => l.size));
      if (biggest > bodySize + 1) title = layout.lines.filter((l) => l.size === biggest).map((l) => l.text.trim()).join('');
    }

    for (const item of items) {
      if (item.kind === 'line') {
        const line = item.line;
        // Lines drawn before the table's last piece ends (page furniture between its pieces) are neither under it nor above the next table.
        const within = lastTable && (page < lastTable.end.page || (page === lastTable.end.page && line.top < lastTable.end.box.bottom - 1));
        if (lastTable && !within && lastTable.source.after.length < AFTER_LINES && page === lastTable.end.page) lastTable.source.after.push(line.text);
        if (!within) linesSinceTable.push(line.text);
        const previous: PlacedLine | undefined = paragraph?.[paragraph.length - 1];
        if (paragraph && previous && continues(previous, line, margins, previous.page === page)) paragraph.push({ line, page, margins });
        else {
          flush();
          paragraph = [{ line, page, margins }];
        }
        continue;
      }
      flush();
      const anchor = `t${tables.length}`;
      const joined = item.table;
      const { rows, rects } = sourceRows(joined, anchor);
      const table: SourceTable = {
        anchor,
        rows,
        caption: '',
        before: linesSinceTable.slice(-BEFORE_LINES),
        after: [],
        seq: seq++,
        page,
        ...(joined.seams.length ? { seams: joined.seams } : {}),
        ...(joined.doubts.length ? { doubts: joined.doubts } : {}),
      };
      tables.push(table);
      geometry.boxes.set(anchor, joined.parts.map((part) => rect(part.page, part.box)));
      rows.forEach((row, r) => row.forEach((cell, c) => {
        const where = rects[r]![c]!;
        if (where.length) geometry.boxes.set(cell.anchor, where);
      }));
      linesSinceTable = [];
      lastTable = { source: table, end: joined.parts[joined.parts.length - 1]! };
    }
  });
  flush();

  return { doc: { source, title, tables, blocks, pages: pages.length || undefined }, geometry };
}
