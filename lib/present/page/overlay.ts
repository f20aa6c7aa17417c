import type { Finding, Report } from '../../engine/report/schema';
import { badgePosition, chipPosition, clipToAncestors, toDocumentBox, tooltipPosition, type Box } from './geometry';
import { createHighlights, rangeOverContents, rangeOverText } from './highlights';
import { findingNode, markBadge } from './finding-node';
import { anchorOf, chipsOf, chipText, marksOf, passedRanges, relatedAnchors, tableAnchorMap, trendsOf, worstOf, type Mark } from './marks';
import { scrollableAncestors } from './scroll-ancestors';
import { OVERLAY_CSS } from './styles';

/**
 * The page overlay: one `<budget-lens-overlay>` host appended to <html>, with an open shadow
 * root holding every mark, badge, chip and the tooltip. Nothing is inserted into the page's
 * tables; page text only ever reaches the DOM through textContent.
 */

export const OVERLAY_TAG = 'budget-lens-overlay';

export interface RenderInput {
  report: Report;
  /** Anchor → element, from extraction. */
  elements: ReadonlyMap<string, Element>;
  showInfo: boolean;
  /** Underline the text claims that checked out ("显示核对无误的内容"). */
  showPassed?: boolean;
}

export interface Overlay {
  readonly host: HTMLElement;
  render(input: RenderInput): void;
  /** Scrolls a finding's cell into view and flashes it; false when it is not on the page. */
  scrollToFinding(findingId: string): boolean;
  destroy(): void;
}

interface MarkEntry {
  mark: Mark;
  target: Element;
  range: Range | null;
  box: HTMLElement;
  badge: HTMLButtonElement;
  /** Clipping ancestors, found in the first layout frame (reading styles forces a style recalc). */
  clips: Element[] | null;
}

interface TrendEntry {
  target: Element;
  node: HTMLElement;
  clips: Element[] | null;
}

interface ChipEntry {
  table: Element;
  node: HTMLElement;
  clips: Element[] | null;
}

const BADGE = { width: 18, height: 18 };
const FLASH_MS = 2600;

