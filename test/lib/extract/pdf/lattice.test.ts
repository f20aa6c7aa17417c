import { describe, expect, it } from 'vitest';
import { findTables } from '../../../../lib/extract/pdf/lattice';
import type { Rule } from '../../../../lib/extract/pdf/rulings';

const h = (at: number, a: number, b: number): Rule => ({ dir: 'h', at, a, b });
const v = (at: number, a: number, b: number): Rule => ({ dir: 'v', at, a, b });

describe('findTables', () => {
  it('finds a 3 × 3 grid with a header cell spanning two columns', () => {
    // Header row: one cell over columns 2–3 (no rule at x=200 between y=0 and y=20).
    const rules = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300), v(0, 0, 60), v(100, 0, 60), v(200, 20, 60), v(300, 0, 60)];
    const [table, ...rest] = findTables(rules);
    expect(rest).toEqual([]);
    expect(table!.xs).toEqual([0, 100, 200, 300]);
    expect(table!.ys).toEqual([0, 20, 40, 60]);
    expect(table!.cells.find((c) => c.row === 0 && c.col === 1)).toMatchObject({ colSpan: 2, rowSpan: 1 });
    expect(table!.cells).toHaveLength(8);
  });

  it('snaps rules drawn a little apart and joins broken segments', () => {
    const rules = [h(0, 0, 150), h(0.8, 148, 300), h(30, 0, 300), h(60.5, 0, 300), v(0, 0, 60), v(150.6, 0, 61), v(300, 0, 60)];
    const [table] = findTables(rules);
    expect(table!.cells).toHaveLength(4);
  });

  it('keeps two separate grids apart', () => {
    const box = (y: number) => [h(y, 0, 100), h(y + 10, 0, 100), h(y + 20, 0, 100), v(0, y, y + 20), v(50, y, y + 20), v(100, y, y + 20)];
    expect(findTables([...box(0), ...box(200)])).toHaveLength(2);
  });

  it('finds nothing in loose lines that never cross', () => {
    expect(findTables([h(0, 0, 100), h(50, 0, 100), v(200, 0, 50)])).toEqual([]);
  });

  it('splits two tables drawn one under the other that share a border but not their columns', () => {
    const top = [h(0, 0, 300), h(20, 0, 300), v(0, 0, 40), v(100, 0, 40), v(200, 0, 40), v(300, 0, 40)];
    const bottom = [h(40, 0, 300), h(60, 0, 300), h(80, 0, 300), v(0, 40, 80), v(60, 40, 80), v(130, 40, 80), v(250, 40, 80), v(300, 40, 80)];
    const tables = findTables([...top, ...bottom]);
    expect(tables.map((t) => t.xs.length - 1)).toEqual([3, 4]);
  });

  it('keeps a header whose spanned cells only leave column borders out', () => {
    const rules = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300), v(0, 0, 60), v(100, 0, 60), v(150, 20, 60), v(200, 0, 60), v(250, 20, 60), v(300, 0, 60)];
    expect(findTables(rules)).toHaveLength(1);
  });
});
