import { describe, expect, it } from 'vitest';
import { performanceRateCheck } from '../../../../lib/engine/checks/performance-rate';
import { table } from '../../../helpers/tables';
import { run } from '../../../helpers/check';

const form = (rate: string) =>
  table(
    [
      ['预算部门名称', '株洲市医疗保障局', '', '', '', '', '', ''],
      ['年度预算申请(万元)', '', '年初预算数(万元)', '全年预算数(万元)', '全年执行数(万元)', '分值', '执行率', '得分'],
      ['', '年度资金总额：', '1796.95', '2261.16', '2113.82', '10', rate, '10.00'],
    ],
    { before: ['2024 年度部门整体支出绩效自评表'] },
  );

describe('execution rate in self-evaluation forms (P-05)', () => {
  it('finds seed 002-05: 执行率 100.00% while 2113.82 ÷ 2261.16 = 93.48%', () => {
    const outcome = run(performanceRateCheck, form('100.00%'), 'performance-overall');
    expect(outcome.findings.map((f) => [f.severity, f.actual, f.expected])).toEqual([['error', '100.00', '93.48']]);
    expect(outcome.findings[0]!.message).toContain('2113.82 ÷ 全年预算数 2261.16');
  });

  it('passes a correct rate', () => {
    const outcome = run(performanceRateCheck, form('93.48%'), 'performance-overall');
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(1);
  });
});
