import type { Report } from '../../../../lib/engine/report/schema';

/** A report with one of everything, in the order analysis might produce it (not sorted). */
export function sampleReport(): Report {
  return {
    schema: 'budget-lens/report@1',
    source: 'https://www.hetang.gov.cn/zwgk/2024/yusuan.html',
    document: { title: '荷塘区财政局2024年部门预算', department: '荷塘区财政局', year: 2024, kind: 'budget', units: ['万元', '元'] },
    tables: [
      { id: 't0', title: '部门收支总表', kind: 'income-expense-summary', unit: '万元', unitSource: 'caption', rows: 12, cols: 4, checksRun: 6 },
      { id: 't3', title: '支出总表', kind: 'expense-summary', unit: '万元', unitSource: 'default', rows: 17, cols: 10, page: 4 },
      { id: 't5', title: '', kind: 'unknown', unit: '未标明', unitSource: 'none', rows: 3, cols: 2 },
    ],
    stats: {
      checksRun: 412,
      passed: 398,
      claims: 57,
      millis: { extract: 3.25, analyse: 21.7 },
      notChecked: [{ what: '政府采购预算表', reason: '表格没有数据行（空表）' }],
    },
    findings: [
      {
        id: 'f1',
        rule: 'sum.rows',
        severity: 'info',
        category: 'sum',
        message: '「合计」 19.90 ≠ 19.89，差 0.01，在尾数误差范围内。',
        expected: '19.89',
        actual: '19.90',
        difference: '0.01',
        tolerance: '0.01',
        unit: '万元',
        location: { tableId: 't0', row: 4, col: 1, label: '合计' },
        related: [],
      },
      {
        id: 'f2',
        rule: 'sum.columns',
        severity: 'error',
        category: 'sum',
        message: '「行政运行」行的合计 19.99 ≠ 基本支出 9.89 + 项目支出 10.00 = 19.89，差 0.10。',
        expected: '19.89',
        actual: '19.99',
        difference: '0.10',
        tolerance: '0.07',
        unit: '万元',
        location: { tableId: 't3', row: 4, col: 5, page: 4, label: '行政运行·基本支出' },
        related: [
          { tableId: 't3', row: 4, col: 6, page: 4, label: '行政运行·项目支出' },
          { tableId: 't3', row: 4, col: 7 },
        ],
      },
      {
        id: 'f3',
        rule: 'text.amount',
        severity: 'warning',
        category: 'text-vs-table',
        message: '文中说支出 1,234.00 万元，表中为 1,243.00 万元。',
        location: { text: '2024年支出预算1,234.00万元，比上年增加12.00万元', page: 2 },
        related: [{ tableId: 't0', row: 11, col: 3, label: '支出总计' }],
      },
      {
        id: 'f4',
        rule: 'sum.code-hierarchy',
        severity: 'error',
        category: 'sum',
        message: '类 201 ≠ Σ 款。',
        location: { tableId: 't9', row: 0, col: 0 },
        related: [],
      },
    ],
    changes: [
      { label: '卫生健康支出', code: '210', previous: '1830.15', current: '1803.70', delta: '-26.45', percent: '-1.45', unit: '万元', basis: 'stated' },
      { label: '教育支出', previous: '10.00', current: '10.00', delta: '0.00', unit: '万元', basis: 'history' },
    ],
  };
}

export function emptyReport(): Report {
  return {
    schema: 'budget-lens/report@1',
    source: 'empty.html',
    document: { title: '', kind: 'unknown', units: [] },
    tables: [],
    stats: { checksRun: 0, passed: 0, claims: 0, millis: { extract: 0.4, analyse: 0.1 } },
    findings: [],
    changes: [],
  };
}
