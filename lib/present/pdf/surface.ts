import type { PdfGeometry, PdfRect } from '../../extract/pdf/types';
import type { Box } from '../placement';
import type { Surface, TextRange } from '../surface';
import { compareRects, rangeRects } from './geometry';
import type { PageView } from './pages';

/**
 * The PDF viewer as a surface: targets are the rectangles PDF extraction measured; nodes go on
 * the marks layer of their page at PDF points × --total-scale-factor, so zooming moves
 * everything without a relayout. The tooltip floats (position: fixed) clear of the toolbar.
 */

export interface PdfTarget {
  anchor: string;
  rects: PdfRect[];
  /** A sentence inside a text block (drawn as an underline rather than a box). */
  sentence: boolean;
}

export interface PdfSurfaceInput {
  geometry: PdfGeometry;
  /** The text of a cell or block, to leave blank operands out. */
  textOf: (anchor: string) => string | undefined;
}

export interface PdfSurface extends Surface<PdfTarget> {
  setInput(input: PdfSurfaceInput): void;
}

export function createPdfSurface(doc: Document, pages: PageView, toolbar: () => HTMLElement | null): PdfSurface {
  let input: PdfSurfaceInput = { geometry: { boxes: new Map(), spans: new Map() }, textOf: () => undefined };
  let drawn: HTMLElement[] = [];

  function place(node: HTMLElement, rect: Pick<PdfRect, 'x' | 'y'> & Partial<PdfRect>, dx = 0, dy = 0): void {
    node.style.left = `calc(var(--total-scale-factor) * ${rect.x}px + ${dx}px)`;
    node.style.top = `calc(var(--total-scale-factor) * ${rect.y}px + ${dy}px)`;
    if (rect.width !== undefined) node.style.width = `calc(var(--total-scale-factor) * ${rect.width}px)`;
    if (rect.height !== undefined) node.style.height = `calc(var(--total-scale-factor) * ${rect.height}px)`;
  }

  function addTo(page: number, node: HTMLElement): boolean {
    const layer = pages.marksLayer(page);
    if (!layer) return false;
    layer.append(node);
    drawn.push(node);
    return true;
  }

  function anchor(anchorId: string, text?: TextRange): PdfTarget | null {
    const { boxes, spans } = input.geometry;
    if (text) {
      const lines = spans.get(anchorId);
      const rects = lines ? rangeRects(lines, text.start, text.end) : [];
      if (rects.length) return { anchor: anchorId, rects, sentence: true };
    }
    const rects = boxes.get(anchorId);
    return rects?.length ? { anchor: anchorId, rects, sentence: false } : null;
  }

  function viewportRect(rect: PdfRect): Box | null {
    const layer = pages.marksLayer(rect.page);
    if (!layer) return null;
    const origin = layer.getBoundingClientRect();
    const scale = pages.scale;
    return { left: origin.left + rect.x * scale, top: origin.top + rect.y * scale, width: rect.width * scale, height: rect.height * scale };
  }

  return {
    doc,
    anchor,
    compare: (a, b) => compareRects(a.rects[0]!, b.rects[0]!),
    showsValue(target) {
      const text = input.textOf(target.anchor);
      return text === undefined || /\S/.test(text);
    },
    outline(target, className) {
      return target.rects.flatMap((rect) => {
        const box = doc.createElement('div');
        box.className = `${className}${target.sentence && className.startsWith('mark') ? ' sentence' : ''}`;
        box.dataset.anchor = target.anchor;
        place(box, rect);
        return addTo(rect.page, box) ? [box] : [];
      });
    },
    pin(node, target, kind) {
      const rects = target.rects;
      if (kind === 'badge') {
        // Straddles the top-right corner of the cell (or the sentence's first line), like on HTML pages.
        const first = rects[0]!;
        // On a sentence: above the end of its first line, clear of the characters.
        place(node, { x: first.x + first.width, y: first.y }, target.sentence ? -9 : -11, target.sentence ? -17 : -9);
        addTo(first.page, node);
      } else if (kind === 'chip') {
        // Under the bottom-right corner of the table's last rectangle (its end).
        const last = [...rects].sort(compareRects).at(-1)!;
        place(node, { x: last.x + last.width, y: last.y + last.height }, 0, 3);
        addTo(last.page, node);
      } else {
        // Inside the cell's left edge: PDF numbers are right-aligned; the text shows on hover and focus.
        const first = rects[0]!;
        node.classList.add('icon-only');
        place(node, { x: first.x, y: first.y + first.height / 2 }, 1, -7);
        addTo(first.page, node);
      }
      if (target.anchor) node.dataset.anchor ??= target.anchor;
    },
    scrollTo(target) {
      pages.scrollToRect(target.rects[0]!);
    },
    rect: (target) => viewportRect(target.rects[0]!),
    float(node, left, top) {
      node.style.left = `${Math.round(left)}px`;
      node.style.top = `${Math.round(top)}px`;
    },
    obstacles() {
      const bar = toolbar();
      return bar ? [bar.getBoundingClientRect()] : [];
    },
    clear() {
      for (const node of drawn) node.remove();
      drawn = [];
    },
    remove(nodes) {
      const gone = new Set(nodes);
      for (const node of nodes) node.remove();
      drawn = drawn.filter((n) => !gone.has(n));
    },
    setInput(next) {
      input = next;
    },
  };
}
