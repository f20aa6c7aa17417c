import type { SourceTable } from '../source';
import type { TableModel } from '../table/model';

/**
 * The tables themselves, as the checks read them (after the continuation merge): for reviewers,
 * journalists and the PDF grid acceptance test. The grid is the expanded grid of
 * lib/engine/table/grid.ts: every position holds its origin cell's normalised text, so a cell
 * spanning two columns appears twice, and an empty cell is "".
 */
export interface DumpedTable {
  id: string;
  title: string;
  kind: string;
  number?: string;
  unit: string | null;
  /** Pages the table is printed on, in order (empty for HTML). */
  pages: number[];
  /** Rows the analysis took for the header. */
  headerRows: number;
  rows: string[][];
}

export interface TablesDump {
  schema: 'budget-lens/tables@1';
  source: string;
  tables: DumpedTable[];
}

/** Source table anchor → the pages it is printed on (its own and those of the pieces joined to it). */
export function sourcePages(tables: SourceTable[]): Map<string, number[]> {
  const pages = new Map<string, number[]>();
  for (const table of tables) {
    const own = [table.page, ...(table.seams ?? []).map((seam) => seam.page)].filter((p): p is number => typeof p === 'number');
    pages.set(table.anchor, own);
  }
  return pages;
}

/**
 * The pages of a model. The continuation merge keeps each piece's cell anchors ("t4.r0.c1"), so
 * the pieces a merged table is made of are read from its cells.
 */
export function tablePages(model: TableModel, pagesByAnchor: Map<string, number[]>): number[] {
  const pages = new Set<number>();
  if (model.page) pages.add(model.page);
  for (const page of pagesByAnchor.get(model.anchor) ?? []) pages.add(page);
  const pieces = new Set<string>();
  for (const row of model.grid.cells) for (const cell of row) if (cell.anchor) pieces.add(cell.anchor.split('.')[0]!);
  for (const piece of pieces) for (const page of pagesByAnchor.get(piece) ?? []) pages.add(page);
  return [...pages].sort((a, b) => a - b);
}

export function dumpTable(model: TableModel, pages: number[] = model.page ? [model.page] : []): DumpedTable {
  return {
    id: model.id,
    title: model.title,
    kind: model.kind,
    ...(model.number ? { number: model.number } : {}),
    unit: model.unit,
    pages,
    headerRows: Math.min(model.header.bodyStart, model.grid.height),
    rows: model.grid.cells.map((row) => row.map((cell) => cell.text)),
  };
}

export function dumpTables(source: string, models: TableModel[], sources: SourceTable[] = []): TablesDump {
  const pagesByAnchor = sourcePages(sources);
  return { schema: 'budget-lens/tables@1', source, tables: models.map((model) => dumpTable(model, tablePages(model, pagesByAnchor))) };
}

export function formatTablesJson(dump: TablesDump): string {
  return `${JSON.stringify(dump, null, 2)}\n`;
}

/** "第 3 页", "第 3–5 页", "第 3、5 页"; "" without pages. */
export function pagesText(pages: number[]): string {
  if (pages.length === 0) return '';
  const consecutive = pages.every((p, i) => i === 0 || p === pages[i - 1]! + 1);
  if (pages.length === 1) return `第 ${pages[0]} 页`;
  return consecutive ? `第 ${pages[0]}–${pages.at(-1)} 页` : `第 ${pages.join('、')} 页`;
}

function describe(table: DumpedTable): string {
  const parts = [table.kind, table.unit ? `单位：${table.unit}` : '单位：未标明', pagesText(table.pages), `${table.rows.length} 行 × ${table.rows[0]?.length ?? 0} 列`];
  return parts.filter(Boolean).join(' · ');
}

/**
 * One CSV field (RFC 4180). A text that a spreadsheet would run as a formula (=…, @…, +A1) gets a
 * leading apostrophe; signed amounts (-12.50) stay numbers.
 */
export function csvField(text: string): string {
  const safe = /^[=@\t\r]/.test(text) || /^[+-](?![\d.,\s%]*$)/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The grid alone, one CSV line per row (CRLF, as RFC 4180 and spreadsheets expect). */
export function tableCsv(table: DumpedTable): string {
  return table.rows.map((row) => row.map(csvField).join(',')).join('\r\n') + (table.rows.length ? '\r\n' : '');
}

/** Every table as a block: "# " lines naming it, the grid, a blank line between blocks. */
export function formatTablesCsv(dump: TablesDump): string {
  return dump.tables
    .map((table) => `# ${table.id} 《${oneLine(table.title)}》\r\n# ${describe(table)}\r\n${tableCsv(table)}`)
    .join('\r\n');
}

/** A file name for one table's CSV: "t3-财政拨款收支预算总表.csv", nothing a file system refuses. */
export function csvFileName(table: DumpedTable): string {
  const title = [...oneLine(table.title).replace(/[\\/:*?"<>|\p{Cc}]/gu, '').replace(/^[.\s]+|[.\s]+$/g, '')].slice(0, 60).join('');
  return `${table.id}${title ? `-${title}` : ''}.csv`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function formatTablesMarkdown(dump: TablesDump): string {
  const blocks = [`# 表格：${markdownCell(dump.source)}`, `${dump.tables.length} 张表格（续表已并入前表，与核对所读的一致）。`];
  for (const table of dump.tables) {
    blocks.push(`## ${table.id} 《${markdownCell(oneLine(table.title)) || '无标题'}》`, markdownCell(describe(table)));
    const width = table.rows[0]?.length ?? 0;
    if (width === 0) {
      blocks.push('（空表）');
      continue;
    }
    // Markdown tables need a header line: column numbers, so every grid row stays a body row.
    const lines = [`| ${Array.from({ length: width }, (_, c) => String(c + 1)).join(' | ')} |`, `|${' --- |'.repeat(width)}`];
    for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
