import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { expandGrid } from '../../../../lib/engine/table/grid';
import { liftTitleRows, titleRowsOf } from '../../../../lib/engine/table/title-rows';
import { documentOf, table } from '../../../helpers/tables';

const BODY = [
  ['项目', '合计', '基本支出', '项目支出'],
  ['合计', '300.00', '100.00', '200.00'],
  ['医疗保障管理事务', '300.00', '100.00', '200.00'],
];
const rowsOf = (rows: string[][]) => titleRowsOf(expandGrid(table(rows).rows));

describe('title rows: a table whose first rows are its title and unit lines', () => {
  it('finds a title spanning the table and a meta line beside the unit', () => {
    expect(rowsOf([['一般公共预算支出表@c4'], ['部门：区医保局@c3', '单位：万元'], ...BODY])).toEqual([0, 1]);
    expect(rowsOf([['单位：万元@c4'], ...BODY])).toEqual([0]);
    // The title in its own cell with blanks around it (Word exports) names a table.
    expect(rowsOf([['', '2024年部门收支总表@c2', ''], ['2024年度', '', '公开01表', '金额单位：万元'], ...BODY])).toEqual([0, 1]);
  });

  it('leaves header rows, spanning headers and data alone', () => {
    expect(rowsOf(BODY)).toEqual([]);
    expect(rowsOf([['项目@r2', '本年预算@c3'], ['合计', '基本支出', '项目支出'], ['合计', '300.00', '100.00', '200.00']])).toEqual([]);
    expect(rowsOf([['预算数@c4'], ...BODY])).toEqual([0]);
    expect(rowsOf([['一般公共预算支出表@r2c4'], [], ...BODY])).toEqual([]);
    expect(rowsOf([['单位：万元'], ['单位：万元']])).toEqual([0]);
  });

  it('lifts them into the lines above, keeping seams and doubts on their rows', () => {
    const source = { ...table([['一般公共预算支出表@c4'], ['单位：万元@c4'], ...BODY], { before: ['二、部门预算表'] }), seams: [{ row: 3, certain: true }], doubts: [{ row: 4, reason: 'x' }, { reason: 'y' }] };
    const lifted = liftTitleRows(source);
    expect(lifted.before).toEqual(['二、部门预算表', '一般公共预算支出表', '单位：万元']);
    expect(lifted.rows.map((r) => r[0]!.text)).toEqual(['项目', '合计', '医疗保障管理事务']);
    expect(lifted.seams).toEqual([{ row: 1, certain: true }]);
    expect(lifted.doubts).toEqual([{ row: 2, reason: 'x' }, { reason: 'y' }]);
  });

  it('reads such a table as the same table with its lines above, and never as a continuation', () => {
    const first = table([['部门收支总表@c4'], ['单位：万元@c4'], ...BODY]);
    const inside = table([['一般公共预算支出表@c4'], ['单位：万元@c4'], ...BODY.slice(0, 2), ['医疗保障管理事务', '300.00', '100.00', '190.00']]);
    const above = table([...BODY.slice(0, 2), ['医疗保障管理事务', '300.00', '100.00', '190.00']], { before: ['一般公共预算支出表', '单位：万元'] });
    const report = (t: ReturnType<typeof table>) => analyse(documentOf([first, t]));
    const a = report(inside);
    const b = report(above);
    expect(a.tables.map((t) => [t.title, t.unit, t.rows])).toEqual([['部门收支总表', '万元', 3], ['一般公共预算支出表', '万元', 3]]);
    expect(a.tables).toEqual(b.tables);
    expect(a.findings.map((f) => f.message)).toEqual(b.findings.map((f) => f.message));
    // 医疗保障管理事务's 项目支出 190.00 breaks its row and the 项目支出 column: one fault, the row's sum listed under it.
    const symptoms = a.findings.flatMap((f) => [f, ...(f.consequences ?? [])]);
    expect(symptoms.some((f) => f.severity === 'error' && f.message.includes('300.00 ≠'))).toBe(true);
  });
});
