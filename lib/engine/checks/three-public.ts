import type { PanelModel, TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { CheckOutcome, TableCheck } from './types';
import { emptyOutcome } from './types';
import { recordSum } from './sum-identity';
import type { Term } from './sum-identity';

/**
 * 三公 tables laid out as rows (rulebook B-T7-01/02, D-07-1): 合计 = 因公出国(境)费 +
 * 公务用车购置及运行费 + 公务接待费, and 公务用车购置及运行费 = 购置费 + 运行(维护)费. Rows are found
 * by their words, because their indentation (the hierarchy) is lost in most markup. Column
 * layouts are covered by the header-tree identities.
 */
const ITEMS = {
  total: /^(“?三公”?经费)?(合计|总计|总额)$|三公.*(合计|总额|支出)$/,
  abroad: /因公出国/,
  vehicles: /公务用车购置及运行/,
  purchase: /公务用车购置费?$/,
  running: /公务用车运行(维护)?费?$/,
  reception: /公务接待/,
} as const;

type ItemName = keyof typeof ITEMS;

function findRows(panel: PanelModel): Partial<Record<ItemName, BodyRow>> {
  const found: Partial<Record<ItemName, BodyRow>> = {};
  for (const row of panel.rows) {
    const key = row.key.replace(/^其中[:：]?/, '');
    for (const name of Object.keys(ITEMS) as ItemName[]) {
      if (!found[name] && ITEMS[name].test(key)) {
        found[name] = row;
        break;
      }
    }
  }
  return found;
}

export function isThreePublicRowLayout(table: TableModel, panel: PanelModel): boolean {
  if (table.kind !== 'three-public' && !/三公/.test(table.title)) return false;
  const rows = findRows(panel);
  return Boolean(rows.abroad && rows.reception && (rows.vehicles || rows.purchase));
}

export const threePublicCheck: TableCheck = {
  name: 'three-public',
  scope: 'table',
  rules: ['sum.three-public', 'sum.blank-total'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    for (const panel of table.panels) {
      if (!isThreePublicRowLayout(table, panel)) continue;
      const rows = findRows(panel);
      for (const column of panel.amountColumns) {
        const term = (row: BodyRow): Term => ({
          row: row.row,
          col: column.index,
          value: row.values.get(column.index) ?? { kind: 'blank', raw: '' },
          label: row.label,
        });
        const vehicleTerms = rows.vehicles ? [term(rows.vehicles)] : [rows.purchase, rows.running].filter((r): r is BodyRow => Boolean(r)).map(term);
        if (rows.total) {
          recordSum(
            {
              rule: 'sum.three-public',
              table,
              total: term(rows.total),
              addends: [term(rows.abroad!), ...vehicleTerms, term(rows.reception!)],
              totalName: `“三公”经费「${rows.total.label}」`,
            },
            outcome,
          );
        }
        if (rows.vehicles && rows.purchase && rows.running) {
          recordSum(
            {
              rule: 'sum.three-public',
              table,
              total: term(rows.vehicles),
              addends: [term(rows.purchase), term(rows.running)],
              totalName: `「${rows.vehicles.label}」`,
            },
            outcome,
          );
        }
      }
    }
    return outcome;
  },
};
