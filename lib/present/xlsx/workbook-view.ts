/**
 * A workbook in the viewer page: each visible sheet drawn as HTML (its lines as paragraphs, its
 * tables as <table> with their merged cells), then checked and marked by the same overlay as an
 * HTML page (badges, tooltips, chips, stepping through related cells). The reader is loaded
 * here by dynamic import, so neither the content script nor a PDF pays for it. Cell text only
 * ever reaches the DOM through textContent.
 */
import type { Report } from '../../engine/report/schema';
import type { SourceDocument, SourceTable, TextBlock } from '../../engine/source';
import { createOverlay, type Overlay, type OverlayOptions } from '../page/overlay';

export interface WorkbookView {
  report: Report;
  scrollToFinding(findingId: string): boolean;
  /** The toolbar's ◀ 问题 ▶: the next or previous finding shown, as position and count. */
  step(direction: 1 | -1): { index: number; total: number };
  setShowInfo(showInfo: boolean): void;
  /** Findings dismissed or restored: drawn again. */
  refresh(): void;
  destroy(): void;
}

export interface ShowWorkbookInput {
  doc: Document;
  container: HTMLElement;
  bytes: Uint8Array;
  source: string;
  signal: AbortSignal;
  showInfo: boolean;
  analyse: (doc: SourceDocument, extractMillis: number) => Promise<Report>;
  onStatus: (text: string) => void;
  /** The reader's language and the tooltip's actions (copy, link, dismiss), as for a PDF. */
  overlay?: Pick<OverlayOptions, 'lang' | 'actions'>;
  /** Keys of the findings dismissed on this workbook. */
  hidden?: () => ReadonlySet<string>;
}

/** Amounts are right-aligned; bare digits are codes (201, 2040601). */
const AMOUNT = /^[-+(]?\d[\d,]*[.,]\d+\)?%?$/;

function renderTable(doc: Document, table: SourceTable, elements: Map<string, Element>, rounded: ReadonlyMap<string, string>): HTMLTableElement {
  const el = doc.createElement('table');
  el.className = 'bl-xlsx-table';
  elements.set(table.anchor, el);
  const body = doc.createElement('tbody');
  for (const row of table.rows) {
    const tr = doc.createElement('tr');
    for (const cell of row) {
      const td = doc.createElement('td');
      td.textContent = cell.text;
      if (cell.rowSpan > 1) td.rowSpan = cell.rowSpan;
      if (cell.colSpan > 1) td.colSpan = cell.colSpan;
      if (AMOUNT.test(cell.text.trim())) td.className = 'num';
      const stored = rounded.get(cell.anchor);
      // The cell shows a rounded number; the check used the stored one.
      if (stored !== undefined) td.title = `单元格显示 ${cell.text}，存储值 ${stored}（核对按存储值）`;
      elements.set(cell.anchor, td);
      tr.append(td);
    }
    body.append(tr);
  }
  el.append(body);
  return el;
}

function renderBlock(doc: Document, block: TextBlock, elements: Map<string, Element>): HTMLElement {
  const el = doc.createElement(block.kind === 'heading' ? 'h3' : 'p');
  el.className = 'bl-xlsx-line';
  el.textContent = block.text;
  elements.set(block.anchor, el);
  return el;
}

export async function showWorkbook(input: ShowWorkbookInput): Promise<{ view: WorkbookView } | { failure: string } | null> {
  const { doc, container, signal } = input;
  input.onStatus('正在读取工作簿…');
  const { extractXlsx, xlsxFailureReason } = await import('../../extract/xlsx/index');
  const started = performance.now();
  let extraction;
  try {
    extraction = await extractXlsx(input.bytes, { source: input.source, signal, onProgress: (done, total) => input.onStatus(`正在读取工作表：${done}/${total}`) });
  } catch (error) {
    if (signal.aborted) return null;
    return { failure: xlsxFailureReason(error) };
  }
  const extractMillis = performance.now() - started;
  if (signal.aborted) return null;

  const elements = new Map<string, Element>();
  const rounded = new Map(extraction.rounded.map((r) => [r.anchor, r.stored]));
  container.replaceChildren();
  const sheetSections = extraction.sheets.map((sheet, index) => {
    const section = doc.createElement('section');
    section.className = 'bl-xlsx-sheet';
    section.dataset.sheet = String(index);
    const title = doc.createElement('h2');
    title.textContent = `工作表：${sheet.name}`;
    section.append(title);
    return section;
  });
  const items: { seq: number; anchor: string; node: HTMLElement }[] = [
    ...extraction.doc.blocks.map((block) => ({ seq: block.seq, anchor: block.anchor, node: renderBlock(doc, block, elements) })),
    ...extraction.doc.tables.map((table) => ({ seq: table.seq, anchor: table.anchor, node: renderTable(doc, table, elements, rounded) })),
  ].sort((a, b) => a.seq - b.seq);
  for (const item of items) {
    const place = extraction.places.get(item.anchor);
    const section = sheetSections[place?.sheet ?? 0];
    // The sheet-name heading is the section's own title already.
    if (place?.ref === '' && item.node.tagName === 'H3') continue;
    section?.append(item.node);
  }
  container.append(...sheetSections.filter((s) => s.childElementCount > 1));

  input.onStatus('正在核对…');
  const analysed = await input.analyse(extraction.doc, extractMillis);
  if (signal.aborted) return null;
  const report: Report = extraction.notChecked.length
    ? { ...analysed, stats: { ...analysed.stats, notChecked: [...(analysed.stats.notChecked ?? []), ...extraction.notChecked.filter((n) => !(analysed.stats.notChecked ?? []).some((m) => m.what === n.what && m.reason === n.reason))] } }
    : analysed;
  let showInfo = input.showInfo;
  // The viewer's toolbar has its own ◀ 问题 ▶: no floating navigator over the sheets.
  let overlay: Overlay | null = createOverlay(doc, signal, { ...input.overlay, navigator: false });
  let at = -1;
  const draw = () => overlay?.render({ report, elements, showInfo, ...(input.hidden ? { hidden: input.hidden() } : {}) });
  draw();
  return {
    view: {
      report,
      scrollToFinding: (id) => overlay?.scrollToFinding(id) ?? false,
      step(direction) {
        const shown = report.findings.filter((f) => (showInfo || f.severity !== 'info') && 'tableId' in f.location);
        if (!shown.length) return { index: -1, total: 0 };
        at = (at + direction + shown.length) % shown.length;
        overlay?.scrollToFinding(shown[at]!.id);
        return { index: at, total: shown.length };
      },
      setShowInfo(next) {
        showInfo = next;
        draw();
      },
      refresh: draw,
      destroy() {
        overlay?.destroy();
        overlay = null;
      },
    },
  };
}
