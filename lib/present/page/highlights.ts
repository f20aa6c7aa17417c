import type { Severity } from '../../engine/report/schema';
import { HIGHLIGHT_CSS } from '../styles';

/**
 * CSS Custom Highlights over the marked cells' text: colour without touching the page's DOM.
 * Optional everywhere (Firefox < 140, linkedom): when unsupported the boxes alone mark the cells.
 */

type HighlightName = Severity | 'related' | 'passed';
const NAMES: readonly HighlightName[] = ['error', 'warning', 'info', 'related', 'passed'];

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}
interface HighlightLike {
  add(range: AbstractRange): void;
  clear(): void;
}

export interface Highlights {
  set(name: HighlightName, ranges: readonly Range[]): void;
  clear(name: HighlightName): void;
  destroy(): void;
}

const NOOP: Highlights = { set() {}, clear() {}, destroy() {} };

export function createHighlights(doc: Document): Highlights {
  const view = doc.defaultView as (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: new () => HighlightLike }) | null;
  const registry = view?.CSS?.highlights;
  const HighlightCtor = view?.Highlight;
  if (!registry || !HighlightCtor) return NOOP;

  let sheet: CSSStyleSheet | null = null;
  try {
    sheet = new (view as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // Some engines refuse sheets built in a content script's world: boxes still mark the cells.
    return NOOP;
  }

  const live = new Map<HighlightName, HighlightLike>();
  for (const name of NAMES) {
    const highlight = new HighlightCtor();
    live.set(name, highlight);
    registry.set(`budget-lens-${name}`, highlight);
  }

  return {
    set(name, ranges) {
      const highlight = live.get(name);
      if (!highlight) return;
      highlight.clear();
      for (const range of ranges) highlight.add(range);
    },
    clear(name) {
      live.get(name)?.clear();
    },
    destroy() {
      for (const name of NAMES) registry.delete(`budget-lens-${name}`);
      live.clear();
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/** A range over an element's whole text. */
export function rangeOverContents(element: Element): Range | null {
  const doc = element.ownerDocument;
  if (!doc?.createRange) return null;
  const range = doc.createRange();
  range.selectNodeContents(element);
  return range;
}

/**
 * A range over characters [start, end) of an element's text as extraction saw it (whitespace
 * runs collapsed to one space, leading whitespace dropped). Null when offsets do not fit.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function rangeOverText(element: Element, start: number, end: number): Range | null {
  const doc = element.ownerDocument;
  if (!doc?.createRange || !doc.createTreeWalker || end <= start) return null;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let collapsed = 0;
  let lastWasSpace = true;
  let startNode: Node | null = null;
  let startOffset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (let i = 0; i < text.length; i++) {
      // Extraction dropped bidi controls from the text whose offsets these are.
      if (BIDI_CONTROL.test(text[i]!)) continue;
      const space = /\s/.test(text[i]!);
      if (space && lastWasSpace) continue;
      lastWasSpace = space;
      if (collapsed === start && !startNode) {
        startNode = node;
        startOffset = i;
      }
      collapsed++;
      if (collapsed === end && startNode) {
        const range = doc.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(node, i + 1);
        return range;
      }
    }
  }
  return null;
}
