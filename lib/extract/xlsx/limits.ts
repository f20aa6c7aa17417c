/**
 * How much of a workbook is read. Budget workbooks have a few hundred rows per sheet and a few
 * megabytes of XML; these bounds are far above that and far below what would exhaust a
 * browser tab or hang the CLI. Past a bound the reader stops and says what it left unread.
 */
export interface XlsxLimits {
  /** Inflated size of one sheet's XML. */
  sheetBytes: number;
  /** Inflated size of the shared-string table. */
  stringsBytes: number;
  /** Inflated size of workbook.xml, styles, relationships and properties. */
  smallPartBytes: number;
  /** Inflated bytes of all parts together. */
  totalBytes: number;
  /** Rows (with cells) read per sheet; the rest of the sheet is skipped. */
  maxRows: number;
  /** Cells (including empty styled ones) read in the whole workbook. */
  maxCells: number;
  maxStrings: number;
  maxSheets: number;
  maxMerges: number;
  /** Characters kept of one cell or string (Excel's own limit is 32,767). */
  maxCellChars: number;
  signal?: AbortSignal;
  /** Set by the reader: inflated bytes left of `totalBytes`. */
  budget?: { left: number };
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  sheetBytes: 256 * 1024 * 1024,
  stringsBytes: 64 * 1024 * 1024,
  smallPartBytes: 16 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  maxRows: 10_000,
  maxCells: 500_000,
  maxStrings: 1_000_000,
  maxSheets: 100,
  maxMerges: 100_000,
  maxCellChars: 32_767,
};
