import type { PanelModel, TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { CheckOutcome, TableCheck } from './types';
import { emptyOutcome } from './types';
import { recordSum } from './sum-identity';

/**
 * 收支总表 balance (rulebook B-T1-05, D-01-5): 收入总计 = 支出总计, and every expense column
 * pair states the same 本年支出合计 (功能分类 vs 经济分类 views of one budget). Both are the
 * same reported figure, so they must agree exactly up to rounding of one amount.
 */
const INCOME_TOTAL = /^收入总计$|^收入合计$/;
const EXPENSE_TOTAL = /^支出总计$|^支出合计$/;
const EXPENSE_YEAR_TOTAL = /^本年支出合计$/;

function sideOf(panel: PanelModel): 'income' | 'expense' | null {
  const header = panel.columns.map((c) => c.label).join('/');
  const keys = panel.rows.map((r) => r.key).join('/');
  if (/本年收入合计|收入总计/.test(keys) || header.startsWith('收入')) return 'income';
  if (/本年支出合计|支出总计/.test(keys) || header.startsWith('支出')) return 'expense';
  return null;
}

function grandTotal(panel: PanelModel, side: 'income' | 'expense'): BodyRow | undefined {
  const named = panel.rows.find((r) => (side === 'income' ? INCOME_TOTAL : EXPENSE_TOTAL).test(r.key));
  if (named) return named;
  const totals = panel.rows.filter((r) => r.role === 'total' && r.key === '总计');
  return totals.at(-1);
}

export const summaryBalanceCheck: TableCheck = {
  name: 'summary-balance',
  scope: 'table',
  rules: ['sum.balance', 'sum.blank-total'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    const sides = table.panels.map((panel) => ({ panel, side: sideOf(panel) }));
    const income = sides.find((s) => s.side === 'income');
    const expenses = sides.filter((s) => s.side === 'expense');
    if (!income || !expenses.length) return outcome;
    // The first amount column of a side is its 合计 / 金额 column.
    const amountCol = (panel: PanelModel): number | undefined => panel.amountColumns[0]?.index;

    const incomeTotal = grandTotal(income.panel, 'income');
    const incomeCol = amountCol(income.panel);
    for (const expense of expenses) {
      const expenseTotal = grandTotal(expense.panel, 'expense');
      const expenseCol = amountCol(expense.panel);
      if (!incomeTotal || !expenseTotal || incomeCol === undefined || expenseCol === undefined) continue;
      recordSum(
        {
          rule: 'sum.balance',
          table,
          total: { row: expenseTotal.row, col: expenseCol, value: expenseTotal.values.get(expenseCol)!, label: expenseTotal.label },
          addends: [{ row: incomeTotal.row, col: incomeCol, value: incomeTotal.values.get(incomeCol)!, label: incomeTotal.label }],
          totalName: `「${expenseTotal.label}」`,
        },
        outcome,
      );
    }

    const yearTotals = expenses
      .map(({ panel }) => ({ row: panel.rows.find((r) => EXPENSE_YEAR_TOTAL.test(r.key)), col: amountCol(panel) }))
      .filter((t): t is { row: BodyRow; col: number } => Boolean(t.row) && t.col !== undefined);
    const first = yearTotals[0];
    for (const other of yearTotals.slice(1)) {
      recordSum(
        {
          rule: 'sum.balance',
          table,
          total: { row: other.row.row, col: other.col, value: other.row.values.get(other.col)!, label: `${other.row.label}（第 ${other.col + 1} 列）` },
          addends: [{ row: first!.row.row, col: first!.col, value: first!.row.values.get(first!.col)!, label: `${first!.row.label}（第 ${first!.col + 1} 列）` }],
          totalName: `各栏「本年支出合计」：`,
        },
        outcome,
      );
    }
    return outcome;
  },
};
