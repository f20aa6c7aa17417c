import type { NotChecked } from '../../engine/report/schema';
import { assemble } from './assemble';
import { findTables, type GridTable } from './lattice';
import { layoutPage, type PageLayout } from './page-layout';
import { rulesOf, type Matrix, type OperatorListLike } from './rulings';
import { runsOf, type FontStyleLike, type TextRun } from './text-runs';
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
/** The longest one real disclosure page takes is well under a second; this is 30 times that on a slow machine. */
export const DEFAULT_PAGE_TIMEOUT_MS = 15_000;

/** The promise's value, or null when it takes longer than `ms`. */
async function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

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

/**
 * A ruled grid with more cells than this is not a budget table (the largest in the corpus has
 * under 300): a dense lattice costs cells × text runs to lay out, so it is left out, with its text.
 */
export const MAX_LATTICE_CELLS = 3_000;

const centreInside = (run: TextRun, box: GridTable): boolean => {
  const x = (run.x0 + run.x1) / 2;
  const y = (run.top + run.bottom) / 2;
  return x >= box.x0 && x <= box.x1 && y >= box.top && y <= box.bottom;
};

/** Reads one page into tables and lines. Exposed for tests and the benchmark. */
export async function readPage(page: PdfPageLike): Promise<{ layout: PageLayout; size: PdfPageSize; textless: boolean; images: boolean; denseGrids: number[] }> {
  const viewport = page.getViewport({ scale: 1 });
  const transform = viewport.transform as Matrix;
  const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const allRuns = runsOf(text.items, text.styles ?? {}, transform);
  const found = findTables(rulesOf(ops, transform, PDF_OPS)).filter(isDataGrid);
  const dense = found.filter((grid) => grid.cells.length > MAX_LATTICE_CELLS);
  const grids = dense.length ? found.filter((grid) => !dense.includes(grid)) : found;
  const runs = dense.length ? allRuns.filter((run) => !dense.some((grid) => centreInside(run, grid))) : allRuns;
  return {
    denseGrids: dense.map((grid) => grid.cells.length),
    layout: layoutPage(runs, grids),
    size: { width: viewport.width, height: viewport.height },
    textless: allRuns.length === 0,
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
      const read = await withinTime(readPage(page), options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS);
      if (!read) {
        // pdf.js goes on parsing the page until the document is destroyed: nothing after it can be read in time.
        notChecked.push({ what: n === limit ? `第 ${n} 页` : `第 ${n}–${limit} 页`, reason: '页面内容过于庞大或复杂（可能是恶意构造的文件），读取超时，未检查' });
        break;
      }
      page.cleanup?.();
      layouts.push(read.layout);
      pageSizes.push(read.size);
      for (const cells of read.denseGrids) notChecked.push({ what: `第 ${n} 页的表格`, reason: `表格线过密（${cells} 个格子），不像预算表，未检查` });
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
