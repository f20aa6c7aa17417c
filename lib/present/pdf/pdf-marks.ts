import type { PdfGeometry } from '../../extract/pdf/types';
import type { Report } from '../../engine/report/schema';
import type { Lang } from '../i18n';
import { createPresenter, type FindingActions } from '../presenter';
import type { Counts } from '../view-model';
import type { PageView } from './pages';
import { createPdfSurface } from './surface';

/**
 * Findings drawn over the viewer's pages: the one presenter (lib/present/presenter.ts) on the
 * PDF surface, placed at the rectangles PDF extraction measured.
 */

export interface PdfMarksInput {
  report: Report;
  geometry: PdfGeometry;
  showInfo: boolean;
  /** The text of a cell or block, to leave blank operands out of highlights. */
  textOf: (anchor: string) => string | undefined;
  hidden?: ReadonlySet<string>;
}

export interface PdfMarks {
  render(input: PdfMarksInput): void;
  scrollToFinding(idOrKey: string): boolean;
  /** Moves to the next (+1) or previous (−1) marked place, in reading order. */
  step(direction: 1 | -1): void;
  readonly count: number;
  counts(): Counts;
  destroy(): void;
}

export interface PdfMarksOptions {
  lang?: Lang;
  actions?: FindingActions;
  /** The toolbar the tooltip must not cover. */
  toolbar?: () => HTMLElement | null;
}

export function createPdfMarks(pages: PageView, tip: HTMLElement, signal: AbortSignal, onStep?: (index: number, total: number) => void, options: PdfMarksOptions = {}): PdfMarks {
  const surface = createPdfSurface(tip.ownerDocument, pages, options.toolbar ?? (() => null));
  const events = new AbortController();
  signal.addEventListener('abort', () => events.abort(), { once: true });
  const presenter = createPresenter(surface, { lang: options.lang, signal: events.signal, tip, onStep, actions: options.actions });
  return {
    render(input) {
      surface.setInput({ geometry: input.geometry, textOf: input.textOf });
      presenter.render({ report: input.report, showInfo: input.showInfo, ...(input.hidden ? { hidden: input.hidden } : {}) });
    },
    scrollToFinding: (id) => presenter.scrollToFinding(id),
    step: (direction) => presenter.step(direction),
    get count() {
      return presenter.count;
    },
    counts: () => presenter.counts(),
    destroy: () => events.abort(),
  };
}
