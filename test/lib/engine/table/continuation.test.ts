import { describe, expect, it } from 'vitest';
import { mergeContinuations } from '../../../../lib/engine/table/continuation';
import { table } from '../../../helpers/tables';

const header = ['科目编码', '科目名称', '合计'];

describe('tables continued over pages (续表)', () => {
  it('merges a part that repeats the header, dropping nothing', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['一般公共预算基本支出表', '单位：万元'] });
    const second = table([header, ['302', '商品和服务支出', '5.00']], { anchor: 't1', before: ['续表'] });
    const merged = mergeContinuations([first, second]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.rows).toHaveLength(4);
    expect(merged[0]!.rows[3]![0]!.anchor).toBe('t1.r1.c0');
  });

  it('merges a headerless part of the same width that follows directly', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['支出总表'] });
    const second = table([['302', '商品和服务支出', '5.00']], { anchor: 't1' });
    expect(mergeContinuations([first, second])).toHaveLength(1);
  });

  it('keeps tables apart when a title stands between them', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['支出总表'] });
    const second = table([header, ['302', '商品和服务支出', '5.00']], { anchor: 't1', before: ['一般公共预算支出表', '单位：万元'] });
    expect(mergeContinuations([first, second])).toHaveLength(2);
  });
});

describe('seams of merged continuations', () => {
  it('records a sure seam where the pieces are as wide', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['一般公共预算基本支出表'] });
    const second = table([header, ['302', '商品和服务支出', '5.00']], { anchor: 't1', before: ['续表'] });
    expect(mergeContinuations([first, second])[0]!.seams).toEqual([{ row: 2, certain: true }]);
  });

  it('leaves PDF tables alone: extraction joins them by their column borders (lib/extract/pdf/continuation.ts)', () => {
    const first = { ...table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['一般公共预算基本支出表'] }), page: 3 };
    const second = { ...table([header, ['302', '商品和服务支出', '5.00']], { anchor: 't1', before: ['续表'] }), page: 4 };
    expect(mergeContinuations([first, second])).toEqual([first, second]);
  });

  it('records a doubtful seam where only a row of the second piece matched the last row of the first', () => {
    const first = table([['科目', '金额@c2'], ['301', '工资', '10.00']], { anchor: 't0', before: ['支出总表'] });
    const second = table([['302', '商品', '5.00'], ['303', '补助', '1.00', '备注']], { anchor: 't1' });
    const merged = mergeContinuations([first, second]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.seams).toEqual([{ row: 2, certain: false, doubt: '续表与上文的列数不同（3 列与 4 列），按末行拼接，各列可能未对齐' }]);
  });

  it('keeps the seams and doubts the pieces bring, moved to the merged rows', () => {
    const first = { ...table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['支出总表'] }), doubts: [{ row: 1, reason: 'a' }] };
    const second = { ...table([header, ['302', '商品和服务支出', '5.00'], ['303', '补助', '1.00']], { anchor: 't1', before: ['续表'] }), seams: [{ row: 2, certain: false, doubt: 'b' }], doubts: [{ row: 1, col: 2, reason: 'c' }, { reason: 'd' }] };
    const merged = mergeContinuations([first, second])[0]!;
    expect(merged.seams).toEqual([{ row: 2, certain: true }, { row: 4, certain: false, doubt: 'b' }]);
    expect(merged.doubts).toEqual([{ row: 1, reason: 'a' }, { row: 3, col: 2, reason: 'c' }, { reason: 'd' }]);
  });
});
