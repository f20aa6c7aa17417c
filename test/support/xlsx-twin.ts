/**
 * A workbook twin of a PDF's tables, the way a portal's Excel export of the same disclosure
 * looks: each table under its title and 编制单位/单位 lines, bordered cells, merged header
 * cells, amounts stored as numbers with a thousands format showing the decimals the PDF prints.
 * `stored` gives the stored value of cells the PDF prints rounded (the workbook keeps 分).
 * The corpus has no published workbook of these PDFs (its .xlsx files are review checklists),
 * so the parity test builds the twins this way.
 */
import { parseAmount } from '../../lib/engine/amount/parse';
import type { SourceDocument, SourceTable } from '../../lib/engine/source';
import type { WriterCell, WriterSheet, WriterStyle, WriterWorkbook } from '../../scripts/fixtures/xlsx-writer';
import { columnLetters } from '../../scripts/fixtures/xlsx-writer';

export type TwinLayout = 'sheet-per-table' | 'one-sheet';

const TITLE = 1;
const LINE = 2;
const TEXT = 3;
const STYLES: WriterStyle[] = [{ bold: true, size: 16 }, {}, { border: true }];
const formatStyles = new Map<string, number>();

function numberStyle(styles: WriterStyle[], format: string): number {
  let at = formatStyles.get(format);
  if (at === undefined) {
    at = styles.push({ border: true, format });
    formatStyles.set(format, at);
  }
  return at;
}

/** Cells placed as the HTML table model places them; each spanning cell becomes a merge. */
function place(table: SourceTable, top: number, styles: WriterStyle[], stored: Record<string, string>): { rows: (WriterCell | null)[][]; merges: string[]; width: number } {
  const rows: (WriterCell | null)[][] = table.rows.map(() => []);
  const taken = table.rows.map(() => [] as boolean[]);
  const merges: string[] = [];
  let width = 0;
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c += 1;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, table.rows.length - r));
      const colSpan = Math.max(1, cell.colSpan);
      for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) {
        taken[r + dr]![c + dc] = true;
        rows[r + dr]![c + dc] = { value: null, style: TEXT };
      }
      rows[r]![c] = writerCell(cell.text, styles, stored);
      if (rowSpan > 1 || colSpan > 1) merges.push(`${columnLetters(c + 1)}${top + r + 1}:${columnLetters(c + colSpan)}${top + r + rowSpan}`);
      c += colSpan;
      width = Math.max(width, c);
    }
  });
  return { rows: rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? { value: null, style: TEXT })), merges, width };
}

function writerCell(text: string, styles: WriterStyle[], stored: Record<string, string>): WriterCell {
  const parsed = parseAmount(text);
  if (parsed.kind !== 'number' || /^\d{3,}$/.test(text.trim()) && !/[.,]/.test(text)) {
    // Codes (201, 2040601) and labels stay text, as portals' exports keep them.
    return { value: text, style: TEXT };
  }
  const decimals = parsed.decimals;
  const format = `#,##0${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
  return { value: stored[text.trim()] ?? parsed.value.toFixed(), number: true, style: numberStyle(styles, format) };
}

const rowText = (row: SourceTable['rows'][number] | undefined): string => (row ?? []).map((c) => c.text.replace(/\s+/g, '')).join('|');

/**
 * The PDF's tables as a workbook. A piece the PDF continued on the next page (no lines above
 * it) goes straight under its table without the header rows the page repeated, as in the
 * workbook the PDF was printed from.
 */
export function twinWorkbook(doc: SourceDocument, layout: TwinLayout, stored: Record<string, string> = {}): WriterWorkbook {
  formatStyles.clear();
  const styles = STYLES.map((s) => ({ ...s }));
  const sheets: WriterSheet[] = [];
  let sheet: WriterSheet | null = null;
  let row = 0;
  let previous: SourceTable | null = null;
  doc.tables.forEach((table, index) => {
    const continued = previous !== null && table.before.length === 0;
    let source = table;
    if (continued) {
      let repeated = 0;
      while (repeated < Math.min(4, table.rows.length) && rowText(table.rows[repeated]) === rowText(previous!.rows[repeated]) && rowText(table.rows[repeated])) repeated += 1;
      source = { ...table, rows: table.rows.slice(repeated) };
    } else if (layout === 'sheet-per-table' || !sheet) {
      const title = table.before.findLast((line) => line.endsWith('表')) ?? `表${index + 1}`;
      sheet = { name: layout === 'one-sheet' ? '2026年预算表' : title.replace(/[[\]:*?/\\]/g, '').slice(-31), rows: [], merges: [] };
      sheets.push(sheet);
      row = 0;
    } else {
      sheet.rows!.push([]);
      row += 1;
    }
    const current: WriterSheet = sheet!;
    const lines = continued ? [] : table.before;
    const placed = place(source, row + lines.length, styles, stored);
    for (const line of lines) {
      const title = line.endsWith('表');
      current.rows!.push([{ value: line, style: title ? TITLE : LINE }]);
      if (placed.width > 1) current.merges!.push(`A${row + 1}:${columnLetters(placed.width)}${row + 1}`);
      row += 1;
    }
    current.rows!.push(...placed.rows);
    current.merges!.push(...placed.merges);
    row += placed.rows.length;
    const next = doc.tables[index + 1];
    for (const line of table.after) {
      if (next?.before.includes(line) && layout === 'one-sheet') continue;
      current.rows!.push([{ value: line, style: LINE }]);
      row += 1;
    }
    previous = table;
  });
  return { sheets, styles };
}
