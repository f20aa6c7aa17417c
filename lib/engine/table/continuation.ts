import type { SourceCell, SourceTable, TableSeam } from '../source';
import { compactText } from '../amount/normalize';
import { expandGrid } from './grid';

/**
 * Tables continued over pages (续表) arrive as separate tables in HTML made from Word or PDF
 * exports (and in workbooks): the markup breaks them at page ends and repeats the header rows.
 * (PDF tables are joined during extraction, by their column borders: they pass through.) Summing either half alone would report false errors
 * (rulebook §2.4(4)), so a table is merged into the one before it when nothing but page debris
 * lies between them and it repeats that table's header or continues its columns. Every join is
 * recorded as a seam (lib/engine/source.ts): sure when the expanded grids are as wide (markup
 * loses no row), doubtful when only a row's width matched — a finding across it is then worded
 * as a possible misreading (lib/engine/checks/evidence.ts).
 */
const TITLE_LIKE = /表|单位[:：]|附件|公开\d+/;
const DEBRIS = /^(续表|续|第?\s*\d+\s*页|[-—\s\d/]+|共\s*\d+\s*页)$/;

function rowText(row: SourceCell[] | undefined): string {
  return (row ?? []).map((cell) => compactText(cell.text)).join('|');
}

function width(row: SourceCell[] | undefined): number {
  return (row ?? []).reduce((n, cell) => n + Math.max(1, cell.colSpan), 0);
}

function gridWidth(table: SourceTable): number {
  return expandGrid(table.rows).width;
}

function separatedOnlyByDebris(next: SourceTable): boolean {
  return next.before.every((line) => DEBRIS.test(compactText(line)) || (!TITLE_LIKE.test(line) && line.length < 4) || /续表/.test(line));
}

function repeatsHeader(previous: SourceTable, next: SourceTable): number {
  // How many leading rows of `next` repeat the first rows of `previous`.
  let count = 0;
  while (count < Math.min(4, next.rows.length, previous.rows.length) && rowText(next.rows[count]) === rowText(previous.rows[count]) && rowText(next.rows[count])) count += 1;
  return count;
}

/** The second piece appended to the first, with the seam between them and both pieces' own seams and doubts. */
function join(previous: SourceTable, next: SourceTable): SourceTable {
  const offset = previous.rows.length;
  const aligned = gridWidth(previous) === gridWidth(next);
  const seam: TableSeam = {
    row: offset,
    ...(next.page !== undefined ? { page: next.page } : {}),
    certain: aligned,
    ...(aligned ? {} : { doubt: `续表与上文的列数不同（${gridWidth(previous)} 列与 ${gridWidth(next)} 列），按末行拼接，各列可能未对齐` }),
  };
  const seams = [...(previous.seams ?? []), seam, ...(next.seams ?? []).map((s) => ({ ...s, row: s.row + offset }))];
  const doubts = [...(previous.doubts ?? []), ...(next.doubts ?? []).map((d) => (d.row === undefined ? d : { ...d, row: d.row + offset }))];
  return { ...previous, rows: [...previous.rows, ...next.rows], after: next.after, seams, ...(doubts.length ? { doubts } : {}) };
}

export function mergeContinuations(tables: SourceTable[]): SourceTable[] {
  const merged: SourceTable[] = [];
  for (const table of tables) {
    const previous = merged.at(-1);
    // PDF tables were joined during extraction, which sees their column borders and page positions
    // (lib/extract/pdf/continuation.ts); a worksheet starts afresh: its first table is never the rest of the previous sheet's.
    if (table.page !== undefined || previous?.page !== undefined || previous?.sheet !== table.sheet) {
      merged.push(table);
      continue;
    }
    if (previous && separatedOnlyByDebris(table)) {
      const repeated = repeatsHeader(previous, table);
      // Row spans make a markup row look narrower than the table; compare the expanded grids.
      const sameWidth = (width(previous.rows.at(-1)) === width(table.rows[repeated]) || gridWidth(previous) === gridWidth(table)) && gridWidth(table) > 1;
      // Only page debris (page numbers, 续表, the clipped ends of a row cut by the page break)
      // stands between the halves: separatedOnlyByDebris above.
      if (repeated > 0 || (sameWidth && !table.caption)) {
        merged[merged.length - 1] = join(previous, table);
        continue;
      }
    }
    merged.push(table);
  }
  return merged;
}
