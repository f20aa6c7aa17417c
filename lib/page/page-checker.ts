import { analyse } from '../analyse';
import { extractHtml } from '../extract/html';
import type { Report } from '../report/schema';
import { createOverlay, OVERLAY_TAG, type Overlay } from '../overlay/overlay';
import { observeTables } from './observe-tables';

/**
 * The content script's work, free of browser.* so it can run in tests: extract → analyse →
 * overlay, again whenever tables change. Everything stops when `signal` aborts.
 */

export interface PageCheckerOptions {
  document: Document;
  url: string;
  signal: AbortSignal;
  showInfo: boolean;
  /** Called after every check with the fresh report (to send it to the background). */
  onReport: (report: Report) => void;
}

export interface PageChecker {
  /** Checks now and keeps watching for table changes. Idempotent. */
  start(): Report | null;
  scrollToFinding(findingId: string): boolean;
  setShowInfo(showInfo: boolean): void;
  readonly report: Report | null;
}

export function createPageChecker(options: PageCheckerOptions): PageChecker {
  const { document: doc, signal } = options;
  let overlay: Overlay | null = null;
  let started = false;
  let showInfo = options.showInfo;
  let last: { report: Report; elements: Map<string, Element> } | null = null;

  function check(): Report | null {
    if (signal.aborted) return null;
    try {
      const t0 = performance.now();
      const { doc: source, elements } = extractHtml(doc, { source: options.url });
      const t1 = performance.now();
      const report = analyse(source, { extractMillis: t1 - t0 });
      const t2a = performance.now();
      overlay ??= createOverlay(doc, signal);
      overlay.render({ report, elements, showInfo });
      const t2 = performance.now();
      performance.measure?.('budget-lens:extract', { start: t0, end: t1 });
      performance.measure?.('budget-lens:analyse', { start: t1, end: t2a });
      performance.measure?.('budget-lens:render', { start: t2a, end: t2 });
      // Visible to the page's performance timeline (and the e2e test): total cost of one check.
      performance.measure?.('budget-lens:check', { start: t0, end: t2 });
      last = { report, elements };
      options.onReport(report);
      return report;
    } catch (error) {
      console.warn('[预算透镜] check failed', error);
      return null;
    }
  }

  return {
    start() {
      if (started) return check();
      started = true;
      const report = check();
      if (doc.body) {
        observeTables(doc.body, check, { signal, isOwn: (node) => node.nodeName.toLowerCase() === OVERLAY_TAG });
      }
      return report;
    },
    scrollToFinding(findingId) {
      return overlay?.scrollToFinding(findingId) ?? false;
    },
    setShowInfo(next) {
      showInfo = next;
      if (last && overlay) overlay.render({ ...last, showInfo });
    },
    get report() {
      return last?.report ?? null;
    },
  };
}
