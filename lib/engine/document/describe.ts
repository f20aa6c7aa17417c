import type { SourceDocument, SourceTable } from '../source';
import type { Grid } from '../table/grid';
import type { TableIdentity, TableModel } from '../table/model';
import { pickTableTitle, identifyTableKind } from './table-title';
import { identifyDocument } from './identity';
import type { DocumentIdentity } from './identity';

/**
 * Glue between the catalogues and the analysis: a table's title comes from the lines above it,
 * its caption, or a title row inside the table (Word exports often put it there); its kind from
 * the title, corrected by the header words when the title names the wrong table.
 */
export function describeTable(source: SourceTable, grid: Grid): TableIdentity {
  const inTable: string[] = [];
  for (let r = 0; r < Math.min(3, grid.height); r += 1) {
    const row = grid.cells[r]!;
    const first = row[0]!;
    const spansRow = row.every((cell) => cell.originRow === first.originRow && cell.originCol === first.originCol);
    if (!spansRow || !first.text) break;
    inTable.push(first.text);
  }
  const picked = pickTableTitle([...source.before, ...inTable], source.caption);
  const headerText = grid.cells
    .slice(0, Math.min(4, grid.height))
    .flatMap((row) => row.map((cell) => cell.text))
    .join(' ');
  const kind = identifyTableKind(picked.title, { headerText });
  return { id: source.anchor, title: picked.title, kind: kind.kind, ...(picked.number ? { number: picked.number } : {}) };
}

/** Pages read for the identity: covers, 目录 and the opening text are there. */
const FIRST_PAGES = 3;
/** Without pages (HTML), the opening text up to this length. */
const FIRST_CHARS = 4000;

export function identifyDocumentKind(doc: SourceDocument, tables: TableModel[]): DocumentIdentity {
  const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
  const firstPage = doc.blocks.find((b) => b.page !== undefined)?.page;
  let firstText = '';
  for (const block of doc.blocks) {
    const within = firstPage !== undefined && block.page !== undefined ? block.page < firstPage + FIRST_PAGES : firstText.length <= FIRST_CHARS;
    if (!within) break;
    firstText += `${block.text}\n`;
  }
  const metaLines = doc.tables.flatMap((t) => (Array.isArray(t.before) ? t.before.slice(-4) : []));
  return identifyDocument({ title: doc.title, headings, firstText, tableTitles: tables.map((t) => t.title), metaLines });
}
