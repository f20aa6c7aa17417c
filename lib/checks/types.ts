import type { Finding, NotChecked } from '../report/schema';
import type { TableModel } from '../table/model';

/** A finding before the registry numbers it. */
export type FindingDraft = Omit<Finding, 'id'>;

/** What a check family returns: its findings and how many identities it tested. */
export interface CheckOutcome {
  findings: FindingDraft[];
  checksRun: number;
  passed: number;
  notChecked: NotChecked[];
}

export interface TableCheck {
  /** Rule family id, e.g. "sum.code-hierarchy". */
  family: string;
  run(table: TableModel): CheckOutcome;
}

export function emptyOutcome(): CheckOutcome {
  return { findings: [], checksRun: 0, passed: 0, notChecked: [] };
}

export function mergeOutcome(into: CheckOutcome, from: CheckOutcome): void {
  into.findings.push(...from.findings);
  into.checksRun += from.checksRun;
  into.passed += from.passed;
  into.notChecked.push(...from.notChecked);
}
