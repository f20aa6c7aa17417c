import type { Rule } from './rulings';

/**
 * Ruled tables from rules, the way pdfplumber and Tabula do it: snap nearly-equal positions, join
 * touching segments, find where horizontal and vertical rules cross, take the smallest rectangles
 * between crossings as cells, and group cells that share corners into tables.
 */
export interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export interface GridCell extends Box {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface GridTable extends Box {
  /** Column boundaries (x) and row boundaries (y), sorted. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** Outer row borders that no rule draws, closed where the column rules end (see closeOpenEnds). */
  closed?: { top?: boolean; bottom?: boolean };
}

const SNAP = 3;
const JOIN = 3;
const CROSS = 3;
/** Tables smaller than this (points) are boxes around titles, stamps or page frames' corners. */
const MIN_TABLE_SIDE = 8;
const MAX_CROSSINGS = 400_000;
/** Rows whose left or right edges differ by more than this belong to different tables. */
const EXTENT_JUMP = 6;
/** Column rules running on this far (points) past the outermost row rule enclose a row of their own. */
const MIN_OVERHANG = 4;

function snap(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((p, q) => p.at - q.at);
  const out: Rule[] = [];
  let group: Rule[] = [];
  const flush = () => {
    if (!group.length) return;
    const at = group.reduce((s, r) => s + r.at, 0) / group.length;
    for (const r of group) out.push({ ...r, at });
    group = [];
  };
  for (const r of sorted) {
    if (group.length && r.at - group[0]!.at > SNAP) flush();
    group.push(r);
  }
  flush();
  return out;
}

function join(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((p, q) => p.at - q.at || p.a - q.a);
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.at === r.at && r.a <= last.b + JOIN) last.b = Math.max(last.b, r.b);
    else out.push({ ...r });
  }
  return out;
}

export function normaliseRules(rules: Rule[]): { h: Rule[]; v: Rule[] } {
  const h = join(snap(rules.filter((r) => r.dir === 'h')));
  const v = join(snap(rules.filter((r) => r.dir === 'v')));
  return { h, v };
}

interface Crossing {
  x: number;
  y: number;
  hi: number;
  vi: number;
}

function crosses(hr: Rule, vr: Rule): boolean {
  return vr.at >= hr.a - CROSS && vr.at <= hr.b + CROSS && hr.at >= vr.a - CROSS && hr.at <= vr.b + CROSS;
}

/**
 * Word draws a table continued on a new page with its column rules starting at the top margin but
 * no rule above the first row (and some producers leave the last row open at the foot): that row
 * would fall outside the grid and become loose text. Where column rules of a grid run on past the
 * outermost row rule they cross, the rule the producer left out is added at their common end.
 */
/**
 * For each vertical rule, the horizontal rules it crosses (indices into h, which is sorted by y):
 * only the rules within its vertical reach are looked at.
 */
function crossingsByColumn(h: Rule[], v: Rule[]): number[][] {
  const ys = h.map((hr) => hr.at);
  return v.map((vr) => {
    const out: number[] = [];
    for (let i = firstAtLeast(ys, vr.a - CROSS); i < h.length && ys[i]! <= vr.b + CROSS; i += 1) if (crosses(h[i]!, vr)) out.push(i);
    return out;
  });
}

function closeOpenEnds(h: Rule[], v: Rule[], crossed: number[][]): { closing: Rule[]; bridges: Rule[] } {
  const added: Rule[] = [];
  const bridges: Rule[] = [];
  const spans = v
    .map((vr, vi) => {
      const list = crossed[vi]!;
      return { vr, first: list.length ? h[list[0]!]!.at : Infinity, last: list.length ? h[list[list.length - 1]!]!.at : -Infinity };
    })
    .filter((s) => s.first <= s.last);
  for (const end of ['a', 'b'] as const) {
    const open = spans.filter((s) => (end === 'a' ? s.first - s.vr.a : s.vr.b - s.last) > MIN_OVERHANG);
    const done: number[] = [];
    for (const s of open) {
      const y = s.vr[end];
      if (done.some((d) => Math.abs(d - y) <= SNAP)) continue;
      done.push(y);
      // Every column rule ending there belongs to the row, also those that meet a partial rule there.
      const group = spans.filter((t) => Math.abs(t.vr[end] - y) <= SNAP);
      if (group.length < 2) continue;
      const xs = group.map((t) => t.vr.at);
      added.push({ dir: 'h', at: y, a: Math.min(...xs), b: Math.max(...xs) });
    }
  }
  // Column rules with no row rule at all, side by side from the same top to the same bottom: a page
  // taken up by one tall row of a table cut at both ends (its text continues from the page before).
  const bare = v.filter((_, vi) => crossed[vi]!.length === 0);
  const boxed: number[] = [];
  for (const vr of bare) {
    if (boxed.some((a) => Math.abs(a - vr.a) <= SNAP)) continue;
    const group = bare.filter((t) => Math.abs(t.a - vr.a) <= SNAP && Math.abs(t.b - vr.b) <= SNAP);
    if (group.length < 3) continue;
    boxed.push(vr.a);
    const xs = group.map((t) => t.at);
    added.push({ dir: 'h', at: vr.a, a: Math.min(...xs), b: Math.max(...xs) }, { dir: 'h', at: vr.b, a: Math.min(...xs), b: Math.max(...xs) });
  }
  // A gap in a row rule between two column rules that both end there (a cell spanning rows cut by
  // the page break has no rule under its part): the rule runs on across it.
  const ends = (x: number, y: number) => v.some((vr) => Math.abs(vr.at - x) <= CROSS && (Math.abs(vr.a - y) <= SNAP || Math.abs(vr.b - y) <= SNAP));
  for (let i = 1; i < h.length; i += 1) {
    const [left, right] = [h[i - 1]!, h[i]!];
    if (left.at !== right.at || right.a - left.b <= JOIN) continue;
    if (ends(left.b, left.at) && ends(right.a, right.at)) bridges.push({ dir: 'h', at: left.at, a: left.b, b: right.a });
  }
  return { closing: added, bridges };
}

