import { extractPdf, type PdfExtraction } from '../../extract/pdf/index';
import { openPdfInNode } from '../../extract/pdf/node';
import { describePdfError } from '../../extract/pdf/open-errors';

/**
 * PDF bytes → extraction (pdf.js loaded only for PDF inputs), the document released afterwards;
 * or why it could not be opened, in one line (`failedVerb`: "未核对" for check, "未能读取" for tables).
 */
export async function extractPdfSource(source: string, bytes: Uint8Array, failedVerb = '未核对'): Promise<PdfExtraction | { failed: string }> {
  let pdf;
  try {
    pdf = await openPdfInNode(bytes);
  } catch (error) {
    return { failed: `${failedVerb} ${source}：${describePdfError(error)}` };
  }
  try {
    return await extractPdf(pdf, { source });
  } catch (error) {
    return { failed: `${failedVerb} ${source}：${describePdfError(error)}` };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
