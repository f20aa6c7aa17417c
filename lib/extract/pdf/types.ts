import type { SourceDocument } from '../../engine/source';
import type { NotChecked } from '../../engine/report/schema';

/**
 * The contract between PDF extraction (lib/extract/pdf, runs in Node and in the viewer page) and
 * whoever presents its results. Extraction turns a pdf.js document into the same SourceDocument
 * that HTML extraction produces, plus the geometry the viewer needs to draw marks.
 *
 * Coordinates: PDF points at scale 1, origin at the top-left of the page as pdf.js's viewport
 * shows it (rotation applied, y pointing down). A viewer at zoom z multiplies by z.
 */
export interface PdfRect {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A character range of a text block (or cell) drawn inside one rectangle (one line, or one run of a line). */
export interface PdfTextSpan {
  start: number;
  end: number;
  rect: PdfRect;
}

export interface PdfGeometry {
  /**
   * Anchor → rectangles. Tables ("t3") have one rectangle per page they cover; cells
   * ("t3.r2.c5") one rectangle; text blocks ("b7") one per line.
   */
  boxes: Map<string, PdfRect[]>;
  /** Text-block anchor → where each character range of its `text` is drawn, for marking sentences. */
  spans: Map<string, PdfTextSpan[]>;
}

export interface PdfPageSize {
  width: number;
  height: number;
}

export interface PdfExtraction {
  doc: SourceDocument;
  geometry: PdfGeometry;
  pageSizes: PdfPageSize[];
  /** Pages or parts that could not be read (no text layer, broken content), with the reason in Chinese. */
  notChecked: NotChecked[];
}

export interface PdfExtractOptions {
  /** Path or URL the PDF came from; becomes `doc.source`. */
  source: string;
  signal?: AbortSignal;
  /** Called after each page: pages read so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Pages beyond this are not read (and are reported as not checked). */
  maxPages?: number;
  /**
   * Reading one page may take this long (pdf.js parsing its content); past it, the page and the
   * rest are reported as not checked. An inflate bomb (a small stream that expands to 100 MB of
   * drawing operators) would otherwise keep the viewer or the CLI busy for minutes.
   */
  pageTimeoutMs?: number;
  /**
   * After each page: the document read so far, assembled on request, without the last page read
   * (a table on it may continue on the next). Lets the viewer draw marks while reading goes on.
   */
  onPartial?: (partial: () => Pick<PdfExtraction, 'doc' | 'geometry'>, done: number, total: number) => void;
}
