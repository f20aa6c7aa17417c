import type { Finding, Report } from '../../../../lib/engine/report/schema';

export function finding(partial: Partial<Finding> & Pick<Finding, 'id' | 'severity'>): Finding {
  return {
    rule: 'sum.rows',
    category: 'sum',
    message: '总计 19.99 ≠ 各分列之和 19.89',
    expected: '19.89',
    actual: '19.99',
    location: { tableId: 't1', row: 2, col: 2, anchor: 't1.r2.c2', label: '医保局 / 总计' },
    related: [{ tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3', label: '办公费' }],
    ...partial,
  };
}

export function report(findings: Finding[]): Report {
  return {
    schema: 'budget-lens/report@1',
    source: 'http://www.hetang.gov.cn/x.html',
    document: { title: '部门预算', kind: 'budget', year: 2020, units: ['万元'] },
    tables: [
      { id: 't0', title: '收支总表', kind: 'income-expense-summary', unit: '万元', rows: 5, cols: 4, anchor: 't0' },
      { id: 't1', title: '单位运转经费', kind: 'basic-expense-detail', unit: '万元', rows: 3, cols: 6, anchor: 't1' },
    ],
    stats: { checksRun: 12, passed: 10, claims: 0, millis: { extract: 1, analyse: 2 } },
    findings,
    changes: [],
  };
}
