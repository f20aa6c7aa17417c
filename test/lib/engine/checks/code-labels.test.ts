import { describe, expect, it } from 'vitest';
import { codeLabelsCheck } from '../../../../lib/engine/checks/code-labels';
import { table } from '../../../helpers/tables';
import { run } from '../../../helpers/check';
import { categoryOf } from '../../../../lib/engine/checks/catalogue';

describe('malformed classification codes (C-01)', () => {
  it('warns about seed 001-09: a two-digit 类 "21 15 01"', () => {
    const outcome = run(codeLabelsCheck, table([['类', '款', '项', '科目名称', '合计'], ['21', '15', '01', '行政运行', '117.65'], ['210', '15', '01', '行政运行', '117.65']], { before: ['单位：万元'] }));
    expect(outcome.findings.map((f) => [f.rule, f.severity, categoryOf(f.rule)])).toEqual([['label.code', 'warning', 'label']]);
    expect(outcome.findings[0]!.message).toContain('21 15 01');
  });

  it('leaves labels and unit codes in code columns alone', () => {
    const outcome = run(codeLabelsCheck, table([['科目编码', '科目名称', '合计'], ['合计', '', '10.00'], ['473', '某局', '10.00'], ['2101501', '行政运行', '10.00']], { before: ['单位：万元'] }));
    expect(outcome.findings).toEqual([]);
  });
});
