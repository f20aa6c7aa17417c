import type { RuleCase } from './case';
import { gridModel } from './case';

const indicators = (name: string) =>
  gridModel(
    [
      ['单位代码', '单位(专项)名称', '资金总额', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '指标值类型'],
      ['473002', '被征地医保专项经费', '420,000.00', '', '', '', '', '', ''],
      ['', '', '', '成本指标', '社会成本指标', name, '2000', '人次', '≥'],
    ],
    'performance-project',
    '项目支出绩效目标表',
    ['金额单位: 元'],
  );

const selfEvaluation = (rate: string) =>
  gridModel(
    [
      ['预算部门名称', '株洲市医疗保障局', '', '', '', '', '', ''],
      ['年度预算申请(万元)', '', '年初预算数(万元)', '全年预算数(万元)', '全年执行数(万元)', '分值', '执行率', '得分'],
      ['', '年度资金总额：', '1796.95', '2261.16', '2113.82', '10', rate, '10.00'],
    ],
    'performance-overall',
    '2024 年度部门整体支出绩效自评表',
    [],
  );

const costCap = (cap: string) =>
  gridModel(
    [
      ['项目编码', '项目名称', '资金总额', '财政拨款', '成本指标', '指标值'],
      ['419001230000000105105', '电子政务专项-医疗保障骨干网络建设服务费项目', '12.00', '12.00', '服务费', cap],
    ],
    'performance-project',
    '2024年度部门预算项目绩效目标表',
  );

export const perfCases: RuleCase[] = [
  {
    rule: 'perf.unit',
    source: 'seed 000-05: 住院报销金额 2000 人次',
    fails: { tables: [indicators('被征地医保住院报销金额')] },
    passes: { tables: [indicators('被征地医保住院报销人次')] },
  },
  {
    rule: 'perf.rate',
    source: 'seed 002-05: 执行率 100.00% where 2113.82 ÷ 2261.16 = 93.48%',
    fails: { tables: [selfEvaluation('100.00%')] },
    passes: { tables: [selfEvaluation('93.48%')] },
  },
  {
    rule: 'perf.cost-cap',
    source: 'seed 003-05: 服务费 ≤20.4万元 on a 12.00 万元 project',
    fails: { tables: [costCap('≤20.4万元')] },
    passes: { tables: [costCap('≤12万元')] },
  },
];
