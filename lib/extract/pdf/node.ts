import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { pdfjsDocumentParams } from './params';

/**
 * pdf.js in Node (CLI, tests, benchmark): the legacy build, CMaps and standard fonts read from
 * the installed package. Node entry only; the viewer loads pdf.js its own way.
 */
const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));

export async function openPdfInNode(data: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; callers keep theirs.
    data: new Uint8Array(data),
    ...pdfjsDocumentParams({ cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' }),
    useSystemFonts: false,
  });
  return task.promise;
}
