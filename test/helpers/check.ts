import { buildTableModel } from '../../lib/engine/table/model';
import type { TableModel } from '../../lib/engine/table/model';
import type { SourceTable } from '../../lib/engine/source';
import type { CheckOutcome, TableCheck } from '../../lib/engine/checks/types';

export function modelOf(source: SourceTable, kind = 'unknown', title = '测试表'): TableModel {
  return buildTableModel(source, { id: source.anchor, title, kind });
}

export function run(check: TableCheck, source: SourceTable, kind = 'unknown', title = '测试表'): CheckOutcome {
  return check.run(modelOf(source, kind, title));
}

export function severities(outcome: CheckOutcome): string[] {
  return outcome.findings.map((f) => f.severity);
}
