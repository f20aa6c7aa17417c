import { describe, expect, it } from 'vitest';
import { isAnchor } from '../../../lib/engine/source';
import { tableSummarySchema } from '../../../lib/engine/report/schema';

describe('typed anchors and table kinds', () => {
  it('knows the anchor forms the extractors make', () => {
    for (const anchor of ['t0', 't12.r3.c4', 'b7']) expect(isAnchor(anchor), anchor).toBe(true);
    for (const anchor of ['', 'x', 't', 't1.r2', 'b1.r2.c3', 'T1']) expect(isAnchor(anchor), anchor).toBe(false);
  });

  it('accepts only catalogued table kinds in a report', () => {
    const summary = { id: 't0', title: '收支总表', unit: '万元', rows: 3, cols: 2 };
    expect(tableSummarySchema.safeParse({ ...summary, kind: 'income-expense-summary' }).success).toBe(true);
    expect(tableSummarySchema.safeParse({ ...summary, kind: 'summary' }).success).toBe(false);
  });
});
