import { analyse } from '../../engine/analyse';
import type { Report } from '../../engine/report/schema';
import { extractXlsxSource } from '../document/extract-xlsx';

/** Workbook bytes → report, with the notes the reading left for stderr. */
export async function checkXlsx(source: string, bytes: Uint8Array): Promise<{ report: Report; notes: string[] } | { failed: string }> {
  const started = performance.now();
  const extraction = await extractXlsxSource(source, bytes);
  if ('failed' in extraction) return extraction;
  return { report: analyse(extraction.doc, { extractMillis: performance.now() - started, notChecked: extraction.notChecked }), notes: extraction.notes };
}
