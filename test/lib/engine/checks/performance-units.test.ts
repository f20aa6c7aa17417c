import { describe, expect, it } from 'vitest';
import { performanceUnitsCheck, unitMismatch } from '../../../../lib/engine/checks/performance-units';
import { table } from '../../../helpers/tables';
import { run } from '../../../helpers/check';

describe('performance indicators: unit against name (P-02)', () => {
  it('finds seed 000-05: 住院报销金额 measured in 人次, and passes the rows that fit', () => {
    const outcome = run(
      performanceUnitsCheck,
      table(
        [
          ['单位代码', '单位(专项)名称', '资金总额', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '指标值类型'],
          ['473002', '被征地医保专项经费', '420,000.00', '', '', '', '', '', ''],
          ['', '', '', '成本指标', '社会成本指标', '被征地医保门诊报销金额', '300', '万元', '≥'],
          ['', '', '', '', '生态环境成本指标', '被征地医保住院报销金额', '2000', '人次', '≥'],
          ['', '', '', '产出指标', '数量指标', '被征地医保特门审核人次', '700', '人次', '≥'],
        ],
        { before: ['项目支出绩效目标表', '金额单位: 元'] },
      ),
      'performance-project',
    );
    expect(outcome.findings.map((f) => [f.severity, 'row' in f.location ? f.location.row : -1])).toEqual([['error', 3]]);
    expect(outcome.findings[0]!.message).toContain('住院报销金额');
    expect(outcome.passed).toBe(2);
  });

  it('grades the weaker mismatches as warnings', () => {
    expect(unitMismatch('天元区职工医保单位异动次数', '家')?.severity).toBe('warning');
    expect(unitMismatch('参保人员服务满意度', '人')?.severity).toBe('warning');
    expect(unitMismatch('参保人员服务满意度', '%')).toBeNull();
    expect(unitMismatch('参保人数', '万元')?.severity).toBe('error');
  });

  it('leaves other tables alone', () => {
    expect(run(performanceUnitsCheck, table([['项目', '金额', '单位'], ['报销金额', '2000', '人次']])).checksRun).toBe(0);
  });
});
