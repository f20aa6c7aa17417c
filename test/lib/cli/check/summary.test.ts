import { describe, expect, it } from 'vitest';
import { checkedRow, failedRow, formatSummaryCsv, formatSummaryMarkdown, formatSummaryText, totals } from '../../../../lib/cli/check/summary';
import type { Report } from '../../../../lib/engine/report/schema';

function report(overrides: Partial<Report> = {}): Report {
  return {
    schema: 'budget-lens/report@1',
    source: 'a.pdf',
    document: { title: '某某局2024年部门预算', department: '某某局', year: 2024, kind: 'budget', units: ['万元'], pages: 12 },
    tables: [{ id: 't1', title: '收支总表', kind: 'income-expense-summary', unit: '万元', rows: 5, cols: 4 }],
    stats: { checksRun: 10, passed: 9, claims: 3, millis: { extract: 1, analyse: 2 } },
    findings: [
      { id: 'f1', rule: 'sum.rows', severity: 'error', category: 'sum', message: '合计不符', location: { tableId: 't1', row: 1, col: 1 }, related: [] },
      { id: 'f2', rule: 'sum.rows', severity: 'info', category: 'sum', message: '尾数', location: { tableId: 't1', row: 2, col: 1 }, related: [] },
    ],
    changes: [],
    ...overrides,
  };
}

const run = { elapsedMs: 12_345, jobs: 2 };

describe('batch summary', () => {
  const scanned = report({ source: 'scan.pdf', findings: [], tables: [], stats: { checksRun: 0, passed: 0, claims: 0, millis: { extract: 1, analyse: 1 }, notChecked: [{ what: '整个文件', reason: '文件没有文字层（可能是扫描件或图片），无法读取数字，未检查' }] } });
  const rows = [
    checkedRow('dir/a.pdf', report(), 800),
    checkedRow('dir/scan.pdf', scanned, 300),
    failedRow('dir/locked.pdf', '未核对 dir/locked.pdf：PDF 已加密，需要密码才能读取，未检查', 50),
    failedRow('dir/gone.html', '无法读取文件 dir/gone.html：ENOENT', 1),
  ];

  it('counts documents and findings by severity', () => {
    expect(totals(rows)).toEqual({ documents: 4, checked: 2, resumed: 0, failed: 2, tables: 1, errors: 1, warnings: 0, notes: 1 });
  });

  it('gives one line per document with what it is, and why a document or a part was not checked', () => {
    const text = formatSummaryText(rows, run);
    expect(text).toContain('预算透镜批量核对：4 个文件，已核对 2，未核对 2；用时 12.3 秒（2 个并行）');
    expect(text).toContain('✗ dir/a.pdf  2024 年 · 预算 · 某某局 · 《某某局2024年部门预算》 · 12 页 · 1 张表 · 错误 1 · 警告 0 · 提示 1 · 0.8 秒');
    expect(text).toContain('? dir/scan.pdf');
    expect(text).toContain('    未检查：整个文件：文件没有文字层');
    expect(text).toContain('— dir/locked.pdf  未核对：PDF 已加密，需要密码才能读取，未检查');
    expect(text).toContain('— dir/gone.html  未核对：无法读取文件：ENOENT');
    expect(text).toContain('合计：表格 1 张；错误 1，警告 0，提示 1。');
  });

  it('keeps page text from steering the terminal', () => {
    const hostile = checkedRow('x.html', report({ document: { title: 'A\u001b[31mB\u202eC', kind: 'unknown', units: [] } }), 1);
    const text = formatSummaryText([hostile], run);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202e');
  });

  it('writes summary.csv with a BOM, one row per document, formula starts defused', () => {
    const csv = formatSummaryCsv([...rows, checkedRow('=cmd.html', report(), 1)]);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(csv.startsWith('\uFEFFdocument,status,title,')).toBe(true);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^dir\/a\.pdf,checked,某某局2024年部门预算,某某局,2024,budget,12,1,1,0,1,0\.80,/);
    expect(lines[3]).toContain(',failed,');
    expect(lines[5]!.startsWith("'=cmd.html,")).toBe(true);
  });

  it('writes summary.md linking each document to its Markdown report', () => {
    const md = formatSummaryMarkdown([{ ...rows[0]!, report: 'a (1)-0123abcd.json' }], run);
    expect(md).toContain('[dir/a.pdf](a%20(1)-0123abcd.md)');
    expect(md).toContain('| ✗ |');
  });
});
