import { describe, expect, it } from 'vitest';
import { checkCrossColumns } from '../../../../lib/engine/checks/cross-columns';
import { checkCrossIncome } from '../../../../lib/engine/checks/cross-income';
import type { TableKind } from '../../../../lib/engine/document/table-kinds';
import type { TableModel } from '../../../../lib/engine/table/model';
import { table, tsv } from '../../../helpers/tables';
import { modelOf } from '../../../helpers/check';
import { categoryOf } from '../../../../lib/engine/checks/catalogue';

const wan = { before: ['单位：万元'] };
const yuan = { before: ['金额单位：元'] };
let n = 0;
const model = (text: string, kind: TableKind, title: string, unit = wan): TableModel => {
  const id = `t${n++}`;
  return { ...modelOf(table(tsv(text), { ...unit, anchor: id }), kind, title), id };
};

describe('column identities across tables', () => {
  it('finds 000-01 (e): the 一般公共预算支出表 carries all money, so its 项目支出 must be the 支出总表\'s', () => {
    const summary = model(`科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t2068839.67\t1648839.67\t420000.00\n210\t卫生健康支出\t2068839.67\t1648839.67\t420000.00`, 'expense-summary', '支出总表', yuan);
    const general = model(`科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t2068839.67\t1648839.67\t225151.75\n210\t卫生健康支出\t2068839.67\t1648839.67\t225151.75`, 'general-expense', '一般公共预算支出表', yuan);
    const outcome = checkCrossColumns([summary, general]);
    expect(outcome.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['cross.columns', 'error', '225151.75', '420000']]);
    expect(outcome.findings[0]!.related[0]).toMatchObject({ tableId: summary.id });
    expect(outcome.passed).toBe(1);
  });

  it('does not compare 基本/项目 when the 一般公共预算支出表 is only part of the money', () => {
    const summary = model(`科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t100.00\t60.00\t40.00`, 'expense-summary', '支出总表');
    const general = model(`科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t90.00\t60.00\t30.00`, 'general-expense', '一般公共预算支出表');
    expect(checkCrossColumns([summary, general]).checksRun).toBe(0);
  });

  it('X-B-05: 基本支出 of the functional table = the 基本支出表, 人员经费 and 公用经费 too, 元 against 万元 exactly', () => {
    const general = model(`科目编码\t科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出\n\t合计\t1239844\t1080294\t109550\t50000`, 'general-expense', '一般公共预算支出明细表', yuan);
    const basic = model(`科目编码\t科目名称\t合计\t人员经费\t公用经费\n\t合计\t118.9844\t108.0294\t10.9550\n301\t工资福利支出\t108.0294\t108.0294\t0`, 'general-basic-expense', '基本支出表');
    const outcome = checkCrossColumns([general, basic]);
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(3);
    const wrong = model(`科目编码\t科目名称\t合计\t人员经费\t公用经费\n\t合计\t118.9944\t108.0394\t10.9550`, 'general-basic-expense', '基本支出表');
    expect(checkCrossColumns([general, wrong]).findings.map((f) => [f.rule, f.severity, f.actual])).toEqual([
      ['cross.basic', 'error', '118.9944'],
      ['cross.basic', 'error', '108.0394'],
    ]);
  });

  it('X-D-05 on a 公开06 laid out as 人员经费 and 公用经费 blocks, against 公开03 when 公开05 is absent (info at most)', () => {
    const summary = model(`科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t2113.81\t1434.28\t679.55`, 'expense-summary', '支出决算表');
    const basic = {
      ...modelOf(
        table([
          ['人员经费', '人员经费', '人员经费', '公用经费', '公用经费', '公用经费'],
          ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
          ['301', '工资福利支出', '1153.36', '302', '商品和服务支出', '248.05'],
          ['303', '对个人和家庭的补助', '32.86', '', '', ''],
          ['人员经费合计', '人员经费合计', '1186.22', '公用经费合计', '公用经费合计', '248.05'],
        ], { ...wan, anchor: 'tb' }),
        'general-basic-expense',
        '一般公共预算财政拨款基本支出决算明细表',
      ),
      id: 'tb',
    };
    const outcome = checkCrossColumns([summary, basic]);
    expect(outcome.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['cross.basic', 'info', '1434.27', '1434.28']]);
  });

  it('X-D-07 (002-18): a 项 paid by one economic 款 carries its amount, a warning in a 决算, a note in a budget', () => {
    const text = `科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t187.78\t187.78\t0\n2080505\t机关事业单位基本养老保险缴费支出\t133.19\t133.19\t0\n2080506\t机关事业单位职业年金缴费支出\t54.59\t54.59\t0`;
    const basicText = `科目编码\t科目名称\t决算数\n301\t工资福利支出\t163.78\n30108\t机关事业单位基本养老保险缴费\t109.19\n30109\t职业年金缴费\t54.59`;
    const final = checkCrossColumns([model(text, 'expense-summary', '支出决算表'), model(basicText, 'general-basic-expense', '基本支出决算明细表')]);
    const items = final.findings.filter((f) => f.rule === 'cross.item-economic');
    expect(items.map((f) => [f.severity, f.actual, f.expected])).toEqual([['warning', '133.19', '109.19']]);
    const budget = checkCrossColumns([model(text, 'general-expense', '一般公共预算支出表'), model(basicText, 'general-basic-expense', '一般公共预算基本支出表')]);
    expect(budget.findings.filter((f) => f.rule === 'cross.item-economic').map((f) => f.severity)).toEqual(['info']);
  });

  it('X-D-06: an economic line above its 三公 item is a warning; equal passes', () => {
    const three = {
      ...modelOf(
        table([
          ['预算数@c4', '决算数@c4'],
          ['合计', '因公出国(境)费', '公务用车运行维护费', '公务接待费', '合计', '因公出国(境)费', '公务用车运行维护费', '公务接待费'],
          ['8.05', '0', '7.00', '1.05', '8.04', '0', '6.99', '1.05'],
        ], { ...wan, anchor: 't3p' }),
        'three-public',
        '“三公”经费支出决算表',
      ),
      id: 't3p',
    };
    const basic = model(`科目编码\t科目名称\t决算数\n302\t商品和服务支出\t8.05\n30217\t公务接待费\t1.05\n30231\t公务用车运行维护费\t7.00`, 'general-basic-expense', '基本支出决算明细表');
    const outcome = checkCrossColumns([three, basic]);
    expect(outcome.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['cross.three-public', 'warning', '7', '6.99']]);
    expect(outcome.passed).toBe(1); // 30217 = 1.05; 30212 is not in the basic table
  });

  it('X-B-01: the 收入总表\'s 总计 and source columns are the 收支总表\'s income lines', () => {
    const summary = model(`项目\t预算数\n一、一般公共预算拨款收入\t5497.60\n二、政府性基金预算拨款收入\t967.70\n本年收入合计\t6465.30\n收入总计\t6465.30`, 'income-expense-summary', '部门收支总表');
    const income = (fund: string) =>
      ({
        ...modelOf(
          table([
            ['单位代码', '单位名称', '总计', '本年收入@c3'],
            ['', '', '', '合计', '一般公共预算', '政府性基金'],
            ['', '合计', '6465.30', '6465.30', '5497.60', fund],
          ], { ...wan, anchor: 'ti' }),
          'income-summary',
          '部门收入总表',
        ),
        id: 'ti',
      }) as TableModel;
    const ok = checkCrossIncome([summary, income('967.70')]);
    expect(ok.findings).toEqual([]);
    expect(ok.passed).toBe(4);
    const bad = checkCrossIncome([summary, income('976.70')]);
    expect(bad.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['cross.income', 'error', '976.7', '967.7']]);
    expect(bad.findings[0]!.related[0]).toMatchObject({ tableId: summary.id });
  });

  it('000-03: a 财政拨款 income line blank in one summary table and filled in the other is a structural warning; two amounts must agree', () => {
    const summary = model(`项目\t预算数\n一、一般公共预算拨款收入\t2068839.67\n经费拨款\t2068839.67\n本年收入合计\t2068839.67\n收入总计\t2068839.67`, 'income-expense-summary', '收支总表', yuan);
    const fiscal = (line: string) => model(`项目\t预算数\n一、本年收入\t2068839.67\n(一)一般公共预算拨款\t2068839.67\n经费拨款\t${line}\n收入总计\t2068839.67`, 'fiscal-summary', '财政拨款收支总表', yuan);
    const blank = checkCrossIncome([summary, fiscal('')]);
    expect(blank.findings.map((f) => [f.rule, f.severity, categoryOf(f.rule)])).toEqual([['cross.blank-line', 'warning', 'structure']]);
    expect(blank.passed).toBe(1);
    expect(checkCrossIncome([summary, fiscal('2068839.67')]).findings).toEqual([]);
    expect(checkCrossIncome([summary, fiscal('2068830.67')]).findings.map((f) => [f.rule, f.severity])).toEqual([['cross.income', 'error']]);
  });
});
