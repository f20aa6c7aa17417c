import type { ReadingDoubt, TableSeam } from '../../engine/source';
import type { Box } from './lattice';
import type { LaidCell, TextLine } from './page-layout';

/** Tables as read over all the pages they cover (see continuation.ts), and the helpers their seams share. */

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

/** Text positions that may carry an amount, a code or a column number. */
const NUMBER = /^[-－—]?[\d,，]+(?:[.．]\d+)?%?$/;

export const isNumber = (text: string): boolean => NUMBER.test(text.replace(/\s+/g, ''));

/** Index of the column slot of `xs` that contains x (clamped to the outer slots). */
export function slotOf(xs: number[], x: number): number {
  for (let i = 1; i < xs.length - 1; i += 1) if (x < xs[i]!) return i - 1;
  return Math.max(0, xs.length - 2);
}
