import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { inflateSync } from 'node:zlib';
import { findInflateBomb, MAX_STREAM_INFLATED, type CappedInflate } from './inflate-guard';
import { pdfjsDocumentParams } from './params';

const cappedInflate: CappedInflate = (data, max) => {
  try {
    return { size: inflateSync(data, { maxOutputLength: max }).length };
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? { tooLarge: true } : null;
  }
};

/**
 * pdf.js in Node (CLI, tests, benchmark): the legacy build, CMaps and standard fonts read from
 * the installed package. Node entry only; the viewer loads pdf.js its own way.
 */
const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));

export async function openPdfInNode(data: Uint8Array): Promise<PDFDocumentProxy> {
  if (findInflateBomb(data, cappedInflate).bomb) {
    throw Object.assign(new Error(`PDF 中有解压后超过 ${MAX_STREAM_INFLATED / 1024 / 1024} MB 的数据流（可能是压缩炸弹）`), { name: 'InflateBombError' });
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; callers keep theirs.
    data: new Uint8Array(data),
    ...pdfjsDocumentParams({ cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' }),
    useSystemFonts: false,
  });
  return task.promise;
}
