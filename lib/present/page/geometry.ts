/**
 * Positioning math for the overlay, pure so it can be tested without layout. The overlay layer
 * sits at the document's origin, so a box in document coordinates = a viewport rect + scroll.
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

export interface Scroll {
  x: number;
  y: number;
}

export function toDocumentBox(rect: Box, scroll: Scroll): Box {
  return { left: rect.left + scroll.x, top: rect.top + scroll.y, width: rect.width, height: rect.height };
}

export function right(box: Box): number {
  return box.left + box.width;
}

export function bottom(box: Box): number {
  return box.top + box.height;
}

/** The overlap of two boxes, or null when they do not meet. */
export function intersect(a: Box, b: Box): Box | null {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const r = Math.min(right(a), right(b));
  const btm = Math.min(bottom(a), bottom(b));
  if (r <= left || btm <= top) return null;
  return { left, top, width: r - left, height: btm - top };
}

/**
 * A cell inside scrollable containers is only visible where it overlaps all of them; null when
 * it is scrolled out of view (its mark must hide rather than float over unrelated content).
 */
export function clipToAncestors(cell: Box, clips: readonly Box[]): Box | null {
  let visible: Box | null = cell;
  for (const clip of clips) {
    if (!visible) return null;
    visible = intersect(visible, clip);
  }
  return visible;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * The badge straddles the cell's top-right corner, pulled inside on narrow cells and kept
 * within the document so it is never cut off at the page edge.
 */
export function badgePosition(cell: Box, badge: Size, documentWidth: number): { left: number; top: number } {
  const left = clamp(right(cell) - badge.width * 0.6, cell.left, Math.max(0, documentWidth - badge.width));
  const top = Math.max(0, cell.top - badge.height * 0.4);
  return { left, top };
}

/**
 * The table's chip sits just below its bottom-right corner, right-aligned (reaching left past a
 * narrow table). Not above: the right-aligned "单位：万元" line sits there on nearly every portal.
 */
export function chipPosition(table: Box, chip: Size, gap = 3): { left: number; top: number } {
  return { left: Math.max(0, right(table) - chip.width), top: bottom(table) + gap };
}

/**
 * The tooltip goes below its badge when it fits in the viewport, else above; horizontally it is
 * aligned with the badge and clamped to the viewport. All in viewport coordinates.
 */
export function tooltipPosition(anchor: Box, tip: Size, viewport: Size, gap = 6): { left: number; top: number; placement: 'below' | 'above' } {
  const below = bottom(anchor) + gap;
  const above = anchor.top - gap - tip.height;
  const placement = below + tip.height <= viewport.height || above < 0 ? 'below' : 'above';
  const top = placement === 'below' ? below : above;
  const left = clamp(anchor.left + anchor.width / 2 - tip.width / 2, 4, Math.max(4, viewport.width - tip.width - 4));
  return { left, top, placement };
}

/** Rounds to device pixels so 1px outlines stay crisp. */
export function snap(value: number, devicePixelRatio = 1): number {
  return Math.round(value * devicePixelRatio) / devicePixelRatio;
}
