import { describe, expect, it } from 'vitest';
import { badgePosition, chipPosition, clipToAncestors, intersect, toDocumentBox, tooltipPosition } from '../../../../lib/present/page/geometry';

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('overlay geometry', () => {
  it('turns viewport rects into document boxes', () => {
    expect(toDocumentBox(box(10, 20, 30, 40), { x: 5, y: 100 })).toEqual(box(15, 120, 30, 40));
  });

  it('intersects boxes and hides cells scrolled out of their container', () => {
    expect(intersect(box(0, 0, 10, 10), box(5, 5, 10, 10))).toEqual(box(5, 5, 5, 5));
    expect(intersect(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBeNull();
    const container = box(0, 0, 100, 50);
    expect(clipToAncestors(box(20, 10, 30, 20), [container])).toEqual(box(20, 10, 30, 20));
    expect(clipToAncestors(box(90, 10, 30, 20), [container])).toEqual(box(90, 10, 10, 20));
    expect(clipToAncestors(box(120, 10, 30, 20), [container])).toBeNull();
    expect(clipToAncestors(box(20, 10, 30, 20), [container, box(200, 0, 10, 10)])).toBeNull();
  });

  it('puts the badge on the cell top-right corner, inside the document', () => {
    const badge = { width: 18, height: 18 };
    const at = badgePosition(box(100, 200, 60, 24), badge, 1000);
    expect(at.left).toBeCloseTo(160 - 18 * 0.6);
    expect(at.top).toBeCloseTo(200 - 18 * 0.4);
    // A cell at the document's right edge: the badge is pulled in.
    expect(badgePosition(box(950, 0, 50, 20), badge, 1000)).toEqual({ left: 982, top: 0 });
    // A narrow cell: never left of the cell.
    expect(badgePosition(box(100, 50, 5, 20), badge, 1000).left).toBe(100);
  });

  it('puts the chip just below the table, right-aligned', () => {
    expect(chipPosition(box(100, 300, 500, 200), { width: 140, height: 20 })).toEqual({ left: 460, top: 503 });
    // A table narrower than the chip: right-aligned, reaching left.
    expect(chipPosition(box(300, 300, 100, 200), { width: 140, height: 20 }).left).toBe(260);
    expect(chipPosition(box(0, 300, 100, 200), { width: 140, height: 20 }).left).toBe(0);
  });

  it('places the tooltip below, else above, clamped to the viewport', () => {
    const viewport = { width: 800, height: 600 };
    const tip = { width: 300, height: 100 };
    expect(tooltipPosition(box(100, 100, 18, 18), tip, viewport)).toEqual({ left: 4, top: 124, placement: 'below' });
    expect(tooltipPosition(box(400, 550, 18, 18), tip, viewport)).toMatchObject({ top: 444, placement: 'above' });
    expect(tooltipPosition(box(790, 100, 18, 18), tip, viewport).left).toBe(496);
    // No room either way: below wins (the page can scroll).
    expect(tooltipPosition(box(400, 50, 18, 18), { width: 300, height: 580 }, viewport).placement).toBe('below');
  });
});
