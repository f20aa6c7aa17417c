import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import type { PdfRect } from '../../extract/pdf/types';

/**
 * The viewer's pages: one placeholder per page sized from its viewport, rendered (canvas + text
 * layer) only when it comes near the screen, and freed again when many are rendered. Everything
 * positioned on a page uses PDF points times the CSS variable --total-scale-factor (the name
 * pdf.js's TextLayer reads), so zooming only changes one variable and re-renders visible pages.
 */

export interface PageSize {
  width: number;
  height: number;
}

export interface PageText {
  /** The text layer's spans, one per pdf.js text item, and the items' strings. */
  divs: readonly HTMLElement[];
  items: readonly string[];
}

export interface PageView {
  readonly count: number;
  readonly scale: number;
  setScale(scale: number): void;
  /** The scale at which the widest page fills the container's width. */
  fitWidthScale(): number;
  /** The layer for marks above page n (1-based), positioned in points × scale. */
  marksLayer(page: number): HTMLElement | null;
  currentPage(): number;
  goToPage(page: number): void;
  /** Scrolls a rectangle into the middle of the view. */
  scrollToRect(rect: PdfRect): void;
  /** Renders page n if needed and returns its text layer. */
  textOf(page: number): Promise<PageText | null>;
  /** The strings of page n's text items (no rendering), cached. */
  itemsOf(page: number): Promise<string[]>;
  /** Resolves once the first page is on screen (or could not be drawn). */
  readonly firstDrawn: Promise<void>;
  destroy(): void;
}

export interface PageViewOptions {
  /** The scrolling element; pages are appended to `container`. */
  scroller: HTMLElement;
  container: HTMLElement;
  scale: number;
  signal: AbortSignal;
  onPageChange?: (page: number) => void;
  /** Pages rendered at once before the farthest are freed. */
  maxRendered?: number;
}

interface Slot {
  number: number;
  size: PageSize;
  element: HTMLDivElement;
  canvas: HTMLCanvasElement | null;
  textLayer: HTMLDivElement;
  marks: HTMLDivElement;
  renderedScale: number;
  rendering: Promise<void> | null;
  task: RenderTask | null;
  layer: TextLayer | null;
  text: PageText | null;
  visible: boolean;
}

const GAP = 12;

/**
 * Pages whose size is read before the view appears: only the first, so it shows at once; the
 * others take their predecessor's size and get their own in the background (up to SIZED_PAGES).
 */
const EAGER_SIZES = 1;
const SIZED_PAGES = 200;
const A4 = { width: 595.28, height: 841.89 };

