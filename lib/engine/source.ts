/**
 * What extraction hands to analysis: plain, serialisable data with opaque anchors.
 * Extraction knows nothing of budget rules; analysis knows nothing of the DOM or PDF.
 * An anchor is a string the presenter can map back to a DOM element or a PDF rectangle.
 */

/** A table as extraction numbered it: "t3". */
export type TableAnchor = `t${number}`;
/** A cell of a table, by its markup row and cell index (spans not expanded): "t3.r2.c5". */
export type CellAnchor = `${TableAnchor}.r${number}.c${number}`;
/** A text block (heading or paragraph): "b7". */
export type BlockAnchor = `b${number}`;
/**
 * What an anchor names. Analysis never reads meaning from one (it only passes it on); the
 * extractors (lib/extract/html.ts, lib/extract/pdf/assemble.ts) make them in these forms, and the
 * SourceDocument fields stay plain strings because it crosses a process boundary as JSON.
 */
export type Anchor = TableAnchor | CellAnchor | BlockAnchor;

const ANCHOR = /^(?:t\d+(?:\.r\d+\.c\d+)?|b\d+)$/;

export function isAnchor(text: string): text is Anchor {
  return ANCHOR.test(text);
}

export interface SourceCell {
  /** Visible text of the cell, whitespace collapsed but otherwise untouched (no NFKC here). */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** True when the markup says header (`<th>`, `<thead>`); many portals use plain `<td>` for headers. */
  headerMarkup: boolean;
  anchor: string;
  /**
   * The exact stored number when `text` shows it rounded (a workbook cell formatted `#,##0`
   * that holds 22118861.34): analysis computes with it, `text` stays what the reader sees.
   */
  exact?: string;
}

/**
 * Where a table continued over a page break (or split by the markup) was joined into one.
 * Extraction (PDF) or the continuation merge (HTML) records every seam, so a finding whose
 * operands cross a doubtful seam is worded as a possible misreading, never as a document error.
 */
export interface TableSeam {
  /** Index in `rows` of the first row of the continuing piece. */
  row: number;
  /** Page the continuing piece starts on, for PDFs. */
  page?: number;
  /** True when the pieces' columns line up and no row can have been lost at the break. */
  certain: boolean;
  /** Why the join is doubtful, in plain Chinese ("续表的列与上页未能对齐"). */
  doubt?: string;
}

/** A part of a table whose reading is uncertain (a row that may be lost, a header not closed). */
export interface ReadingDoubt {
  /** Row index in `rows` (omitted: the whole table). */
  row?: number;
  /** Grid column (omitted: the whole row). */
  col?: number;
  reason: string;
}

export interface SourceTable {
  /** Anchor of the whole table, e.g. "t3". */
  anchor: string;
  /** Rows as they appear in the markup; spans are not expanded (see lib/engine/table/grid.ts). */
  rows: SourceCell[][];
  /** `<caption>` text, if any. */
  caption: string;
  /**
   * Up to 6 non-empty text lines just above the table (nearest last), never reaching past the
   * previous table. Titles and "单位：万元" lines live here.
   */
  before: string[];
  /** Up to 3 non-empty text lines just below the table (notes such as "注：本表无数据"). */
  after: string[];
  /** Position in reading order, shared with TextBlock.seq. */
  seq: number;
  /** 1-based page number for PDFs. */
  page?: number;
  /** The worksheet a workbook's table is on: a table never continues one on another sheet. */
  sheet?: string;
  /** Joins of pieces continued over pages, in row order (absent: one piece). */
  seams?: TableSeam[];
  /** Readings extraction is unsure of. */
  doubts?: ReadingDoubt[];
}

export interface TextBlock {
  anchor: string;
  text: string;
  kind: 'heading' | 'paragraph';
  seq: number;
  page?: number;
}

export interface SourceDocument {
  /** Path or URL the document came from. */
  source: string;
  title: string;
  tables: SourceTable[];
  blocks: TextBlock[];
  pages?: number;
}
