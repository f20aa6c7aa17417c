/**
 * A sheet's visible cells → tables and lines of text, as a reader of the sheet sees them.
 * Blank rows separate tables; where the sheet draws cell borders, the bordered rows are the
 * table and the rows around them (title, 编制单位/单位 line, notes) are lines, as ruled lines
 * decide in a PDF; without borders a table is the rows with two or more filled cells. Hidden
 * rows and columns are skipped, columns empty throughout a table (spacers) dropped, merged
 * ranges become row and column spans of the cells that remain.
 */
import type { NotChecked } from '../../engine/report/schema';
import type { SourceCell, SourceTable, TextBlock } from '../../engine/source';
import type { Merge, SheetCell, SheetModel } from './sheet';
import { columnName } from './sheet';
import type { CellStyle } from './workbook';

const BEFORE_LINES = 6;
/** Budget tables are a few dozen columns wide and a few thousand rows long at most. */
export const MAX_TABLE_COLS = 256;
export const MAX_TABLE_CELLS = 1_000_000;
/** Merged ranges: the largest one considered, and all of them together (cell positions). */
const MAX_MERGE_AREA = 200_000;
const MAX_COVERED = 2_000_000;
const AFTER_LINES = 3;
/** A bold or large line longer than this is a sentence, not a heading. */
const MAX_HEADING = 50;
const UNIT_LINE = /单位\s*[:：]|^编制(?:单位|部门)/;
const NOTE_LINE = /^\s*(?:注|说明|备注)\s*[:：\d１-９一二三四五六七八九十、.．]/;

/** Where a table cell or a line sits in the workbook, for the viewer and for messages. */
export interface CellPlace {
  sheet: number;
  /** "C5"; for a merged cell its top-left visible corner. */
  ref: string;
}

export interface SheetLayout {
  tables: SourceTable[];
  blocks: TextBlock[];
  places: Map<string, CellPlace>;
  /** Tables too large to check. */
  notChecked: NotChecked[];
}

export interface LayoutCounters {
  tables: number;
  blocks: number;
  seq: number;
}

interface Placed {
  cell: SheetCell | undefined;
  /** The merge this position belongs to (origin or covered). */
  merge?: Merge;
  /** True for the merge's top-left position (the cell holding the text). */
  origin: boolean;
}

