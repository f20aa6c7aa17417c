import { describe, expect, it } from 'vitest';
import { checkYears } from '../../../../lib/engine/checks/text-year';
import type { TextBlock } from '../../../../lib/engine/source';

const block = (text: string, kind: TextBlock['kind'] = 'paragraph'): TextBlock => ({ anchor: 'b0', text, kind, seq: 0 });

describe('checkYears', () => {
  it('flags a section heading naming another year than the document (seeded Putuo copy)', () => {
    const out = checkYears([block('第三部分 上海市普陀区财政局2023年度部门决算情况说明', 'heading')], 2024, 'final');
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ rule: 'text.year', severity: 'error', expected: '2024', actual: '2023' });
  });

  it('passes the heading of the right year, and leaves sentences comparing years alone', () => {
    const out = checkYears([block('第三部分 上海市普陀区财政局2024年度部门决算情况说明', 'heading'), block('与2023年度决算相比，支出减少63.14万元。')], 2024, 'final');
    expect(out.findings).toEqual([]);
    expect(out.passed).toBe(1);
  });

  it('warns when a final account counts assets at the end of another year', () => {
    const wrong = checkYears([block('截至2023年12月31日，上海市普陀区财政局共有车辆0辆。')], 2024, 'final');
    expect(wrong.findings[0]).toMatchObject({ rule: 'text.year', severity: 'warning' });
    expect(checkYears([block('截至2024年12月31日，共有车辆0辆。')], 2024, 'final').findings).toEqual([]);
    // A budget may well cite last year's year end.
    expect(checkYears([block('截至2024年12月31日，共有车辆3辆。')], 2025, 'budget').findings).toEqual([]);
  });
});
