import { buildTableModel } from '../../lib/table/model';
import type { TableModel } from '../../lib/table/model';
import type { SourceTable } from '../../lib/source/types';
import type { CheckOutcome, TableCheck } from '../../lib/checks/types';

export function modelOf(source: SourceTable, kind = 'unknown', title = '测试表'): TableModel {
  return buildTableModel(source, { id: source.anchor, title, kind });
}

export function run(check: TableCheck, source: SourceTable, kind = 'unknown', title = '测试表'): CheckOutcome {
  return check.run(modelOf(source, kind, title));
}

export function severities(outcome: CheckOutcome): string[] {
  return outcome.findings.map((f) => f.severity);
}
