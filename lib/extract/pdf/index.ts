import type { NotChecked } from '../../engine/report/schema';
import { assemble } from './assemble';
import { findTables, type GridTable } from './lattice';
import { layoutPage, type PageLayout } from './page-layout';
import { rulesOf, type Matrix, type OperatorListLike } from './rulings';
import { runsOf, type FontStyleLike } from './text-runs';
import { PDF_OPS } from './ops';
import type { PdfExtraction, PdfExtractOptions, PdfPageSize } from './types';

export type { PdfExtraction, PdfExtractOptions, PdfGeometry, PdfRect, PdfTextSpan } from './types';

/** The slice of pdf.js's PDFDocumentProxy this module uses (so tests and both builds fit). */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
}
export interface PdfPageLike {
  getViewport(params: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: unknown[]; styles: Record<string, FontStyleLike> }>;
  getOperatorList(): Promise<OperatorListLike>;
  cleanup?(): unknown;
}

/** Documents longer than this are read up to here; the rest is reported as not checked. */
export const DEFAULT_MAX_PAGES = 300;

/** A grid of one row or one column is a frame around a title, a note or the page. */
function isDataGrid(grid: GridTable): boolean {
  return grid.xs.length >= 3 && grid.ys.length >= 3 && grid.cells.length >= 4;
}

function hasImages(list: OperatorListLike): boolean {
  for (let i = 0; i < list.fnArray.length; i += 1) {
    const fn = list.fnArray[i];
    if (fn === PDF_OPS.paintImageXObject || fn === PDF_OPS.paintInlineImageXObject || fn === PDF_OPS.paintImageMaskXObject) return true;
  }
  return false;
}

/** Reads one page into tables and lines. Exposed for tests and the benchmark. */
export async function readPage(page: PdfPageLike): Promise<{ layout: PageLayout; size: PdfPageSize; textless: boolean; images: boolean }> {
  const viewport = page.getViewport({ scale: 1 });
  const transform = viewport.transform as Matrix;
  const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const runs = runsOf(text.items, text.styles ?? {}, transform);
  const grids = findTables(rulesOf(ops, transform, PDF_OPS)).filter(isDataGrid);
  return {
    layout: layoutPage(runs, grids),
    size: { width: viewport.width, height: viewport.height },
    textless: runs.length === 0,
    images: hasImages(ops),
  };
}

/**
 * A pdf.js document → the SourceDocument analysis reads, plus where every anchor is drawn.
 * Pages are read one at a time (a page's objects are released before the next) so a long
 * document neither holds every page in memory nor blocks its caller for long.
 */
export async function extractPdf(pdf: PdfDocumentLike, options: PdfExtractOptions): Promise<PdfExtraction> {
  const total = pdf.numPages;
  const limit = Math.min(total, options.maxPages ?? DEFAULT_MAX_PAGES);
  const layouts: PageLayout[] = [];
  const pageSizes: PdfPageSize[] = [];
  const notChecked: NotChecked[] = [];
  const textless: number[] = [];
  let blank = 0;
  for (let n = 1; n <= limit; n += 1) {
    options.signal?.throwIfAborted();
    try {
      const page = await pdf.getPage(n);
      const read = await readPage(page);
      page.cleanup?.();
      layouts.push(read.layout);
      pageSizes.push(read.size);
      if (read.textless && read.images) textless.push(n);
      else if (read.textless) blank += 1;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      layouts.push({ tables: [], lines: [] });
      pageSizes.push({ width: 0, height: 0 });
      notChecked.push({ what: `第 ${n} 页`, reason: `无法读取这一页的内容（${error instanceof Error ? error.message : String(error)}），未检查` });
    }
    options.onProgress?.(n, total);
    if (options.onPartial && n > 1 && n < limit) options.onPartial(() => assemble(layouts.slice(0, -1), options.source), n, limit);
  }
  if (textless.length) {
    const all = textless.length === limit;
    notChecked.push({
      what: all ? '整个文件' : `第 ${pageList(textless)} 页`,
      reason: all ? '文件没有文字层（可能是扫描件或图片），无法读取数字，未检查' : '这些页没有文字层（可能是扫描的图片），未检查',
    });
  }
  // Blank pages between sections are normal; a file that is blank throughout has nothing to check.
  if (limit > 0 && blank === limit) notChecked.push({ what: '整个文件', reason: '文件中没有任何文字（空白页），没有可检查的内容' });
  if (limit < total) notChecked.push({ what: limit + 1 === total ? `第 ${total} 页` : `第 ${limit + 1}–${total} 页`, reason: `文件共 ${total} 页，只检查了前 ${limit} 页` });
  const { doc, geometry } = assemble(layouts, options.source);
  return { doc, geometry, pageSizes, notChecked };
}

function pageList(pages: number[]): string {
  return pages.length > 8 ? `${pages.slice(0, 8).join('、')} 等 ${pages.length}` : pages.join('、');
}
