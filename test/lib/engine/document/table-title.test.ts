import { describe, expect, it } from 'vitest';
import { pickTableTitle } from '../../../../lib/engine/document/table-title';

describe('pickTableTitle on the seeds’ layouts', () => {
  it('skips unit and 单位 meta lines (seed 000)', () => {
    expect(pickTableTitle(['23\t整体支出绩效目标表', '收支总表', '单位: 473002_株洲市天元区医疗保障局', '金额单位: 元'], '')).toEqual({ title: '收支总表' });
    expect(pickTableTitle(['注: 如本表格为空, 则表示本年度未安排此项目。', '一般公共预算基本支出表', '单位: 单位: 473002_株洲市天元区医疗保障局', '单位: 元'], '')).toEqual({
      title: '一般公共预算基本支出表',
    });
  });

  it('keeps a bare 附件 line above the title as its number (seed 001)', () => {
    expect(pickTableTitle(['2020年荷塘区医保局部门预算公开表格', '单位名称（全称）：荷塘区医保局', '附件1', '部门收支总表', '单位名称：区医保局', '单位:万元'], '')).toEqual({
      title: '部门收支总表',
      number: '附件1',
    });
    expect(pickTableTitle(['附件 20', '一般公共预算基本支出情况表', '单位名称:', '单位:万元'], '')).toEqual({ title: '一般公共预算基本支出情况表', number: '附件20' });
  });

  it('finds 公开NN表 below the title, past the department and the year (seed 002)', () => {
    expect(pickTableTitle(['部门决算表', '收入支出决算总表', '部门：株洲市医疗保障局', '2024年度', '公开01表', '金额单位：万元'], '')).toEqual({
      title: '收入支出决算总表',
      number: '公开01表',
    });
    expect(pickTableTitle(['政府性基金预算财政拨款收入支出决算表', '部门：株洲市医疗保障局\t\t2024年度\t\t公开08表 金额单位：万元'], '')).toEqual({
      title: '政府性基金预算财政拨款收入支出决算表',
      number: '公开08表',
    });
  });

  it('splits a number and a title on one line', () => {
    expect(pickTableTitle(['公开03表 支出决算表', '金额单位：万元'], '')).toEqual({ title: '支出决算表', number: '公开03表' });
    expect(pickTableTitle(['表1 部门综合预算收支总表', '单位：元'], '')).toEqual({ title: '部门综合预算收支总表', number: '表1' });
    expect(pickTableTitle(['附件9：一般公共预算支出情况表'], '')).toEqual({ title: '一般公共预算支出情况表', number: '附件9' });
  });

  it('skips dates and keeps the year in the title (seed 003)', () => {
    expect(pickTableTitle(['附件：济源产城融合示范区医疗保障局2024年度部门预算', '表', '2024年5月26日', '2024年部门收支预算表', '部门名称：济源产城融合示范区医疗保障局', '单位：万元'], '')).toEqual({
      title: '2024年部门收支预算表',
    });
    expect(pickTableTitle(['注：报表金额单位转换时可能存在四舍五入尾数误差。', '部门(单位)整体绩效目标表', '(2024年度)'], '')).toEqual({ title: '部门(单位)整体绩效目标表' });
  });

  it('drops Markdown marks and takes 表N above the title (seed 004)', () => {
    expect(pickTableTitle(['表5', '## 部门综合预算一般公共预算支出明细表（按支出功能分类科目）', '单位：元'], '')).toEqual({
      title: '部门综合预算一般公共预算支出明细表（按支出功能分类科目）',
      number: '表5',
    });
    expect(pickTableTitle(['## 第四部分 公开报表', '# 2023年部门（单位）综合预算公开报表', '部门（单位）名称：西乡县医疗保险基金管理中心', '保密审查情况：已审查', '## 目录'], '').title).toBe('目录');
  });

  it('prefers a catalogued title over a nearer heading that only ends like one', () => {
    expect(pickTableTitle(['一般公共预算“三公”经费支出表', '部门预算公开表'], '')).toEqual({ title: '一般公共预算“三公”经费支出表' });
    expect(pickTableTitle(['五、“三公”经费及会议费、培训费情况说明', '一般公共预算“三公”经费支出表', '单位：万元'], '').title).toBe('一般公共预算“三公”经费支出表');
  });

  it('ignores narrative sentences and notes', () => {
    expect(pickTableTitle(['2020 年本部门一般公共预算拨款收入 1641.88 万元，具体安排如下（详见附表 9）：'], '')).toEqual({ title: '' });
    expect(pickTableTitle(['注：本表反映部门本年度各项支出情况。', '（续表）'], '')).toEqual({ title: '' });
  });
});

describe('pickTableTitle on PDF layouts (corpus)', () => {
  it('reads a title line padded with spaces and a meta line with the unit far right (Jiangsu)', () => {
    expect(pickTableTitle(['                                                      收支预算总表', '部门：中国共产党江苏省委员会办公厅                                     单位：万元'], '')).toEqual({
      title: '收支预算总表',
    });
  });

  it('joins a letter-spaced title', () => {
    expect(pickTableTitle(['收   支   总   表', '单位：万元'], '')).toEqual({ title: '收支总表' });
  });

  it('skips page numbers and 编制部门 lines (Shanghai)', () => {
    expect(pickTableTitle(['— 12 —', '2024年部门财务收支预算总表', '编制部门：上海市普陀区人民政府万里街道办事处                                                单位：元'], '')).toEqual({
      title: '2024年部门财务收支预算总表',
    });
  });
});

describe('pickTableTitle and the caption', () => {
  it('uses a catalogued caption when no line above names a table', () => {
    expect(pickTableTitle(['单位：万元'], '一般公共预算支出表')).toEqual({ title: '一般公共预算支出表' });
    expect(pickTableTitle([], '公开05表 一般公共预算财政拨款支出决算表')).toEqual({ title: '一般公共预算财政拨款支出决算表', number: '公开05表' });
  });

  it('prefers a catalogued caption to a catalogued line above (the title of a table left out)', () => {
    expect(pickTableTitle(['收入总表', '单位：万元'], '支出总表 单位：万元')).toEqual({ title: '支出总表' });
  });

  it('prefers a catalogued line above over an uncatalogued caption', () => {
    expect(pickTableTitle(['支出总表', '单位：万元'], 'Table 3')).toEqual({ title: '支出总表' });
  });

  it('falls back to the caption, then to nothing', () => {
    expect(pickTableTitle(['单位：万元'], '人员情况')).toEqual({ title: '人员情况' });
    expect(pickTableTitle([], '')).toEqual({ title: '' });
    expect(pickTableTitle([], '单位：万元')).toEqual({ title: '' });
  });
});

describe('pickTableTitle on hostile input', () => {
  it('handles huge and empty lines quickly', () => {
    const start = performance.now();
    const long = '表'.repeat(10_000);
    expect(pickTableTitle([long, '', '   ', long], long).title.length).toBeLessThanOrEqual(120);
    expect(pickTableTitle(Array.from({ length: 1000 }, () => '收支总表'), '').title).toBe('收支总表');
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('survives missing values from untyped callers', () => {
    expect(pickTableTitle([undefined as unknown as string], undefined as unknown as string)).toEqual({ title: '' });
  });
});
