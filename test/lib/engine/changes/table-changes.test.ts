import { describe, expect, it } from 'vitest';
import { tableChanges } from '../../../../lib/engine/changes/table-changes';
import { table } from '../../../helpers/tables';
import { modelOf } from '../../../helpers/check';

describe('changes a table states itself', () => {
  it('reads 预算数 → 决算数 pairs of a 三公 决算 table (seed 002 公开07)', () => {
    const model = modelOf(
      table(
        [
          ['预算数@c3', '决算数@c3'],
          ['合计', '公务用车运行维护费', '公务接待费', '合计', '公务用车运行维护费', '公务接待费'],
          ['8.05', '7.00', '1.05', '8.04', '6.99', '1.05'],
        ],
        { before: ['财政拨款“三公”经费支出决算表', '单位：万元'] },
      ),
      'three-public',
    );
    expect(tableChanges(model).map((c) => [c.label, c.previous, c.current, c.delta, c.basis])).toEqual([
      ['合计', '8.05', '8.04', '-0.01', 'table'],
      ['公务用车运行维护费', '7.00', '6.99', '-0.01', 'table'],
      ['公务接待费', '1.05', '1.05', '0.00', 'table'],
    ]);
  });

  it('orders years, and ignores tables with one period', () => {
    const years = modelOf(table([['项目@r2', '2025年预算@c1', '2024年预算@c1'], ['合计', '合计'], ['“三公”经费', '3.20', '4.10']], { before: ['单位：万元'] }));
    expect(tableChanges(years).map((c) => [c.previous, c.current, c.percent])).toEqual([['4.10', '3.20', '-21.95']]);
    expect(tableChanges(modelOf(table([['项目', '合计'], ['合计', '1.00']], { before: ['单位：万元'] })))).toEqual([]);
  });
});
