import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import type { SourceDocument, TextBlock } from '../../../../lib/engine/source';
import { table, tsv } from '../../../helpers/tables';

function doc(tableSpec: string[][], before: string[], texts: string[], title = '株洲市医疗保障局2024年度部门决算'): SourceDocument {
  const blocks: TextBlock[] = texts.map((text, i) => ({ anchor: `b${i}`, text, kind: 'paragraph', seq: 10 + i }));
  return { source: 'test', title, tables: [table(tableSpec, { before })], blocks };
}

const final03 = tsv(`科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
\t合计\t1,701.48\t1,025.50\t675.99
210\t卫生健康支出\t1,701.48\t1,025.50\t675.99
21015\t医疗保障管理事务\t1,701.48\t1,025.50\t675.99
2101501\t行政运行\t1,025.50\t1,025.50\t0.00
2101502\t一般行政管理事务\t325.52\t0.00\t325.52
2101505\t医疗保障政策管理\t350.47\t0.00\t350.47`);

describe('the narrative against the tables', () => {
  it('finds 002-01 and 002-02: 决算 amounts of the 项 named by the text differ from the table', () => {
    const report = analyse(
      doc(final03, ['支出决算表', '金额单位：万元'], [
        '10、卫生健康支出（类）医疗保障管理事务（款）行政运行（项）。',
        '年初预算为1139.69万元，支出决算为1104.49万元，完成年初预算的96.91%，决算数小于年初预算数的主要原因是经费压减。',
        '11、卫生健康支出（类）医疗保障管理事务（款）一般行政管理事务（项）。',
        '年初预算为251万元，支出决算为246.52万元，完成年初预算的98.22%，决算数小于年初预算数的主要原因是项目经费压减。',
      ]),
    );
    const amounts = report.findings.filter((f) => f.rule === 'text.amount');
    expect(amounts.map((f) => [f.severity, f.actual, f.expected])).toEqual([
      ['error', '1104.49', '1025.5'],
      ['error', '246.52', '325.52'],
    ]);
    expect(amounts[1]!.message).toContain('决算数应“大于”年初预算数');
    expect(amounts[0]!.location).toMatchObject({ anchor: 'b1', text: '1104.49万元' });
    expect(amounts[0]!.related[0]).toMatchObject({ tableId: 't0', label: '2101501 行政运行' });
  });

  it('passes the text when it matches, and reports a 0.01 difference as rounding (002-07)', () => {
    const report = analyse(doc(final03, ['支出决算表', '金额单位：万元'], ['12、卫生健康支出（类）医疗保障管理事务（款）医疗保障政策管理（项）。', '年初预算为0万元，支出决算为350.47万元，决算数大于年初预算数的主要原因是年中追加。']));
    expect(report.findings.filter((f) => f.category === 'text-vs-table')).toEqual([]);
    const rounding = analyse(doc(final03, ['支出决算表', '金额单位：万元'], ['10、卫生健康支出（类）医疗保障管理事务（款）行政运行（项）。', '年初预算为1139.69万元，支出决算为1025.49万元，完成年初预算的89.98%。']));
    expect(rounding.findings.filter((f) => f.rule === 'text.amount').map((f) => f.severity)).toEqual(['info']);
  });

  it('warns when the text names a 款 the table does not have (002-06)', () => {
    const report = analyse(
      doc(
        tsv(`科目编码\t科目名称\t本年支出合计
221\t住房保障支出\t92.29
22102\t住房改革支出\t92.29
2210201\t住房公积金\t92.29`),
        ['支出决算表', '金额单位：万元'],
        ['13、住房保障支出（类）住房保障支出（款）住房保障支出（项）', '年初预算为92.78万元，支出决算为92.29万元，完成年初预算的99.47%，决算数小于年初预算数的主要原因是有人退休。'],
      ),
    );
    const label = report.findings.find((f) => f.rule === 'text.label');
    expect(label?.severity).toBe('warning');
    expect(label?.message).toContain('22102 住房改革支出');
  });

  it('binds class amounts by name, old names included, and converts 元 tables exactly (001-01, 001-02, 000-02)', () => {
    const summary = tsv(`项目\t本年预算
一、一般公共服务支出\t
七、医疗卫生与计划生育支出\t1641.88
本年支出合计\t1641.88`);
    const report = analyse(doc(summary, ['部门收支总表', '单位：万元'], ['（二）支出预算：2020 年预算数 1641.88 万元，其中，一般公共服务 1641.88 万元，卫生健康支出 0 万元。'], '株洲市荷塘区医疗保障局2020年度部门预算'));
    expect(report.findings.filter((f) => f.rule === 'text.amount').map((f) => [f.severity, f.actual, f.expected])).toEqual([
      ['error', '1641.88', '0'],
      ['error', '0', '1641.88'],
    ]);
    const yuan = analyse(doc(tsv(`项目\t预算数\n(二十) 住房保障支出\t127,170.60\n(八) 社会保障和就业支出\t137,973.12`), ['收支总表', '金额单位: 元'], ['其中：社会保障和就业支出 13.8万元，住房保障支出 12.71万元。'], '天元区医疗保障局2025年部门预算'));
    expect(yuan.findings.filter((f) => f.rule === 'text.amount').map((f) => [f.severity, f.actual, f.expected])).toEqual([['info', '12.71', '12.71706']]);
  });

  it('warns when the text calls a 项 a 款 (004-05)', () => {
    const report = analyse(
      doc(
        tsv(`科目编码\t科目名称\t合计\n210\t卫生健康支出\t10.00\n21015\t医疗保障管理事务\t10.00\n2101506\t医疗保障经办事务\t10.00`),
        ['一般公共预算支出表', '单位：万元'],
        ['5、卫生健康支出（类）医疗保障经办事务（款）：指用于开展医疗保障经办的支出。'],
        '西乡县医疗保险基金管理中心2023年单位预算',
      ),
    );
    const label = report.findings.find((f) => f.rule === 'text.label');
    expect(label?.severity).toBe('warning');
    expect(label?.message).toContain('21015 医疗保障管理事务');
    expect(label?.location).toMatchObject({ anchor: 'b0', text: '卫生健康支出（类）医疗保障经办事务（款）' });
  });

  it('names a figure written in the wrong unit (N-02)', () => {
    const report = analyse(doc(tsv(`项目\t本年预算\n七、卫生健康支出\t1641.88`), ['部门收支总表', '单位：万元'], ['卫生健康支出1641.88元。'], '某局2020年度部门预算'));
    expect(report.findings.map((f) => [f.rule, f.severity, f.category])).toEqual([['text.unit', 'error', 'unit']]);
    expect(report.findings[0]!.message).toContain('单位写错');
  });

  it('names a digit transposition', () => {
    const report = analyse(doc(tsv(`项目\t本年预算\n七、卫生健康支出\t1641.88`), ['部门收支总表', '单位：万元'], ['卫生健康支出1461.88万元。'], '某局2020年度部门预算'));
    expect(report.findings[0]?.message).toContain('顺序不同');
  });
});

