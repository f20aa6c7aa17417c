import { describe, expect, it } from 'vitest';
import { columnIdentitiesCheck } from '../../../../lib/engine/checks/column-identities';
import { table } from '../../../helpers/tables';
import { run } from '../../../helpers/check';
import { categoryOf } from '../../../../lib/engine/checks/catalogue';

const header = [
  ['科目编码@r2', '科目名称@r2', '合计@r2', '基本支出@c3', '项目支出@c3'],
  ['小计', '人员经费', '公用经费', '小计', '其他运转类', '特定目标类'],
];

describe('values one column off their header (seed 003-01)', () => {
  it('reports one structural warning instead of errors when a one-column shift makes every identity hold', () => {
    const outcome = run(columnIdentitiesCheck, table([...header, ['2120809', '支付破产或改制企业职工安置费', '196.30', '', '', '196.30', '', '196.30', '']], { before: ['单位：万元'] }));
    expect(outcome.findings.map((f) => [f.rule, f.severity, categoryOf(f.rule)])).toEqual([['sum.misaligned', 'warning', 'structure']]);
    expect(outcome.findings[0]!.message).toContain('错位一列');
  });

  it('keeps real errors when no shift explains them (seed 000-01)', () => {
    const outcome = run(columnIdentitiesCheck, table([...header, ['', '合计', '100.00', '60.00', '50.00', '10.00', '30.00', '30.00', '']], { before: ['单位：万元'] }));
    expect(outcome.findings.map((f) => f.severity)).toEqual(['error']);
  });
});
