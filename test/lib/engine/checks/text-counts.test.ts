import { describe, expect, it } from 'vitest';
import { checkCounts } from '../../../../lib/engine/checks/text-counts';
import type { TextBlock } from '../../../../lib/engine/source';
import { table } from '../../../helpers/tables';
import { modelOf } from '../../../helpers/check';

const blocks = (...texts: string[]): TextBlock[] => texts.map((text, i) => ({ anchor: `b${i}`, text, kind: 'paragraph', seq: i }));

describe('counts in the text (N-10)', () => {
  it('passes seed 002/003 vehicle lists and finds a list that exceeds its total', () => {
    expect(checkCounts(blocks('截至2024年12月31日，共有车辆2辆，其中，主要领导干部用车0辆，机要通信用车0辆、其他用车2辆；单位价值50万元以上通用设备0台（套）。'), []).passed).toBe(1);
    const wrong = checkCounts(blocks('共有车辆2辆，其中：一般公务用车2辆、一般执法执勤用车1辆、其他用车0辆。'), []);
    expect(wrong.findings.map((f) => [f.severity, f.actual, f.expected])).toEqual([['error', '3', '2']]);
    expect(wrong.findings[0]!.location).toMatchObject({ anchor: 'b0' });
  });

  it('leaves open lists alone', () => {
    expect(checkCounts(blocks('全市定点医药机构420家，其中：医院47家、药店23家。'), []).findings).toEqual([]);
  });

  it('compares "共26个项目" with the projects of the project table (seed 003)', () => {
    const projects = modelOf(
      table([
        ['单位代码', '项目名称', '合计'],
        ['036', '济源产城融合示范区医疗保障局', '30.00'],
        ['036001', '济源产城融合示范区医疗保障局', '30.00'],
        ['036001', '项目甲', '10.00'],
        ['036001', '项目乙', '20.00'],
      ], { before: ['单位：万元'] }),
      'project-expense',
    );
    expect(checkCounts(blocks('共2个项目。'), [projects]).passed).toBe(1);
    expect(checkCounts(blocks('共3个项目。'), [projects]).findings.map((f) => f.severity)).toEqual(['warning']);
  });
});
