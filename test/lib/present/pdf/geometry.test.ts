import { describe, expect, it } from 'vitest';
import type { PdfGeometry } from '../../../../lib/extract/pdf/types';
import { chipAnchor, compareRects, markRects, rangeRects } from '../../../../lib/present/pdf/geometry';

const line = (page: number, y: number, start: number, end: number) => ({ start, end, rect: { page, x: 100, y, width: (end - start) * 10, height: 12 } });

describe('viewer geometry', () => {
  it('cuts a sentence out of the lines of a block', () => {
    const spans = [line(1, 100, 0, 30), line(1, 115, 30, 60)];
    expect(rangeRects(spans, 5, 10)).toEqual([{ page: 1, x: 150, y: 100, width: 50, height: 12 }]);
    const across = rangeRects(spans, 25, 35);
    expect(across).toHaveLength(2);
    expect(across[0]).toMatchObject({ x: 350, width: 50, y: 100 });
    expect(across[1]).toMatchObject({ x: 100, width: 50, y: 115 });
    expect(rangeRects(spans, 60, 70)).toEqual([]);
  });

  it('falls back from sentence to block to nothing', () => {
    const geometry: PdfGeometry = {
      boxes: new Map([
        ['b1', [{ page: 2, x: 0, y: 0, width: 10, height: 10 }]],
        ['t0.r1.c1', [{ page: 1, x: 5, y: 5, width: 20, height: 8 }]],
      ]),
      spans: new Map([['b1', [line(2, 40, 0, 10)]]]),
    };
    expect(markRects({ anchor: 'b1', text: { start: 2, end: 4 } }, geometry)).toEqual([{ page: 2, x: 120, y: 40, width: 20, height: 12 }]);
    expect(markRects({ anchor: 'b1', text: { start: 50, end: 60 } }, geometry)).toEqual(geometry.boxes.get('b1'));
    expect(markRects({ anchor: 't0.r1.c1' }, geometry)).toEqual(geometry.boxes.get('t0.r1.c1'));
    expect(markRects({ anchor: 't9' }, geometry)).toEqual([]);
  });

  it('orders by page, then line, and puts a chip at a table’s end', () => {
    const a = { page: 1, x: 50, y: 10, width: 1, height: 1 };
    const b = { page: 1, x: 10, y: 20, width: 1, height: 1 };
    const c = { page: 2, x: 0, y: 0, width: 1, height: 1 };
    expect([c, b, a].sort(compareRects)).toEqual([a, b, c]);
    const geometry: PdfGeometry = { boxes: new Map([['t0', [c, a]]]), spans: new Map() };
    expect(chipAnchor({ anchor: 't0' }, geometry)).toEqual(c);
    expect(chipAnchor({ anchor: 't1' }, geometry)).toBeNull();
  });
});
