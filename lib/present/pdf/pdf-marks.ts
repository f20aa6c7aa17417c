import type { PdfGeometry, PdfRect } from '../../extract/pdf/types';
import type { Finding, Location, Report } from '../../engine/report/schema';
import { findingNode, markBadge } from '../page/finding-node';
import { anchorOf, chipsOf, chipText, locationLabel, marksOf, relatedAnchors, tableAnchorMap, trendsOf, worstOf, type Mark } from '../page/marks';
import { chipAnchor, compareRects, markRects } from './geometry';
import type { PageView } from './pages';

/**
 * Findings drawn over the viewer's pages: the same marks, badges (✕ ! i), chips, trends and
 * tooltips as the HTML overlay (lib/present/page/marks, labels, finding-node and its CSS), placed at
 * the rectangles PDF extraction measured. Positions are PDF points × --total-scale-factor, so
 * zooming moves everything without a relayout.
 */

export interface PdfMarksInput {
  report: Report;
  geometry: PdfGeometry;
  showInfo: boolean;
  /** The text of a cell or block, to leave blank operands out of highlights. */
  textOf: (anchor: string) => string | undefined;
}

export interface PdfMarks {
  render(input: PdfMarksInput): void;
  scrollToFinding(findingId: string): boolean;
  /** Moves to the next (+1) or previous (−1) marked place, in reading order. */
  step(direction: 1 | -1): void;
  readonly count: number;
  destroy(): void;
}

interface Entry {
  mark: Mark;
  rects: PdfRect[];
  boxes: HTMLElement[];
  badge: HTMLButtonElement;
}

const FLASH_MS = 2600;

