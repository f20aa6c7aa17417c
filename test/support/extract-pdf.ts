import { extractPdf } from '../../lib/extract/pdf/index';
import { openPdfInNode } from '../../lib/extract/pdf/node';

/** PDF bytes → extraction, the document released afterwards. */
export async function extractBytes(bytes: Uint8Array) {
  const pdf = await openPdfInNode(bytes);
  try {
    return await extractPdf(pdf, { source: 'test.pdf' });
  } finally {
    await pdf.destroy();
  }
}
