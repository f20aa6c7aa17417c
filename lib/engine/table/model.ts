import type { ReadingDoubt, SourceTable, TableAnchor, TableSeam } from '../source';
import type { TableKind } from '../document/table-kinds';
import type { Grid } from './grid';
import { expandGrid } from './grid';
import type { HeaderSplit } from './header';
import { columnPaths, splitHeader } from './header';
import type { ColumnInfo, Panel } from './columns';
import { classifyColumns, splitPanels } from './columns';
import type { BodyRow } from './rows';
import { panelRows, unitPrefixesOf } from './rows';
import type { Unit } from '../amount/units';
import { findCaptionUnit, findHeaderUnit } from '../amount/units';

export interface PanelModel extends Panel {
  rows: BodyRow[];
}

export interface TableModel {
  id: string;
  /** The table's anchor as extraction made it ("t3"); tests may use other ids. */
  anchor: TableAnchor;
  title: string;
  kind: TableKind;
  number?: string;
  page?: number;
  /** Reading-order position shared with the text blocks (SourceTable.seq). */
  seq?: number;
  /** The text lines right under the table (notes such as "注：本表无数据"). */
  after?: string[];
  unit: Unit | null;
  unitSource: 'caption' | 'header' | 'default' | 'none';
  grid: Grid;
  header: HeaderSplit;
  columns: ColumnInfo[];
  panels: PanelModel[];
  /** Joins of pieces continued over page breaks, from extraction or the continuation merge (rows are grid rows). */
  seams: TableSeam[];
  /**
   * Readings that are guesses (rows are grid rows): extraction's own (SourceTable.doubts) and
   * the model's — a column kind told by its values against or without its header. A finding
   * resting on one is a possible misreading, never more than a warning.
   */
  doubts: ReadingDoubt[];
}

/** Grids beyond this many positions are reported as not checked instead of analysed. */
export const MAX_GRID_CELLS = 400_000;

export function tableUnit(source: SourceTable, grid: Grid, header: HeaderSplit): { unit: Unit | null; source: 'caption' | 'header' | 'none' } {
  for (const line of [source.caption, ...source.before.slice().reverse(), ...source.after]) {
    const unit = findCaptionUnit(line);
    if (unit) return { unit, source: 'caption' };
  }
  for (let r = 0; r < Math.min(header.bodyStart, grid.height); r += 1) {
    for (const cell of grid.cells[r]!) {
      const unit = findHeaderUnit(cell.text);
      if (unit) return { unit, source: 'header' };
    }
  }
  return { unit: null, source: 'none' };
}

export interface TableIdentity {
  id: string;
  title: string;
  kind: TableKind;
  /** The number printed with the title ("公开03表", "附件6", "表1"), when there is one. */
  number?: string;
}

/** A guessed column kind unsettles the whole column (header and body). */
function columnDoubts(columns: ColumnInfo[]): ReadingDoubt[] {
  return columns.filter((c) => c.guess && c.kind === 'amount').map((c) => ({ col: c.index, reason: c.guess! }));
}

/** The whole structural reading of one table: grid, header, columns, panels, rows, unit. */
export function buildTableModel(source: SourceTable, identity: TableIdentity, grid = expandGrid(source.rows)): TableModel {
  const header = splitHeader(grid);
  const paths = columnPaths(grid, header.nameRows);
  const columns = classifyColumns(grid, header, paths);
  const unitPrefixes = unitPrefixesOf(grid, header);
  const panels = splitPanels(columns).map((panel) => ({ ...panel, rows: panelRows(grid, header, panel, unitPrefixes) }));
  const unit = tableUnit(source, grid, header);
  return {
    ...identity,
    // Extraction numbers tables "t0", "t1" … (lib/engine/source.ts): the one place the string is taken as that.
    anchor: source.anchor as TableAnchor,
    ...(source.page ? { page: source.page } : {}),
    ...(typeof source.seq === 'number' ? { seq: source.seq } : {}),
    ...(Array.isArray(source.after) && source.after.length ? { after: source.after.slice(0, 3).map((l) => String(l).slice(0, 300)) } : {}),
    unit: unit.unit,
    unitSource: unit.source,
    grid,
    header,
    columns,
    panels,
    seams: Array.isArray(source.seams) ? source.seams.slice() : [],
    doubts: [...(Array.isArray(source.doubts) ? source.doubts : []), ...columnDoubts(columns)],
  };
}
