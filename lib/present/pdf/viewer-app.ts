import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import { DEFAULT_MAX_PAGES } from '../../extract/pdf/index';
import { readCapped, TooLargeError } from '../../extract/read-capped';
import { describePdfError } from '../../extract/pdf/open-errors';
import type { PdfExtraction, PdfExtractOptions } from '../../extract/pdf/types';
import type { Report } from '../../engine/report/schema';
import type { SourceDocument } from '../../engine/source';
import { t, type Lang } from '../i18n';
import type { FindingActions } from '../presenter';
import { reportView } from '../view-model';
import { findInPages, itemStarts, locate, type FindHit } from './find';
import { createPageView, type PageView } from './pages';
import { createPdfMarks, type PdfMarks } from './pdf-marks';
import { anchorTexts, looksLikePdf, withExtractionNotes } from './source-helpers';
import { containerKind } from '../../extract/xlsx/sniff';
import type { ShowWorkbookInput, WorkbookView } from '../xlsx/workbook-view';

/**
 * The PDF viewer page's behaviour, free of browser.* (the entrypoint passes in what needs the
 * extension): get the bytes, show the pages, extract → analyse → draw the findings, and the
 * toolbar (page numbers, zoom, find, stepping between findings, the original's address).
 */

export interface ViewerAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
  /** Image decoders (JPEG 2000, JBIG2) for drawing scanned pages. */
  wasmUrl?: string;
}

export type ExtractPdf = (pdf: PDFDocumentProxy, options: PdfExtractOptions) => Promise<PdfExtraction>;


export interface ViewerOptions {
  root: Document;
  assets: ViewerAssets;
  /** getDocument parameters for these assets (CMaps packed, no eval…), from lib/extract/pdf. */
  documentParams: (assets: ViewerAssets) => Record<string, unknown>;
  /** Table reconstruction; absent while it is not part of the build. */
  extract: ExtractPdf | null;
  analyse: (doc: SourceDocument, extractMillis: number) => Promise<Report>;
  onReport: (report: Report, source: string) => void;
  /** Looks at the bytes before pdf.js does: a reason not to open them (an inflate bomb), or null. */
  screen?: (bytes: Uint8Array) => Promise<string | null>;
  /** The PDF could not be fetched, opened or checked: one line for the popup ("检查失败：…"). */
  onFailure?: (reason: string, source: string) => void;
  showInfo: boolean;
  /** Before fetching: lets the background set the portal as Referer. */
  prepareFetch: (url: string) => Promise<void>;
  /** "打开原文件": lets this tab load the original without being redirected back, then goes there. */
  openOriginal: (url: string) => Promise<void>;
  /** Workbooks (.xlsx): drawn as HTML tables and marked like a page; loaded on demand (lib/present/xlsx). */
  showWorkbook?: (input: ShowWorkbookInput) => Promise<{ view: WorkbookView } | { failure: string } | null>;
  lang?: Lang;
  /** Copy, link and dismiss from the pinned tooltip; `source` is the PDF's address or file name. */
  actions?: (source: () => string) => FindingActions;
  /** Keys of the findings dismissed on a document. */
  hiddenFor?: (source: string) => ReadonlySet<string>;
  /** A finding to show once checked (from a link …#budget-lens=<key>). */
  linked?: string | null;
}

export interface Viewer {
  /** Opens a PDF by address (fetched with the extension's host permissions). */
  openUrl(url: string): Promise<void>;
  openBytes(bytes: Uint8Array, name: string): Promise<void>;
  /** The report once checking has finished (null if it could not be checked). */
  whenChecked(): Promise<Report | null>;
  scrollToFinding(findingId: string): boolean;
  setShowInfo(showInfo: boolean): void;
  /** The dismissed findings changed: drawn again without them. */
  refreshHidden(): void;
  /** The site was switched off in the popup: the marks go (the pages stay). */
  removeMarks(): void;
}

