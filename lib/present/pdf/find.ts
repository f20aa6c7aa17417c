/**
 * Find-in-page over the text the PDF's pages carry (pdf.js text items, joined as the text layer
 * lays them out). Matching ignores whitespace, case and full-width/half-width differences:
 * PDF producers split and space Chinese text arbitrarily ("预 算 数", "１２３").
 */

export interface FindHit {
  /** 1-based page number. */
  page: number;
  /** Characters [start, end) of the page's joined text. */
  start: number;
  end: number;
}

/** One comparable character per kept source character, and where it came from. */
interface Folded {
  chars: string;
  source: number[];
}

function foldChar(ch: string): string {
  const normal = ch.normalize('NFKC').toLowerCase();
  return normal.length === 1 ? normal : ch;
}

export function fold(text: string): Folded {
  let chars = '';
  const source: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) continue;
    chars += foldChar(ch);
    source.push(i);
  }
  return { chars, source };
}

export const MAX_HITS = 2000;

/** Every occurrence of `query` in the pages' texts (pageTexts[0] is page 1), in page order. */
export function findInPages(pageTexts: readonly string[], query: string, limit = MAX_HITS): FindHit[] {
  const needle = fold(query).chars;
  if (!needle) return [];
  const hits: FindHit[] = [];
  pageTexts.forEach((text, index) => {
    if (hits.length >= limit) return;
    const hay = fold(text);
    for (let at = hay.chars.indexOf(needle); at >= 0 && hits.length < limit; at = hay.chars.indexOf(needle, at + needle.length)) {
      hits.push({ page: index + 1, start: hay.source[at]!, end: hay.source[at + needle.length - 1]! + 1 });
    }
  });
  return hits;
}

/** Where each item starts in the joined text: starts[i] is the offset of items[i]. */
export function itemStarts(items: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const item of items) {
    starts.push(at);
    at += item.length;
  }
  return starts;
}

/** The item holding character `offset` of the joined text, and the offset inside it. */
export function locate(starts: readonly number[], items: readonly string[], offset: number): { item: number; offset: number } | null {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = starts[mid]!;
    if (offset < start) hi = mid - 1;
    else if (offset >= start + items[mid]!.length) lo = mid + 1;
    else return { item: mid, offset: offset - start };
  }
  return null;
}