export function createPdfMarks(pages: PageView, tip: HTMLElement, signal: AbortSignal, onStep?: (index: number, total: number) => void): PdfMarks {
  const doc = tip.ownerDocument;
  const view = doc.defaultView!;
  let entries: Entry[] = [];
  let drawn: HTMLElement[] = [];
  let related: HTMLElement[] = [];
  let input: PdfMarksInput | null = null;
  let tables = new Map<string, string>();
  let shownFor: Entry | null = null;
  let pinned = false;
  let index = -1;
  let flashTimer = 0;
  const events = new AbortController();
  signal.addEventListener('abort', () => destroy(), { once: true });
  doc.addEventListener('keydown', (event) => { if (event.key === 'Escape') hideTip(true); }, { signal: events.signal });
  doc.addEventListener('pointerdown', (event) => {
    if (pinned && !tip.contains(event.target as Node) && !(event.target as HTMLElement).classList?.contains('badge')) hideTip(true);
  }, { signal: events.signal });

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

  function render(next: PdfMarksInput): void {
    input = next;
    hideTip(true);
    for (const node of drawn) node.remove();
    drawn = [];
    entries = [];
    index = -1;
    tables = tableAnchorMap(next.report);

    for (const mark of marksOf(next.report, { showInfo: next.showInfo })) {
      const rects = markRects(mark, next.geometry);
      if (!rects.length) continue;
      const sentence = Boolean(mark.text) && next.geometry.spans.has(mark.anchor);
      const boxes = rects.map((rect) => {
        const box = doc.createElement('div');
        box.className = `mark ${mark.severity}${mark.reading ? ' reading' : ''}${sentence ? ' sentence' : ''}`;
        box.dataset.anchor = mark.anchor;
        place(box, rect);
        addTo(rect.page, box);
        return box;
      });
      const first = rects[0]!;
      const badge = markBadge(doc, mark);
      // Straddles the top-right corner of the cell (or the sentence's first line), like on HTML pages.
      place(badge, { x: first.x + first.width, y: first.y }, -11, -9);
      const entry: Entry = { mark, rects, boxes, badge };
      badge.addEventListener('pointerenter', () => { if (!pinned) showTip(entry); }, { signal: events.signal });
      badge.addEventListener('pointerleave', () => { if (!pinned) hideTip(false); }, { signal: events.signal });
      badge.addEventListener('focus', () => { if (!pinned) showTip(entry); }, { signal: events.signal });
      badge.addEventListener('click', () => {
        index = entries.indexOf(entry);
        onStep?.(index, entries.length);
        showTip(entry, true);
      }, { signal: events.signal });
      entries.push(entry);
    }
    entries.sort((a, b) => compareRects(a.rects[0]!, b.rects[0]!));
    // Badges after boxes, in reading order: the tab order follows the document.
    for (const entry of entries) addTo(entry.rects[0]!.page, entry.badge);

    for (const chip of chipsOf(next.report, { showInfo: next.showInfo })) {
      const rect = chipAnchor(chip, next.geometry);
      if (!rect) continue;
      const node = doc.createElement('div');
      const worst = worstOf(chip.counts);
      node.className = `chip${worst ? ` ${worst}` : ''}`;
      node.setAttribute('role', 'status');
      node.title = chip.title;
      node.dataset.table = chip.tableId;
      const dot = doc.createElement('span');
      dot.className = 'dot';
      const text = doc.createElement('span');
      text.textContent = chipText(chip.counts);
      node.append(dot, text);
      place(node, { x: rect.x + rect.width, y: rect.y + rect.height }, 0, 3);
      addTo(rect.page, node);
    }

    for (const trend of trendsOf(next.report)) {
      const rect = next.geometry.boxes.get(trend.anchor)?.[0];
      if (!rect) continue;
      const node = doc.createElement('span');
      node.className = `trend ${trend.direction}`;
      node.textContent = trend.text;
      node.title = trend.title;
      node.setAttribute('aria-label', trend.title);
      place(node, { x: rect.x + rect.width, y: rect.y }, 0, -14);
      addTo(rect.page, node);
    }
    onStep?.(index, entries.length);
  }

  function showsValue(location: Location): boolean {
    const text = location.anchor ? input?.textOf(location.anchor) : undefined;
    return text === undefined || /\S/.test(text);
  }

  function showTip(entry: Entry, pin = false): void {
    if (shownFor !== entry) {
      hideTip(true);
      shownFor = entry;
      tip.replaceChildren(...entry.mark.findings.map((f) => findingNode(doc, f, showsValue)));
      showRelated(entry);
    }
    pinned = pin;
    tip.classList.toggle('pinned', pin);
    tip.querySelector('.tip-actions')?.remove();
    if (pin) tip.append(pinnedActions(entry));
    tip.hidden = false;
    entry.badge.setAttribute('aria-describedby', tip.id);
    const badge = entry.badge.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    let left = Math.min(badge.right + 6, view.innerWidth - width - 8);
    let top = badge.bottom + 6;
    if (top + height > view.innerHeight - 8) top = Math.max(badge.top - height - 6, 8);
    left = Math.max(left, 8);
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  /** When a badge is clicked: step between findings and visit the related cells. */
  function pinnedActions(entry: Entry): HTMLElement {
    const bar = doc.createElement('div');
    bar.className = 'tip-actions';
    const button = (label: string, action: () => void) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', action);
      return b;
    };
    bar.append(button('上一处', () => step(-1)), button('下一处', () => step(1)));
    const seen = new Set<string>();
    for (const finding of entry.mark.findings) {
      for (const loc of finding.related.filter(showsValue)) {
        const anchor = anchorOf(loc, tables);
        const rect = anchor ? input?.geometry.boxes.get(anchor)?.[0] : undefined;
        if (!anchor || !rect || seen.has(anchor) || seen.size >= 8) continue;
        seen.add(anchor);
        const b = button(`→ ${locationLabel(loc)}`, () => {
          pages.scrollToRect(rect);
          flashRelated(anchor);
        });
        b.className = 'related-link';
        bar.append(b);
      }
    }
    return bar;
  }

  function showRelated(entry: Entry): void {
    if (!input) return;
    const anchors = new Set(entry.mark.findings.flatMap((f: Finding) => relatedAnchors(f, tables)));
    for (const anchor of anchors) {
      const text = input.textOf(anchor);
      if (text !== undefined && !/\S/.test(text)) continue;
      for (const rect of input.geometry.boxes.get(anchor) ?? []) {
        const node = doc.createElement('div');
        node.className = 'related';
        node.dataset.anchor = anchor;
        place(node, rect);
        if (addTo(rect.page, node)) related.push(node);
      }
    }
  }

  function flashRelated(anchor: string): void {
    for (const node of related) {
      if (node.dataset.anchor !== anchor) continue;
      node.classList.remove('flash');
      void node.offsetWidth;
      node.classList.add('flash');
    }
  }

  function hideTip(force: boolean): void {
    if (pinned && !force) return;
    pinned = false;
    tip.classList.remove('pinned');
    shownFor?.badge.removeAttribute('aria-describedby');
    shownFor = null;
    tip.hidden = true;
    for (const node of related) node.remove();
    drawn = drawn.filter((n) => !related.includes(n));
    related = [];
  }

  function visit(entry: Entry): void {
    pages.scrollToRect(entry.rects[0]!);
    for (const box of entry.boxes) {
      box.classList.remove('flash');
      void box.offsetWidth; // restart the animation when the same place is visited twice
      box.classList.add('flash');
    }
    view.clearTimeout(flashTimer);
    flashTimer = view.setTimeout(() => entry.boxes.forEach((b) => b.classList.remove('flash')), FLASH_MS);
    // Show the arithmetic once the scroll has settled.
    view.requestAnimationFrame(() => {
      if (events.signal.aborted) return;
      showTip(entry, true);
      entry.badge.focus({ preventScroll: true });
    });
  }

  function step(direction: 1 | -1): void {
    if (!entries.length) return;
    index = index < 0 ? (direction > 0 ? 0 : entries.length - 1) : (index + direction + entries.length) % entries.length;
    onStep?.(index, entries.length);
    visit(entries[index]!);
  }

  function scrollToFinding(findingId: string): boolean {
    const at = entries.findIndex((e) => e.mark.findings.some((f) => f.id === findingId));
    if (at >= 0) {
      index = at;
      onStep?.(index, entries.length);
      visit(entries[at]!);
      return true;
    }
    // Not drawn (a rounding note while those are hidden, or no rectangle): scroll to its table at least.
    const finding = input?.report.findings.find((f) => f.id === findingId);
    const anchor = finding ? anchorOf(finding.location, tables) : undefined;
    const rect = anchor ? input?.geometry.boxes.get(anchor)?.[0] : undefined;
    if (!rect) return false;
    pages.scrollToRect(rect);
    return true;
  }

  function destroy(): void {
    events.abort();
    view.clearTimeout(flashTimer);
    for (const node of drawn) node.remove();
    drawn = [];
    entries = [];
    tip.hidden = true;
  }

  return {
    render,
    scrollToFinding,
    step,
    get count() {
      return entries.length;
    },
    destroy,
  };
}
