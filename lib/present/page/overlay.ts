import { h, render as renderPreact } from 'preact';
import type { Report } from '../../engine/report/schema';
import { Navigator } from '../../../components/Navigator';
import { t, type Lang } from '../i18n';
import { passedRanges } from '../marks';
import { createPresenter, type FindingActions } from '../presenter';
import { OVERLAY_CSS } from '../styles';
import { createPageSurface } from './surface';

/**
 * The page overlay: one `<budget-lens-overlay>` host appended to <html>, with an open shadow
 * root holding every mark, badge, chip, the tooltip and the navigator. The presenter draws;
 * the page surface places. Nothing is inserted into the page's tables; page text only ever
 * reaches the DOM as text.
 */

export const OVERLAY_TAG = 'budget-lens-overlay';

export interface RenderInput {
  report: Report;
  /** Anchor → element, from extraction. */
  elements: ReadonlyMap<string, Element>;
  showInfo: boolean;
  /** Underline the text claims that checked out ("显示核对无误的内容"). */
  showPassed?: boolean;
  /** Keys of the findings dismissed on this document. */
  hidden?: ReadonlySet<string>;
}

export interface OverlayOptions {
  lang?: Lang;
  actions?: FindingActions;
  /** The floating navigator (◀ 2/7 ▶); on by default. */
  navigator?: boolean;
}

export interface Overlay {
  readonly host: HTMLElement;
  render(input: RenderInput): void;
  /** Scrolls a finding's cell into view and shows it; false when it is not on the page. */
  scrollToFinding(idOrKey: string): boolean;
  step(direction: 1 | -1): void;
  /** The page's tables changed since this was drawn: the marks are shown as stale until the next render. */
  setStale(stale: boolean): void;
  destroy(): void;
}

export function createOverlay(doc: Document, signal: AbortSignal, options: OverlayOptions = {}): Overlay {
  const lang = options.lang ?? 'zh';
  const events = new AbortController();
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
  const nav = doc.createElement('div');
  nav.className = 'nav';
  nav.hidden = true;
  shadow.append(style, layer, tip, nav);

  let elements: ReadonlyMap<string, Element> = new Map();
  const surface = createPageSurface(doc, layer, () => elements, events.signal);
  surface.setObstacles(() => (nav.hidden ? [] : [nav.getBoundingClientRect()]));
  let position = { index: -1, total: 0 };
  let offscreen: 'below' | 'above' | null = null;
  let navHidden = options.navigator === false;
  const presenter = createPresenter(surface, {
    lang,
    signal: events.signal,
    tip,
    actions: options.actions,
    note: () => (layer.classList.contains('stale') ? t(lang).stale : null),
    onStep: (index, total) => {
      position = { index, total };
      drawNavigator();
    },
  });

  function drawNavigator(): void {
    nav.hidden = navHidden || position.total === 0;
    if (nav.hidden) return;
    renderPreact(
      h(Navigator, {
        lang,
        index: position.index,
        total: position.total,
        counts: presenter.counts(),
        onPrev: () => presenter.step(-1),
        onNext: () => presenter.step(1),
        onHide: () => {
          navHidden = true;
          drawNavigator();
        },
        offscreen,
      }),
      nav,
    );
  }

  /** Whether any badge is in view; if none, on which side the nearest one is (checked once per frame on scroll). */
  let watchFrame = 0;
  function checkOffscreen(): void {
    watchFrame = 0;
    if (events.signal.aborted) return;
    const view = doc.defaultView!;
    const tops = Array.from(layer.querySelectorAll<HTMLElement>('.badge:not([hidden])')).map((b) => b.getBoundingClientRect().top);
    const inView = tops.some((top) => top >= 0 && top <= view.innerHeight);
    const next = !tops.length || inView ? null : tops.some((top) => top > view.innerHeight) ? 'below' : 'above';
    if (next !== offscreen) {
      offscreen = next;
      drawNavigator();
    }
  }
  function scheduleOffscreen(): void {
    if (!watchFrame && position.index < 0 && !events.signal.aborted) watchFrame = doc.defaultView!.requestAnimationFrame(checkOffscreen);
  }
  doc.defaultView!.addEventListener('scroll', scheduleOffscreen, { signal: events.signal, passive: true });

  // Alt+J / Alt+K step between findings, Alt+H shows or hides the navigator (by key position, any layout).
  doc.addEventListener('keydown', (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || position.total === 0) return;
    if (event.code === 'KeyJ' || event.code === 'KeyK') {
      event.preventDefault();
      presenter.step(event.code === 'KeyJ' ? 1 : -1);
    } else if (event.code === 'KeyH') {
      event.preventDefault();
      navHidden = !navHidden;
      drawNavigator();
    }
  }, { signal: events.signal, capture: true });

  function render(next: RenderInput): void {
    if (events.signal.aborted) return;
    if (!host.isConnected) doc.documentElement.appendChild(host);
    elements = next.elements;
    setStale(false);
    presenter.render({ report: next.report, showInfo: next.showInfo, ...(next.hidden ? { hidden: next.hidden } : {}) });
    surface.setPassed(next.showPassed ? passedRanges(next.report) : []);
    // After the marks are laid out (next frame): tell the reader where to look when none is in view.
    doc.defaultView!.requestAnimationFrame(() => scheduleOffscreen());
  }

  function setStale(stale: boolean): void {
    if (events.signal.aborted) return;
    layer.classList.toggle('stale', stale);
    if (stale) host.dataset.stale = '';
    else delete host.dataset.stale;
  }

  function destroy(): void {
    if (events.signal.aborted) return;
    presenter.destroy();
    events.abort();
    renderPreact(null, nav);
    host.remove();
  }

  return {
    host,
    render,
    scrollToFinding: (id) => presenter.scrollToFinding(id),
    step: (direction) => presenter.step(direction),
    setStale,
    destroy,
  };
}
