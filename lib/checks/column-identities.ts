import type { TableModel } from '../table/model';
import type { CheckOutcome } from './types';
import { emptyOutcome } from './types';
import { recordSum } from './sum-identity';
import { columnIdentities, headerTree } from './header-tree';
import { topLevelIndices } from './nesting';

/**
 * Rulebook B-T3-01/02, B-T5-01, B-T6-01, B-T7-01: identities read from the header tree, row by
 * row — 合计 = 基本支出 + 项目支出; 小计 = 人员经费 + 公用经费; a group's 合计 = Σ its sub-columns.
 */
export const columnIdentitiesCheck = {
  family: 'sum.columns',
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    for (const panel of table.panels) {
      const identities = columnIdentities(headerTree(panel.amountColumns));
      if (!identities.length) continue;
      for (const row of panel.rows) {
        const rowName = row.code && row.label !== row.code.code ? `${row.code.code} ${row.label}` : row.label;
        for (const identity of identities) {
          const name = (label: string): string => label.split('/').slice(-2).join('/');
          recordSum(
            {
              rule: 'sum.columns',
              table,
              total: {
                row: row.row,
                col: identity.total.index,
                value: row.values.get(identity.total.index) ?? { kind: 'blank', raw: '' },
                label: `${rowName}·${name(identity.total.label)}`,
              },
              // A sub-total the header did not mark as one (a lost span) would count twice.
              addends: topLevelIndices(
                identity.addends.map((column) => row.values.get(column.index)),
                // Only a column named 小计/合计 may hide its parts (a header whose span was lost).
                (i) => (/小计|合计/.test(identity.addends[i]!.label) ? 1 : 0),
              ).map((i) => identity.addends[i]!).map((column) => ({
                row: row.row,
                col: column.index,
                value: row.values.get(column.index) ?? { kind: 'blank', raw: '' },
                label: name(column.label),
              })),
              totalName: `「${rowName}」行的${name(identity.total.label)}`,
              sumName: `${identity.group ? `「${identity.group}」下` : ''}各分列之和`,
            },
            outcome,
          );
        }
      }
    }
    return outcome;
  },
};
