import { describe, expect, it } from 'vitest';
import { codeHierarchyCheck } from '../../../../lib/engine/checks/code-hierarchy';
import { table, tsv } from '../../../helpers/tables';
import { run, severities } from '../../../helpers/check';

const wan = { before: ['公开03表', '金额单位：万元'] };

// Seed 002 公开03 支出决算表 (万元): four rounding differences of 0.01, nothing else.
const seed002 = tsv(`
科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
\t合计\t2,113.81\t1,434.27\t679.55
208\t社会保障和就业支出\t191.37\t187.81\t3.56
20805\t行政事业单位养老支出\t187.78\t187.78\t0.00
2080505\t机关事业单位基本养老保险缴费支出\t133.19\t133.19\t0.00
2080506\t机关事业单位职业年金缴费支出\t54.59\t54.59\t0.00
20807\t就业补助\t3.56\t0.00\t3.56
2080704\t社会保险补贴\t1.19\t0.00\t1.19
2080705\t公益性岗位补贴\t2.37\t0.00\t2.37
20899\t其他社会保障和就业支出\t0.03\t0.03\t0.00
2089999\t其他社会保障和就业支出\t0.03\t0.03\t0.00
210\t卫生健康支出\t1,830.15\t1,154.16\t675.99
21001\t卫生健康管理事务\t3.19\t3.19\t0.00
2100101\t行政运行\t3.19\t3.19\t0.00
21011\t行政事业单位医疗\t125.48\t125.48\t0.00
2101101\t行政单位医疗\t85.65\t85.65\t0.00
2101103\t公务员医疗补助\t26.66\t26.66\t0.00
2101199\t其他行政事业单位医疗支出\t13.17\t13.17\t0.00
21015\t医疗保障管理事务\t1,701.48\t1,025.50\t675.99
2101501\t行政运行\t1,025.50\t1,025.50\t0.00
2101502\t一般行政管理事务\t325.52\t0.00\t325.52
2101505\t医疗保障政策管理\t350.47\t0.00\t350.47
221\t住房保障支出\t92.29\t92.29\t0.00
22102\t住房改革支出\t92.29\t92.29\t0.00
2210201\t住房公积金\t92.29\t92.29\t0.00`);

describe('code hierarchy (类 = Σ 款, 款 = Σ 项, 合计 = Σ 类)', () => {
  it('finds only rounding differences in seed 002 公开03, as info', () => {
    const outcome = run(codeHierarchyCheck, table(seed002, wan));
    expect(severities(outcome).every((s) => s === 'info')).toBe(true);
    const diffs = outcome.findings.map((f) => `${f.actual}/${f.expected}`).sort();
    expect(diffs).toEqual(['1154.16/1154.17', '1434.27/1434.26', '1701.48/1701.49'].sort());
    expect(outcome.checksRun).toBeGreaterThan(20);
  });

  it('makes a changed 项 an error', () => {
    const broken = seed002.map((row) => (row[0] === '2101502' ? ['2101502', '一般行政管理事务', '335.52', '0.00', '335.52'] : row));
    const outcome = run(codeHierarchyCheck, table(broken, wan));
    const errors = outcome.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.location)).toContainEqual(expect.objectContaining({ label: expect.stringContaining('21015') }));
    expect(errors[0]!.message).toMatch(/≠/);
  });

  it('sums only-项 listings into the total (seed 001 附件3)', () => {
    const outcome = run(
      codeHierarchyCheck,
      table(tsv(`类\t款\t项\t科目名称\t总计\t一般公共预算拨款
\t\t\t合计\t1641.88\t1641.88
209\t03\t01\t基本医疗保险统筹基金\t1234.24\t1234.24
210\t15\t01\t行政运行\t137.64\t137.64
209\t12\t99\t其他城乡居民基本医疗保险基金支出\t220.00\t220.00
210\t01\t99\t其他医疗卫生与计划生育管理事务支出\t50.00\t50.00`), { before: ['单位：万元'] }),
    );
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(2);
  });

  it('treats unit codes as parallel totals, not classes (seed 000 支出总表, 元)', () => {
    const outcome = run(
      codeHierarchyCheck,
      table(tsv(`科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t2,068,839.67\t1,648,839.67\t420,000.00
473\t株洲市天元区医疗保障局\t2,068,839.67\t1,648,839.67\t420,000.00
473002\t株洲市天元区医疗保障局\t2,068,839.67\t1,648,839.67\t420,000.00
208\t社会保障和就业支出\t137,973.12\t137,973.12\t
20805\t行政事业单位养老支出\t137,973.12\t137,973.12\t
2080505\t机关事业单位基本养老保险缴费支出\t137,973.12\t137,973.12\t
210\t卫生健康支出\t1,803,695.95\t1,383,695.95\t420,000.00
21011\t行政事业单位医疗\t134,429.64\t134,429.64\t
2101101\t行政单位医疗\t54,948.24\t54,948.24\t
2101103\t公务员医疗补助\t79,481.40\t79,481.40\t
21015\t医疗保障管理事务\t1,669,266.31\t1,249,266.31\t420,000.00
2101501\t行政运行\t1,249,266.31\t1,249,266.31\t
2101506\t医疗保障经办事务\t420,000.00\t\t420,000.00
221\t住房保障支出\t127,170.60\t127,170.60\t
22102\t住房改革支出\t127,170.60\t127,170.60\t
2210201\t住房公积金\t127,170.60\t127,170.60\t`), { before: ['金额单位: 元'] }),
    );
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBeGreaterThan(20);
  });

  it('finds seed 000-01 (d): 21015 225,151.75 ≠ 225,151.75 + 420,000.00 in the last column', () => {
    const outcome = run(
      codeHierarchyCheck,
      table(tsv(`科目编码\t科目名称\t合计\t项目支出
21015\t医疗保障管理事务\t1,669,266.31\t225,151.75
2101501\t行政运行\t1,249,266.31\t225,151.75
2101506\t医疗保障经办事务\t420,000.00\t420,000.00`), { before: ['金额单位: 元'] }),
    );
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({ severity: 'error', actual: '225151.75', expected: '645151.75' });
  });

  it('rolls local 7-digit economic codes up to the parent shown, wherever it is listed (seed 001 附件20)', () => {
    const outcome = run(
      codeHierarchyCheck,
      table(tsv(`经济科目\t经济科目名称\t总计
301\t工资福利支出\t13.00
30101\t基本工资\t3.00
3011202\t工伤保险\t1.00
3011201\t生育保险\t2.00
30112\t其他社会保障缴费\t3.00
30113\t住房公积金\t7.00`), { before: ['单位：万元'] }),
    );
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(2);
  });
});
