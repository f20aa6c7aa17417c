import { describe, expect, it } from 'vitest';
import { checkPercentSigns } from '../../../../lib/engine/checks/text-percent-sign';
import type { TextBlock } from '../../../../lib/engine/source';

const block = (text: string): TextBlock => ({ anchor: 'b1', text, kind: 'paragraph', seq: 0 });

describe('checkPercentSigns', () => {
  it('flags a share or rate without its percent sign (N-14)', () => {
    const out = checkPercentSigns([block('基本支出1250.00万元，占76.23；项目支出390.00万元，占23.77%。')]);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ rule: 'text.percent-sign', severity: 'warning', location: { text: '76.23' } });
  });

  it('leaves percentages, amounts and counts alone', () => {
    const text = '支出1641.88万元，占100%，增长5.6%，比上年增长12万元，完成年初预算的98.20%，满意度95%以上，增长3个百分点。';
    expect(checkPercentSigns([block(text)]).findings).toEqual([]);
  });
});
