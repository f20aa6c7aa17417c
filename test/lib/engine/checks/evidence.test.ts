import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { MISREADING, withEvidence, doubtful } from '../../../../lib/engine/checks/evidence';
import type { SourceTable } from '../../../../lib/engine/source';
import { documentOf, table } from '../../../helpers/tables';
import { modelOf } from '../../../helpers/check';

// 甲 1.00 + 乙 2.00 + 丙 3.00 = 6.00, printed 7.00: an error when the table is read beyond doubt.
const rows = [['项目', '金额'], ['甲', '1.00'], ['乙', '2.00'], ['丙', '3.00'], ['合计', '7.00']];
const source = (extra: Partial<SourceTable>): SourceTable => ({ ...table(rows, { before: ['单位：万元'] }), ...extra });
const findingOf = (extra: Partial<SourceTable>) => analyse(documentOf([source(extra)])).findings.find((f) => f.rule === 'sum.rows')!;

describe('evidence and reading caps', () => {
  it('records what an error rests on and calls it a document error when every reading is sure', () => {
    const finding = findingOf({ seams: [{ row: 3, page: 2, certain: true }] });
    expect(finding).toMatchObject({ severity: 'error', basis: 'document', category: 'sum' });
    expect(finding.readings).toEqual([
      { what: '《t0》', certain: true, note: '单位：万元（取自表题）' },
      { what: '《t0》第 4 行起为续表（第 2 页），与上文拼接', certain: true },
    ]);
    expect(finding.message).not.toContain(MISREADING);
  });

  it('caps a finding whose cells cross a doubtful seam at a warning worded as a possible misreading', () => {
    const finding = findingOf({ seams: [{ row: 3, page: 2, certain: false, doubt: '续表的列与上页未能对齐' }] });
    expect(finding).toMatchObject({ severity: 'warning', basis: 'reading' });
    expect(finding.message).toMatch(/可能为读取问题，请核对原表：续表的列与上页未能对齐。$/);
    expect(finding.readings).toContainEqual({ what: '《t0》第 4 行起为续表（第 2 页），与上文拼接', certain: false, note: '续表的列与上页未能对齐' });
  });

  it('caps a finding whose cells sit in a doubtful row, or under a doubtful header column, and no other', () => {
    expect(findingOf({ doubts: [{ row: 2, reason: '此行可能缺失一部分' }] })).toMatchObject({ severity: 'warning', basis: 'reading' });
    expect(findingOf({ doubts: [{ row: 0, col: 1, reason: '表头未闭合' }] })).toMatchObject({ severity: 'warning', basis: 'reading' });
    expect(findingOf({ doubts: [{ reason: '整张表的列可能错位' }] })).toMatchObject({ severity: 'warning', basis: 'reading' });
    expect(findingOf({ doubts: [{ row: 2, col: 5, reason: '别处' }] })).toMatchObject({ severity: 'error', basis: 'document' });
    // A seam the identity does not cross (all its cells below it) leaves it alone.
    expect(findingOf({ seams: [{ row: 1, certain: false, doubt: '拼接不确定' }] })).toMatchObject({ severity: 'error', basis: 'document' });
  });

  it('caps a finding on a doubtful reading the check declares, and keeps each rule within its catalogue severity', () => {
    const model = modelOf(source({}));
    const tables = new Map([[model.id, model]]);
    const declared = withEvidence({ rule: 'text.amount', severity: 'error', message: '文中 5 ≠ 表中 6。', location: { text: '5万元' }, related: [], readings: [doubtful('「支出」对应的行', '文字可对应两张表')] }, tables);
    expect(declared).toMatchObject({ severity: 'warning', basis: 'reading', category: 'text-vs-table', message: '文中 5 ≠ 表中 6。可能为读取问题，请核对原表：文字可对应两张表。' });
    const label = withEvidence({ rule: 'label.code', severity: 'error', message: '…', location: { text: '…' }, related: [] }, tables);
    expect(label).toMatchObject({ severity: 'warning', basis: 'document', category: 'label' });
  });
});
