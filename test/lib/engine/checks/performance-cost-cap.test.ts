import { describe, expect, it } from 'vitest';
import { performanceCostCapCheck } from '../../../../lib/engine/checks/performance-cost-cap';
import { table } from '../../../helpers/tables';
import { run } from '../../../helpers/check';

const rows = (cap: string) =>
  table(
    [
      ['项目编码', '项目名称', '资金总额', '财政拨款', '成本指标', '指标值'],
      ['419001230000000105105', '电子政务专项-医疗保障骨干网络建设服务费项目', '12.00', '12.00', '服务费', cap],
    ],
    { before: ['2024年度部门预算项目绩效目标表', '单位：万元'] },
  );

describe('cost caps against the project budget (P-04)', () => {
  it('warns about seed 003-05: 服务费 ≤20.4万元 on a 12.00 万元 project', () => {
    const outcome = run(performanceCostCapCheck, rows('≤20.4万元'), 'performance-project');
    expect(outcome.findings.map((f) => [f.severity, f.actual, f.expected])).toEqual([['warning', '20.4', '12']]);
  });

  it('passes a cap within the budget, in 元 too', () => {
    expect(run(performanceCostCapCheck, rows('≤12万元'), 'performance-project').passed).toBe(1);
    expect(run(performanceCostCapCheck, rows('≤50000元'), 'performance-project').findings).toEqual([]);
  });
});
