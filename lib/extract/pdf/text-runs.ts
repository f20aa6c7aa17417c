import type { Matrix } from './rulings';
import { multiply } from './rulings';

/**
 * Text as positioned runs in top-left page coordinates. pdf.js's getTextContent gives items with a
 * transform from text space to PDF user space; composed with the viewport transform, (e, f) is the
 * baseline origin on the page. Whitespace-only items are dropped: their widths can be absurd
 * (research-pdftables §2.2) and the gaps they stand for are measured from positions instead.
 */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size in points. */
  size: number;
  fontName: string;
}

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height?: number;
  fontName?: string;
}

export interface FontStyleLike {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

const ASCENT = 0.86;
const DESCENT = -0.14;
/** Items with more characters than this are glued paragraphs or garbage; still kept, never split. */
const MAX_SPLIT_LENGTH = 2000;

export function runsOf(items: readonly unknown[], styles: Record<string, FontStyleLike>, viewportTransform: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const raw of items) {
    const item = raw as TextItemLike;
    if (typeof item.str !== 'string' || !/\S/.test(item.str) || !Array.isArray(item.transform) || item.transform.length !== 6) continue;
    const m = multiply(viewportTransform, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    if (!Number.isFinite(size) || size <= 0) continue;
    // Only horizontal text is laid out in rows; rotated stamps and vertical text stay out of tables.
    if (Math.abs(m[1]) > Math.abs(m[0]) * 0.1 || m[0] <= 0) continue;
    const style = styles[item.fontName ?? ''] ?? {};
    if (style.vertical) continue;
    const ascent = Number.isFinite(style.ascent) && style.ascent! > 0 ? style.ascent! : ASCENT;
    const descent = Number.isFinite(style.descent) && style.descent! < 0 ? style.descent! : DESCENT;
    const scale = Math.hypot(viewportTransform[0], viewportTransform[1]) || 1;
    const width = Number.isFinite(item.width) && item.width > 0 ? item.width * scale : estimateWidth(item.str) * size;
    const x0 = m[4];
    const baseline = m[5];
    runs.push({
      text: item.str,
      x0,
      x1: x0 + width,
      top: baseline - ascent * size,
      bottom: baseline - descent * size,
      size,
      fontName: item.fontName ?? '',
    });
  }
  return runs;
}

/** Nominal advance of a character in em: CJK and full-width forms are square, the rest about half. */
function advance(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f && ch !== ' ')) return 1;
  if (ch === ' ') return 0.25;
  return 0.5;
}

function estimateWidth(text: string): number {
  let sum = 0;
  for (const ch of text) sum += advance(ch);
  return sum;
}

/**
 * Splits a run at the given x positions (vertical rules). pdf.js glues neighbouring cells into one
 * item when they are less than 0.6 em apart; the rule between them shows where to cut. Character
 * positions are estimated from nominal advances scaled to the item's width.
 */
export function splitRun(run: TextRun, cuts: readonly number[]): TextRun[] {
  // Most runs sit inside one cell: no cut between their ends, nothing to do.
  if (!cuts.some((x) => x > run.x0 + 1 && x < run.x1 - 1) || run.text.length > MAX_SPLIT_LENGTH) return [run];
  const inside = cuts.filter((x) => x > run.x0 + 1 && x < run.x1 - 1);
  const chars = Array.from(run.text);
  const total = chars.reduce((s, ch) => s + advance(ch), 0) || 1;
  const unit = (run.x1 - run.x0) / total;
  const pieces: TextRun[] = [];
  let text = '';
  let start = run.x0;
  let x = run.x0;
  let cut = 0;
  for (const ch of chars) {
    const w = advance(ch) * unit;
    // A character belongs to the side of the cut its centre falls on.
    while (cut < inside.length && x + w / 2 > inside[cut]!) {
      if (text.trim()) pieces.push({ ...run, text: text.trim(), x0: start, x1: x });
      text = '';
      start = x;
      cut += 1;
    }
    text += ch;
    x += w;
  }
  if (text.trim()) pieces.push({ ...run, text: text.trim(), x0: start, x1: run.x1 });
  return pieces;
}
