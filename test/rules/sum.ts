import type { RuleCase } from './case';
import { model } from './case';

const hierarchy = (item: string) => `科目编码\t科目名称\t合计
\t合计\t30.00
210\t卫生健康支出\t30.00
21011\t行政事业单位医疗\t30.00
2101101\t行政单位医疗\t10.00
2101102\t事业单位医疗\t${item}`;

const columns = (total: string, project: string) => `科目名称\t合计\t基本支出\t项目支出
行政运行\t${total}\t6.00\t${project}`;

// Seed 002 公开01, abridged: 收入总计 = 支出总计.
const balance = (expense: string) => `项目\t金额\t项目\t金额
一、一般公共预算财政拨款收入\t2,113.81\t九、卫生健康支出\t2,113.81
本年收入合计\t2,113.81\t本年支出合计\t2,113.81
年初结转和结余\t0.00\t年末结转和结余\t0.00
收入总计\t2,113.81\t支出总计\t${expense}`;

const threePublic = (reception: string) => `项目\t预算数
合计\t10.00
因公出国（境）费\t2.00
公务用车购置及运行费\t5.00
公务用车购置费\t3.00
公务用车运行费\t2.00
公务接待费\t${reception}`;

// Seed 003-01: a row one column off its header (政府性基金 table).
const shiftHeader = `科目编码\t科目名称\t合计\t基本支出@c3\t项目支出@c3
\t\t\t小计\t人员经费\t公用经费\t小计\t其他运转类\t特定目标类`;
const shifted = (values: string) => `${shiftHeader}\n${values}`;

export const sumCases: RuleCase[] = [
  {
    rule: 'sum.code-hierarchy',
    source: 'rulebook §2.4, B-T3-04: 款 = Σ 项',
    fails: { tables: [model(hierarchy('15.00'), 'expense-summary', '支出总表')] },
    passes: { tables: [model(hierarchy('20.00'), 'expense-summary', '支出总表')] },
  },
  {
    rule: 'sum.rows',
    source: 'seed 001-06 (合计 = Σ 各项)',
    fails: { tables: [model('项目\t金额\n办公费\t4.50\n维修(护)费\t0.20\n合计\t4.80', 'unknown', '单位运转经费')] },
    passes: { tables: [model('项目\t金额\n办公费\t4.50\n维修(护)费\t0.30\n合计\t4.80', 'unknown', '单位运转经费')] },
  },
  {
    rule: 'sum.columns',
    source: 'rulebook B-T3-01: 合计 = 基本支出 + 项目支出',
    fails: { tables: [model(columns('10.00', '3.00'), 'general-expense', '一般公共预算支出表')] },
    passes: { tables: [model(columns('10.00', '4.00'), 'general-expense', '一般公共预算支出表')] },
  },
  {
    rule: 'sum.balance',
    source: 'seed 002 公开01, rulebook D-01-5: 收入总计 = 支出总计',
    fails: { tables: [model(balance('2,103.81'), 'income-expense-summary', '收入支出决算总表')] },
    passes: { tables: [model(balance('2,113.81'), 'income-expense-summary', '收入支出决算总表')] },
  },
  {
    rule: 'sum.three-public',
    source: 'rulebook B-T7-01: 合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费',
    fails: { tables: [model(threePublic('2.00'), 'three-public', '一般公共预算“三公”经费支出表')] },
    passes: { tables: [model(threePublic('3.00'), 'three-public', '一般公共预算“三公”经费支出表')] },
  },
  {
    rule: 'sum.blank-total',
    source: 'rulebook §2.4(5): a total left blank beside filled parts',
    fails: { tables: [model(columns('', '4.00'), 'general-expense', '一般公共预算支出表')] },
    passes: { tables: [model(columns('10.00', '4.00'), 'general-expense', '一般公共预算支出表')] },
  },
  {
    rule: 'sum.misaligned',
    source: 'seed 003-01: values one column off their header',
    fails: { tables: [model(shifted('2120809\t支付破产或改制企业职工安置费\t196.30\t\t\t196.30\t\t196.30\t'), 'fund-expense', '政府性基金预算支出表')] },
    passes: { tables: [model(shifted('2120809\t支付破产或改制企业职工安置费\t196.30\t\t\t\t196.30\t\t196.30'), 'fund-expense', '政府性基金预算支出表')] },
  },
];
