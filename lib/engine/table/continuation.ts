import type { SourceCell, SourceTable } from '../source';
import { compactText } from '../amount/normalize';
import { expandGrid } from './grid';

/**
 * Tables continued over pages (续表) arrive as separate tables: Word and PDF exports break them
 * at page ends and repeat the header rows. Summing either half alone would report false errors
 * (rulebook §2.4(4)), so a table is merged into the one before it when nothing but page debris
 * lies between them and it repeats that table's header or continues its columns.
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

export function mergeContinuations(tables: SourceTable[]): SourceTable[] {
  const merged: SourceTable[] = [];
  for (const table of tables) {
    const previous = merged.at(-1);
    // A worksheet starts afresh: its first table is never the rest of the previous sheet's.
    if ((previous && previous.page !== undefined && table.page === undefined) || previous?.sheet !== table.sheet) {
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
        merged[merged.length - 1] = {
          ...previous,
          rows: [...previous.rows, ...table.rows],
          after: table.after,
        };
        continue;
      }
    }
    merged.push(table);
  }
  return merged;
}
