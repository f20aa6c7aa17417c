import { analyse } from '../../engine/analyse';
import type { Report } from '../../engine/report/schema';
import { extractPdfSource } from '../document/extract-pdf';

/** PDF bytes → report (pdf.js is loaded with this module, only for PDFs). */
export async function checkPdf(source: string, bytes: Uint8Array): Promise<{ report: Report } | { failed: string }> {
  const started = performance.now();
  const extraction = await extractPdfSource(source, bytes);
  if ('failed' in extraction) return extraction;
  return { report: analyse(extraction.doc, { extractMillis: performance.now() - started, notChecked: extraction.notChecked }) };
}
