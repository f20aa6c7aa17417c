import { describe, expect, it } from 'vitest';
import { listTotalsCheck } from '../../../../lib/engine/checks/list-totals';
import { summaryBalanceCheck } from '../../../../lib/engine/checks/summary-balance';
import { threePublicCheck } from '../../../../lib/engine/checks/three-public';
import { table, tsv } from '../../../helpers/tables';
import { run, severities } from '../../../helpers/check';

// Seed 002 公开01 收入支出决算总表 (abridged: the zero rows between are kept where they matter).
const final01 = tsv(`收入@c3\t支出@c3
项目\t行次\t金额\t项目\t行次\t金额
栏次\t\t1\t栏次\t\t2
一、一般公共预算财政拨款收入\t1\t2,113.81\t一、一般公共服务支出\t32\t0.00
二、政府性基金预算财政拨款收入\t2\t0.00\t八、社会保障和就业支出\t39\t191.37
三、国有资本经营预算财政拨款收入\t3\t0.00\t九、卫生健康支出\t40\t1,830.15
四、上级补助收入\t4\t0.00\t十九、住房保障支出\t50\t92.29
本年收入合计\t27\t2,113.81\t本年支出合计\t58\t2,113.81
使用非财政拨款结余（含专用结余）\t28\t0.00\t结余分配\t59\t0.00
年初结转和结余\t29\t0.00\t年末结转和结余\t60\t0.00
总计\t31\t2,113.81\t总计\t62\t2,113.81`);

// Seed 004 表1 部门综合预算收支总表 (元), income side and the economic-classification side.
const seed004 = tsv(`项 目\t预算数\t部门预算支出经济分类科目（按大类）\t预算数
一、部门预算\t1239844.00\t一、部门预算\t1239844.00
1、财政拨款\t1239844.00\t1、人员经费和公用经费支出\t1189844.00
(1)一般公共预算拨款\t1239844.00\t(1)工资福利支出\t1080114.00
其中：专项资金列入部门预算的项目\t\t(2)商品和服务支出\t109550.00
(2)政府性基金拨款\t0\t(3)对个人和家庭的补助\t180.00
(3)国有资本经营预算收入\t0\t(4)资本性支出\t0
2、上级补助收入\t0\t2、专项业务经费支出\t50000.00
3、事业收入\t0\t(1)工资福利支出\t0
其中：纳入财政专户管理的收费\t0\t(2)商品和服务支出\t50000.00
4、事业单位经营收入\t0\t3、上缴上级支出\t0
本年收入合计\t1239844.00\t本年支出合计\t1239844.00
用事业基金弥补收支差额\t0\t结转下年\t0
上年结转\t0\t未安排支出的实户资金\t0
收入总计\t1239844.00\t支出总计\t1239844.00`);

describe('list totals', () => {
  it('passes seed 002 公开01: 本年收入合计, 总计 and both sides', () => {
    const outcome = run(listTotalsCheck, table(final01, { before: ['金额单位：万元'] }));
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(4);
  });

  it('finds a total that is not the sum of its numbered lines', () => {
    const broken = final01.map((row) => (row[0] === '本年收入合计' ? ['本年收入合计', '27', '2,113.91', ...row.slice(3)] : row));
    const outcome = run(listTotalsCheck, table(broken, { before: ['金额单位：万元'] }));
    expect(severities(outcome)).toEqual(['error', 'error']);
    expect(outcome.findings[0]).toMatchObject({ actual: '2113.91', expected: '2113.81', difference: '0.10' });
  });

  it('follows numbered levels and leaves single 其中 lines alone (seed 004 表1, 元)', () => {
    const outcome = run(listTotalsCheck, table(seed004, { before: ['单位：元'] }));
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBeGreaterThanOrEqual(8);
  });

  it('checks unnumbered breakdowns under a numbered line, as a warning at most (seed 003 5,497.60 = 4,930.60 + 567.00)', () => {
    const rows = tsv(`项目\t金额
一、一般公共预算\t5,497.60
其中：财政拨款\t4,930.60
专项收入\t
上级提前下达\t567.00
二、政府性基金预算拨款收入\t967.70
本年收入合计\t6,465.30`);
    expect(run(listTotalsCheck, table(rows, { before: ['单位：万元'] })).findings).toEqual([]);
    const broken = rows.map((row) => (row[0] === '上级提前下达' ? ['上级提前下达', '577.00'] : row));
    expect(severities(run(listTotalsCheck, table(broken, { before: ['单位：万元'] })))).toEqual(['warning']);
  });
});

describe('收支总表 balance', () => {
  it('passes when 收入总计 = 支出总计 on every side', () => {
    const outcome = run(summaryBalanceCheck, table(seed004, { before: ['单位：元'] }));
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(1);
  });

  it('finds sides that disagree', () => {
    const broken = final01.map((row) => (row[0] === '总计' ? [...row.slice(0, 5), '2,113.71'] : row));
    const outcome = run(summaryBalanceCheck, table(broken, { before: ['金额单位：万元'] }));
    expect(severities(outcome)).toEqual(['error']);
  });
});

describe('三公 in rows', () => {
  const rows = (total: string) =>
    tsv(`项目\t预算数
“三公”经费合计\t${total}
因公出国（境）费\t0.00
公务用车购置及运行费\t2.00
其中：公务用车购置费\t0.00
公务用车运行费\t2.00
公务接待费\t1.20`);

  it('passes seed 003: 3.20 = 0 + 2.00 + 1.20, without counting 运行费 twice', () => {
    const outcome = run(threePublicCheck, table(rows('3.20'), { before: ['单位：万元'] }), 'three-public', '一般公共预算“三公”经费支出表');
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(2);
    expect(run(listTotalsCheck, table(rows('3.20'), { before: ['单位：万元'] }), 'three-public', '一般公共预算“三公”经费支出表').checksRun).toBe(0);
  });

  it('finds a wrong 三公 total', () => {
    const outcome = run(threePublicCheck, table(rows('4.20'), { before: ['单位：万元'] }), 'three-public', '一般公共预算“三公”经费支出表');
    expect(severities(outcome)).toEqual(['error']);
  });
});
