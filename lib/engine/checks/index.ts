import type { TableModel } from '../table/model';
import type { CheckOutcome, TableCheck } from './types';
import { emptyOutcome, mergeOutcome } from './types';
import { codeHierarchyCheck } from './code-hierarchy';
import { listTotalsCheck } from './list-totals';
import { columnIdentitiesCheck } from './column-identities';
import { summaryBalanceCheck } from './summary-balance';
import { threePublicCheck } from './three-public';
import { performanceUnitsCheck } from './performance-units';
import { performanceRateCheck } from './performance-rate';
import { performanceCostCapCheck } from './performance-cost-cap';
import { codeLabelsCheck } from './code-labels';

/** Every table-internal rule family, in the order their findings are listed. */
export const TABLE_CHECKS: TableCheck[] = [
  codeHierarchyCheck,
  listTotalsCheck,
  columnIdentitiesCheck,
  summaryBalanceCheck,
  threePublicCheck,
  performanceUnitsCheck,
  performanceRateCheck,
  performanceCostCapCheck,
  codeLabelsCheck,
];

/**
 * Runs every family on one table. A family that throws on a malformed table costs only its own
 * findings: the reason is kept as "not checked" instead of breaking the whole report.
 */
export function checkTable(table: TableModel, checks: TableCheck[] = TABLE_CHECKS): CheckOutcome {
  const outcome = emptyOutcome();
  for (const check of checks) {
    try {
      mergeOutcome(outcome, check.run(table));
    } catch (error) {
      outcome.notChecked.push({
        what: `${table.title || table.id}：${check.family}`,
        reason: `检查时出错：${error instanceof Error ? error.message : String(error)}`,
        anchor: table.anchor,
      });
    }
  }
  return outcome;
}
