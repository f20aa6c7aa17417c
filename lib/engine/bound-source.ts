import type { NotChecked } from './report/schema';
import type { SourceCell, SourceDocument, SourceTable, TextBlock } from './source';

/**
 * The analysis's own boundary against hostile documents (the audited page is an adversary, PDFs
 * are crafted): every text any rule's regex sees is bounded here, once, before parsing. Real
 * disclosures are far inside these limits; a document beyond them is checked in part and says
 * what it left out. Idempotent, so extraction, the messaging boundary and analyse() may all apply it.
 */

export const SOURCE_LIMITS = {
  /** A table cell: labels and amounts are short; a longer cell is cut and read as text. */
  cellChars: 1_000,
  /** A title, caption, or a line above or below a table. */
  lineChars: 500,
  /** A paragraph of the narrative. */
  blockChars: 20_000,
  tables: 2_000,
  blocks: 50_000,
  /** Cells as the markup lists them, per table. */
  cellsPerTable: 100_000,
  /** Rows of one table (more rows than any disclosure; spans are capped to the rows there are). */
  rowsPerTable: 20_000,
  /** Lines kept above / below a table (extraction keeps 6 and 3). */
  linesAround: 8,
} as const;

/** Marks text cut at a limit: never part of a number, so a cut amount is read as text, not as a smaller amount. */
export const CUT_MARK = '…';

/**
 * Bidirectional controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM): a page's U+202E
 * would reverse the extension's own verdict text wherever a label is quoted. No budget text needs them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Strips bidi controls and cuts at `max` characters (the cut marked with …). */
export function boundText(text: string, max: number): string {
  let out = typeof text === 'string' ? text : String(text ?? '');
  // Cut before stripping, so a 100 MB string is never scanned whole by a regex.
  if (out.length > max + 64) out = out.slice(0, max + 64);
  if (HAS_BIDI.test(out)) out = out.replace(BIDI_CONTROLS, '');
  return out.length > max ? out.slice(0, max) + CUT_MARK : out;
}

export function stripBidiControls(text: string): string {
  return HAS_BIDI.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

function boundCell(cell: SourceCell): SourceCell {
  const text = boundText(cell.text, SOURCE_LIMITS.cellChars);
  const rowSpan = Number.isFinite(cell.rowSpan) && cell.rowSpan >= 1 ? Math.floor(cell.rowSpan) : 1;
  const colSpan = Number.isFinite(cell.colSpan) && cell.colSpan >= 1 ? Math.floor(cell.colSpan) : 1;
  if (text === cell.text && rowSpan === cell.rowSpan && colSpan === cell.colSpan) return cell;
  return { ...cell, text, rowSpan, colSpan };
}

function boundLines(lines: readonly string[]): string[] {
  return lines.slice(-SOURCE_LIMITS.linesAround).map((line) => boundText(line, SOURCE_LIMITS.lineChars));
}

function cellsOf(table: SourceTable): number {
  let cells = 0;
  for (const row of table.rows) cells += row.length;
  return cells;
}

/**
 * The document within SOURCE_LIMITS. A table over the cell or row limit is left out whole (a
 * half table would give false totals) and named in `notChecked`.
 */
export function boundSourceDocument(doc: SourceDocument, notChecked: NotChecked[] = []): SourceDocument {
  const tables: SourceTable[] = [];
  for (const table of doc.tables.slice(0, SOURCE_LIMITS.tables)) {
    const cells = cellsOf(table);
    if (cells > SOURCE_LIMITS.cellsPerTable || table.rows.length > SOURCE_LIMITS.rowsPerTable) {
      notChecked.push({
        what: boundText(table.caption || table.before.at(-1) || table.anchor, 80),
        reason: `表格过大（${table.rows.length} 行，${cells} 个单元格），未逐格核对`,
        anchor: table.anchor,
      });
      continue;
    }
    tables.push({
      ...table,
      rows: table.rows.map((row) => row.map(boundCell)),
      caption: boundText(table.caption, SOURCE_LIMITS.lineChars),
      before: boundLines(table.before),
      after: table.after.slice(0, SOURCE_LIMITS.linesAround).map((line) => boundText(line, SOURCE_LIMITS.lineChars)),
    });
  }
  if (doc.tables.length > SOURCE_LIMITS.tables) {
    notChecked.push({ what: `第 ${SOURCE_LIMITS.tables + 1} 张及以后的表格`, reason: `页面共 ${doc.tables.length} 张表格，只检查了前 ${SOURCE_LIMITS.tables} 张` });
  }
  const blocks: TextBlock[] = doc.blocks.slice(0, SOURCE_LIMITS.blocks).map((block) => {
    const text = boundText(block.text, SOURCE_LIMITS.blockChars);
    return text === block.text ? block : { ...block, text };
  });
  if (doc.blocks.length > SOURCE_LIMITS.blocks) {
    notChecked.push({ what: '其余文字', reason: `页面文字过多（${doc.blocks.length} 段），只检查了前 ${SOURCE_LIMITS.blocks} 段` });
  }
  return {
    ...doc,
    source: boundText(doc.source, 4_000),
    title: boundText(doc.title, SOURCE_LIMITS.lineChars),
    tables,
    blocks,
  };
}
