import { describe, expect, it } from 'vitest';
import { findingsCsvHeader, findingsCsvRows } from '../../../../lib/engine/report/format-findings-csv';
import type { Report } from '../../../../lib/engine/report/schema';

const report: Report = {
  schema: 'budget-lens/report@1',
  source: 'dir/a.pdf',
  document: { title: 'T', kind: 'budget', units: ['万元'] },
  tables: [{ id: 't3', title: '一般公共预算支出表', kind: 'general-expense', unit: '万元', page: 7, rows: 9, cols: 5 }],
  stats: { checksRun: 2, passed: 0, claims: 1, millis: { extract: 0, analyse: 0 } },
  findings: [
    { id: 'f1', rule: 'sum.code-hierarchy', severity: 'error', category: 'sum', message: '合计 19.99 ≠ 各项之和 19.89，差 0.10', expected: '19.89', actual: '19.99', location: { tableId: 't3', row: 4, col: 2, label: '合计 · 基本支出' }, related: [] },
    { id: 'f2', rule: 'text.share', severity: 'warning', category: 'share', message: '占比 "71.73%" 与 -3 不符', location: { text: '=占71.73%', page: 21 }, related: [] },
  ],
  changes: [],
};

describe('findings as CSV', () => {
  it('gives one row per finding: document, page, table, cell, rule, severity, message, expected, actual', () => {
    const rows = findingsCsvRows(report).split('\r\n');
    expect(findingsCsvHeader()).toBe('document,page,table,cell,rule,severity,message,expected,actual\r\n');
    expect(rows[0]).toBe('dir/a.pdf,7,t3 一般公共预算支出表,合计 · 基本支出（第 5 行第 3 列）,sum.code-hierarchy,error,合计 19.99 ≠ 各项之和 19.89，差 0.10,19.89,19.99');
    expect(rows[1]).toBe('dir/a.pdf,21,,「=占71.73%」,text.share,warning,"占比 ""71.73%"" 与 -3 不符",,');
    expect(rows[2]).toBe('');
  });
});
