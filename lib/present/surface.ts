import type { Severity } from '../engine/report/schema';
import type { Box } from './placement';

/**
 * What a document type must provide for findings to be drawn on it — the HTML page
 * (lib/present/page/surface.ts) and the PDF viewer (lib/present/pdf/surface.ts) — in the way an
 * annotation tool keeps one guest and one integration per document type. The presenter
 * (presenter.ts) does everything else once: which marks, badges, chips and trends, the tooltip,
 * related cells, stepping between findings and scrolling to one.
 */

export interface TextRange {
  start: number;
  end: number;
}

/** Where a node is pinned to its target: a badge at the top-right corner, a chip below a table's end, a trend tag inside a cell's left edge. */
export type PinKind = 'badge' | 'chip' | 'trend';

export type HighlightName = Severity | 'related' | 'passed';

export interface Surface<T> {
  readonly doc: Document;
  /** Anchors a location: an extraction anchor (cell, table, text block) and a character range inside it. */
  anchor(anchor: string, text?: TextRange): T | null;
  /** Document (reading) order. */
  compare(a: T, b: T): number;
  /** Whether the target shows anything (blank operands add nothing to read). */
  showsValue(target: T): boolean;
  /** Draws an outline over the target: one box per line or rectangle, classes as given. */
  outline(target: T, className: string): HTMLElement[];
  /** Keeps a node (badge, chip, trend tag) at its place beside the target; nodes are in tab order of pinning. */
  pin(node: HTMLElement, target: T, kind: PinKind): void;
  /** Colours the targets' text where the document type can (CSS highlights on HTML pages). */
  highlight?(name: HighlightName, targets: T[]): void;
  scrollTo(target: T, smooth: boolean): void;
  /** The target's box in viewport coordinates, null when it is not shown. */
  rect(target: T): Box | null;
  /** Shows a floating node (the tooltip) at viewport coordinates. */
  float(node: HTMLElement, left: number, top: number): void;
  /** Boxes floating UI must not cover (the viewer's toolbar), in viewport coordinates. */
  obstacles(): Box[];
  /** Removes everything outline() and pin() drew. */
  clear(): void;
  /** Removes the nodes given (related outlines). */
  remove(nodes: readonly HTMLElement[]): void;
}
