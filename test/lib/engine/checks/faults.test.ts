import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { foldFaults } from '../../../../lib/engine/checks/faults';
import type { Finding } from '../../../../lib/engine/report/schema';
import { documentOf, table } from '../../../helpers/tables';

type Draft = Omit<Finding, 'id'>;
const cell = (row: number, col: number) => ({ tableId: 't0', row, col });
const draft = (rule: Draft['rule'], location: Draft['location'], related: Draft['related'], difference?: string, severity: Draft['severity'] = 'error'): Draft => ({
  rule,
  severity,
  category: 'sum',
  message: `${rule} ${difference ?? ''}`,
  location,
  related,
  ...(difference ? { difference, unit: '万元' } : {}),
});

describe('one fault, one finding', () => {
  it('folds the row sum and the column sum one wrong cell breaks into one finding with its consequence', () => {
    // 乙·项目支出 printed 7.00 for 6.00: 乙's row (20 ≠ 14 + 7) and the 项目支出 column (10 ≠ 4 + 7) both fail by 1.00.
    const rows = [['项目', '合计', '基本支出', '项目支出'], ['甲', '10.00', '6.00', '4.00'], ['乙', '20.00', '14.00', '7.00'], ['合计', '30.00', '20.00', '10.00']];
    const report = analyse(documentOf([table(rows, { before: ['单位：万元'] })]));
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.consequences).toHaveLength(1);
    expect([errors[0]!.rule, errors[0]!.consequences![0]!.rule].sort()).toEqual(['sum.columns', 'sum.rows']);
    expect(report.stats.consequences).toBe(1);
  });

  it('keeps two faults apart when the differences tell they are two, and never folds rounding notes', () => {
    const a = draft('sum.rows', cell(3, 1), [cell(1, 1), cell(2, 1)], '1.00');
    const b = draft('sum.columns', cell(2, 1), [cell(2, 2), cell(2, 3)], '2.50');
    expect(foldFaults([a, b], new Map()).findings).toHaveLength(2);
    const info = draft('sum.columns', cell(2, 1), [cell(2, 2)], '0.01', 'info');
    expect(foldFaults([a, info], new Map()).findings).toHaveLength(2);
  });

  it('converts units before comparing differences, and picks the finding located at the shared cell as the fault', () => {
    const row = draft('sum.columns', cell(2, 3), [cell(2, 1), cell(2, 2)], '10000', 'error');
    const cross = { ...draft('cross.basic', cell(2, 1), [{ tableId: 't9', row: 0, col: 0 }], '1'), unit: '万元' };
    const folded = foldFaults([{ ...row, unit: '元' }, cross], new Map()).findings;
    expect(folded.map((f) => [f.rule, f.consequences?.map((c) => c.rule)])).toEqual([['cross.basic', ['sum.columns']]]);
  });

  it('folds the findings on one text range (a wrong share and the shares that no longer add up to 100%)', () => {
    const at = { text: '占71.73%', anchor: 'b3', start: 10, end: 17 };
    const folded = foldFaults([draft('text.share', at, [], '0.08'), draft('text.share-sum', at, [], '0.07')], new Map()).findings;
    expect(folded).toHaveLength(1);
    expect(folded[0]!.consequences?.map((c) => c.rule)).toEqual(['text.share-sum']);
  });

  it('makes the findings an empty column causes one warning, not one per row', () => {
    const rows = [['项目', '总计', '区级', '市级'], ['甲', '', '60.00', '0.00'], ['乙', '', '406.00', '0.00'], ['丙', '', '50.00', '0.00'], ['合计', '', '516.00', '0.00']];
    const report = analyse(documentOf([table(rows, { before: ['单位：万元'] })]));
    const blank = report.findings.filter((f) => f.rule === 'sum.blank-total');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.consequences).toHaveLength(3);
  });

  it('moves the consequences of a fault that turns out to be a symptom of another under the other', () => {
    const a = draft('sum.rows', cell(5, 1), [cell(1, 1), cell(2, 1)], '1.00');
    const b = draft('sum.columns', cell(1, 1), [cell(1, 2)], '1.00');
    const c = draft('sum.columns', cell(1, 2), [cell(1, 3)], '1.00');
    const folded = foldFaults([a, b, c], new Map()).findings;
    expect(folded).toHaveLength(1);
    expect(folded[0]!.consequences).toHaveLength(2);
  });
});
