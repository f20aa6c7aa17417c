import { describe, expect, it } from 'vitest';
import { columnIdentitiesCheck } from '../../../../lib/engine/checks/column-identities';
import { table } from '../../../helpers/tables';
import { run, severities } from '../../../helpers/check';

const unit = { before: ['单位：万元'] };

describe('column identities from the header tree', () => {
  it('finds seed 001-06: 总计 19.99 ≠ Σ 14 items 19.89 beyond the 0.07 bound', () => {
    const names = ['办公费', '印刷费', '咨询费', '手续费', '水费', '电费', '邮电费', '物业管理费', '差旅费', '会议费', '培训费', '公务接待费', '租赁费', '维修（护）费', '专用材料费', '劳务费', '委托业务费', '工会经费', '福利费', '其他工资费用'];
    const values = ['4.50', '0.90', '', '', '', '0.50', '', '', '0.50', '1.00', '1.00', '1.00', '0.50', '0.20', '', '0.56', '0.80', '1.14', '1.70', '5.59'];
    const outcome = run(columnIdentitiesCheck, table([['单位名称', '功能科目', '总 计', ...names], ['医保局', '单位运转经费', '19.99', ...values]], unit));
    expect(outcome.findings).toHaveLength(1);
    const finding = outcome.findings[0]!;
    expect(finding).toMatchObject({ severity: 'error', expected: '19.89', actual: '19.99', difference: '0.10', tolerance: '0.07', unit: '万元' });
    expect(finding.message).toContain('19.99');
    expect(finding.message).toContain('19.89');
    expect(finding.message).toContain('超出尾数误差上限 0.07');
    expect(finding.related).toHaveLength(names.length);
  });

  it('finds seed 001-05: 社会保障缴费 合计 33.81 ≠ its sub-columns 23.19', () => {
    const outcome = run(
      columnIdentitiesCheck,
      table(
        [
          ['功能科目', '总 计@r2', '工资性支出@c5', '社会保障缴费@c5', '伙食补助费@r2', '住房公积金@r2'],
          ['', '合计', '基本工资', '津贴补贴', '绩效工资', '奖金', '合计', '机关事业单位基本养老保险缴费', '职工基本医疗保险缴费', '公务员医疗补助缴费', '医疗费'],
          ['行政运行', '117.65', '83.84', '34.12', '22.59', '', '27.13', '33.81', '9.53', '5.34', '3.07', '5.25', '', '10.62'],
        ],
        unit,
      ),
    );
    const group = outcome.findings.find((f) => f.actual === '33.81');
    expect(group).toMatchObject({ severity: 'error', expected: '23.19', difference: '10.62' });
  });

  it('finds seed 001-08: row 301 总计 117.65 ≠ 人员经费 117.65 + 公用经费 19.99', () => {
    const outcome = run(
      columnIdentitiesCheck,
      table([['经济科目', '经济科目名称', '总计', '人员经费', '公用经费'], ['**', '**', '1', '2', '3'], ['', '合计', '137.64', '117.65', '19.99'], ['301', '工资福利支出', '117.65', '117.65', '19.99'], ['302', '商品和服务支出', '19.99', '', '19.99']], unit),
    );
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({ severity: 'error', expected: '137.64', actual: '117.65', difference: '-19.99' });
    expect(outcome.passed).toBe(2);
  });

  it('reports a 0.01 rounding difference as info (seed 002-10)', () => {
    const outcome = run(
      columnIdentitiesCheck,
      table([['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'], ['', '合计', '2,113.81', '1,434.27', '679.55', '0.00', '0.00', '0.00']], unit),
    );
    expect(severities(outcome)).toEqual(['info']);
    expect(outcome.findings[0]!.message).toContain('在尾数误差范围内');
  });

  it('passes consistent rows and nested groups (seed 003 基本支出 split)', () => {
    const outcome = run(
      columnIdentitiesCheck,
      table(
        [
          ['科目编码@r2', '科目名称@r2', '合计@r2', '基本支出@c3', '项目支出@r2'],
          ['小计', '人员经费', '公用经费'],
          ['', '合计', '6,465.30', '3,323.60', '3,193.10', '130.50', '3,141.70'],
          ['208', '社会保障和就业支出', '264.60', '264.60', '264.60', '', ''],
        ],
        unit,
      ),
    );
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(4);
  });

  it('is exact in 元 tables and finds seed 000-01: 合计 ≠ 基本小计 + 项目支出', () => {
    const outcome = run(
      columnIdentitiesCheck,
      table(
        [
          ['科目编码@r3', '科目名称@r3', '合计@r3', '基本支出@c3', '项目支出@r3'],
          ['小计@r2', '人员经费@c2'],
          ['工资福利支出', '对个人和家庭的补助'],
          ['', '合计', '2,068,839.67', '1,648,839.67', '1,423,687.92', '0.00', '225,151.75'],
        ],
        { before: ['金额单位：元'] },
      ),
    );
    expect(severities(outcome)).toEqual(['error', 'error']);
    expect(outcome.findings.map((f) => f.difference)).toEqual(['194848.25', '225151.75']);
    expect(outcome.findings[0]!.message).toContain('应完全相等');
  });

  it('reads sibling groups that each make up the total as two views of it (000 专项资金预算汇总表, 资金来源)', () => {
    const outcome = run(
      columnIdentitiesCheck,
      table(
        [
          ['项目@r2', '合计@r2', '基本支出@r2', '项目支出@r2', '资金来源@c2'],
          ['一般公共预算', '政府性基金'],
          ['合计', '100.00', '60.00', '40.00', '90.00', '10.00'],
          ['坏行', '100.00', '60.00', '40.00', '90.00', '20.00'],
        ],
        unit,
      ),
    );
    expect(outcome.findings.map((f) => ['row' in f.location ? f.location.row : -1, f.severity])).toEqual([[3, 'error']]);
  });

  it('ignores 其中, rate and change columns', () => {
    const outcome = run(
      columnIdentitiesCheck,
      table([['项目', '合计', '一般公共预算', '其中：财政拨款', '政府性基金', '增减率%'], ['合计', '100.00', '80.00', '70.00', '20.00', '5.00']], unit),
    );
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(1);
  });
});
