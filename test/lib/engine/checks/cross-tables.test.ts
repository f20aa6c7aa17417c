import { describe, expect, it } from 'vitest';
import { checkCrossTables } from '../../../../lib/engine/checks/cross-tables';
import { table, tsv } from '../../../helpers/tables';
import { modelOf } from '../../../helpers/check';

const wan = { before: ['单位：万元'] };

const summary = (health: string) =>
  modelOf(
    table(tsv(`项目\t本年预算
一、一般公共服务支出\t
七、医疗卫生与计划生育支出\t${health}
本年支出合计\t1641.88`), wan),
    'income-expense-summary',
    '部门收支总表',
  );

const expenses = modelOf(
  table(tsv(`类\t款\t项\t科目名称\t总计
\t\t\t合计\t1641.88
209\t03\t01\t基本医疗保险统筹基金\t1234.24
210\t15\t01\t行政运行\t137.64
209\t12\t99\t其他城乡居民基本医疗保险基金支出\t220.00
210\t01\t99\t其他医疗卫生与计划生育管理事务支出\t50.00`), wan),
  'expense-summary',
  '部门支出总表',
);

describe('cross-table identities', () => {
  it('finds seed 001-04: class 210 in 收支总表 is 209 + 210 in 支出总表, and 209 is missing', () => {
    const outcome = checkCrossTables([summary('1641.88'), { ...expenses, id: 't1' }]);
    expect(outcome.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([
      ['cross.classes', 'error', '1641.88', '187.64'],
      ['cross.classes', 'error', '1454.24', '0'],
    ]);
  });

  it('passes classes and totals that agree, converting 元 and 万元 exactly', () => {
    const yuan = modelOf(table(tsv(`科目编码\t科目名称\t合计\n\t合计\t18,036,959.50\n210\t卫生健康支出\t18,036,959.50`), { before: ['金额单位：元'] }), 'expense-summary', '支出总表');
    const wanSummary = modelOf(table(tsv(`项目\t预算数\n(十) 卫生健康支出\t1803.69595\n(八) 社会保障和就业支出\t\n本年支出合计\t1803.69595`), wan), 'income-expense-summary', '收支总表');
    const outcome = checkCrossTables([wanSummary, { ...yuan, id: 't1' }]);
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(2);
  });

  it('finds seed 001-07: 维修(护)费 0.20 in the detail table vs 0.30 in the 基本支出表', () => {
    const detail = modelOf(table([['单位名称', '总计', '办公费', '维修（护）费'], ['医保局', '4.70', '4.50', '0.20']], wan), 'basic-expense-detail', '单位运转经费支出预算表');
    const basic = modelOf(table(tsv(`经济科目\t经济科目名称\t总计\n302\t商品和服务支出\t4.80\n30201\t办公费\t4.50\n30213\t维修(护)费\t0.30`), wan), 'general-basic-expense', '一般公共预算基本支出情况表');
    const outcome = checkCrossTables([detail, { ...basic, id: 't1' }]);
    expect(outcome.findings.map((f) => [f.severity, f.actual, f.expected])).toEqual([['error', '0.2', '0.3']]);
    expect(outcome.passed).toBe(1);
  });

  it('X-B-04: the 财政拨款收支总表\'s 一般公共预算 小计 per 类 is the 一般公共预算支出表 (其中:财政拨款 is a part; a blank stale name yields)', () => {
    const fiscal = modelOf(
      table([
        ['项目', '合计', '一般公共预算@c2', '政府性基金预算'],
        ['', '', '小计', '其中:财政拨款', ''],
        ['本年支出', '6465.30', '5497.60', '4930.60', '967.70'],
        ['(九)医疗卫生与计划生育支出', '', '', '', ''],
        ['(十)卫生健康支出', '5131.90', '5131.90', '4564.90', ''],
        ['(八)社会保障和就业支出', '264.60', '264.60', '264.60', ''],
        ['(十二)城乡社区支出', '967.70', '', '', '967.70'],
      ], wan),
      'fiscal-summary',
      '财政拨款收支总体情况表',
    );
    const general = (health: string) => ({
      ...modelOf(table(tsv(`科目编码\t科目名称\t合计\n\t合计\t5396.50\n208\t社会保障和就业支出\t264.60\n210\t卫生健康支出\t${health}`), { ...wan, anchor: 't1' }), 'general-expense', '一般公共预算支出表'),
      id: 't1',
    });
    const ok = checkCrossTables([fiscal, general('5131.90')]);
    expect(ok.findings).toEqual([]);
    expect(ok.passed).toBe(2);
    const bad = checkCrossTables([fiscal, general('4564.90')]);
    expect(bad.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['cross.classes', 'error', '5131.9', '4564.9']]);
  });
});
