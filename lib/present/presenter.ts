import { h, render as renderPreact } from 'preact';
import type { Finding, Report } from '../engine/report/schema';
import { Tip } from '../../components/Tip';
import type { DismissKind } from '../../components/FindingCard';
import { t, type Lang } from './i18n';
import { SEVERITY_ICON, svgIcon } from './icons';
import { anchorOf, chipsOf, chipText, marksOf, relatedAnchors, tableAnchorMap, trendsOf, worstOf, type Mark } from './marks';
import { placeTip, union } from './placement';
import type { Surface } from './surface';
import { countsOf, findingKey, findingView, type Counts, type FindingView, type RelatedView } from './view-model';

/**
 * The one presenter of findings, for any surface (HTML page, PDF viewer): it decides what is
 * drawn — a mark and a badge per place, a chip per table, ▲/▼ tags — and how the reader moves
 * through it: hover or focus shows the tooltip, a click pins it with its actions, clicking again
 * steps through the related cells, step() goes from finding to finding in reading order.
 */

export interface FindingActions {
  copy?: (view: FindingView) => Promise<void> | void;
  link?: (view: FindingView) => Promise<void> | void;
  dismiss?: (view: FindingView, kind: DismissKind) => void;
}

export interface PresenterOptions {
  lang?: Lang;
  signal: AbortSignal;
  /** The tooltip element (hidden until needed), inside the surface's document or shadow root. */
  tip: HTMLElement;
  /** After every move: the position of the current finding (−1 when none) and how many there are. */
  onStep?: (index: number, total: number) => void;
  actions?: FindingActions;
  /** A line shown above the findings in the tooltip (the marks are out of date), or null. */
  note?: () => string | null;
}

export interface PresentInput {
  report: Report;
  /** Rounding notes drawn too (the popup lists them regardless). */
  showInfo: boolean;
  /** Keys of findings the reader dismissed on this document: not drawn. */
  hidden?: ReadonlySet<string>;
}

export interface Presenter {
  render(input: PresentInput): void;
  /** Scrolls to a finding by id (or its stable key) and shows it; false when it is not on this surface. */
  scrollToFinding(idOrKey: string): boolean;
  step(direction: 1 | -1): void;
  readonly count: number;
  /** Counts of the findings drawn (dismissed and hidden rounding notes left out). */
  counts(): Counts;
  hideTip(): void;
  destroy(): void;
}

interface Entry<T> {
  mark: Mark;
  target: T;
  boxes: HTMLElement[];
  badge: HTMLButtonElement;
  views: FindingView[];
}

const FLASH_MS = 2600;

