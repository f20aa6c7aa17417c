import { describe, expect, it } from 'vitest';
import { placeTip, union } from '../../../lib/present/placement';

const viewport = { width: 1000, height: 700 };
const tip = { width: 300, height: 200 };
const overlaps = (a: { left: number; top: number; width: number; height: number }, b: { left: number; top: number; width: number; height: number }) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('tooltip placement', () => {
  it('goes below the cell when there is room, above when not', () => {
    const cell = { left: 100, top: 100, width: 60, height: 20 };
    expect(placeTip(cell, tip, viewport)).toMatchObject({ placement: 'below', top: 126, left: 100 });
    expect(placeTip({ ...cell, top: 600 }, tip, viewport)).toMatchObject({ placement: 'above', top: 394 });
  });

  it('never covers the viewer’s toolbar nor the cell: beside it when above and below are taken', () => {
    const toolbar = { left: 0, top: 0, width: 1000, height: 44 };
    const cell = { left: 300, top: 150, width: 80, height: 20 };
    const at = placeTip(cell, { width: 300, height: 560 }, viewport, [toolbar]);
    const box = { left: at.left, top: at.top, width: 300, height: 560 };
    expect(at.placement).toBe('right');
    expect(overlaps(box, cell)).toBe(false);
    expect(overlaps(box, toolbar)).toBe(false);
  });

  it('stays inside the viewport and takes the least covering spot when nothing fits', () => {
    const cell = { left: 0, top: 0, width: 1000, height: 700 };
    const at = placeTip(cell, tip, viewport);
    expect(at.left).toBeGreaterThanOrEqual(4);
    expect(at.top).toBeGreaterThanOrEqual(4);
    expect(union({ left: 0, top: 0, width: 10, height: 10 }, { left: 5, top: 20, width: 10, height: 5 })).toEqual({ left: 0, top: 0, width: 15, height: 25 });
  });
});