describe('binding subjects that name codes, columns and aliases', () => {
  it('binds "(302)" by code and a 公用经费 sentence to the total row column, as rounding when truncated (004-01, 004-03)', () => {
    const basic = tsv(`经济科目编码\t经济科目名称\t合计\t人员经费\t公用经费
\t合计\t1,189,664.00\t1,080,114.00\t109,550.00
302\t商品和服务支出\t159,550.00\t0.00\t159,550.00`);
    const report = analyse(doc(basic, ['一般公共预算基本支出表', '单位：元'], ['商品和服务支出(302) 15.95 万元，本单位当年公用经费预算安排 10.95 万元。'], '西乡县医疗保险基金管理中心2023年单位预算'));
    expect(report.findings.filter((f) => f.rule === 'text.amount').map((f) => [f.severity, f.actual, f.expected])).toEqual([
      ['info', '15.95', '15.955'],
      ['info', '10.95', '10.955'],
    ]);
  });

  it('leaves a generic name alone when the text gives it several different amounts', () => {
    const report = analyse(
      doc(final03, ['支出决算表', '金额单位：万元'], ['（1）医保经办专项：项目支出 79 万元，主要用于经办。', '（2）就业补助专项：项目支出 3.56 万元，主要用于社保补贴。']),
    );
    expect(report.findings.filter((f) => f.rule === 'text.amount')).toEqual([]);
  });
});

describe('totals named after their table', () => {
  const summary = tsv(`收入\t\t支出\t
项目\t决算数\t项目\t决算数
一、一般公共预算财政拨款收入\t2940.05\t一、一般公共服务支出\t2940.05
本年收入合计\t2940.05\t本年支出合计\t2940.05
年初结转和结余\t55.34\t年末结转和结余\t55.34
总计\t2995.39\t总计\t2995.39`);
  const text = (amount: string) => [`上海市普陀区财政局2024年度收入支出总计${amount}万元。`];

  it('binds "收入支出总计" to the 总计 of the 收入支出决算总表 (seeded Putuo copy: 0 万元)', () => {
    const wrong = analyse(doc(summary, ['收入支出决算总表', '单位：万元'], text('0'), '上海市普陀区财政局2024年度部门决算'));
    expect(wrong.findings.filter((f) => f.rule === 'text.amount').map((f) => f.severity)).toEqual(['error']);
    const right = analyse(doc(summary, ['收入支出决算总表', '单位：万元'], text('2995.39'), '上海市普陀区财政局2024年度部门决算'));
    expect(right.findings.filter((f) => f.rule === 'text.amount')).toEqual([]);
  });
});
