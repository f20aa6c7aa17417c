import Decimal from 'decimal.js';
import { compactText } from '../amount/normalize';
import type { Unit } from '../amount/units';
import { convert, UNIT_PATTERN } from '../amount/units';
import type { TableModel } from '../table/model';
import type { CellRef } from '../report/schema';
import type { CheckOutcome, TableCheck } from './types';
import { cellRefAt } from './sum-identity';
import { emptyOutcome } from './types';

/**
 * Performance targets (rulebook P-04): a cost indicator capped at "≤ X 万元" should not allow more
 * than the project's own budget (seed 003-05: 服务费 ≤20.4万元 on a 12.00 万元 project). A cap
 * above the budget is suspicious, not impossible (caps are sometimes copied from multi-year
 * plans), so it is a warning.
 */
const CAP = new RegExp(String.raw`^(?:≤|<=|<|不超过|不高于)\s*(\d+(?:\.\d+)?)\s*(${UNIT_PATTERN})$`);

export const performanceCostCapCheck: TableCheck = {
  name: 'performance-cost-cap',
  scope: 'table',
  rules: ['perf.cost-cap'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    if (!table.kind.startsWith('performance') || !table.unit) return outcome;
    const budgetColumn = table.panels[0]?.amountColumns[0];
    if (!budgetColumn) return outcome;
    let budget: { value: Decimal; row: number; label: string } | null = null;
    for (const panel of table.panels) {
      for (const row of panel.rows) {
        const value = row.values.get(budgetColumn.index);
        if (value?.kind === 'number' && !value.value.isZero()) budget = { value: value.value, row: row.row, label: row.label };
        if (!budget) continue;
        table.grid.cells[row.row]!.forEach((cell, c) => {
          if (cell.originRow !== row.row || cell.originCol !== c) return;
          const cap = CAP.exec(compactText(cell.text));
          if (!cap || !budget) return;
          outcome.checksRun += 1;
          const capped = convert(new Decimal(cap[1]!), cap[2] as Unit, table.unit!);
          if (capped.lessThanOrEqualTo(budget.value)) {
            outcome.passed += 1;
            return;
          }
          const ref = (r: number, col: number, label: string): CellRef => cellRefAt(table, r, col, label);
          outcome.findings.push({
            rule: 'perf.cost-cap',
            severity: 'warning',
            message: `成本指标「${compactText(cell.text)}」允许的金额高于项目「${budget.label}」本身的预算 ${budget.value.toString()}${table.unit}，指标值或预算疑似有误。`,
            expected: budget.value.toString(),
            actual: capped.toString(),
            difference: capped.minus(budget.value).toString(),
            unit: table.unit!,
            location: ref(row.row, c, compactText(cell.text)),
            related: [ref(budget.row, budgetColumn.index, budget.label)],
          });
        });
      }
    }
    return outcome;
  },
};