/** Reads the first page's size, lays out placeholders, and reads the other sizes in the background. */
export async function createPageView(pdf: PDFDocumentProxy, options: PageViewOptions): Promise<PageView> {
  const { scroller, container, signal } = options;
  const doc = container.ownerDocument;
  const view = doc.defaultView!;
  const maxRendered = options.maxRendered ?? 10;
  let scale = options.scale;
  let current = 1;
  const itemsCache = new Map<number, Promise<string[]>>();

  const slots: Slot[] = [];
  let size: PageSize = A4;
  for (let n = 1; n <= pdf.numPages; n++) {
    if (signal.aborted) break;
    if (n <= EAGER_SIZES) {
      try {
        const viewport = (await pdf.getPage(n)).getViewport({ scale: 1 });
        size = { width: viewport.width, height: viewport.height };
      } catch {
        // A broken page keeps its predecessor's size; drawing it will say it cannot be shown.
      }
    }
    const element = doc.createElement('div');
    element.className = 'page';
    element.dataset.page = String(n);
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', `第 ${n} 页`);
    sizeElement(element, size);
    const textLayer = doc.createElement('div');
    textLayer.className = 'textLayer';
    const marks = doc.createElement('div');
    marks.className = 'marks';
    element.append(textLayer, marks);
    container.append(element);
    slots.push({ number: n, size, element, canvas: null, textLayer, marks, renderedScale: 0, rendering: null, task: null, layer: null, text: null, visible: false });
  }
  container.style.setProperty('--total-scale-factor', String(scale));
  let markFirstDrawn: () => void = () => {};
  const firstDrawn = new Promise<void>((resolve) => (markFirstDrawn = resolve));
  void fillSizes();

  const observer = new view.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const slot = slots[Number((entry.target as HTMLElement).dataset.page) - 1];
        if (!slot) continue;
        slot.visible = entry.isIntersecting;
        if (slot.visible) void render(slot).catch((error: unknown) => showBroken(slot, error));
      }
    },
    // Render a screen ahead and behind, so scrolling rarely shows a blank page.
    { root: scroller, rootMargin: '100% 0px' },
  );
  for (const slot of slots) observer.observe(slot.element);

  const onScroll = () => {
    const page = pageAtMiddle();
    if (page !== current) {
      current = page;
      options.onPageChange?.(page);
    }
  };
  scroller.addEventListener('scroll', onScroll, { passive: true, signal });
  signal.addEventListener('abort', () => destroy(), { once: true });

  function sizeElement(element: HTMLElement, of: PageSize): void {
    element.style.width = `calc(var(--total-scale-factor) * ${of.width}px)`;
    element.style.height = `calc(var(--total-scale-factor) * ${of.height}px)`;
  }

  /** The real sizes of the pages after the first (one cheap call each), once the first page is drawn. */
  async function fillSizes(): Promise<void> {
    await firstDrawn;
    let previous = slots[0]?.size ?? A4;
    for (const slot of slots.slice(EAGER_SIZES, SIZED_PAGES)) {
      if (signal.aborted) return;
      try {
        const viewport = (await pdf.getPage(slot.number)).getViewport({ scale: 1 });
        previous = { width: viewport.width, height: viewport.height };
      } catch {
        // A broken page keeps its predecessor's size; drawing it will say it cannot be shown.
      }
      if (slot.renderedScale === 0 && (slot.size.width !== previous.width || slot.size.height !== previous.height)) {
        slot.size = previous;
        sizeElement(slot.element, previous);
      }
    }
  }

  function showBroken(slot: Slot, error: unknown): void {
    if (slot.number === 1) markFirstDrawn();
    if (signal.aborted || slot.element.querySelector('.broken')) return;
    console.warn('[预算透镜] page cannot be drawn', slot.number, error);
    const note = doc.createElement('p');
    note.className = 'broken';
    note.textContent = `第 ${slot.number} 页无法显示`;
    slot.element.append(note);
  }

  function pageAtMiddle(): number {
    const middle = scroller.scrollTop + scroller.clientHeight / 2;
    // Offsets grow with the page number: binary search.
    let lo = 0;
    let hi = slots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (slots[mid]!.element.offsetTop <= middle) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  async function render(slot: Slot): Promise<void> {
    if (signal.aborted || slot.renderedScale === scale) return;
    if (slot.rendering) {
      await slot.rendering;
      if (slot.renderedScale !== scale) return render(slot);
      return;
    }
    slot.rendering = draw(slot).finally(() => {
      slot.rendering = null;
    });
    await slot.rendering;
    freeFarPages();
  }

  async function draw(slot: Slot): Promise<void> {
    const target = scale;
    const page = await pdf.getPage(slot.number);
    const viewport = page.getViewport({ scale: target });
    const own = page.getViewport({ scale: 1 });
    if (own.width !== slot.size.width || own.height !== slot.size.height) {
      slot.size = { width: own.width, height: own.height };
      sizeElement(slot.element, slot.size);
    }
    const ratio = view.devicePixelRatio || 1;
    const canvas = doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.className = 'canvas';
    const context = canvas.getContext('2d');
    if (!context) return;
    slot.task = page.render({ canvas, canvasContext: context, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
    try {
      await slot.task.promise;
    } catch (error) {
      if ((error as Error)?.name === 'RenderingCancelledException') return;
      throw error;
    } finally {
      slot.task = null;
    }
    if (signal.aborted) return;
    slot.canvas?.remove();
    slot.canvas = canvas;
    slot.element.prepend(canvas);
    if (slot.number === 1) markFirstDrawn();
    if (!slot.layer) {
      const layer = new TextLayer({ textContentSource: page.streamTextContent(), container: slot.textLayer, viewport });
      slot.layer = layer;
      await layer.render();
      slot.text = { divs: layer.textDivs as HTMLElement[], items: layer.textContentItemsStr };
    } else {
      slot.layer.update({ viewport });
    }
    slot.renderedScale = target;
  }

  /** Keeps memory bounded on long documents: the canvases of pages far from the view go. */
  function freeFarPages(): void {
    const rendered = slots.filter((s) => s.canvas && !s.visible);
    const excess = slots.filter((s) => s.canvas).length - maxRendered;
    if (excess <= 0) return;
    rendered.sort((a, b) => Math.abs(b.number - current) - Math.abs(a.number - current));
    for (const slot of rendered.slice(0, excess)) {
      slot.task?.cancel();
      slot.canvas!.width = slot.canvas!.height = 0;
      slot.canvas!.remove();
      slot.canvas = null;
      slot.renderedScale = 0;
    }
  }

  function setScale(next: number): void {
    const clamped = Math.min(Math.max(next, 0.25), 5);
    if (clamped === scale) return;
    // Keep the same point of the same page in view.
    const slot = slots[current - 1];
    const within = slot ? (scroller.scrollTop - slot.element.offsetTop) / Math.max(slot.element.offsetHeight, 1) : 0;
    scale = clamped;
    container.style.setProperty('--total-scale-factor', String(scale));
    if (slot) scroller.scrollTop = slot.element.offsetTop + within * slot.element.offsetHeight;
    for (const s of slots) {
      s.task?.cancel();
      if (s.visible) void render(s).catch((error: unknown) => showBroken(s, error));
    }
  }

  function fitWidthScale(): number {
    const widest = Math.max(...slots.map((s) => s.size.width), 1);
    const style = view.getComputedStyle(container);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    return Math.max((scroller.clientWidth - padding - 2 * GAP) / widest, 0.25);
  }

  function goToPage(page: number): void {
    const slot = slots[Math.min(Math.max(Math.round(page), 1), slots.length) - 1];
    if (!slot) return;
    scroller.scrollTop = slot.element.offsetTop - GAP;
    current = slot.number;
    options.onPageChange?.(slot.number);
  }

  function scrollToRect(rect: PdfRect): void {
    const slot = slots[rect.page - 1];
    if (!slot) return;
    const top = slot.element.offsetTop + rect.y * scale;
    const left = slot.element.offsetLeft + rect.x * scale;
    scroller.scrollTo({ top: top - scroller.clientHeight / 2 + (rect.height * scale) / 2, left: Math.max(left - scroller.clientWidth / 2, 0) });
  }

  async function textOf(page: number): Promise<PageText | null> {
    const slot = slots[page - 1];
    if (!slot) return null;
    if (!slot.text || slot.renderedScale !== scale) await render(slot).catch((error: unknown) => showBroken(slot, error));
    return slot.text;
  }

  function itemsOf(page: number): Promise<string[]> {
    let items = itemsCache.get(page);
    if (!items) {
      items = pdf
        .getPage(page)
        .then((p) => p.getTextContent())
        .then((content) => content.items.flatMap((item) => ('str' in item ? [item.str] : [])));
      itemsCache.set(page, items);
    }
    return items;
  }

  function destroy(): void {
    observer.disconnect();
    for (const slot of slots) {
      slot.task?.cancel();
      slot.layer?.cancel();
    }
  }

  return {
    count: slots.length,
    get scale() {
      return scale;
    },
    setScale,
    fitWidthScale,
    marksLayer: (page) => slots[page - 1]?.marks ?? null,
    currentPage: () => current,
    goToPage,
    scrollToRect,
    textOf,
    itemsOf,
    firstDrawn,
    destroy,
  };
}
