import type { RuleCase } from './case';
import { model } from './case';

const codes = (klass: string) => `类\t款\t项\t科目名称\t合计
${klass}\t15\t01\t行政运行\t117.65`;

const named = (name: string) => `科目编码\t科目名称\t合计
\t合计\t10.00
209\t${name}\t10.00
20903\t基本医疗保险统筹基金\t10.00`;

const summary = (name: string) => `项目\t预算数
七、${name}\t10.00
八、社会保障和就业支出\t1.00
本年支出合计\t11.00`;

export const labelCases: RuleCase[] = [
  {
    rule: 'label.code',
    source: 'seed 001-09: a two-digit 类 "21 15 01"',
    fails: { tables: [model(codes('21'), 'expense-summary', '支出总表')] },
    passes: { tables: [model(codes('210'), 'expense-summary', '支出总表')] },
  },
  {
    rule: 'label.name',
    source: 'rulebook C-02: 209 is 社会保险基金支出, not 卫生健康支出',
    fails: { tables: [model(named('卫生健康支出'), 'expense-summary', '支出总表')], identity: { kind: 'budget', year: 2024 } },
    passes: { tables: [model(named('社会保险基金支出'), 'expense-summary', '支出总表')], identity: { kind: 'budget', year: 2024 } },
  },
  {
    rule: 'label.text-name',
    source: 'seed 004-04: 社会福利和救助（509）',
    fails: { text: ['其中：社会福利和救助（509）0.02万元。'], identity: { kind: 'budget', year: 2023 } },
    passes: { text: ['其中：对个人和家庭的补助（509）0.02万元。'], identity: { kind: 'budget', year: 2023 } },
  },
  {
    rule: 'label.stale-name',
    source: 'seeds 001-15, 003-08: 医疗卫生与计划生育支出 in a 2020 table',
    fails: { tables: [model(summary('医疗卫生与计划生育支出'), 'income-expense-summary', '收支总表')], identity: { kind: 'budget', year: 2020 } },
    passes: { tables: [model(summary('卫生健康支出'), 'income-expense-summary', '收支总表')], identity: { kind: 'budget', year: 2020 } },
  },
];
