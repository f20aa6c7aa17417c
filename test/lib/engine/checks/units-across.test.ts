import { describe, expect, it } from 'vitest';
import { checkCrossColumns } from '../../../../lib/engine/checks/cross-columns';
import { checkCrossTables } from '../../../../lib/engine/checks/cross-tables';
import { checkTextAgainstTables } from '../../../../lib/engine/checks/text-vs-table';
import { performanceCostCapCheck } from '../../../../lib/engine/checks/performance-cost-cap';
import { buildFactIndex } from '../../../../lib/engine/narrative/bind';
import { documentClaims } from '../../../../lib/engine/narrative/document-claims';
import type { TextBlock } from '../../../../lib/engine/source';
import { gridModel, model } from '../../../rules/case';
import { run } from '../../../helpers/check';
import { table } from '../../../helpers/tables';

/** One converter for 元, 千元, 万元 and 亿元 (lib/engine/amount/units.ts): 千元 and 亿元 tables are compared too. */
describe('amounts in 千元 and 亿元', () => {
  const classes = (health: string, unitLine: string) => [
    model(`项目\t本年预算\n七、卫生健康支出\t${health}\n八、社会保障和就业支出\t0.01\n本年支出合计\t0.174188`, 'income-expense-summary', '部门收支总表', unitLine),
    model(`科目编码\t科目名称\t总计\n\t合计\t1741.88\n208\t社会保障和就业支出\t100.00\n210\t卫生健康支出\t1641.88`, 'expense-summary', '部门支出总表'),
  ];

  it('compares a 亿元 summary with a 万元 expenditure table class by class', () => {
    expect(checkCrossTables(classes('0.164188', '单位：亿元')).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const wrong = checkCrossTables(classes('0.174188', '单位：亿元')).findings.filter((f) => f.rule === 'cross.classes' && f.severity === 'error');
    expect(wrong.map((f) => [f.actual, f.expected])).toEqual([['0.174188', '0.164188']]);
  });

  it('holds a 千元 basic-expenditure line to the 三公 item of a 万元 table (X-B-06), which the 元/万元-only conversion skipped', () => {
    const three = gridModel(
      [
        ['合计', '因公出国(境)费', '公务用车运行维护费', '公务接待费'],
        ['8.04', '0', '6.99', '1.05'],
      ],
      'three-public',
      '“三公”经费支出预算表',
    );
    const basic = (running: string) => model(`科目编码\t科目名称\t预算数\n302\t商品和服务支出\t80.40\n30217\t公务接待费\t10.50\n30231\t公务用车运行维护费\t${running}`, 'general-basic-expense', '一般公共预算基本支出表', '单位：千元');
    expect(checkCrossColumns([three, basic('69.90')]).findings).toEqual([]);
    expect(checkCrossColumns([three, basic('70.00')]).findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['cross.three-public', 'warning', '7', '6.99']]);
  });

  it('binds a text amount in 千元 to a 万元 row, exactly', () => {
    const tables = [model('项目\t本年预算\n七、卫生健康支出\t1641.88', 'income-expense-summary', '部门收支总表')];
    const check = (text: string) => {
      const blocks: TextBlock[] = [{ anchor: 'b0', text, kind: 'paragraph', seq: 1 }];
      return checkTextAgainstTables(documentClaims(blocks), buildFactIndex(tables), 'budget', blocks);
    };
    expect(check('卫生健康支出16418.8千元。').passed).toBe(1);
    expect(check('卫生健康支出16148.8千元。').findings.map((f) => [f.rule, f.severity])).toEqual([['text.amount', 'error']]);
  });

  it('reads a cost cap stated in 千元', () => {
    const form = (cap: string) => table([['项目编码', '项目名称', '资金总额', '财政拨款', '成本指标', '指标值'], ['4190012300', '服务费项目', '12.00', '12.00', '服务费', cap]], { before: ['项目绩效目标表', '单位：万元'] });
    expect(run(performanceCostCapCheck, form('≤120千元'), 'performance-project').passed).toBe(1);
    expect(run(performanceCostCapCheck, form('≤204千元'), 'performance-project').findings.map((f) => f.actual)).toEqual(['20.4']);
  });
});
