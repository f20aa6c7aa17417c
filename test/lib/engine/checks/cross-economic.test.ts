import { describe, expect, it } from 'vitest';
import { checkEconomicViews } from '../../../../lib/engine/checks/cross-economic';
import { agencyOf, departmentCodesOf } from '../../../../lib/engine/document/economic-mapping';
import { table } from '../../../helpers/tables';
import { modelOf } from '../../../helpers/check';

const yuan = { before: ['金额单位：元'] };

const government = modelOf(
  table([
    ['科目编码', '科目名称', '总计', '机关商品和服务支出@c3', '对事业单位经常性补助'],
    ['', '', '', '办公经费', '公务接待费', '其他商品和服务支出', '商品和服务支出'],
    ['', '合计', '225151.75', '143594', '', '81557.75', ''],
  ], { ...yuan, anchor: 'tg' }),
  'basic-expense-detail',
  '一般公共预算基本支出表--公用经费(商品和服务支出)(按政府预算经济分类)',
);
const department = (post: string) => ({
  ...modelOf(
    table([
      ['科目编码', '科目名称', '总计', '办公费', '邮电费', '差旅费', '工会经费', '福利费', '其他交通费用', '其他商品和服务支出'],
      ['', '合计', '225151.75', '15000', post, '960', '12300', '20000', '60720', '81557.75'],
    ], { ...yuan, anchor: 'td' }),
    'basic-expense-detail',
    '一般公共预算基本支出表—公用经费(商品和服务支出)(按部门预算经济分类)',
  ),
  id: 'td',
});

describe('部门 ↔ 政府 economic classification (X-B-08)', () => {
  it('maps 部门 款 to 政府 款 for a 机关 and a 事业单位', () => {
    expect(departmentCodesOf('50201', 'administrative')).toContain('30239');
    expect(departmentCodesOf('50502', 'institution')).toContain('30231');
    expect(departmentCodesOf('50901', 'institution')).toContain('30309');
    expect(agencyOf(['50201', '50299'])).toBe('administrative');
    expect(agencyOf(['50501', '50502'])).toBe('institution');
    expect(agencyOf(['50101', '50501'])).toBeNull();
  });

  it('passes seed 000: 50201 办公经费 143,594.00 = 15,000 + 34,614 + 960 + 12,300 + 20,000 + 60,720', () => {
    const outcome = checkEconomicViews([{ ...government, id: 'tg' }, department('34614')]);
    expect(outcome.findings).toEqual([]);
    expect(outcome.passed).toBe(2);
  });

  it('finds a 政府 款 that is not the sum of its 部门 款, linking every 部门 cell', () => {
    const outcome = checkEconomicViews([{ ...government, id: 'tg' }, department('36414')]);
    expect(outcome.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['cross.economic-mapping', 'error', '143594', '145394']]);
    expect(outcome.findings[0]!.related).toHaveLength(6);
  });
});