export function createPresenter<T>(surface: Surface<T>, options: PresenterOptions): Presenter {
  const { tip } = options;
  const doc = surface.doc;
  const view = doc.defaultView!;
  const lang = options.lang ?? 'zh';
  const dict = t(lang);
  const events = new AbortController();
  let entries: Array<Entry<T>> = [];
  let report: Report | null = null;
  let tables = new Map<string, string>();
  let shownFor: Entry<T> | null = null;
  let pinned = false;
  let related: Array<{ target: T; nodes: HTMLElement[] }> = [];
  let index = -1;
  let jumpStep = 0;
  let flashTimer = 0;
  let settleTimer = 0;
  options.signal.addEventListener('abort', () => destroy(), { once: true });

  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shownFor) hideTip();
  }, { signal: events.signal });
  doc.addEventListener('pointerdown', (event) => {
    if (!pinned) return;
    const path = event.composedPath();
    if (path.includes(tip) || entries.some((e) => path.includes(e.badge))) return;
    hideTip();
  }, { signal: events.signal, capture: true });

  function render(next: PresentInput): void {
    if (events.signal.aborted) return;
    hideTip();
    surface.clear();
    entries = [];
    index = -1;
    const hidden = next.hidden;
    report = hidden?.size ? { ...next.report, findings: next.report.findings.filter((f) => !hidden.has(findingKey(f))) } : next.report;
    tables = tableAnchorMap(report);
    const viewOf = new Map<Finding, FindingView>();
    const viewFor = (f: Finding) => {
      let v = viewOf.get(f);
      if (!v) viewOf.set(f, (v = findingView(f, report!, lang)));
      return v;
    };

    for (const mark of marksOf(report, { showInfo: next.showInfo })) {
      const target = surface.anchor(mark.anchor, mark.text);
      if (target === null) continue;
      const views = mark.findings.map(viewFor);
      const reading = views.some((v) => v.basis === 'reading') && views.every((v) => v.basis === 'reading' || v.severity !== mark.severity);
      const boxes = surface.outline(target, `mark ${mark.severity}${reading ? ' reading' : ''}`);
      const badge = doc.createElement('button');
      badge.type = 'button';
      badge.className = `badge ${mark.severity}${reading ? ' reading' : ''}`;
      badge.append(svgIcon(doc, SEVERITY_ICON[mark.severity]));
      const first = views[0]!;
      badge.setAttribute('aria-label', `${dict.severity[mark.severity]}${reading ? `（${dict.possibleMisreading}）` : ''}：${first.headline}${first.arithmetic ? `。${first.arithmetic}` : ''}${views.length > 1 ? (lang === 'zh' ? `，等 ${views.length} 项` : `, and ${views.length - 1} more`) : ''}`);
      badge.dataset.anchor = mark.anchor;
      badge.dataset.findings = mark.findings.map((f) => f.id).join(' ');
      entries.push({ mark, target, boxes, badge, views });
    }
    entries.sort((a, b) => surface.compare(a.target, b.target));
    for (const entry of entries) {
      const { badge } = entry;
      const on = { signal: events.signal } as const;
      badge.addEventListener('pointerenter', () => { if (!pinned) showTip(entry); }, on);
      badge.addEventListener('pointerleave', () => { if (!pinned && !isFocused(badge)) hideTip(); }, on);
      badge.addEventListener('focus', () => { if (!pinned || shownFor !== entry) showTip(entry, false); }, on);
      badge.addEventListener('blur', () => { if (!pinned) hideTip(); }, on);
      badge.addEventListener('click', () => {
        if (pinned && shownFor === entry) {
          jumpToRelated(entry);
          return;
        }
        index = entries.indexOf(entry);
        announce();
        showTip(entry, true);
      }, on);
      surface.pin(badge, entry.target, 'badge');
    }

    const seenTables = new Set<string>();
    for (const chip of chipsOf(report, { showInfo: next.showInfo })) {
      if (seenTables.has(chip.anchor)) continue;
      const target = surface.anchor(chip.anchor);
      if (target === null) continue;
      seenTables.add(chip.anchor);
      const node = doc.createElement('div');
      const worst = worstOf(chip.counts);
      node.className = `chip${worst ? ` ${worst}` : ''}`;
      node.setAttribute('role', 'status');
      node.title = chip.title;
      node.dataset.table = chip.tableId;
      const dot = doc.createElement('span');
      dot.className = 'dot';
      const text = doc.createElement('span');
      text.textContent = chipText(chip.counts, lang);
      node.append(dot, text);
      surface.pin(node, target, 'chip');
    }

    for (const trend of trendsOf(report)) {
      const target = surface.anchor(trend.anchor);
      if (target === null) continue;
      const node = doc.createElement('span');
      node.className = `trend ${trend.direction}`;
      node.tabIndex = 0;
      node.setAttribute('role', 'note');
      node.title = trend.title;
      node.setAttribute('aria-label', trend.title);
      if (trend.direction !== 'flat') node.append(svgIcon(doc, trend.direction === 'up' ? 'up' : 'down'));
      const text = doc.createElement('span');
      text.className = 'text';
      text.textContent = trend.text.replace(/^[▲▼]/, '');
      node.append(text);
      node.dataset.text = trend.text;
      surface.pin(node, target, 'trend');
    }

    for (const severity of ['error', 'warning', 'info'] as const) {
      surface.highlight?.(severity, entries.filter((e) => e.mark.severity === severity).map((e) => e.target));
    }
    announce();
  }

  function isFocused(node: Element): boolean {
    const root = node.getRootNode() as Document | ShadowRoot;
    return root.activeElement === node;
  }

  function announce(): void {
    options.onStep?.(index, entries.length);
  }

  /** The related cells of a mark that show a value, each once. */
  function relatedTargets(entry: Entry<T>): Array<{ anchor: string; target: T }> {
    const seen = new Set<string>();
    const out: Array<{ anchor: string; target: T }> = [];
    for (const finding of entry.mark.findings) {
      for (const anchor of relatedAnchors(finding, tables)) {
        if (seen.has(anchor)) continue;
        seen.add(anchor);
        const target = surface.anchor(anchor);
        if (target !== null && surface.showsValue(target)) out.push({ anchor, target });
      }
    }
    return out;
  }

  function relatedViews(entry: Entry<T>, view: FindingView): RelatedView[] {
    return view.related.filter((r) => {
      const anchor = anchorOf(r.location, tables);
      if (!anchor) return true;
      const target = surface.anchor(anchor);
      return target === null || surface.showsValue(target);
    });
  }

  function showTip(entry: Entry<T>, pin = false): void {
    if (shownFor !== entry) {
      hideTip();
      shownFor = entry;
      jumpStep = 0;
      const targets = relatedTargets(entry);
      related = targets.map(({ target }) => ({ target, nodes: surface.outline(target, 'related') }));
      surface.highlight?.('related', targets.map((r) => r.target));
    }
    pinned = pin;
    tip.classList.toggle('pinned', pin);
    tip.hidden = false;
    entry.badge.setAttribute('aria-describedby', tip.id);
    entry.badge.classList.add('current');
    const actions = options.actions ?? {};
    renderPreact(
      h(Tip, {
        views: entry.views,
        lang,
        note: options.note?.() ?? null,
        pinned: pin,
        relatedOf: (v: FindingView) => relatedViews(entry, v),
        relatedCount: related.length,
        onPrev: entries.length > 1 ? () => step(-1) : undefined,
        onNext: entries.length > 1 ? () => step(1) : undefined,
        onStepRelated: () => jumpToRelated(entry),
        onClose: () => {
          hideTip();
          entry.badge.focus({ preventScroll: true });
        },
        onRelated: (r: RelatedView) => {
          const anchor = anchorOf(r.location, tables);
          const target = anchor ? surface.anchor(anchor) : null;
          if (target !== null) visitTarget(target, related.find((x) => x.target === target)?.nodes ?? []);
        },
        ...(actions.copy ? { onCopy: actions.copy } : {}),
        ...(actions.link ? { onLink: actions.link } : {}),
        ...(actions.dismiss ? { onDismiss: actions.dismiss } : {}),
      }),
      tip,
    );
    placeTipNear(entry);
  }

  function placeTipNear(entry: Entry<T>): void {
    const badgeRect = entry.badge.getBoundingClientRect();
    const cell = surface.rect(entry.target);
    const anchor = cell ? union(badgeRect, cell) : badgeRect;
    const size = { width: tip.offsetWidth, height: tip.offsetHeight };
    const at = placeTip(anchor, size, { width: view.innerWidth, height: view.innerHeight }, surface.obstacles());
    surface.float(tip, at.left, at.top);
  }

  function hideTip(): void {
    if (!shownFor) return;
    shownFor.badge.removeAttribute('aria-describedby');
    shownFor.badge.classList.remove('current');
    shownFor = null;
    pinned = false;
    tip.classList.remove('pinned');
    tip.hidden = true;
    renderPreact(null, tip);
    surface.remove(related.flatMap((r) => r.nodes));
    related = [];
    surface.highlight?.('related', []);
  }

  function flash(nodes: readonly HTMLElement[]): void {
    for (const node of nodes) {
      node.classList.remove('flash');
      void node.offsetWidth; // restart the animation when the same place is flashed twice
      node.classList.add('flash');
    }
    view.clearTimeout(flashTimer);
    flashTimer = view.setTimeout(() => nodes.forEach((n) => n.classList.remove('flash')), FLASH_MS);
  }

  function smooth(): boolean {
    return !view.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  }

  function visitTarget(target: T, nodes: readonly HTMLElement[]): void {
    surface.scrollTo(target, smooth());
    flash(nodes);
  }

  /** Clicking a pinned badge again: the related cells one by one, then back to the marked cell. */
  function jumpToRelated(entry: Entry<T>): void {
    const stops = [...related, { target: entry.target, nodes: entry.boxes }];
    if (stops.length < 2) return;
    const stop = stops[jumpStep % stops.length]!;
    jumpStep += 1;
    visitTarget(stop.target, stop.nodes);
  }

  /** Goes to an entry: scrolls it into view, flashes it, then pins its tooltip once the view has settled. */
  function visit(entry: Entry<T>): void {
    const animate = smooth();
    hideTip();
    surface.scrollTo(entry.target, animate);
    flash(entry.boxes);
    view.clearTimeout(settleTimer);
    settleTimer = view.setTimeout(() => {
      if (events.signal.aborted || !entries.includes(entry)) return;
      showTip(entry, true);
      entry.badge.focus({ preventScroll: true });
    }, animate ? 450 : 0);
  }

  function step(direction: 1 | -1): void {
    if (!entries.length) return;
    index = index < 0 ? (direction > 0 ? 0 : entries.length - 1) : (index + direction + entries.length) % entries.length;
    announce();
    visit(entries[index]!);
  }

  function scrollToFinding(idOrKey: string): boolean {
    const matches = (f: Finding) => f.id === idOrKey || findingKey(f) === idOrKey;
    const at = entries.findIndex((e) => e.mark.findings.some(matches));
    if (at >= 0) {
      index = at;
      announce();
      visit(entries[at]!);
      return true;
    }
    // Not drawn (a rounding note while those are hidden): scroll to its cell or table at least.
    const finding = report?.findings.find(matches);
    const anchor = finding ? anchorOf(finding.location, tables) : undefined;
    const target = anchor ? surface.anchor(anchor) : null;
    if (target === null) return false;
    surface.scrollTo(target, smooth());
    return true;
  }

  function destroy(): void {
    if (events.signal.aborted) return;
    hideTip();
    events.abort();
    view.clearTimeout(flashTimer);
    view.clearTimeout(settleTimer);
    surface.clear();
    entries = [];
  }

  return {
    render,
    scrollToFinding,
    step,
    get count() {
      return entries.length;
    },
    counts: () => countsOf(entries.flatMap((e) => e.views)),
    hideTip,
    destroy,
  };
}