/** Pages beyond this are not read for tables (the viewer still shows them; extraction reports the rest as not checked). */
export const MAX_PAGES = DEFAULT_MAX_PAGES;
/** Larger files are not loaded (disclosures are a few MB); the CLI's cap, for a declared length and a streamed one alike. */
export const MAX_BYTES = 64 * 1024 * 1024;
/** How often marks are drawn from the pages read so far. */
const EARLY_EVERY_MS = 1500;
const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`viewer.html lacks #${id}`);
  return el as T;
}

export function createViewer(options: ViewerOptions): Viewer {
  const doc = options.root;
  const v = t(options.lang).viewer;
  applyLabels(doc, options.lang ?? 'zh');
  const scroller = byId(doc, 'scroller');
  const pagesEl = byId(doc, 'pages');
  const tip = byId(doc, 'tip');
  const status = byId(doc, 'status');
  const statusText = byId(doc, 'status-text');
  const progress = byId<HTMLProgressElement>(doc, 'progress');
  const notices = byId(doc, 'notices');
  const dropZone = byId(doc, 'drop-zone');
  const fileInput = byId<HTMLInputElement>(doc, 'file-input');
  const pageInput = byId<HTMLInputElement>(doc, 'page-number');
  const pageCount = byId(doc, 'page-count');
  const zoomLevel = byId(doc, 'zoom-level');
  const findInput = byId<HTMLInputElement>(doc, 'find-input');
  const findCount = byId(doc, 'find-count');
  const findingPos = byId(doc, 'finding-pos');
  const sourceName = byId(doc, 'source-name');
  const original = byId<HTMLAnchorElement>(doc, 'open-original');

  let session: AbortController | null = null;
  let pdf: PDFDocumentProxy | null = null;
  let pages: PageView | null = null;
  let marks: PdfMarks | null = null;
  let book: WorkbookView | null = null;
  let showInfo = options.showInfo;
  let lastDraw: { report: Report; extraction: PdfExtraction } | null = null;
  let currentSource = '';
  let linked = options.linked ?? null;
  const toolbar = doc.querySelector<HTMLElement>('.toolbar');
  let checked: Promise<Report | null> = new Promise(() => {});
  let resolveChecked: (report: Report | null) => void = () => {};
  const newCheck = () => {
    checked = new Promise((resolve) => (resolveChecked = resolve));
  };
  newCheck();

  // —— toolbar ——
  const on = (id: string, event: string, handler: (e: Event) => void) => byId(doc, id).addEventListener(event, handler);
  on('page-prev', 'click', () => pages?.goToPage(pages.currentPage() - 1));
  on('page-next', 'click', () => pages?.goToPage(pages.currentPage() + 1));
  pageInput.addEventListener('change', () => pages?.goToPage(Number(pageInput.value)));
  on('zoom-out', 'click', () => zoomBy(-1));
  on('zoom-in', 'click', () => zoomBy(1));
  on('zoom-fit', 'click', () => pages && setScale(pages.fitWidthScale()));
  const stepBook = (direction: 1 | -1) => {
    const { index, total } = book!.step(direction);
    findingPos.textContent = total ? `${index + 1}/${total}` : '0';
  };
  on('finding-prev', 'click', () => (book ? stepBook(-1) : marks?.step(-1)));
  on('finding-next', 'click', () => (book ? stepBook(1) : marks?.step(1)));
  on('find-prev', 'click', () => void findStep(-1));
  on('find-next', 'click', () => void findStep(1));
  findInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void findStep(event.shiftKey ? -1 : 1);
    }
  });
  findInput.addEventListener('input', () => {
    hits = null;
    findCount.textContent = '';
    clearFindMarks();
  });
  doc.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      findInput.focus();
      findInput.select();
    }
  });
  original.addEventListener('click', (event) => {
    const url = original.dataset.url;
    if (!url || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    void options.openOriginal(url);
  });

  // —— a downloaded file: picker and drag-and-drop anywhere ——
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void openFile(file);
  });
  doc.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    doc.body.classList.add('dragging');
  });
  doc.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) doc.body.classList.remove('dragging');
  });
  doc.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    doc.body.classList.remove('dragging');
    if (!file) return;
    event.preventDefault();
    void openFile(file);
  });

  async function openFile(file: File): Promise<void> {
    if (file.size > MAX_BYTES) {
      reset();
      showSource(file.name, null);
      fail(v.tooLarge, [v.over(MAX_BYTES / 1024 / 1024)]);
      return;
    }
    await openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  }

  function setScale(scale: number): void {
    pages?.setScale(scale);
    if (pages) zoomLevel.textContent = `${Math.round(pages.scale * 100)}%`;
  }

  function zoomBy(direction: 1 | -1): void {
    if (!pages) return;
    const now = pages.scale;
    const next = direction > 0 ? ZOOM_STEPS.find((z) => z > now + 0.001) : [...ZOOM_STEPS].reverse().find((z) => z < now - 0.001);
    setScale(next ?? now);
  }

  // —— status, notices ——
  function setStatus(text: string, done?: number, total?: number): void {
    status.hidden = false;
    statusText.textContent = text;
    if (done !== undefined && total) {
      progress.hidden = false;
      progress.max = total;
      progress.value = done;
    } else {
      progress.hidden = true;
    }
  }

  /** A message above the pages; `folded` lists (the parts not checked) open on demand. */
  function notice(kind: 'error' | 'info', title: string, lines: readonly string[] = [], offerFile = false, folded = false): void {
    const box = doc.createElement(folded ? 'details' : 'div');
    box.className = `notice ${kind}`;
    // A folded list is a disclosure widget of its own; the live region is the notices section.
    if (!folded) box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    const head = doc.createElement(folded ? 'summary' : 'strong');
    head.textContent = title;
    box.append(head);
    if (lines.length) {
      const list = doc.createElement('ul');
      for (const line of lines) {
        const item = doc.createElement('li');
        item.textContent = line;
        list.append(item);
      }
      box.append(list);
    }
    notices.append(box);
    if (offerFile) dropZone.hidden = false;
  }

  // —— find ——
  let hits: FindHit[] | null = null;
  let hitIndex = -1;
  let findMarked: HTMLElement[] = [];

  function clearFindMarks(): void {
    for (const el of findMarked) el.classList.remove('find-hit', 'find-current');
    findMarked = [];
  }

  async function findStep(direction: 1 | -1): Promise<void> {
    if (!pages || !findInput.value.trim()) return;
    const view = pages;
    if (!hits) {
      findCount.textContent = v.finding;
      const texts: string[] = [];
      for (let n = 1; n <= view.count; n++) texts.push((await view.itemsOf(n)).join(''));
      hits = findInPages(texts, findInput.value);
      hitIndex = -1;
      // Start from the page in view.
      const fromPage = view.currentPage();
      const first = hits.findIndex((h) => h.page >= fromPage);
      if (first > 0) hitIndex = (direction > 0 ? first : first + 1) - direction;
    }
    if (!hits.length) {
      findCount.textContent = v.noHits;
      return;
    }
    hitIndex = (hitIndex + direction + hits.length) % hits.length;
    findCount.textContent = `${hitIndex + 1}/${hits.length}`;
    const hit = hits[hitIndex]!;
    view.goToPage(hit.page);
    const text = await view.textOf(hit.page);
    clearFindMarks();
    if (!text) return;
    const starts = itemStarts(text.items);
    const from = locate(starts, text.items, hit.start);
    const to = locate(starts, text.items, hit.end - 1);
    if (!from || !to) return;
    for (let i = from.item; i <= to.item; i++) {
      const div = text.divs[i];
      if (!div) continue;
      div.classList.add('find-hit');
      findMarked.push(div);
    }
    text.divs[from.item]?.classList.add('find-current');
    text.divs[from.item]?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  // —— opening ——
  function reset(): AbortController {
    session?.abort();
    session = new AbortController();
    marks = null;
    pages = null;
    lastDraw = null;
    book?.destroy();
    book = null;
    doc.body.classList.remove('workbook');
    hits = null;
    findCount.textContent = '';
    findingPos.textContent = '';
    void pdf?.destroy();
    pdf = null;
    pagesEl.replaceChildren();
    notices.replaceChildren();
    dropZone.hidden = true;
    newCheck();
    return session;
  }

  async function openUrl(url: string): Promise<void> {
    const { signal } = reset();
    showSource(url, url);
    setStatus(v.downloading);
    let bytes: Uint8Array;
    try {
      await options.prepareFetch(url).catch(() => {});
      const response = await fetch(url, { credentials: 'include', signal });
      if (!response.ok) {
        fail(v.httpFailed(response.status), [v.expired, v.tryOriginal]);
        return;
      }
      if (Number(response.headers.get('content-length')) > MAX_BYTES) {
        fail(v.tooLarge, [v.over(MAX_BYTES / 1024 / 1024)]);
        return;
      }
      bytes = await readWithProgress(response, signal);
    } catch (error) {
      if (signal.aborted) return;
      fail(v.networkFailed, [String((error as Error)?.message ?? error), v.tryOriginal]);
      return;
    }
    if (options.showWorkbook && containerKind(bytes)) return showBook(bytes, url, signal);
    if (!looksLikePdf(bytes)) {
      fail(v.notPdfSite, [v.notPdfSiteMore]);
      return;
    }
    await show(bytes, url, signal);
  }

  /** The body, chunk by chunk, with a progress bar: capped while it streams in (a chunked response announces no length). */
  async function readWithProgress(response: Response, signal: AbortSignal): Promise<Uint8Array> {
    const total = Number(response.headers.get('content-length')) || 0;
    let shown = 0;
    const bytes = await readCapped(response, MAX_BYTES, {
      signal,
      onProgress: (received) => {
        const now = performance.now();
        if (now - shown <= 100) return;
        shown = now;
        setStatus(v.downloaded(megabytes(received), total ? megabytes(total) : null), total ? received : undefined, total || undefined);
      },
    }).catch((error: unknown) => {
      throw error instanceof TooLargeError ? new Error(v.over(MAX_BYTES / 1024 / 1024)) : error;
    });
    performance.mark?.('budget-lens:pdf-downloaded');
    return bytes;
  }

  async function openBytes(bytes: Uint8Array, name: string): Promise<void> {
    const { signal } = reset();
    showSource(name, null);
    if (options.showWorkbook && containerKind(bytes)) return showBook(bytes, name, signal);
    if (!looksLikePdf(bytes)) {
      fail(v.notPdf, [v.notPdfMore]);
      return;
    }
    await show(bytes, name, signal);
  }

  /** A workbook instead of a PDF: the same notices, popup and finding steps, its sheets as HTML. */
  async function showBook(bytes: Uint8Array, source: string, signal: AbortSignal): Promise<void> {
    doc.body.classList.add('workbook');
    const shown = await options.showWorkbook!({
      doc,
      container: pagesEl,
      bytes,
      source,
      signal,
      showInfo,
      analyse: options.analyse,
      onStatus: (text) => setStatus(text),
      overlay: { lang: options.lang, actions: options.actions?.(() => currentSource) },
      ...(options.hiddenFor ? { hidden: () => options.hiddenFor!(currentSource) } : {}),
    });
    if (!shown) return;
    if ('failure' in shown) {
      fail(options.lang === 'en' ? 'This workbook cannot be read' : '无法读取此工作簿', [shown.failure]);
      return;
    }
    book = shown.view;
    signal.addEventListener('abort', () => book?.destroy(), { once: true });
    status.hidden = true;
    summarise(book.report);
    options.onReport(book.report, source);
    resolveChecked(book.report);
  }

  function showSource(label: string, url: string | null): void {
    currentSource = label;
    sourceName.textContent = label;
    sourceName.title = label;
    doc.title = v.title(decodeName(label));
    const heading = doc.getElementById('doc-heading');
    if (heading) heading.textContent = doc.title;
    original.hidden = url === null;
    if (url) {
      original.href = url;
      original.dataset.url = url;
    }
  }

  function fail(title: string, lines: string[]): void {
    status.hidden = true;
    options.onFailure?.(lines[0] && lines[0].length < 200 ? `${title}（${lines[0]}）` : title, currentSource);
    notice('error', title, lines, true);
    resolveChecked(null);
  }

  async function show(bytes: Uint8Array, source: string, signal: AbortSignal): Promise<void> {
    setStatus(v.opening);
    const refused = await options.screen?.(bytes).catch(() => null);
    if (signal.aborted) return;
    if (refused) {
      fail(refused, [v.tryOriginal]);
      return;
    }
    try {
      const { wasmUrl } = options.assets;
      const task = getDocument({ data: bytes, ...options.documentParams(options.assets), ...(wasmUrl ? { wasmUrl } : {}) });
      signal.addEventListener('abort', () => void task.destroy(), { once: true });
      pdf = await task.promise;
    } catch (error) {
      if (signal.aborted) return;
      fail(describePdfError(error), []);
      return;
    }
    const opened = pdf;
    pageCount.textContent = String(opened.numPages);
    pages = await createPageView(opened, {
      scroller,
      container: pagesEl,
      scale: 1,
      signal,
      onPageChange: (page) => (pageInput.value = String(page)),
    });
    if (signal.aborted) return;
    pageInput.max = String(pages.count);
    pageInput.value = '1';
    // Fit the width, up to 150 %: larger canvases cost more than they add on a wide screen.
    setScale(Math.min(Math.max(pages.fitWidthScale(), 0.5), 1.5));
    marks = createPdfMarks(
      pages,
      tip,
      signal,
      (index, total) => {
        findingPos.textContent = total ? `${index >= 0 ? index + 1 : '–'}/${total}` : '0';
      },
      { lang: options.lang, actions: options.actions?.(() => currentSource), toolbar: () => toolbar },
    );
    // The first page first: reading tables keeps pdf.js's worker busy, so it starts once page 1 is on screen.
    const drawn = pages.firstDrawn;
    await Promise.race([drawn, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (signal.aborted) return;
    performance.measure?.('budget-lens:pdf-first-page', { start: 0, end: performance.now() });
    await check(opened, source, signal);
  }

  async function check(opened: PDFDocumentProxy, source: string, signal: AbortSignal): Promise<void> {
    if (!options.extract) {
      status.hidden = true;
      notice('info', v.noExtraction);
      resolveChecked(null);
      return;
    }
    const total = Math.min(opened.numPages, MAX_PAGES);
    setStatus(v.reading(0, total), 0, total);
    let extraction: PdfExtraction;
    const t0 = performance.now();
    const early = earlyMarks(signal);
    try {
      extraction = await options.extract(opened, {
        source,
        signal,
        maxPages: MAX_PAGES,
        onProgress: (done, of) => setStatus(v.reading(done, of), done, of),
        onPartial: early.offer,
      });
    } catch (error) {
      if (signal.aborted) return;
      fail(v.readFailed, [String((error as Error)?.message ?? error)]);
      return;
    }
    const t1 = performance.now();
    const extractMillis = t1 - t0;
    early.stop();
    if (signal.aborted) return;
    setStatus(v.checking);
    let report: Report;
    try {
      report = withExtractionNotes(await options.analyse(extraction.doc, extractMillis), extraction.notChecked);
    } catch (error) {
      if (signal.aborted) return;
      fail(v.checkFailed, [String((error as Error)?.message ?? error)]);
      return;
    }
    if (signal.aborted) return;
    const t2 = performance.now();
    lastDraw = { report, extraction };
    draw();
    status.hidden = true;
    // On the page's performance timeline (read by the e2e test): where the time went.
    performance.measure?.('budget-lens:pdf-extract', { start: t0, end: t1 });
    performance.measure?.('budget-lens:pdf-analyse', { start: t1, end: t2 });
    performance.measure?.('budget-lens:pdf-draw', { start: t2, end: performance.now() });
    summarise(report);
    options.onReport(report, source);
    resolveChecked(report);
  }

  /**
   * Marks while reading goes on: every so often the pages read so far are analysed (in the
   * background) and their finished tables' own sums drawn. Only findings inside a table that
   * another table follows — a table still being read could look wrong — and nothing between tables
   * or about the document, which waits for the whole file.
   */
  function earlyMarks(signal: AbortSignal): { offer: NonNullable<PdfExtractOptions['onPartial']>; stop(): void } {
    let busy = false;
    let last = performance.now();
    let stopped = false;
    return {
      offer(partial) {
        const now = performance.now();
        if (busy || stopped || now - last < EARLY_EVERY_MS || !marks) return;
        busy = true;
        last = now;
        const { doc: partDoc, geometry } = partial();
        void options
          .analyse(partDoc, 0)
          .then((report) => {
            if (stopped || signal.aborted || !marks) return;
            const finished = new Set(report.tables.slice(0, -1).map((t) => t.id));
            const findings = report.findings.filter((f) => f.rule.startsWith('sum.') && 'tableId' in f.location && finished.has(f.location.tableId));
            const texts = anchorTexts(partDoc);
            // No chips yet: a table's chip waits for the checks between tables.
            marks.render({ report: { ...report, findings, changes: [], tables: [] }, geometry, showInfo, textOf: (anchor) => texts.get(anchor), ...(options.hiddenFor ? { hidden: options.hiddenFor(currentSource) } : {}) });
            performance.mark?.('budget-lens:pdf-early-marks');
          })
          .catch(() => {})
          .finally(() => {
            busy = false;
          });
      },
      stop() {
        stopped = true;
      },
    };
  }

  function draw(): void {
    if (!lastDraw || !marks) return;
    const { report, extraction } = lastDraw;
    const texts = anchorTexts(extraction.doc);
    marks.render({ report, geometry: extraction.geometry, showInfo, textOf: (anchor) => texts.get(anchor), ...(options.hiddenFor ? { hidden: options.hiddenFor(currentSource) } : {}) });
    if (linked) {
      marks.scrollToFinding(linked);
      linked = null;
    }
  }

  function summarise(report: Report): void {
    const view = reportView(report, { lang: options.lang, ...(options.hiddenFor ? { hidden: options.hiddenFor(currentSource) } : {}) });
    const parts = [v.tables(report.tables.length), v.checks(report.stats.checksRun), view.verdict];
    if (!report.tables.length) {
      notice('info', v.noTables, report.stats.notChecked?.map((n) => `${n.what}：${n.reason}`) ?? []);
    } else {
      notice(view.counts.error ? 'error' : 'info', v.summary(parts));
      const notChecked = report.stats.notChecked ?? [];
      if (notChecked.length) notice('info', v.notCheckedParts(notChecked.length), notChecked.slice(0, 30).map((n) => `${n.what}：${n.reason}`), false, true);
    }
  }

  function scrollToFinding(findingId: string): boolean {
    if (book) return book.scrollToFinding(findingId);
    return marks?.scrollToFinding(findingId) ?? false;
  }

  return {
    openUrl,
    openBytes,
    whenChecked: () => checked,
    scrollToFinding,
    setShowInfo(next) {
      showInfo = next;
      book?.setShowInfo(next);
      draw();
    },
    refreshHidden() {
      book?.refresh();
      draw();
    },
    removeMarks() {
      lastDraw = null;
      marks?.destroy();
      book?.destroy();
    },
  };
}

/** The toolbar's words in the reader's language (viewer.html is written in Chinese). */
function applyLabels(doc: Document, lang: Lang): void {
  if (lang === 'zh') return;
  const v = t(lang).viewer;
  doc.documentElement.lang = 'en';
  for (const [id, text] of Object.entries(v.labels)) {
    const el = doc.getElementById(id);
    if (el) el.textContent = text;
  }
  for (const [id, text] of Object.entries(v.titles)) {
    const el = doc.getElementById(id);
    el?.setAttribute('title', text);
    el?.setAttribute('aria-label', text);
  }
  doc.getElementById('find-input')?.setAttribute('placeholder', v.findPlaceholder);
  doc.querySelector('.toolbar-row')?.setAttribute('aria-label', v.toolbar);
  const brand = doc.querySelector('.brand');
  if (brand?.lastChild) brand.lastChild.textContent = t(lang).brand;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function decodeName(label: string): string {
  try {
    const url = new URL(label);
    const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    return name || url.hostname;
  } catch {
    return label;
  }
}
