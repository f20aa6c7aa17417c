import type { Confirmed, Finding, NotChecked } from '../report/schema';
import type { TableModel } from '../table/model';

/** A finding before the registry numbers it. */
export type FindingDraft = Omit<Finding, 'id'>;

/** What a check family returns: its findings and how many identities it tested. */
export interface CheckOutcome {
  findings: FindingDraft[];
  checksRun: number;
  passed: number;
  notChecked: NotChecked[];
  /** Text claims that were checked and hold, for readers who want to see those too. */
  confirmed: Confirmed[];
}

export interface TableCheck {
  /** Rule family id, e.g. "sum.code-hierarchy". */
  family: string;
  run(table: TableModel): CheckOutcome;
}

export function emptyOutcome(): CheckOutcome {
  return { findings: [], checksRun: 0, passed: 0, notChecked: [], confirmed: [] };
}

export function mergeOutcome(into: CheckOutcome, from: CheckOutcome): void {
  into.findings.push(...from.findings);
  into.checksRun += from.checksRun;
  into.passed += from.passed;
  into.notChecked.push(...from.notChecked);
  into.confirmed.push(...from.confirmed);
}
