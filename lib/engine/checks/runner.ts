import type { TableModel } from '../table/model';
import type { RuleId } from './catalogue';
import type { Check, CheckContext, CheckOutcome, DocumentCheck, TableCheck } from './types';
import { emptyOutcome, mergeOutcome } from './types';

/** How long one check took over the whole document (all its tables), for `npm run bench`. */
export interface CheckTiming {
  check: string;
  rules: readonly RuleId[];
  millis: number;
  /** How many times it ran: once per table with data for table checks, once for document checks. */
  runs: number;
}

export interface RunResult {
  outcome: CheckOutcome;
  /** Identities tested per table id, by the table checks. */
  checksByTable: Map<string, number>;
  /** Identities tested by each check (by name). */
  checksByCheck: Map<string, number>;
  timings: CheckTiming[];
}

function hasData(table: TableModel): boolean {
  return table.panels.some((panel) => panel.rows.length > 0);
}

function reason(error: unknown): string {
  return `检查时出错：${error instanceof Error ? error.message : String(error)}`;
}

/** A finding of a rule the check did not declare is a bug in the check: it costs that check's run. */
function assertDeclared(check: Check, outcome: CheckOutcome): void {
  for (const finding of outcome.findings) {
    if (!check.rules.includes(finding.rule)) throw new Error(`${check.name} 报告了未声明的规则 ${finding.rule}`);
  }
}

/**
 * Runs every check in order: table checks on each table that has data rows, in table order, then
 * the document checks. Each run is isolated — a check that throws (or reports a rule it did not
 * declare) costs only its own findings and becomes a "not checked" entry naming its rules and the
 * reason, the rest of the report stands — and timed.
 */
export function runChecks(checks: readonly Check[], context: CheckContext): RunResult {
  const outcome = emptyOutcome();
  const checksByTable = new Map<string, number>();
  const checksByCheck = new Map<string, number>();
  const timings = new Map<string, CheckTiming>();
  const attempt = (check: Check, run: () => CheckOutcome, what: string, anchor?: string): CheckOutcome | null => {
    const timing = timings.get(check.name) ?? { check: check.name, rules: check.rules, millis: 0, runs: 0 };
    timings.set(check.name, timing);
    const started = performance.now();
    try {
      const result = run();
      assertDeclared(check, result);
      mergeOutcome(outcome, result);
      checksByCheck.set(check.name, (checksByCheck.get(check.name) ?? 0) + result.checksRun);
      return result;
    } catch (error) {
      outcome.notChecked.push({ what, reason: reason(error), rules: [...check.rules], ...(anchor ? { anchor } : {}) });
      return null;
    } finally {
      timing.millis += performance.now() - started;
      timing.runs += 1;
    }
  };

  const tableChecks = checks.filter((c): c is TableCheck => c.scope === 'table');
  const documentChecks = checks.filter((c): c is DocumentCheck => c.scope === 'document');
  for (const table of context.tables) {
    if (!hasData(table)) continue;
    let run = 0;
    for (const check of tableChecks) {
      const result = attempt(check, () => check.run(table, context), `${table.title || table.id}：${check.rules.join('、')}`, table.anchor);
      run += result?.checksRun ?? 0;
    }
    checksByTable.set(table.id, run);
  }
  for (const check of documentChecks) attempt(check, () => check.run(context), `${check.name}：${check.rules.join('、')}`);
  return { outcome, checksByTable, checksByCheck, timings: [...timings.values()] };
}

/** The slowest checks first, for the benchmark's printout. */
export function slowestChecks(timings: readonly CheckTiming[], count = 10): CheckTiming[] {
  return [...timings].sort((a, b) => b.millis - a.millis).slice(0, count);
}
