import type { TableModel } from '../table/model';
import type { CheckOutcome, TableCheck } from './types';
import { emptyOutcome } from './types';
import { cellRefAt } from './sum-identity';

/**
 * Malformed classification codes (rulebook C-01): a 类 of two digits ("21 15 01" where every other
 * table reads 210 15 01), a 款 or 项 that is not one or two digits. The row cannot take part in the
 * hierarchy checks, and the reader should know why: a label warning, not an arithmetic error.
 */
export const codeLabelsCheck: TableCheck = {
  name: 'code-labels',
  scope: 'table',
  rules: ['label.code'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    for (const panel of table.panels) {
      const coded = panel.rows.filter((r) => r.code && r.code.kind !== 'unit').length;
      for (const row of panel.rows) {
        // Only 类/款/项 parts whose 类 has the wrong length: labels ("合计") and unit codes (473) are not codes gone wrong.
        if (!row.malformedCode || !/^(\d{1,2}|\d{4})( \d{1,2}){1,2}$/.test(row.malformedCode)) continue;
        outcome.checksRun += 1;
        const codeColumn = panel.columns.find((c) => c.kind === 'code' || c.kind === 'code-part');
        const parts = row.malformedCode.split(' ');
        const hint = `类为 ${parts[0]!.length} 位（“${parts[0]}”），功能分类的类应为三位（如 210）`;
        outcome.findings.push({
          rule: 'label.code',
          severity: 'warning',
          message: `「${row.label || row.malformedCode}」的科目编码「${row.malformedCode}」${hint}${coded ? '；该行未参与上下级核对' : ''}。`,
          location: cellRefAt(table, row.row, codeColumn?.index ?? 0, row.malformedCode),
          related: [],
        });
      }
    }
    return outcome;
  },
};
