import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../../lib/extract/pdf/index';
import { openPdfInNode } from '../../../../lib/extract/pdf/node';
import { minimalPdf } from '../../../support/minimal-pdf';
import { extractBytes } from '../../../support/extract-pdf';

// A 3 × 3 ruled table under two text lines: columns 150/100/100 wide from x=72, rows 20 high from y=700.
const table = { x: 72, y: 700, cols: [150, 100, 100], rows: [20, 20, 20] };
const cells: Array<[number, number, string]> = [
  [80, 686, 'Item'], [230, 686, '2023'], [330, 686, '2024'],
  [80, 666, 'Office'], [260, 666, '1,200.50'], [360, 666, '1,300.00'],
  [80, 646, 'Total'], [260, 646, '1,200.50'], [360, 646, '1,300.00'],
];

const extract = extractBytes;

describe('extractPdf', () => {
  it('rebuilds a ruled table with its cells, the lines above it, and where everything is drawn', async () => {
    const progress: number[] = [];
    const pdf = await openPdfInNode(minimalPdf(['Expense table', 'Unit: yuan'], table, cells));
    const { doc, geometry, pageSizes, notChecked } = await extractPdf(pdf, { source: 'test.pdf', onProgress: (done) => progress.push(done) });
    await pdf.destroy();
    expect(progress).toEqual([1]);
    expect(notChecked).toEqual([]);
    expect(pageSizes).toEqual([{ width: 595, height: 842 }]);
    expect(doc.tables).toHaveLength(1);
    const [t] = doc.tables;
    expect(t!.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Item', '2023', '2024'],
      ['Office', '1,200.50', '1,300.00'],
      ['Total', '1,200.50', '1,300.00'],
    ]);
    expect(t!.before).toEqual(['Expense table', 'Unit: yuan']);
    expect(t!.page).toBe(1);
    const box = geometry.boxes.get('t0.r1.c1')![0]!;
    expect(box.page).toBe(1);
    expect(box.x).toBeCloseTo(222.25, 0);
    expect(box.y).toBeCloseTo(842 - 680, 0);
    expect(doc.blocks.map((b) => b.text).join(' ')).toBe('Expense table Unit: yuan');
    expect(geometry.spans.get('b0')![0]).toMatchObject({ start: 0, end: 13, rect: { page: 1 } });
  });

  it('says a file blank throughout has nothing to check, but takes a blank page among others in its stride', async () => {
    const empty = await extract(minimalPdf([]));
    expect(empty.notChecked).toEqual([{ what: '整个文件', reason: '文件中没有任何文字（空白页），没有可检查的内容' }]);
    expect(empty.doc.tables).toEqual([]);
    const pdf = await openPdfInNode(minimalPdf([]));
    const text = await openPdfInNode(minimalPdf(['some text']));
    const mixed = await extractPdf({ numPages: 2, getPage: (n) => (n === 1 ? text : pdf).getPage(1) }, { source: 'x' });
    await Promise.all([pdf.destroy(), text.destroy()]);
    expect(mixed.notChecked).toEqual([]);
  });

  it('stops at maxPages and says what was left out', async () => {
    const pdf = await openPdfInNode(minimalPdf(['one page']));
    const { notChecked } = await extractPdf({ numPages: 3, getPage: (n) => pdf.getPage(Math.min(n, 1)) }, { source: 'x', maxPages: 2 });
    await pdf.destroy();
    expect(notChecked).toEqual([{ what: '第 3 页', reason: '文件共 3 页，只检查了前 2 页' }]);
  });

  it('stops when aborted', async () => {
    const pdf = await openPdfInNode(minimalPdf(['x']));
    const controller = new AbortController();
    controller.abort();
    await expect(extractPdf(pdf, { source: 'x', signal: controller.signal })).rejects.toThrow();
    await pdf.destroy();
  });
});
