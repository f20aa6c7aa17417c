import type { SourceCell, SourceTable, TableSeam } from '../source';
import { compactText } from '../amount/normalize';
import { expandGrid } from './grid';

/**
 * Tables continued over pages (续表) arrive as separate tables in HTML made from Word or PDF
 * exports: the markup breaks them where the pages broke and repeats the header rows. Summing
 * either half alone would report false errors (rulebook §2.4(4)), so a table is merged into the
 * one before it when nothing but page debris lies between them and it repeats that table's header
 * (the repeated rows are dropped) or continues its columns. The join is recorded as a seam, sure
 * only when the two parts are equally wide.
 *
 * PDF tables are joined during extraction, which sees the column borders and page positions
 * (lib/extract/pdf/continuation.ts); they pass through here unchanged.
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

const SEAM_DOUBT = '续表与上一部分的列数不同，按顺序拼接，可能有金额读错列';

export function mergeContinuations(tables: SourceTable[]): SourceTable[] {
  const merged: SourceTable[] = [];
  for (const table of tables) {
    const previous = merged.at(-1);
    // PDF tables were joined during extraction; a worksheet starts afresh (its first table is never the rest of the previous sheet's).
    if (table.page !== undefined || (previous && previous.page !== undefined) || previous?.sheet !== table.sheet) {
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
        // Never cut through a header cell spanning down into the body.
        let drop = repeated;
        while (drop > 0 && table.rows.slice(0, drop).some((row, r) => row.some((cell) => r + Math.max(1, cell.rowSpan) > drop))) drop -= 1;
        const rest = table.rows.slice(drop);
        const aligned = !rest.length || expandGrid(rest).width === gridWidth(previous);
        const seam: TableSeam = { row: previous.rows.length, certain: aligned, ...(aligned ? {} : { doubt: SEAM_DOUBT }) };
        const shift = previous.rows.length - drop;
        merged[merged.length - 1] = {
          ...previous,
          rows: [...previous.rows, ...rest],
          after: table.after,
          seams: [...(previous.seams ?? []), seam, ...(table.seams ?? []).map((s) => ({ ...s, row: s.row + shift }))],
          ...(previous.doubts || table.doubts ? { doubts: [...(previous.doubts ?? []), ...(table.doubts ?? []).map((d) => (d.row === undefined ? d : { ...d, row: d.row + shift }))] } : {}),
        };
        continue;
      }
    }
    merged.push(table);
  }
  return merged;
}
