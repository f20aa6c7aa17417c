import { buildTableModel } from '../../lib/engine/table/model';
import type { TableModel } from '../../lib/engine/table/model';
import type { SourceTable } from '../../lib/engine/source';
import type { TableKind } from '../../lib/engine/document/table-kinds';
import type { CheckContext, CheckOutcome, TableCheck } from '../../lib/engine/checks/types';

export function modelOf(source: SourceTable, kind: TableKind = 'unknown', title = '测试表'): TableModel {
  return buildTableModel(source, { id: source.anchor, title, kind });
}

export function run(check: TableCheck, source: SourceTable, kind: TableKind = 'unknown', title = '测试表'): CheckOutcome {
  return check.run(modelOf(source, kind, title));
}

export function severities(outcome: CheckOutcome): string[] {
  return outcome.findings.map((f) => f.severity);
}

/** A check context with nothing in it but what the test gives. */
export function contextOf(parts: Partial<CheckContext> = {}): CheckContext {
  return { tables: [], blocks: [], identity: { kind: 'unknown' }, claims: [], facts: [], completeness: null, contents: null, shells: [], changes: [], ...parts };
}