export function createOverlay(doc: Document, signal: AbortSignal): Overlay {
  const view = doc.defaultView!;
  const events = new AbortController();
  const on = { signal: events.signal, passive: true } as const;
  signal.addEventListener('abort', () => destroy(), { once: true });

  const host = doc.createElement(OVERLAY_TAG);
  // The host's own look cannot depend on page CSS: inline !important beats any page selector.
  host.setAttribute('style', 'all: initial !important; position: absolute !important; left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important; pointer-events: none !important; z-index: 2147483646 !important;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.id = 'budget-lens-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  shadow.append(style, layer, tip);

  const highlights = createHighlights(doc);
  let marks: MarkEntry[] = [];
  let chips: ChipEntry[] = [];
  let trends: TrendEntry[] = [];
  let relatedBoxes: { target: Element; node: HTMLElement }[] = [];
  let input: RenderInput | null = null;
  let tables = new Map<string, string>();
  let frame = 0;
  let shownFor: MarkEntry | null = null;
  let flashTimer = 0;

  const resizeObserver = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(() => schedule()) : null;
  view.addEventListener('resize', schedule, on);
  // Window scrolling moves the layer with the document; only inner scroll containers need work.
  doc.addEventListener('scroll', (event) => { if (event.target !== doc) schedule(); }, { ...on, capture: true });
  doc.addEventListener('keydown', (event) => { if (event.key === 'Escape' && shownFor) hideTip(); }, on);

  function render(next: RenderInput): void {
    if (events.signal.aborted) return;
    input = next;
    if (!host.isConnected) doc.documentElement.appendChild(host);
    hideTip();
    layer.replaceChildren();
    resizeObserver?.disconnect();
    tables = tableAnchorMap(next.report);

    highlights.set(
      'passed',
      next.showPassed
        ? passedRanges(next.report).flatMap(({ anchor, start, end }) => {
          const element = next.elements.get(anchor);
          const range = element ? rangeOverText(element, start, end) : null;
          return range ? [range] : [];
        })
        : [],
    );

    marks = [];
    for (const mark of marksOf(next.report, { showInfo: next.showInfo })) {
      const target = next.elements.get(mark.anchor);
      if (!target) continue;
      const box = doc.createElement('div');
      box.className = `mark ${mark.severity}${mark.reading ? ' reading' : ''}`;
      const badge = markBadge(doc, mark);
      const entry: MarkEntry = { mark, target, range: mark.text ? rangeOverText(target, mark.text.start, mark.text.end) : null, box, badge, clips: null };
      badge.addEventListener('pointerenter', () => showTip(entry), on);
      badge.addEventListener('pointerleave', () => { if (shadow.activeElement !== badge) hideTip(); }, on);
      badge.addEventListener('focus', () => showTip(entry), on);
      badge.addEventListener('blur', () => hideTip(), on);
      badge.addEventListener('click', () => jumpToRelated(entry), { signal: events.signal });
      marks.push(entry);
    }
    // Tab order follows the page's reading order.
    marks.sort((a, b) => (a.target.compareDocumentPosition(b.target) & 4 /* FOLLOWING */ ? -1 : a.target === b.target ? 0 : 1));
    for (const entry of marks) layer.append(entry.box);
    for (const entry of marks) layer.append(entry.badge);

    chips = [];
    const seenTables = new Set<Element>();
    for (const chip of chipsOf(next.report, { showInfo: next.showInfo })) {
      const table = next.elements.get(chip.anchor);
      if (!table || seenTables.has(table)) continue;
      seenTables.add(table);
      const node = doc.createElement('div');
      const worst = worstOf(chip.counts);
      node.className = `chip${worst ? ` ${worst}` : ''}`;
      node.setAttribute('role', 'status');
      node.title = chip.title ? `${chip.title}` : '';
      const dot = doc.createElement('span');
      dot.className = 'dot';
      const text = doc.createElement('span');
      text.textContent = chipText(chip.counts);
      node.append(dot, text);
      node.dataset.table = chip.tableId;
      layer.append(node);
      chips.push({ table, node, clips: null });
      resizeObserver?.observe(table);
    }
    if (doc.body) resizeObserver?.observe(doc.body);

    trends = [];
    for (const trend of trendsOf(next.report)) {
      const target = next.elements.get(trend.anchor);
      if (!target) continue;
      const node = doc.createElement('span');
      node.className = `trend ${trend.direction}`;
      node.textContent = trend.text;
      node.title = trend.title;
      node.setAttribute('aria-label', trend.title);
      layer.append(node);
      trends.push({ target, node, clips: null });
    }

    for (const severity of ['error', 'warning', 'info'] as const) {
      highlights.set(
        severity,
        marks.filter((m) => m.mark.severity === severity).map((m) => m.range ?? rangeOverContents(m.target)).filter((r): r is Range => r !== null),
      );
    }
    schedule();
  }

  function schedule(): void {
    if (frame || events.signal.aborted) return;
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
    for (const entry of marks) entry.clips ??= clipsOf(entry.target);
    for (const entry of chips) entry.clips ??= clipsOf(entry.table);
    for (const entry of trends) entry.clips ??= clipsOf(entry.target);
    const visibleBox = (rect: Box, clips: Element[] | null): Box | null => {
      if (rect.width === 0 && rect.height === 0) return null;
      const visible = clipToAncestors(rect, (clips ?? []).map(rectOf));
      return visible ? toDocumentBox(visible, scroll) : null;
    };
    const markBoxes = marks.map((m) => (m.target.isConnected ? visibleBox(firstRect(m), m.clips) : null));
    const chipBoxes = chips.map((c) => (c.table.isConnected ? visibleBox(rectOf(c.table), c.clips) : null));
    const chipSizes = chips.map((c) => ({ width: c.node.offsetWidth, height: c.node.offsetHeight }));
    const trendBoxes = trends.map((t) => (t.target.isConnected ? visibleBox(rectOf(t.target), t.clips) : null));
    const trendWidths = trends.map((t) => t.node.offsetWidth);

    marks.forEach((entry, i) => {
      const box = markBoxes[i];
      entry.box.hidden = entry.badge.hidden = !box;
      if (!box) return;
      place(entry.box, box.left, box.top, box.width, box.height);
      const at = badgePosition(box, BADGE, documentWidth);
      place(entry.badge, at.left, at.top);
    });
    chips.forEach((entry, i) => {
      const box = chipBoxes[i];
      entry.node.hidden = !box;
      if (!box) return;
      const at = chipPosition(box, chipSizes[i]!);
      place(entry.node, at.left, at.top);
    });
    // A trend sits in the cell's top-right corner, inside it, so it never covers a neighbour.
    trends.forEach((entry, i) => {
      const box = trendBoxes[i];
      entry.node.hidden = !box;
      if (!box) return;
      place(entry.node, box.left + box.width - (trendWidths[i] ?? 0) - 1, box.top - 14);
    });
    if (relatedBoxes.length) placeRelated();
  }

  function firstRect(entry: MarkEntry): Box {
    if (entry.range) {
      const first = entry.range.getClientRects()[0];
      if (first) return first;
    }
    return entry.target.getBoundingClientRect();
  }

  function place(node: HTMLElement, left: number, top: number, width?: number, height?: number): void {
    node.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    if (width !== undefined) node.style.width = `${Math.round(width)}px`;
    if (height !== undefined) node.style.height = `${Math.round(height)}px`;
  }

  function showTip(entry: MarkEntry): void {
    if (shownFor === entry) return;
    shownFor = entry;
    tip.replaceChildren(...entry.mark.findings.map(findingNodeOf));
    tip.hidden = false;
    entry.badge.setAttribute('aria-describedby', tip.id);
    showRelated(entry);
    if (relatedBoxes.length) {
      const hint = doc.createElement('div');
      hint.className = 'hint';
      hint.textContent = `点击标记可依次跳到 ${relatedBoxes.length} 个相关单元格`;
      tip.append(hint);
    }
    // Anchor on the badge across, and on badge + cell down, so the tip never hides the cell itself.
    const badgeRect = entry.badge.getBoundingClientRect();
    const cellRect = firstRect(entry);
    const top = Math.min(badgeRect.top, cellRect.top);
    const anchor = { left: badgeRect.left, top, width: badgeRect.width, height: Math.max(badgeRect.bottom, cellRect.top + cellRect.height) - top };
    const size = { width: tip.offsetWidth, height: tip.offsetHeight };
    const at = tooltipPosition(anchor, size, { width: view.innerWidth, height: view.innerHeight });
    place(tip, at.left + view.scrollX, at.top + view.scrollY);
  }

  function hideTip(): void {
    if (!shownFor) return;
    shownFor.badge.removeAttribute('aria-describedby');
    shownFor = null;
    tip.hidden = true;
    for (const r of relatedBoxes) r.node.remove();
    relatedBoxes = [];
    highlights.clear('related');
  }

  function findingNodeOf(finding: Finding): HTMLElement {
    // Operands the page shows blank add nothing to read.
    return findingNode(doc, finding, (loc) => {
      const el = loc.anchor ? input?.elements.get(loc.anchor) : undefined;
      return !el || /\S/.test(el.textContent ?? '');
    });
  }

  function showRelated(entry: MarkEntry): void {
    if (!input) return;
    const anchors = new Set(entry.mark.findings.flatMap((f) => relatedAnchors(f, tables)));
    // Blank operands add nothing to read and clutter wide tables: only cells showing a value.
    const targets = [...anchors]
      .map((a) => input!.elements.get(a))
      .filter((el): el is Element => Boolean(el) && /\S/.test(el!.textContent ?? ''));
    relatedBoxes = targets.map((target) => {
      const node = doc.createElement('div');
      node.className = 'related';
      layer.prepend(node);
      return { target, node };
    });
    highlights.set('related', targets.map(rangeOverContents).filter((r): r is Range => r !== null));
    placeRelated();
  }

  function placeRelated(): void {
    const scroll = { x: view.scrollX, y: view.scrollY };
    const boxes = relatedBoxes.map((r) => {
      const clips = scrollableAncestors(r.target.closest('table') ?? r.target).map((c) => c.getBoundingClientRect());
      const visible = clipToAncestors(r.target.getBoundingClientRect(), clips);
      return visible ? toDocumentBox(visible, scroll) : null;
    });
    relatedBoxes.forEach((r, i) => {
      const box = boxes[i];
      r.node.hidden = !box;
      if (box) place(r.node, box.left, box.top, box.width, box.height);
    });
  }

  /**
   * Clicking a badge steps through the cells its findings involve (the other table's cell of a
   * cross-table finding, the operands of a sum) and then back to the marked cell itself.
   */
  let jumpStep = 0;
  let jumpFrom: MarkEntry | null = null;
  function jumpToRelated(entry: MarkEntry): void {
    if (jumpFrom !== entry) {
      jumpFrom = entry;
      jumpStep = 0;
    }
    showTip(entry);
    const stops = [...relatedBoxes.map((r) => ({ target: r.target, node: r.node })), { target: entry.target, node: entry.box }];
    if (stops.length < 2) return;
    const stop = stops[jumpStep % stops.length]!;
    jumpStep += 1;
    const smooth = !view.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    stop.target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    stop.node.classList.remove('flash');
    void stop.node.offsetWidth; // restart the animation when the same cell is flashed twice
    stop.node.classList.add('flash');
    view.clearTimeout(flashTimer);
    flashTimer = view.setTimeout(() => stop.node.classList.remove('flash'), FLASH_MS);
  }

  function scrollToFinding(findingId: string): boolean {
    const entry = marks.find((m) => m.mark.findings.some((f) => f.id === findingId));
    const finding = input?.report.findings.find((f) => f.id === findingId);
    const anchor = finding ? anchorOf(finding.location, tables) : undefined;
    const target = entry?.target ?? (anchor ? input?.elements.get(anchor) : undefined);
    if (!target) return false;
    const smooth = !view.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    if (!entry) return true;
    entry.box.classList.remove('flash');
    void entry.box.offsetWidth; // restart the animation when the same cell is flashed twice
    entry.box.classList.add('flash');
    view.clearTimeout(flashTimer);
    flashTimer = view.setTimeout(() => entry.box.classList.remove('flash'), FLASH_MS);
    // Show the arithmetic once the scroll has settled, so the tooltip is placed in the final view.
    view.setTimeout(() => {
      if (events.signal.aborted) return;
      schedule();
      hideTip();
      showTip(entry);
      entry.badge.focus({ preventScroll: true });
    }, smooth ? 450 : 0);
    return true;
  }

  function destroy(): void {
    if (events.signal.aborted) return;
    events.abort();
    if (frame) view.cancelAnimationFrame(frame);
    view.clearTimeout(flashTimer);
    resizeObserver?.disconnect();
    highlights.destroy();
    host.remove();
    marks = [];
    chips = [];
    trends = [];
  }

  return { host, render, scrollToFinding, destroy };
}
