import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../lib/engine/report/schema';
import { csvOf, exportOf, jsonOf, markdownOf, summaryText } from '../../../lib/present/export';
import { dismissalOf, exportDismissals, hiddenKeys, withDismissal, withoutDismissal } from '../../../lib/present/dismissals';
import { findingView, reportView } from '../../../lib/present/view-model';
import { finding, report } from './page/report-fixture';

const r = report([
  finding({ id: 'f1', severity: 'info', unit: '万元', expected: '19.98' }),
  finding({ id: 'f2', severity: 'error', unit: '万元', message: '=HYPERLINK("x") 合计不等 | *强调*' }),
]);

describe('exports', () => {
  it('a summary for the clipboard leads with the verdict and the errors', () => {
    const text = summaryText(r, reportView(r));
    expect(text.split('\n').slice(0, 4)).toEqual(['预算透镜：部门预算', 'http://www.hetang.gov.cn/x.html', '发现 1 处确定错误', '1. [错误] 这一栏的合计比各项相加多 0.10 万元（合计 19.99 · 各项相加 19.89 · 相差 0.10（万元）） — 《单位运转经费》「医保局 / 总计」行']);
    expect(text).toContain('另有 1 条提示');
  });

  it('Markdown escapes page text and lists findings worst first', () => {
    const md = markdownOf(r, reportView(r));
    expect(md.startsWith('# 预算透镜：部门预算\n')).toBe(true);
    expect(md.indexOf('## 错误')).toBeLessThan(md.indexOf('## 提示'));
    expect(md).toContain('\\| \\*强调\\*');
    expect(md).toContain('(<http://www.hetang.gov.cn/x.html#budget-lens=sum.rows%7Ct1.r2.c2>)');
  });

  it('CSV quotes every field and defuses spreadsheet formulas', () => {
    const csv = csvOf(r, reportView(r));
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,severity,basis,rule,headline,arithmetic,where,table,page,expected,actual,difference,tolerance,unit,message,link');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.startsWith('"f2","error","document","sum.rows"')).toBe(true);
    expect(lines[1]).toContain('"\'=HYPERLINK(""x"") 合计不等 | *强调*"');
  });

  it('JSON is the report@1 contract', () => {
    expect(reportSchema.parse(JSON.parse(jsonOf(r)))).toEqual(r);
    expect(exportOf('csv', r, reportView(r)).name).toBe('budget-lens_部门预算.csv');
  });
});

describe('dismissed findings', () => {
  it('are kept per document, hidden there, undone, and exported for the project', () => {
    const view = findingView(r.findings[1]!, r);
    const d = dismissalOf(view, 'misread', 'http://www.hetang.gov.cn/x.html#budget-lens=a', '部门预算', 1);
    let list = withDismissal([], d);
    list = withDismissal(list, { ...d, kind: 'dismiss' });
    expect(list).toHaveLength(1);
    expect(hiddenKeys(list, 'http://www.hetang.gov.cn/x.html')).toEqual(new Set([view.key]));
    expect(hiddenKeys(list, 'http://www.hetang.gov.cn/other.html').size).toBe(0);
    const exported = JSON.parse(exportDismissals(list, '0.1.0', new Date(0)));
    expect(exported).toMatchObject({ schema: 'budget-lens/dismissals@1', version: '0.1.0', items: [{ kind: 'dismiss', rule: 'sum.rows', document: 'http://www.hetang.gov.cn/x.html' }] });
    expect(withoutDismissal(list, 'http://www.hetang.gov.cn/x.html', view.key)).toEqual([]);
  });
});