export function layoutSheet(model: SheetModel, sheetIndex: number, sheetName: string, styles: CellStyle[], counters: LayoutCounters): SheetLayout {
  const tables: SourceTable[] = [];
  const blocks: TextBlock[] = [];
  const places = new Map<string, CellPlace>();
  const notChecked: NotChecked[] = [];
  const hiddenCol = (c: number) => model.hiddenCols.some(([a, b]) => c >= a && c <= b);
  const style = (cell: SheetCell | undefined): CellStyle | undefined => (cell ? styles[cell.style] : undefined);

  // Rows holding data, and rows only covered by a merge (clipped to the data's extent).
  const dataRows = [...model.rows.keys()].sort((a, b) => a - b);
  if (dataRows.length === 0) return { tables, blocks, places, notChecked };
  const firstRow = dataRows[0]!;
  const lastRow = dataRows.at(-1)!;
  const rowSet = new Set(dataRows);
  const coveredBy = new Map<string, Merge>();
  const mergesByRow = new Map<number, Merge[]>();
  for (const merge of model.merges) {
    const top = Math.max(merge.top, firstRow);
    const bottom = Math.min(merge.bottom, lastRow);
    const area = (bottom - top + 1) * (merge.right - merge.left + 1);
    // A merge wider or taller than any real table is decoration or a hostile range (only its
    // corner counts), and so are merges past a total no budget workbook comes near.
    if (area > MAX_MERGE_AREA || coveredBy.size + area > MAX_COVERED) continue;
    for (let r = top; r <= bottom; r += 1) {
      rowSet.add(r);
      let list = mergesByRow.get(r);
      if (!list) mergesByRow.set(r, (list = []));
      list.push(merge);
      for (let c = merge.left; c <= merge.right; c += 1) coveredBy.set(`${r},${c}`, merge);
    }
  }
  const rows = [...rowSet].filter((r) => !model.hiddenRows.has(r)).sort((a, b) => a - b);

  const at = (r: number, c: number): Placed => {
    const merge = coveredBy.get(`${r},${c}`);
    if (merge) return { cell: model.rows.get(merge.top)?.get(merge.left), merge, origin: r === merge.top && c === merge.left };
    return { cell: model.rows.get(r)?.get(c), origin: true };
  };
  // The visible columns row r has anything at (its cells, the merges over it): work stays in
  // proportion to what the sheet holds, however far apart its cells are.
  const positionCache = new Map<number, number[]>();
  const positions = (r: number): number[] => {
    let out = positionCache.get(r);
    if (out) return out;
    const set = new Set<number>();
    for (const c of model.rows.get(r)?.keys() ?? []) if (!hiddenCol(c)) set.add(c);
    for (const merge of mergesByRow.get(r) ?? []) for (let c = merge.left; c <= merge.right; c += 1) if (!hiddenCol(c)) set.add(c);
    out = [...set].sort((x, y) => x - y);
    positionCache.set(r, out);
    return out;
  };

  const hasText = (p: Placed) => !!p.cell && p.cell.text.trim() !== '';
  const bordered = (p: Placed) => !!style(p.cell)?.border;
  /** Distinct filled cells seen on row r (a merged cell once). */
  const filled = (r: number): number => {
    const seen = new Set<unknown>();
    for (const c of positions(r)) {
      const p = at(r, c);
      if (hasText(p)) seen.add(p.merge ?? `${r},${c}`);
    }
    return seen.size;
  };
  const ruled = (r: number): boolean => positions(r).some((c) => {
    const p = at(r, c);
    return bordered(p) || (!!p.merge && bordered({ cell: model.rows.get(r)?.get(c), origin: false }));
  });

  // Blocks: runs of consecutive visible rows that hold text or borders.
  const blockList: number[][] = [];
  let current: number[] = [];
  let previous = -2;
  for (const r of rows) {
    const blank = filled(r) === 0 && !ruled(r);
    const adjacent = r === previous + 1 || rangeHidden(model, previous + 1, r - 1);
    if (blank || !adjacent) {
      if (current.length) blockList.push(current);
      current = [];
    }
    if (!blank) current.push(r);
    previous = r;
  }
  if (current.length) blockList.push(current);

  let sinceTable: TextBlock[] = [];
  let lastTable: SourceTable | null = null;
  const line = (r: number) => {
    const texts: string[] = [];
    let heading = false;
    let first: number | null = null;
    for (const c of positions(r)) {
      const p = at(r, c);
      // A merged line's text belongs to its first visible row only.
      if (p.merge && (p.merge.left !== c || firstVisibleRow(model, p.merge) !== r)) continue;
      if (!hasText(p)) continue;
      texts.push(p.cell!.text.trim());
      first ??= c;
      const s = style(p.cell);
      if (s && (s.bold || s.size >= 14)) heading = true;
    }
    if (!texts.length) return;
    const text = texts.join(' ');
    const anchor = `b${counters.blocks++}`;
    const block: TextBlock = { anchor, text, kind: heading && text.length <= MAX_HEADING ? 'heading' : 'paragraph', seq: counters.seq++ };
    blocks.push(block);
    places.set(anchor, { sheet: sheetIndex, ref: `${columnName(first!)}${r + 1}` });
    sinceTable.push(block);
  };

  const table = (core: number[]) => {
    // Columns with text somewhere in the table (spacer columns dropped).
    const keptSet = new Set<number>();
    for (const r of core) for (const c of positions(r)) if (!keptSet.has(c) && hasText(at(r, c))) keptSet.add(c);
    const kept = [...keptSet].sort((x, y) => x - y);
    if (kept.length > MAX_TABLE_COLS || kept.length * core.length > MAX_TABLE_CELLS) {
      notChecked.push({
        what: `工作表「${sheetName}」第 ${core[0]! + 1}–${core.at(-1)! + 1} 行`,
        reason: `表格有 ${core.length} 行、${kept.length} 列，超出可检查的范围（至多 ${MAX_TABLE_COLS} 列、${MAX_TABLE_CELLS} 个单元格），未检查`,
      });
      return;
    }
    const anchor = `t${counters.tables++}`;
    const rowsOut: SourceCell[][] = core.map((r, ri) => {
      const out: SourceCell[] = [];
      kept.forEach((c) => {
        const p = at(r, c);
        if (p.merge) {
          const m = p.merge;
          const topRow = core.find((x) => x >= m.top && x <= m.bottom);
          const leftCol = kept.find((x) => x >= m.left && x <= m.right);
          if (topRow !== r || leftCol !== c) return;
          const rowSpan = core.filter((x) => x >= m.top && x <= m.bottom).length;
          const colSpan = kept.filter((x) => x >= m.left && x <= m.right).length;
          out.push(sourceCell(p.cell, rowSpan, colSpan, `${anchor}.r${ri}.c${out.length}`));
        } else out.push(sourceCell(p.cell, 1, 1, `${anchor}.r${ri}.c${out.length}`));
        places.set(out.at(-1)!.anchor, { sheet: sheetIndex, ref: `${columnName(c)}${r + 1}` });
      });
      return out;
    });
    if (lastTable) lastTable.after = sinceTable.slice(0, AFTER_LINES).map((b) => b.text);
    const source: SourceTable = { anchor, rows: rowsOut, caption: '', before: sinceTable.slice(-BEFORE_LINES).map((b) => b.text), after: [], seq: counters.seq++, sheet: sheetName };
    tables.push(source);
    places.set(anchor, { sheet: sheetIndex, ref: `${columnName(kept[0] ?? 0)}${(core[0] ?? 0) + 1}` });
    lastTable = source;
    sinceTable = [];
  };

  // The sheet's name is what a reader sees first ("表一 收支总表"); default names say nothing.
  if (!/^(?:sheet|工作表)\s*\d*$/i.test(sheetName.trim())) {
    const anchor = `b${counters.blocks++}`;
    const block: TextBlock = { anchor, text: sheetName.trim(), kind: 'heading', seq: counters.seq++ };
    blocks.push(block);
    places.set(anchor, { sheet: sheetIndex, ref: '' });
    sinceTable.push(block);
  }

  for (const block of blockList) {
    for (const part of splitBlock(block, filled, ruled, (r) => lineLike(r))) {
      if (part.kind === 'line') line(part.row);
      else table(part.rows);
    }
  }
  if (lastTable) (lastTable as SourceTable).after = sinceTable.slice(0, AFTER_LINES).map((b) => b.text);
  return { tables, blocks, places, notChecked };

  /** A row that reads as a title, a unit line or a note even when it has two cells or borders. */
  function lineLike(r: number): boolean {
    const texts = positions(r).map((c) => at(r, c)).filter((p) => p.origin && hasText(p)).map((p) => p.cell!.text);
    if (texts.length === 0) return false;
    if (texts.some((t) => UNIT_LINE.test(t)) && !texts.some((t) => /^[\d,.-]+$/.test(t.trim()))) return true;
    return texts.length === 1 && NOTE_LINE.test(texts[0]!);
  }
}

