import { describe, expect, it } from 'vitest';
import { mergeContinuations } from '../../../../lib/engine/table/continuation';
import { table } from '../../../helpers/tables';

const header = ['科目编码', '科目名称', '合计'];

describe('tables continued over pages (续表)', () => {
  it('merges a part that repeats the header, dropping the repeated header row, and records a sure seam', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['一般公共预算基本支出表', '单位：万元'] });
    const second = table([header, ['302', '商品和服务支出', '5.00']], { anchor: 't1', before: ['续表'] });
    const merged = mergeContinuations([first, second]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.rows).toHaveLength(3);
    expect(merged[0]!.rows[2]![0]!.anchor).toBe('t1.r1.c0');
    expect(merged[0]!.seams).toEqual([{ row: 2, certain: true }]);
  });

  it('merges a headerless part of the same width that follows directly', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['支出总表'] });
    const second = table([['302', '商品和服务支出', '5.00']], { anchor: 't1' });
    const merged = mergeContinuations([first, second]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.seams).toEqual([{ row: 2, certain: true }]);
  });

  it('records a doubtful seam when a part repeating the header is narrower', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['支出总表'] });
    const second = table([header, ['302', '5.00']], { anchor: 't1' });
    const [merged] = mergeContinuations([first, second]);
    expect(merged!.seams).toEqual([{ row: 2, certain: false, doubt: expect.stringContaining('列数不同') }]);
  });

  it('leaves PDF tables alone: extraction joins them', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['支出总表'], page: 1 });
    const second = table([['302', '商品和服务支出', '5.00']], { anchor: 't1', page: 2 });
    expect(mergeContinuations([first, second])).toHaveLength(2);
  });

  it('keeps tables apart when a title stands between them', () => {
    const first = table([header, ['301', '工资福利支出', '10.00']], { anchor: 't0', before: ['支出总表'] });
    const second = table([header, ['302', '商品和服务支出', '5.00']], { anchor: 't1', before: ['一般公共预算支出表', '单位：万元'] });
    expect(mergeContinuations([first, second])).toHaveLength(2);
  });
});
