import type { PdfGeometry, PdfRect, PdfTextSpan } from '../../extract/pdf/types';
import type { Mark, TableChip } from '../marks';

/**
 * Where the viewer draws things, in PDF points at scale 1 (the page element scales them with a
 * CSS variable, so zooming never recomputes marks).
 */

/** The rectangles of characters [start, end) of a text block, one per span it touches. */
export function rangeRects(spans: readonly PdfTextSpan[], start: number, end: number): PdfRect[] {
  const rects: PdfRect[] = [];
  for (const span of spans) {
    const from = Math.max(span.start, start);
    const to = Math.min(span.end, end);
    if (to <= from) continue;
    const length = span.end - span.start;
    // Inside one span, characters are taken as equally wide: close enough for CJK text.
    const x0 = span.rect.x + (span.rect.width * (from - span.start)) / length;
    const x1 = span.rect.x + (span.rect.width * (to - span.start)) / length;
    rects.push({ ...span.rect, x: x0, width: Math.max(x1 - x0, 1) });
  }
  return rects;
}

/** A mark's rectangles: its sentence inside a text block, else the cell or block itself. */
export function markRects(mark: Pick<Mark, 'anchor' | 'text'>, geometry: PdfGeometry): PdfRect[] {
  if (mark.text) {
    const spans = geometry.spans.get(mark.anchor);
    if (spans) {
      const rects = rangeRects(spans, mark.text.start, mark.text.end);
      if (rects.length) return rects;
    }
  }
  return geometry.boxes.get(mark.anchor) ?? [];
}

/** Reading order: page, then top to bottom, then left to right. */
export function compareRects(a: PdfRect, b: PdfRect): number {
  return a.page - b.page || a.y - b.y || a.x - b.x;
}

/** The chip of a table sits under the bottom-right corner of its last rectangle (its end). */
export function chipAnchor(chip: Pick<TableChip, 'anchor'>, geometry: PdfGeometry): PdfRect | null {
  const rects = geometry.boxes.get(chip.anchor);
  if (!rects?.length) return null;
  return [...rects].sort(compareRects).at(-1)!;
}
