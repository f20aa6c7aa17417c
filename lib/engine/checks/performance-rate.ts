import Decimal from 'decimal.js';
import { checkRatio } from '../amount/percent';
import { parseAmount } from '../amount/parse';
import { compactText } from '../amount/normalize';
import { withoutUnitSuffix } from '../amount/units';
import type { TableModel } from '../table/model';
import type { CellRef } from '../report/schema';
import type { CheckOutcome, TableCheck } from './types';
import { cellRefAt } from './sum-identity';
import { emptyOutcome } from './types';

/**
 * Self-evaluation forms (绩效自评表, rulebook P-05): 执行率 = 全年执行数 ÷ 全年预算数 (seed 002-05:
 * 2113.82 ÷ 2261.16 = 93.48%, stated 100.00%). These tables are forms: the labels stand in one row
 * and the figures in the rows below them, so the columns are found by their label cells.
 */
const BUDGET = /^全年预算数?/;
const SPENT = /^全年执行数?|^执行数/;
const RATE = /^(预算)?执行率/;

function percentOf(text: string): { value: Decimal; decimals: number } | null {
  const match = /^(-?\d+(?:\.\d+)?)%$/.exec(compactText(text));
  if (!match) return null;
  const raw = match[1]!;
  return { value: new Decimal(raw), decimals: raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0 };
}

export const performanceRateCheck: TableCheck = {
  name: 'performance-rate',
  scope: 'table',
  rules: ['perf.rate'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    if (!table.kind.startsWith('performance')) return outcome;
    const { grid } = table;
    for (let r = 0; r < grid.height; r += 1) {
      const texts = grid.cells[r]!.map((cell) => withoutUnitSuffix(compactText(cell.text)));
      const budgetAt = texts.findIndex((t) => BUDGET.test(t));
      const spentAt = texts.findIndex((t) => SPENT.test(t));
      const rateAt = texts.findIndex((t) => RATE.test(t));
      if (budgetAt < 0 || spentAt < 0 || rateAt < 0) continue;
      for (let v = r + 1; v < Math.min(grid.height, r + 4); v += 1) {
        const cells = grid.cells[v]!;
        const budget = parseAmount(cells[budgetAt]?.text ?? '');
        const spent = parseAmount(cells[spentAt]?.text ?? '');
        const rate = percentOf(cells[rateAt]?.text ?? '');
        if (budget.kind !== 'number' || spent.kind !== 'number' || !rate || budget.value.isZero()) continue;
        outcome.checksRun += 1;
        const verdict = checkRatio(rate.value, rate.decimals, spent, budget);
        if (verdict.verdict === 'pass') {
          outcome.passed += 1;
          continue;
        }
        const ref = (col: number, label: string): CellRef => cellRefAt(table, v, col, label);
        const exact = verdict.exact.toDecimalPlaces(4).toString();
        outcome.findings.push({
          rule: 'perf.rate',
          severity: verdict.verdict === 'info' ? 'info' : 'error',
          message:
            verdict.verdict === 'info'
              ? `执行率 ${rate.value.toFixed(rate.decimals)}% 与 全年执行数 ${spent.raw} ÷ 全年预算数 ${budget.raw} = ${exact}% 相差在尾数范围内。`
              : `执行率 ${rate.value.toFixed(rate.decimals)}% ≠ 全年执行数 ${spent.raw} ÷ 全年预算数 ${budget.raw} = ${exact}%（应为 ${verdict.rounded.toString()}%）。`,
          expected: verdict.rounded.toFixed(rate.decimals),
          actual: rate.value.toFixed(rate.decimals),
          difference: rate.value.minus(verdict.rounded).toFixed(rate.decimals),
          unit: '%',
          location: ref(rateAt, '执行率'),
          related: [ref(spentAt, '全年执行数'), ref(budgetAt, '全年预算数')],
        });
      }
    }
    return outcome;
  },
};
