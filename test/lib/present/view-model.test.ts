import { describe, expect, it } from 'vitest';
import { arithmeticOf, atDocumentPrecision, headlineOf, tidyMessage } from '../../../lib/present/headline';
import { cellParts, describeWhere, findingKey, findingLink, findingText, findingView, groupFindings, linkedKey, reportView, verdictOf } from '../../../lib/present/view-model';
import { finding, report } from './page/report-fixture';
import type { Finding } from '../../../lib/engine/report/schema';

const sum = finding({
  id: 'f1',
  severity: 'error',
  rule: 'sum.columns',
  message: '「医保局 单位运转经费」行的总计 19.99 ≠ 各分列之和 19.89（14 项有数），差 0.10，超出尾数误差上限 0.07。（单位：万元）',
  expected: '19.89',
  actual: '19.99',
  difference: '0.10',
  tolerance: '0.07',
  unit: '万元',
  location: { tableId: 't1', row: 2, col: 5, anchor: 't1.r2.c5', label: '医保局 单位运转经费·总计', page: 3 },
});

describe('a finding for a citizen', () => {
  it('has a plain headline, its arithmetic with one tolerance, and where it is', () => {
    const view = findingView(sum, report([sum]));
    expect(view.headline).toBe('这一栏的合计比各项相加多 0.10 万元');
    expect(view.arithmetic).toBe('合计 19.99 · 各项相加 19.89 · 相差 0.10 · 尾数误差上限 0.07（万元）');
    // The tolerance is said once: in the arithmetic, not again in the detail.
    expect(view.detail).toBe('「医保局 单位运转经费」行的总计 19.99 ≠ 各分列之和 19.89（14 项有数），差 0.10。（单位：万元）');
    expect(view.where).toBe('《单位运转经费》「医保局 单位运转经费」行 ·「总计」（第 3 页）');
    expect(view.basis).toBe('document');
    expect(view.rule.id).toBe('sum.columns');
    expect(view.rule.title).toContain('勾稽');
  });

  it('speaks English when asked, the arithmetic staying the same figures', () => {
    const view = findingView(sum, report([sum]), 'en');
    expect(view.headline).toBe('This total is 0.10 万元 more than its items add up to');
    expect(view.arithmetic).toBe('total 19.99 · sum of items 19.89 · difference 0.10 · rounding bound 0.07 (万元)');
    expect(view.where).toBe('“单位运转经费”, row “医保局 单位运转经费”, “总计” (page 3)');
  });

  it('never shows an empty row label: the row’s position stands in', () => {
    const f = finding({ id: 'f2', severity: 'error', message: '「」行的合计 5 ≠ 4', location: { tableId: 't1', row: 6, col: 2, label: '·合计' } });
    expect(cellParts(f.location)).toEqual({ row: '第 7 行', col: '合计' });
    const view = findingView(f, report([f]));
    expect(view.detail).toBe('第 7 行的合计 5 ≠ 4');
    expect(view.where).toBe('《单位运转经费》第 7 行 ·「合计」');
    expect(describeWhere(report([f]), { tableId: 't9', row: 0, col: 0 })).toBe('表 t9 第 1 行');
  });

  it('shows percentages at the document’s own precision', () => {
    const rate = finding({ id: 'f3', severity: 'error', rule: 'perf.rate', category: 'share', message: '执行率 100.00% ≠ 全年执行数 2113.82 ÷ 全年预算数 2261.16 = 93.4839%（应为 93.48%）。', expected: '93.4839', actual: '100.00', difference: '6.5161', unit: '%', location: { text: '100.00%' } });
    expect(atDocumentPrecision('93.4839', '100.00')).toBe('93.48');
    expect(headlineOf(rate)).toBe('执行率算得不对：按数字应为 93.48%，文件写的是 100.00%');
    expect(arithmeticOf(rate)).toBe('文件写 100.00% · 按数字算 93.48% · 相差 6.52 个百分点');
    expect(tidyMessage(rate, '')).toBe('执行率 100.00% ≠ 全年执行数 2113.82 ÷ 全年预算数 2261.16 = 93.48%。');
  });

  it('names each family plainly and falls back to the message’s first clause', () => {
    // A rule the catalogue does not know (a report from another version) is named too.
    const h = (rule: string, extra: Partial<Parameters<typeof finding>[0]> = {}) => headlineOf(finding({ id: 'x', severity: 'error', rule: rule as Finding['rule'], ...extra }));
    expect(h('cross.classes', { unit: '万元', expected: '187.64', actual: '1641.88' })).toBe('两张表里本应相同的数字相差 1454.24 万元');
    expect(h('text.amount', { unit: '万元', expected: '1025.50', actual: '1104.49' })).toBe('文中写的数字比表格中的多 78.99 万元');
    expect(h('sum.rows', { expected: '60.00', actual: '0.00', unit: '万元' })).toBe('这一栏的合计为 0，但各项相加为 60.00 万元（疑似漏填）');
    expect(h('text.direction')).toBe('增减方向写反了');
    expect(h('unknown.rule', { message: '某种新的检查结果：详情', expected: undefined, actual: undefined })).toBe('某种新的检查结果：详情');
    expect(headlineOf(finding({ id: 'x', severity: 'info', rule: 'sum.columns', expected: '19.98', actual: '19.99', unit: '万元' }))).toBe('这一栏的合计比各项相加多 0.01 万元（在尾数误差范围内）');
  });

  it('orders errors first, counts them in a verdict, and groups by table or kind', () => {
    const r = report([
      finding({ id: 'a', severity: 'info' }),
      finding({ id: 'b', severity: 'warning', category: 'text-vs-table', rule: 'text.amount', location: { text: '1.00万元', anchor: 'b1' } }),
      finding({ id: 'c', severity: 'error' }),
      finding({ id: 'd', severity: 'error', location: { tableId: 't0', row: 1, col: 1, anchor: 't0.r1.c1' } }),
    ]);
    const view = reportView(r);
    expect(view.findings.map((f) => f.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(view.verdict).toBe('发现 2 处确定错误、1 处需核对');
    expect(verdictOf({ error: 0, warning: 0, info: 2 }, 5)).toBe('发现 2 条提示');
    expect(verdictOf({ error: 0, warning: 0, info: 0 }, 5)).toBe('已核对 5 项，未发现问题');
    expect(verdictOf({ error: 3, warning: 2, info: 0 }, 5, 'en')).toBe('Found 3 certain errors, 2 to check');
    expect(groupFindings(view.findings, 'table').map((g) => `${g.title}:${g.items.map((i) => i.id).join('')}`)).toEqual(['《单位运转经费》:ca', '《收支总表》:d', '文字说明:b']);
    expect(groupFindings(view.findings, 'kind').map((g) => g.title)).toEqual(['表内勾稽', '文字与表格']);
    // Dismissed findings are left out (and out of the counts).
    const hidden = reportView(r, { hidden: new Set([findingKey(r.findings[3]!)]) });
    expect(hidden.findings.map((f) => f.id)).toEqual(['c', 'b', 'a']);
  });

  it('copies as text with the arithmetic and a link that opens the document at the finding', () => {
    const view = findingView(sum, report([sum]));
    const link = findingLink('http://www.hetang.gov.cn/x.html#top', view.key);
    expect(link).toBe('http://www.hetang.gov.cn/x.html#budget-lens=sum.columns%7Ct1.r2.c5');
    expect(linkedKey(link)).toBe(view.key);
    expect(linkedKey('http://x/#other')).toBeNull();
    const text = findingText(view, 'http://www.hetang.gov.cn/x.html');
    expect(text.split('\n')).toEqual([
      '[错误] 这一栏的合计比各项相加多 0.10 万元',
      '算式：合计 19.99 · 各项相加 19.89 · 相差 0.10 · 尾数误差上限 0.07（万元）',
      view.detail,
      `位置：${view.where}`,
      link,
    ]);
  });

  it('keeps the key of a finding stable across numbering', () => {
    expect(findingKey({ ...sum, id: 'f99' })).toBe(findingKey(sum));
    expect(findingKey(finding({ id: 'q', severity: 'warning', rule: 'text.share', location: { text: '占 45%', anchor: 'b4', start: 3, end: 9 } }))).toBe('text.share|b4@3-9:占 45%');
  });
});
