import { analyse } from '../../engine/analyse';
import { boundSourceDocument } from '../../engine/bound-source';
import { extractHtml } from '../../extract/html';
import type { Report } from '../../engine/report/schema';
import type { SourceDocument } from '../../engine/source';
import { createOverlay, OVERLAY_TAG, type Overlay } from './overlay';
import type { Lang } from '../i18n';
import type { FindingActions } from '../presenter';
import { linkedKey } from '../view-model';
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
  showPassed?: boolean;
  /** Called after every check with the fresh report (to send it to the background). */
  onReport: (report: Report) => void;
  /** Called when a check fails inside extraction or analysis, with a one-line reason. */
  onFailure?: (reason: string) => void;
  /**
   * Analysis away from the page's thread (the extension's background). The background's engine
   * stays compiled between pages, while a content script starts cold on every page, so analysing
   * there keeps the page's own thread free (measured: the page is busy only for extraction and
   * rendering, ~20 ms on a 20-table page). Falls back to local analysis.
   */
  analyseRemotely?: (doc: SourceDocument, extractMillis: number) => Promise<Report>;
  /** Documents with more cells than this are analysed remotely when possible. */
  remoteAboveCells?: number;
  lang?: Lang;
  /** Copy, link and dismiss from the tooltip. */
  actions?: FindingActions;
  /** Keys of the findings dismissed on this document. */
  hidden?: ReadonlySet<string>;
}

export interface PageChecker {
  /** Checks now and keeps watching for table changes. Idempotent. */
  start(): Promise<Report | null>;
  scrollToFinding(findingId: string): boolean;
  setShowInfo(showInfo: boolean): void;
  setShowPassed(showPassed: boolean): void;
  setHidden(hidden: ReadonlySet<string>): void;
  readonly report: Report | null;
  /** Why the last check failed (null after a successful one). */
  readonly failure: string | null;
}

export function createPageChecker(options: PageCheckerOptions): PageChecker {
  const { document: doc, signal } = options;
  let overlay: Overlay | null = null;
  let started = false;
  let showInfo = options.showInfo;
  let showPassed = options.showPassed ?? false;
  let hidden: ReadonlySet<string> = options.hidden ?? new Set();
  // A link to a finding (…#budget-lens=<key>) is followed once, after the first check.
  let linked = linkedKey(options.url);
  let last: { report: Report; elements: Map<string, Element> } | null = null;

  let generation = 0;
  let failure: string | null = null;
  /** The tables extraction read last time: only changes in these (or new tables) re-check. */
  let tracked: ReadonlySet<Element> = new Set();
  /** What the last analysed document said, to skip analysis when a re-render changed nothing. */
  let analysedSignature = '';

  async function check(): Promise<Report | null> {
    if (signal.aborted) return null;
    const mine = ++generation;
    try {
      const t0 = performance.now();
      const extracted = extractHtml(doc, { source: options.url });
      const { elements } = extracted;
      // Bounded here already, so the message to the background stays small whatever the page holds.
      const source = boundSourceDocument(extracted.doc);
      tracked = new Set([...elements].filter(([anchor]) => /^t\d+$/.test(anchor)).map(([, el]) => el));
      const t1 = performance.now();
      const signature = signatureOf(source);
      if (last && signature === analysedSignature) {
        // The same tables and text (a framework re-rendered them): keep the report, follow the new elements.
        last = { report: last.report, elements };
        overlay?.render({ ...last, showInfo, showPassed, hidden });
        overlay?.setStale(false);
        failure = null;
        return last.report;
      }
      const report = await analyseSomewhere(source, t1 - t0);
      // A newer check started meanwhile (tables changed again): its result wins.
      if (mine !== generation || signal.aborted) return null;
      analysedSignature = signature;
      const t2a = performance.now();
      overlay ??= createOverlay(doc, signal, { lang: options.lang, actions: options.actions });
      overlay.render({ report, elements, showInfo, showPassed, hidden });
      if (linked) {
        overlay.scrollToFinding(linked);
        linked = null;
      }
      overlay.setStale(false);
      failure = null;
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
      if (signal.aborted) return null;
      failure = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!.slice(0, 300);
      console.warn('[预算透镜] check failed', error);
      options.onFailure?.(failure);
      return null;
    }
  }

  async function analyseSomewhere(source: SourceDocument, extractMillis: number): Promise<Report> {
    if (options.analyseRemotely && cellCount(source) > (options.remoteAboveCells ?? REMOTE_ABOVE_CELLS)) {
      try {
        return await options.analyseRemotely(source, extractMillis);
      } catch (error) {
        console.warn('[预算透镜] background analysis unavailable, analysing here', error);
      }
    }
    return analyse(source, { extractMillis });
  }

  return {
    start() {
      if (started) return check();
      started = true;
      if (doc.body) {
        observeTables(doc.body, () => void check(), {
          signal,
          isOwn: (node) => node.nodeName.toLowerCase() === OVERLAY_TAG,
          tracked: () => tracked,
          onPending: () => overlay?.setStale(true),
        });
      }
      return check();
    },
    scrollToFinding(findingId) {
      return overlay?.scrollToFinding(findingId) ?? false;
    },
    setShowInfo(next) {
      showInfo = next;
      if (last && overlay) overlay.render({ ...last, showInfo, showPassed, hidden });
    },
    setShowPassed(next) {
      if (next === showPassed) return;
      showPassed = next;
      if (last && overlay) overlay.render({ ...last, showInfo, showPassed, hidden });
    },
    setHidden(next) {
      hidden = next;
      if (last && overlay) overlay.render({ ...last, showInfo, showPassed, hidden });
    },
    get report() {
      return last?.report ?? null;
    },
    get failure() {
      return failure;
    },
  };
}

/** Pages above this many cells are analysed in the background; by default every page is. */
const REMOTE_ABOVE_CELLS = 0;

export function cellCount(doc: SourceDocument): number {
  let cells = 0;
  for (const table of doc.tables) for (const row of table.rows) cells += row.length;
  return cells;
}

/** The document's text as analysis sees it: equal signatures give equal reports. */
export function signatureOf(doc: SourceDocument): string {
  const parts: string[] = [doc.title];
  for (const table of doc.tables) {
    parts.push('\u0001', table.caption, table.before.join('\u0002'), table.after.join('\u0002'));
    for (const row of table.rows) parts.push('\u0003', ...row.map((c) => `${c.text}\u0004${c.rowSpan}\u0004${c.colSpan}\u0004${c.headerMarkup ? 1 : 0}`));
  }
  for (const block of doc.blocks) parts.push('\u0005', block.kind, block.text);
  return parts.join('\u0000');
}
