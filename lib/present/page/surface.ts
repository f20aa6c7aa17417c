import type { Surface, PinKind, HighlightName, TextRange } from '../surface';
import type { Box } from '../placement';
import { badgePosition, chipPosition, clipToAncestors, toDocumentBox } from './geometry';
import { createHighlights, rangeOverContents, rangeOverText } from './highlights';
import { scrollableAncestors } from './scroll-ancestors';

/**
 * The HTML page as a surface: targets are page elements (and a character range inside one for
 * sentences); everything drawn lives in the overlay's layer, placed in document coordinates and
 * laid out again (all reads, then all writes, once per frame) when the page scrolls inner
 * containers, resizes or reflows. The page's own DOM is never touched.
 */

export interface PageTarget {
  element: Element;
  range: Range | null;
}

export interface PageSurface extends Surface<PageTarget> {
  /** Underlines ranges of text that checked out ("显示核对无误的内容"). */
  setPassed(ranges: Array<{ anchor: string; start: number; end: number }>): void;
  /** Boxes of floating UI of our own the tooltip must leave free (the navigator). */
  setObstacles(boxes: () => Box[]): void;
  schedule(): void;
  destroy(): void;
}

interface Drawn {
  node: HTMLElement;
  target: PageTarget;
  kind: 'outline' | PinKind;
  clips: Element[] | null;
  /** A trend tag's width with its text (measured once, before it may be shortened to its icon). */
  fullWidth?: number;
}

const BADGE = { width: 18, height: 18 };

