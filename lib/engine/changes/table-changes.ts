import type { Change } from '../report/schema';
import type { ColumnInfo } from '../table/columns';
import type { TableModel } from '../table/model';
import { headerTree } from '../checks/header-tree';
import type { HeaderNode } from '../checks/header-tree';

/**
 * Tables that carry two years or two stages side by side — 三公 tables with 上年预算 | 本年预算,
 * 决算 tables with 预算数 | 决算数 — state their own changes: each line's current value against the
 * earlier one (rulebook N-04's table counterpart). They go into the report's `changes` with
 * basis "table", for the page to show ▲/▼ beside the rows.
 */
export const MAX_TABLE_CHANGES = 300;

function periodOrder(label: string): number | null {
  const year = /(20\d\d)\s*年/.exec(label);
  if (year) return Number(year[1]);
  if (/上年|上一年|去年/.test(label)) return 1;
  if (/本年|当年|今年/.test(label)) return 2;
  if (/^(年初)?预算数?$|全年预算/.test(label)) return 1;
  if (/^决算数?$|执行数/.test(label)) return 2;
  return null;
}

function leaves(node: HeaderNode): Array<{ name: string; column: ColumnInfo }> {
  if (!node.children.length) return node.columns.length === 1 ? [{ name: node.label, column: node.columns[0]! }] : [];
  return node.children.flatMap(leaves);
}

export function tableChanges(table: TableModel): Change[] {
  const changes: Change[] = [];
  if (!table.unit) return changes;
  for (const panel of table.panels) {
    const periods = headerTree(panel.amountColumns)
      .map((node) => ({ node, order: periodOrder(node.label) }))
      .filter((p): p is { node: HeaderNode; order: number } => p.order !== null && p.node.children.length > 0);
    if (periods.length !== 2 || periods[0]!.order === periods[1]!.order) continue;
    const [before, after] = periods[0]!.order < periods[1]!.order ? [periods[0]!, periods[1]!] : [periods[1]!, periods[0]!];
    const earlier = new Map(leaves(before.node).map((l) => [l.name, l.column]));
    for (const { name, column } of leaves(after.node)) {
      const previousColumn = earlier.get(name);
      if (!previousColumn) continue;
      for (const row of panel.rows) {
        const previous = row.values.get(previousColumn.index);
        const current = row.values.get(column.index);
        if (previous?.kind !== 'number' || current?.kind !== 'number') continue;
        if (changes.length >= MAX_TABLE_CHANGES) return changes;
        const delta = current.value.minus(previous.value);
        const decimals = Math.max(previous.decimals, current.decimals);
        const cell = table.grid.cells[row.row]?.[column.index];
        changes.push({
          label: `${row.label && row.label !== '合计' ? `${row.label}·` : ''}${name}`,
          ...(row.code && row.code.kind !== 'unit' ? { code: row.code.code } : {}),
          previous: previous.value.toFixed(decimals),
          current: current.value.toFixed(decimals),
          delta: delta.toFixed(decimals),
          ...(previous.value.isZero() ? {} : { percent: delta.dividedBy(previous.value).times(100).toFixed(2) }),
          unit: table.unit,
          basis: 'table',
          location: { tableId: table.id, row: row.row, col: column.index, ...(table.page ? { page: table.page } : {}), ...(cell?.anchor ? { anchor: cell.anchor } : {}), label: `${before.node.label} → ${after.node.label}` },
        });
      }
    }
  }
  return changes;
}
