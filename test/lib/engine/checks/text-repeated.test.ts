import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { isAdjacentSwap } from '../../../../lib/engine/checks/text-repeated';
import Decimal from 'decimal.js';
import type { SourceDocument } from '../../../../lib/engine/source';
import { table } from '../../../helpers/tables';

function doc(cell: string, text: string): SourceDocument {
  return {
    source: 'test',
    title: '株洲市荷塘区医疗保障局2020年度部门预算',
    tables: [table([['单位名称', '年度预算', '产出指标'], ['医保局', '1,641.88', cell]], { before: ['部门整体支出绩效申报表', '单位：万元'] })],
    blocks: [{ anchor: 'b0', text, kind: 'paragraph', seq: 1 }],
  };
}

describe('the same figure stated twice (N-08, N-12)', () => {
  it('finds seed 001-10: 年初预算 1461.88 in the performance table vs 1641.88 in the text', () => {
    const report = analyse(doc('年初预算1461.88万元，到年末完成支出目标100%', '2020 年年初预算数 1641.88 万元。'));
    const found = report.findings.filter((f) => f.rule === 'text.repeated');
    expect(found.map((f) => [f.severity, f.actual, f.expected])).toEqual([['error', '1461.88', '1641.88']]);
    expect(found[0]!.message).toContain('顺序颠倒');
    expect(found[0]!.location).toMatchObject({ tableId: 't0', row: 1, col: 2 });
  });

  it('notes a one-cent difference as rounding and ignores unrelated amounts', () => {
    const info = analyse(doc('年初预算1796.95万元', '年初预算数为1796.96万元。'));
    expect(info.findings.filter((f) => f.rule === 'text.repeated').map((f) => f.severity)).toEqual(['info']);
    const unrelated = analyse(doc('年初预算134.14万元', '年初预算数为1796.96万元。'));
    expect(unrelated.findings.filter((f) => f.rule === 'text.repeated')).toEqual([]);
  });

  it('recognises only neighbouring digits swapped', () => {
    expect(isAdjacentSwap(new Decimal('1461.88'), new Decimal('1641.88'))).toBe(true);
    expect(isAdjacentSwap(new Decimal('1461.88'), new Decimal('1164.88'))).toBe(false);
    expect(isAdjacentSwap(new Decimal('12.47'), new Decimal('12.74'))).toBe(true);
  });
});