export function createPageSurface(doc: Document, layer: HTMLElement, elements: () => ReadonlyMap<string, Element>, signal: AbortSignal): PageSurface {
  const view = doc.defaultView!;
  const highlights = createHighlights(doc);
  let drawn: Drawn[] = [];
  let frame = 0;
  let obstacles: () => Box[] = () => [];
  const on = { signal, passive: true } as const;
  const resizeObserver = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(() => schedule()) : null;
  view.addEventListener('resize', schedule, on);
  // Window scrolling moves the layer with the document; only inner scroll containers need work.
  doc.addEventListener('scroll', (event) => { if (event.target !== doc) schedule(); }, { ...on, capture: true });
  if (doc.body) resizeObserver?.observe(doc.body);
  signal.addEventListener('abort', () => destroy(), { once: true });

  function anchor(anchorId: string, text?: TextRange): PageTarget | null {
    const element = elements().get(anchorId);
    if (!element) return null;
    return { element, range: text ? rangeOverText(element, text.start, text.end) : null };
  }

  function compare(a: PageTarget, b: PageTarget): number {
    if (a.element === b.element) {
      if (a.range && b.range) return a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range);
      return 0;
    }
    return a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */ ? -1 : 1;
  }

  function firstRect(target: PageTarget): Box {
    if (target.range) {
      const first = target.range.getClientRects()[0];
      if (first) return first;
    }
    return target.element.getBoundingClientRect();
  }

  function outline(target: PageTarget, className: string): HTMLElement[] {
    const node = doc.createElement('div');
    node.className = className;
    // Outlines under everything else, so badges and chips stay clickable.
    layer.prepend(node);
    drawn.push({ node, target, kind: 'outline', clips: null });
    schedule();
    return [node];
  }

  function pin(node: HTMLElement, target: PageTarget, kind: PinKind): void {
    layer.append(node);
    drawn.push({ node, target, kind, clips: null });
    if (kind === 'chip') resizeObserver?.observe(target.element);
    schedule();
  }

  function schedule(): void {
    if (frame || signal.aborted) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      layout();
    });
  }

  /** All reads first, then all writes: one layout per frame however many marks there are. */
  function layout(): void {
    const scroll = { x: view.scrollX, y: view.scrollY };
    const documentWidth = doc.documentElement.scrollWidth;
    const rectCache = new Map<Element, Box>();
    const rectOf = (el: Element): Box => {
      let rect = rectCache.get(el);
      if (!rect) rectCache.set(el, (rect = el.getBoundingClientRect()));
      return rect;
    };
    const clipCache = new Map<Element, Element[]>();
    const clipsOf = (el: Element): Element[] => {
      const table = el.closest('table') ?? el;
      let clips = clipCache.get(table);
      if (!clips) clipCache.set(table, (clips = scrollableAncestors(table)));
      return clips;
    };
    const boxes = drawn.map((d) => {
      d.clips ??= clipsOf(d.target.element);
      if (!d.target.element.isConnected) return null;
      const rect = d.kind === 'chip' ? rectOf(d.target.element) : d.target.range ? firstRect(d.target) : rectOf(d.target.element);
      if (rect.width === 0 && rect.height === 0) return null;
      const visible = clipToAncestors(rect, d.clips.map(rectOf));
      return visible ? toDocumentBox(visible, scroll) : null;
    });
    const sizes = drawn.map((d) => (d.kind === 'chip' || d.kind === 'trend' ? { width: d.node.offsetWidth, height: d.node.offsetHeight } : null));
    // Where a number starts inside its cell: a trend tag fits in the free space to its left.
    const textLefts = drawn.map((d) => {
      if (d.kind !== 'trend') return null;
      const range = rangeOverContents(d.target.element);
      const r = range?.getBoundingClientRect?.();
      return r && r.width > 0 ? r.left + scroll.x : null;
    });

    drawn.forEach((d, i) => {
      const box = boxes[i];
      d.node.hidden = !box;
      if (!box) return;
      switch (d.kind) {
        case 'outline':
          place(d.node, box.left, box.top, box.width, box.height);
          break;
        case 'badge': {
          const at = badgePosition(box, BADGE, documentWidth);
          // On a sentence the badge sits above the end of its first line, clear of the characters.
          place(d.node, d.target.range ? Math.min(box.left + box.width - BADGE.width / 2, documentWidth - BADGE.width) : at.left, d.target.range ? Math.max(0, box.top - BADGE.height + 3) : at.top);
          break;
        }
        case 'chip': {
          const at = chipPosition(box, sizes[i]!);
          place(d.node, at.left, at.top);
          break;
        }
        case 'trend': {
          const size = sizes[i]!;
          d.fullWidth ??= size.width;
          const free = (textLefts[i] ?? box.left + box.width) - box.left;
          const full = free >= d.fullWidth + 4;
          const iconOnly = !full && free >= 16;
          // Inside the cell's left edge, beside the right-aligned number: with its figures when they
          // fit, else the arrow alone; a cell the number fills gets a small arrow in its top-left
          // corner (over the cell's padding, never over a header or a neighbour). The words are on hover and focus.
          d.node.classList.toggle('icon-only', iconOnly);
          d.node.classList.toggle('corner', !full && !iconOnly);
          if (full || iconOnly) place(d.node, box.left + 2, box.top + (box.height - (full ? size.height : 14)) / 2);
          else place(d.node, box.left + 1, box.top + 1);
          break;
        }
      }
    });
  }

  function place(node: HTMLElement, left: number, top: number, width?: number, height?: number): void {
    node.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    if (width !== undefined) node.style.width = `${Math.round(width)}px`;
    if (height !== undefined) node.style.height = `${Math.round(height)}px`;
  }

  function highlight(name: HighlightName, targets: PageTarget[]): void {
    highlights.set(name, targets.map((t) => t.range ?? rangeOverContents(t.element)).filter((r): r is Range => r !== null));
  }

  function remove(nodes: readonly HTMLElement[]): void {
    const gone = new Set(nodes);
    for (const node of nodes) node.remove();
    drawn = drawn.filter((d) => !gone.has(d.node));
  }

  function clear(): void {
    for (const d of drawn) d.node.remove();
    drawn = [];
    resizeObserver?.disconnect();
    if (doc.body) resizeObserver?.observe(doc.body);
    for (const name of ['error', 'warning', 'info', 'related'] as const) highlights.clear(name);
  }

  function destroy(): void {
    if (frame) view.cancelAnimationFrame(frame);
    frame = 0;
    resizeObserver?.disconnect();
    highlights.destroy();
    drawn = [];
  }

  return {
    doc,
    anchor,
    compare,
    showsValue: (target) => /\S/.test(target.element.textContent ?? ''),
    outline,
    pin,
    highlight,
    scrollTo(target, smooth) {
      target.element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    },
    rect(target) {
      return target.element.isConnected ? firstRect(target) : null;
    },
    float(node, left, top) {
      place(node, left + view.scrollX, top + view.scrollY);
    },
    obstacles: () => obstacles(),
    setObstacles(boxes) {
      obstacles = boxes;
    },
    setPassed(ranges) {
      highlights.set(
        'passed',
        ranges.flatMap(({ anchor: id, start, end }) => {
          const element = elements().get(id);
          const range = element ? rangeOverText(element, start, end) : null;
          return range ? [range] : [];
        }),
      );
    },
    clear,
    remove,
    schedule,
    destroy,
  };
}
