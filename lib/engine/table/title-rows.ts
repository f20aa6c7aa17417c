import type { SourceTable } from '../source';
import type { Grid, GridCell } from './grid';
import { cellValue, expandGrid } from './grid';
import { compactText } from '../amount/normalize';
import { findCaptionUnit, findHeaderUnit } from '../amount/units';

/**
 * Title, unit and organisation lines written as the first rows of a table ("2024年部门收支总表"
 * spanning the table, then "部门：区医保局 … 单位：万元"): CMS editors and Word/Excel exports put
 * them there, other pages put them above the table. Read alike, they are the lines above.
 */

/** A unit, organisation, date or table-number line: what a caption area holds besides the title. */
const CAPTION_META =
  /^[(（]?(?:金额|计量)?单位[:：]|^(?:编制|填报|预算|主管)?(?:部门|单位)(?:[(（]单位[)）])?(?:名称)?(?:[(（]全称[)）])?[:：]|^(?:编制|填报)(?:部门|单位|机关)|^[(（]?\d{4}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?[)）]?$|^(?:公开\d{1,3}表|(?:附件|附表)\d{1,3}(?:-\d{1,3})?|表\d{1,3}(?:-\d{1,3})?|[(（]?续表?[)）]?)$/;
/** A title names a table: "…表", "…表（按经济分类）", "…情况". */
const TITLE_LINE = /表(?:[(（][^()（）]{0,30}[)）])*$|情况$/;

function isCaptionMeta(text: string): boolean {
  const compact = compactText(text);
  return CAPTION_META.test(compact) || findCaptionUnit(compact) !== null || (findHeaderUnit(compact) !== null && compact.length <= 12);
}

/** The row's own non-empty cells, or null when a cell reaches into it from above or below. */
function ownCells(grid: Grid, r: number): GridCell[] | null {
  const cells = grid.cells[r]!;
  const next = grid.cells[r + 1];
  const own: GridCell[] = [];
  for (let c = 0; c < cells.length; c += 1) {
    const cell = cells[c]!;
    // A cell spanning rows belongs to a header, not to a caption line.
    if (cell.originRow !== r || next?.[c]?.originRow === r) return null;
    if (cell.originCol === c && cell.text) own.push(cell);
  }
  return own;
}

/**
 * The leading rows written as the table's caption: rows without numbers whose cells are all
 * meta lines (unit, organisation, year, table number), or one title cell — spanning the row or
 * naming a table — with meta lines beside it. A table always keeps at least one row.
 */
export function titleRowsOf(grid: Grid, bodyStart = grid.height): number[] {
  const rows: number[] = [];
  for (let r = 0; r < Math.min(bodyStart, grid.height - 1); r += 1) {
    const own = ownCells(grid, r);
    if (!own || own.length === 0) break;
    if (own.some((cell) => cellValue(cell).kind === 'number')) break;
    const titles = own.filter((cell) => !isCaptionMeta(cell.text));
    // Positions a ragged row leaves out (no anchor) are as empty as blank cells.
    const spansRow = own.length === 1 && grid.cells[r]!.every((cell) => cell === own[0] || (!cell.anchor && !cell.text));
    if (titles.length > 1) break;
    if (titles.length === 1 && !spansRow && !TITLE_LINE.test(compactText(titles[0]!.text))) break;
    rows.push(r);
  }
  return rows;
}

/**
 * Moves a table's caption rows into the lines above it (`before`), one line per row with its
 * cells two spaces apart, so title, unit and continuation are read as for a caption written above.
 * Seams and doubts keep pointing at the same rows.
 */
export function liftTitleRows(table: SourceTable): SourceTable {
  if (table.rows.length < 2) return table;
  const grid = expandGrid(table.rows);
  const count = titleRowsOf(grid).length;
  if (count === 0) return table;
  const lines = table.rows.slice(0, count).map((row) => row.map((cell) => cell.text.trim()).filter(Boolean).join('  '));
  const shift = <T extends { row?: number }>(items: T[] | undefined): T[] | undefined =>
    items?.filter((item) => item.row === undefined || item.row >= count).map((item) => (item.row === undefined ? item : { ...item, row: item.row - count }));
  const seams = shift(table.seams);
  const doubts = shift(table.doubts);
  return {
    ...table,
    rows: table.rows.slice(count),
    before: [...table.before, ...lines],
    ...(seams ? { seams } : {}),
    ...(doubts ? { doubts } : {}),
  };
}
