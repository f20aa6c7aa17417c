import { describe, expect, it } from 'vitest';
import { loadPdfjs, openPdfInNode } from '../../../../lib/extract/pdf/node';
import { extractPdf } from '../../../../lib/extract/pdf/index';
import { minimalPdf } from '../../../support/minimal-pdf';

describe('pdf.js in Node', () => {
  it('leaves the built-ins its legacy polyfills replace as they were', async () => {
    const before = [Array.prototype.push, JSON.parse, JSON.stringify];
    await loadPdfjs();
    expect([Array.prototype.push, JSON.parse, JSON.stringify]).toEqual(before);
    const pdf = await openPdfInNode(minimalPdf(['Budget 2024', 'Total 12.50']));
    // The parser loads lazily inside pdf.js unless loaded first: still the built-ins after a document.
    const { doc } = await extractPdf(pdf, { source: 'x.pdf' });
    await pdf.destroy();
    expect(doc.blocks.map((b) => b.text).join(' ')).toContain('Total 12.50');
    expect([Array.prototype.push, JSON.parse, JSON.stringify]).toEqual(before);
  });
});
