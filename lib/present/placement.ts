/**
 * Where a tooltip goes: next to what it explains, never over it (the cell and its badge) nor over
 * the viewer's toolbar, and inside the viewport. Pure, in viewport coordinates.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Placement = 'below' | 'above' | 'right' | 'left';

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

export function union(a: Box, b: Box): Box {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  return { left, top, width: Math.max(a.left + a.width, b.left + b.width) - left, height: Math.max(a.top + a.height, b.top + b.height) - top };
}

/**
 * Below the anchor, else above, else to its right or left; the first that fits the viewport and
 * covers neither the anchor nor an obstacle. When none does, the one covering least of them.
 */
export function placeTip(anchor: Box, tip: Size, viewport: Size, obstacles: readonly Box[] = [], gap = 6, margin = 4): { left: number; top: number; placement: Placement } {
  const maxLeft = Math.max(margin, viewport.width - tip.width - margin);
  // A bar across the top (the viewer's toolbar) moves the usable top down.
  const minTop = Math.max(margin, ...obstacles.filter((o) => o.top <= margin && o.width >= viewport.width / 2).map((o) => o.top + o.height + margin));
  const maxTop = Math.max(minTop, viewport.height - tip.height - margin);
  const alignedLeft = clamp(anchor.left, margin, maxLeft);
  const middleTop = clamp(anchor.top + anchor.height / 2 - tip.height / 2, minTop, maxTop);
  const candidates: Array<{ left: number; top: number; placement: Placement }> = [
    { left: alignedLeft, top: anchor.top + anchor.height + gap, placement: 'below' },
    { left: alignedLeft, top: anchor.top - gap - tip.height, placement: 'above' },
    { left: anchor.left + anchor.width + gap, top: middleTop, placement: 'right' },
    { left: anchor.left - gap - tip.width, top: middleTop, placement: 'left' },
  ];
  const blocked = [anchor, ...obstacles];
  const cost = (c: { left: number; top: number }) => {
    const box = { left: c.left, top: c.top, width: tip.width, height: tip.height };
    const outside = Math.max(0, margin - c.left) + Math.max(0, c.left + tip.width - (viewport.width - margin)) + Math.max(0, margin - c.top) + Math.max(0, c.top + tip.height - (viewport.height - margin));
    // Covering the cell itself is worse than covering anything else.
    return { covered: blocked.reduce((sum, b, i) => sum + overlap(box, b) * (i === 0 ? 4 : 1), 0), outside };
  };
  for (const c of candidates) {
    const { covered, outside } = cost(c);
    if (!covered && !outside) return c;
  }
  // Nothing fits cleanly: bring each candidate inside the viewport and take the one covering least.
  let best = candidates[0]!;
  let bestCovered = Infinity;
  for (const c of candidates) {
    const inside = { ...c, left: clamp(c.left, margin, maxLeft), top: clamp(c.top, minTop, maxTop) };
    const { covered } = cost(inside);
    if (covered < bestCovered) {
      best = inside;
      bestCovered = covered;
    }
  }
  return best;
}