export function findTables(rules: Rule[]): GridTable[] {
  let { h, v } = normaliseRules(rules);
  // Hatching, charts and maps make thousands of rules; no table grid needs this many crossings.
  if (h.length * v.length > MAX_CROSSINGS) return [];
  let crossed = crossingsByColumn(h, v);
  const { closing, bridges } = closeOpenEnds(h, v, crossed);
  if (closing.length || bridges.length) {
    ({ h, v } = normaliseRules([...h, ...v, ...closing, ...bridges]));
    crossed = crossingsByColumn(h, v);
  }
  const crossings: Crossing[] = [];
  crossed.forEach((list, vi) => {
    for (const hi of list) crossings.push({ x: v[vi]!.at, y: h[hi]!.at, hi, vi });
  });
  // Crossings on each horizontal rule sorted by x, on each vertical rule by y.
  const onH: Crossing[][] = h.map(() => []);
  const onV: Crossing[][] = v.map(() => []);
  for (const c of crossings) {
    onH[c.hi]!.push(c);
    onV[c.vi]!.push(c);
  }
  for (const list of onH) list.sort((p, q) => p.x - q.x);
  for (const list of onV) list.sort((p, q) => p.y - q.y);
  const atH = new Map<Crossing, number>();
  const atV = new Map<Crossing, number>();
  for (const list of onH) list.forEach((c, i) => atH.set(c, i));
  for (const list of onV) list.forEach((c, i) => atV.set(c, i));

  const cells: Box[] = [];
  for (const c of crossings) {
    const row = onH[c.hi]!;
    const column = onV[c.vi]!;
    found: for (let j = atV.get(c)! + 1; j < column.length; j += 1) {
      const d = column[j]!;
      if (d.y <= c.y) continue;
      const bottom = h[d.hi]!;
      for (let i = atH.get(c)! + 1; i < row.length; i += 1) {
        const r = row[i]!;
        if (r.x <= c.x) continue;
        // The bottom-right corner must be a crossing of the rules through the right and the bottom crossings.
        if (crosses(bottom, v[r.vi]!)) {
          cells.push({ x0: c.x, top: c.y, x1: r.x, bottom: d.y });
          break found;
        }
      }
    }
  }
  const tables = groupCells(cells);
  for (const rule of closing) {
    for (const table of tables) {
      if (rule.a > table.x1 + CROSS || rule.b < table.x0 - CROSS) continue;
      if (Math.abs(rule.at - table.top) <= SNAP) table.closed = { ...table.closed, top: true };
      if (Math.abs(rule.at - table.bottom) <= SNAP) table.closed = { ...table.closed, bottom: true };
    }
  }
  return tables;
}

/** A corner as one number (hundredths of a point), cheaper than a string key. */
function key(x: number, y: number): number {
  return Math.round(x * 100) * 1_000_000 + Math.round(y * 100);
}

