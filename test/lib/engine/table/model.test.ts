import { describe, expect, it } from 'vitest';
import { expandGrid } from '../../../../lib/engine/table/grid';
import { buildTableModel } from '../../../../lib/engine/table/model';
import { isColumnNumberRow } from '../../../../lib/engine/table/header';
import { classifyCode, joinCodeParts } from '../../../../lib/engine/table/codes';
import { enumeratorOf, stripEnumerator } from '../../../../lib/engine/table/enumerators';
import { table } from '../../../helpers/tables';

const identity = { id: 't0', title: '测试表', kind: 'unknown' as const };

describe('expandGrid', () => {
  it('expands rowspan and colspan so columns line up on every row', () => {
    const grid = expandGrid(table([['科目@r2', '基本支出@c2'], ['人员经费', '公用经费'], ['合计', '1.00', '2.00']]).rows);
    expect(grid.width).toBe(3);
    expect(grid.cells[1]!.map((c) => c.text)).toEqual(['科目', '人员经费', '公用经费']);
    expect(grid.cells[1]![0]!.originRow).toBe(0);
  });

  it('survives hostile spans and ragged rows', () => {
    const grid = expandGrid(table([['a@r99999c99999', 'b'], ['c']]).rows);
    expect(grid.height).toBe(2);
    expect(grid.width).toBeLessThanOrEqual(201);
  });
});

describe('header split', () => {
  it('recognises column-number rows', () => {
    const grid = expandGrid(table([['**', '**', '1', '2', '3'], ['栏次', '', '1', '2'], ['类', '款', '项', '1', '2'], ['合计', '', '1', '2', '5']]).rows);
    expect(isColumnNumberRow(grid.cells[0]!, 0)).toBe(true);
    expect(isColumnNumberRow(grid.cells[1]!, 1)).toBe(true);
    expect(isColumnNumberRow(grid.cells[2]!, 2)).toBe(true);
    expect(isColumnNumberRow(grid.cells[3]!, 3)).toBe(false);
  });

  it('builds column paths from a multi-row header (seed 003 支出表 style)', () => {
    const model = buildTableModel(
      table([
        ['科目编码@r2', '科目名称@r2', '合计@r2', '基本支出@c2', '项目支出@r2'],
        ['人员经费', '公用经费'],
        ['**', '**', '1', '2', '3', '4'],
        ['', '合计', '10.00', '6.00', '1.00', '3.00'],
        ['208', '社会保障和就业支出', '10.00', '6.00', '1.00', '3.00'],
      ]),
      identity,
    );
    expect(model.header.bodyStart).toBe(3);
    expect(model.columns.map((c) => c.label)).toEqual(['科目编码', '科目名称', '合计', '基本支出/人员经费', '基本支出/公用经费', '项目支出']);
    expect(model.columns.map((c) => c.kind)).toEqual(['code', 'text', 'amount', 'amount', 'amount', 'amount']);
  });
});

describe('columns and panels', () => {
  it('splits side-by-side 收支总表 columns into panels', () => {
    const model = buildTableModel(
      table([
        ['收入@c2', '支出@c4'],
        ['项目', '本年预算', '项目', '本年预算', '项目', '本年预算'],
        ['一、一般公共预算拨款', '1641.88', '一、一般公共服务支出', '', '一、基本支出', '137.64'],
        ['本年收入合计', '1641.88', '本年支出合计', '1641.88', '本年支出合计', '1641.88'],
      ]),
      identity,
    );
    expect(model.panels).toHaveLength(3);
    expect(model.panels[2]!.rows.map((r) => r.role)).toEqual(['item', 'total']);
  });

  it('reads 类/款/项 columns, with or without their header words', () => {
    const withHeader = buildTableModel(
      table([['类', '款', '项', '科目名称', '合计'], ['210', '15', '01', '行政运行', '137.64'], ['209', '03', '01', '基本医疗保险统筹基金', '1234.24']]),
      identity,
    );
    expect(withHeader.panels[0]!.rows.map((r) => r.code?.code)).toEqual(['2101501', '2090301']);
    const headerless = buildTableModel(
      table([['科目编码@c3', '科目名称', '合计'], ['210', '15', '01', '行政运行', '137.64'], ['210', '', '', '卫生健康支出', '137.64']]),
      identity,
    );
    expect(headerless.panels[0]!.rows.map((r) => r.code?.code)).toEqual(['2101501', '210']);
  });

  it('keeps a 2-digit 类 as a malformed code, not a class (seed 001-09)', () => {
    const model = buildTableModel(table([['类', '款', '项', '科目名称', '合计'], ['21', '15', '01', '行政运行', '117.65']]), identity);
    expect(model.panels[0]!.rows[0]!.code).toBeNull();
    expect(model.panels[0]!.rows[0]!.malformedCode).toBe('21 15 01');
  });

  it('reads the unit from the caption lines above the table', () => {
    const model = buildTableModel(table([['项目', '金额'], ['合计', '1.00']], { before: ['部门收支总表', '单位名称：区医保局', '单位：万元'] }), identity);
    expect(model.unit).toBe('万元');
    expect(model.unitSource).toBe('caption');
  });
});

describe('codes', () => {
  it('tells classes from unit codes (rulebook §2.1 hazards)', () => {
    const none = new Set<string>();
    expect(classifyCode('210', none)).toEqual({ code: '210', kind: 'function', level: 1 });
    expect(classifyCode('21015', none)?.level).toBe(2);
    expect(classifyCode('2101501', none)?.level).toBe(3);
    expect(classifyCode('30201', none)?.kind).toBe('economic');
    expect(classifyCode('473', none)?.kind).toBe('unit');
    expect(classifyCode('473002', none)?.kind).toBe('unit');
    expect(classifyCode('036', none)?.kind).toBe('unit');
    expect(classifyCode('209', new Set(['209']))?.kind).toBe('unit');
    expect(classifyCode('209', none)?.kind).toBe('function');
  });

  it('joins 类/款/项 parts', () => {
    expect(joinCodeParts(['210', '15', '01'])).toBe('2101501');
    expect(joinCodeParts(['210', '15', ''])).toBe('21015');
    expect(joinCodeParts(['21', '15', '01'])).toBeNull();
  });

  it('reads list numbering', () => {
    expect(enumeratorOf('一、一般公共预算拨款')).toBe('cn');
    expect(enumeratorOf('（一）一般公共服务支出')).toBe('cn-paren');
    expect(enumeratorOf('1、财政拨款')).toBe('num');
    expect(enumeratorOf('(1)一般公共预算拨款')).toBe('num-paren');
    expect(enumeratorOf('经费拨款')).toBeNull();
    expect(stripEnumerator('二十一、住房保障支出')).toBe('住房保障支出');
  });
});