const firstVisible = new WeakMap<Merge, number>();

function firstVisibleRow(model: SheetModel, merge: Merge): number {
  let row = firstVisible.get(merge);
  if (row === undefined) {
    row = merge.top;
    for (let r = merge.top; r <= merge.bottom; r += 1) {
      if (!model.hiddenRows.has(r)) {
        row = r;
        break;
      }
    }
    firstVisible.set(merge, row);
  }
  return row;
}

/** True when every row in [from, to] is hidden (an empty range counts as hidden). */
function rangeHidden(model: SheetModel, from: number, to: number): boolean {
  if (to - from > 10_000) return false;
  for (let r = from; r <= to; r += 1) if (!model.hiddenRows.has(r)) return false;
  return true;
}

function sourceCell(cell: SheetCell | undefined, rowSpan: number, colSpan: number, anchor: string): SourceCell {
  const out: SourceCell = { text: cell?.text.trim() ?? '', rowSpan, colSpan, headerMarkup: false, anchor };
  if (cell?.exact !== undefined) out.exact = cell.exact;
  return out;
}

type Part = { kind: 'line'; row: number } | { kind: 'table'; rows: number[] };

/**
 * One block of adjacent rows → lines and tables. With borders, each run of ruled rows is a
 * table candidate; without, the rows from the first to the last with two filled cells. Title,
 * unit and note rows at either end of a candidate are lines; a candidate of one row, or of
 * one filled column, is lines too (a framed note).
 */
export function splitBlock(block: number[], filled: (r: number) => number, ruled: (r: number) => boolean, lineLike: (r: number) => boolean): Part[] {
  const runs: { rows: number[]; table: boolean }[] = [];
  if (block.some(ruled)) {
    for (const r of block) {
      const isRuled = ruled(r);
      const last = runs.at(-1);
      if (last && last.table === isRuled) last.rows.push(r);
      else runs.push({ rows: [r], table: isRuled });
    }
  } else {
    const first = block.findIndex((r) => filled(r) >= 2 && !lineLike(r));
    const lastIndex = block.length - 1 - [...block].reverse().findIndex((r) => filled(r) >= 2 && !lineLike(r));
    if (first < 0) runs.push({ rows: block, table: false });
    else {
      if (first > 0) runs.push({ rows: block.slice(0, first), table: false });
      runs.push({ rows: block.slice(first, lastIndex + 1), table: true });
      if (lastIndex < block.length - 1) runs.push({ rows: block.slice(lastIndex + 1), table: false });
    }
  }
  const parts: Part[] = [];
  for (const run of runs) {
    if (!run.table) {
      for (const r of run.rows) parts.push({ kind: 'line', row: r });
      continue;
    }
    let start = 0;
    let end = run.rows.length;
    // Titles framed inside the table's borders: a single filled cell, or a unit line.
    while (start < end && (lineLike(run.rows[start]!) || (start === 0 && filled(run.rows[0]!) === 1 && end > 1 && filled(run.rows[1]!) >= 2))) start += 1;
    while (end > start && (lineLike(run.rows[end - 1]!) || filled(run.rows[end - 1]!) === 0)) end -= 1;
    for (let i = 0; i < start; i += 1) parts.push({ kind: 'line', row: run.rows[i]! });
    const core = run.rows.slice(start, end);
    const multi = core.filter((r) => filled(r) >= 2).length;
    if (core.length >= 2 && multi >= 1) parts.push({ kind: 'table', rows: core });
    else for (const r of core) if (filled(r) > 0) parts.push({ kind: 'line', row: r });
    for (let i = end; i < run.rows.length; i += 1) parts.push({ kind: 'line', row: run.rows[i]! });
  }
  return parts;
}