function groupCells(cells: Box[]): GridTable[] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<number, number>();
  cells.forEach((cell, i) => {
    for (const k of [key(cell.x0, cell.top), key(cell.x1, cell.top), key(cell.x0, cell.bottom), key(cell.x1, cell.bottom)]) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Box[]>();
  cells.forEach((cell, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(cell));
  const tables: GridTable[] = [];
  for (const group of [...groups.values()].flatMap(splitByExtent)) {
    const table = toGrid(group);
    if (table.x1 - table.x0 >= MIN_TABLE_SIDE && table.bottom - table.top >= MIN_TABLE_SIDE) tables.push(table);
  }
  return tables.sort((p, q) => p.top - q.top || p.x0 - q.x0);
}

/**
 * Two tables drawn one right under the other share a border and come out as one group. Where the
 * left or right edge of the rows jumps, a new table begins.
 */
function splitByExtent(boxes: Box[]): Box[][] {
  const tops = uniqueSorted(boxes.map((b) => b.top));
  if (tops.length < 2) return [boxes];
  // Each row band's extent, cells spanning down from earlier rows included (a rowspan'd first column is still the edge).
  const x0 = tops.map(() => Infinity);
  const x1 = tops.map(() => -Infinity);
  for (const b of boxes) {
    for (let i = firstAtLeast(tops, b.top - 0.5); i < tops.length && tops[i]! < b.bottom - 0.5; i += 1) {
      x0[i] = Math.min(x0[i]!, b.x0);
      x1[i] = Math.max(x1[i]!, b.x1);
    }
  }
  const edges = edgeIndex(boxes);
  const cuts: number[] = [];
  for (let i = 1; i < tops.length; i += 1) {
    if (Math.abs(x0[i - 1]! - x0[i]!) > EXTENT_JUMP || Math.abs(x1[i - 1]! - x1[i]!) > EXTENT_JUMP || columnsBreak(edges, tops[i]!)) cuts.push(tops[i]!);
  }
  if (!cuts.length) return [boxes];
  const parts: Box[][] = Array.from({ length: cuts.length + 1 }, () => []);
  for (const box of boxes) {
    let part = 0;
    while (part < cuts.length && box.top >= cuts[part]! - 0.5) part += 1;
    parts[part]!.push(box);
  }
  return parts.filter((part) => part.length > 0);
}

/** First index of a sorted list whose value is at least `value`. */
function firstAtLeast(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Boxes whose top (or bottom) lies within 0.5 of y, looked up in half-point buckets. */
type EdgeIndex = (edge: 'top' | 'bottom', y: number) => Box[];

function edgeIndex(boxes: Box[]): EdgeIndex {
  const buckets = { top: new Map<number, Box[]>(), bottom: new Map<number, Box[]>() };
  for (const b of boxes) {
    push(buckets.top, Math.round(b.top * 2), b);
    push(buckets.bottom, Math.round(b.bottom * 2), b);
  }
  return (edge, y) => {
    const k = Math.round(y * 2);
    return [k - 1, k, k + 1].flatMap((key) => buckets[edge].get(key) ?? []).filter((b) => Math.abs(b[edge] - y) <= 0.5);
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * True when the column borders meeting a horizontal rule from above and from below mostly
 * disagree: the rule is the bottom of one table and the top of another, not a row border.
 * (Spanned header cells only leave borders out, so they still agree.)
 */
function columnsBreak(edges: EdgeIndex, y: number): boolean {
  // Interior borders only: the outer edges of two tables of equal width always agree.
  const interior = (xs: number[]) => xs.slice(1, -1);
  const above = interior(uniqueSorted(edges('bottom', y).flatMap((b) => [b.x0, b.x1])));
  const below = interior(uniqueSorted(edges('top', y).flatMap((b) => [b.x0, b.x1])));
  if (above.length < 2 || below.length < 2) return false;
  const shared = above.filter((x) => below.some((w) => Math.abs(w - x) <= 1)).length;
  return shared / Math.min(above.length, below.length) < 0.5;
}

function uniqueSorted(values: number[]): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1]! > 0.5) out.push(v);
  return out;
}

/** Index of the value in the sorted list nearest to `value` (binary search). */
function indexOf(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(list[lo - 1]! - value) <= Math.abs(list[lo]! - value) ? lo - 1 : lo;
}

function toGrid(boxes: Box[]): GridTable {
  const xs = uniqueSorted(boxes.flatMap((b) => [b.x0, b.x1]));
  const ys = uniqueSorted(boxes.flatMap((b) => [b.top, b.bottom]));
  const cells: GridCell[] = boxes.map((b) => {
    const col = indexOf(xs, b.x0);
    const row = indexOf(ys, b.top);
    return { ...b, row, col, colSpan: Math.max(1, indexOf(xs, b.x1) - col), rowSpan: Math.max(1, indexOf(ys, b.bottom) - row) };
  });
  cells.sort((p, q) => p.row - q.row || p.col - q.col);
  return { x0: xs[0]!, x1: xs[xs.length - 1]!, top: ys[0]!, bottom: ys[ys.length - 1]!, xs, ys, cells };
}
