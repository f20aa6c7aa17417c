import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { buildTableModel } from '../../../../lib/engine/table/model';
import type { Report } from '../../../../lib/engine/report/schema';
import { documentOf, table } from '../../../helpers/tables';

const identity = { id: 't0', title: '测试表', kind: 'unknown' as const };
const kinds = (rows: string[][]) => buildTableModel(table(rows), identity).columns.map((c) => c.kind + (c.part ?? ''));
const errorsOf = (report: Report) => report.findings.filter((f) => f.severity === 'error');

describe('column kinds: small whole numbers are amounts', () => {
  // 三公 tables in whole 元 or 万元 (sh-putuo-wanli-2025-budget.pdf p29: 37.91 = 0 + 1.35 + 36.56, 购置费 15).
  it('reads 80, 237, 700 and a lone 0 in an amount column as amounts, not codes', () => {
    expect(kinds([['合计', '因公出国(境)费', '公务用车购置及运行费', '公务接待费'], ['700', '0', '620', '80']])).toEqual(['amount', 'amount', 'amount', 'amount']);
    expect(kinds([['项目', '合计', '因公出国(境)费', '公务接待费'], ['2024年预算', '237', '0', '237'], ['2023年预算', '700', '0', '700']])).toEqual(['text', 'amount', 'amount', 'amount']);
  });

  it('checks their sums (and finds a wrong one) instead of reading them as malformed codes', () => {
    const header = [['合计@r2', '因公出国(境)费@r2', '公务接待费@r2', '公务用车购置及运行费@c3'], ['小计', '购置费', '运行费']];
    const right = analyse(documentOf([table([...header, ['700', '0', '80', '620', '500', '120']], { before: ['一般公共预算“三公”经费支出表', '单位：元'] })]));
    expect(errorsOf(right)).toEqual([]);
    expect(right.tables[0]!.checksRun).toBeGreaterThanOrEqual(2);
    const wrong = analyse(documentOf([table([...header, ['700', '0', '80', '620', '500', '237']], { before: ['一般公共预算“三公”经费支出表', '单位：元'] })]));
    expect(errorsOf(wrong).map((f) => f.message)).toEqual([expect.stringContaining('小计 620 ≠ 公务用车购置及运行费/购置费 500 + 公务用车购置及运行费/运行费 237 = 737')]);
  });
});

describe('column kinds: a code column is never summed', () => {
  // The 科目编码 column summed as amounts on an unseen rendering: '21015 ≠ 2101501 + 2101506 = 4203007'.
  const rows = (codeHeader: string) => [
    ['科目名称', codeHeader, '合计', '基本支出', '项目支出'],
    ['合计', '', '300.00', '100.00', '200.00'],
    ['医疗保障管理事务', '21015', '300.00', '100.00', '200.00'],
    ['行政运行', '2101501', '100.00', '100.00', ''],
    ['医疗保障经办事务', '2101506', '200.00', '', '200.00'],
  ];

  it.each(['科目编码', '编号', ''])('reads nested codes right of the names as codes (header "%s")', (header) => {
    expect(kinds(rows(header))).toEqual(['text', 'code', 'amount', 'amount', 'amount']);
    const report = analyse(documentOf([table(rows(header), { before: ['一般公共预算支出表', '单位：万元'] })]));
    expect(errorsOf(report)).toEqual([]);
    expect(report.findings.map((f) => f.message).join('\n')).not.toMatch(/2101501|4203007|4224022/);
  });

  it('reads a code column with labels and department codes in it as codes (合计, 473 / 473002)', () => {
    const rows = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', '', '300.00', '100.00', '200.00'],
      ['473', '株洲市天元区医疗保障局', '300.00', '100.00', '200.00'],
      ['473002', '株洲市天元区医疗保障局', '300.00', '100.00', '200.00'],
      ['小计', '', '300.00', '100.00', '200.00'],
      ['21015', '医疗保障管理事务', '300.00', '100.00', '200.00'],
      ['2101501', '行政运行', '100.00', '100.00', ''],
      ['2101506', '医疗保障经办事务', '200.00', '', '200.00'],
    ];
    expect(kinds(rows)).toEqual(['code', 'text', 'amount', 'amount', 'amount']);
    const report = analyse(documentOf([table(rows, { before: ['一般公共预算支出表', '单位：万元'] })]));
    expect(report.findings.map((f) => f.message).join('\n')).not.toMatch(/2101501 \+|4203007/);
  });

  it('keeps whole-yuan amounts right of the names that merely look like codes as amounts', () => {
    // 2068839 starts like a class (206) but nothing nests under anything: amounts.
    expect(kinds([['项目', '本年预算'], ['合计', '2068839'], ['基本支出', '1648839'], ['项目支出', '420000']])).toEqual(['text', 'amount']);
  });
});

describe('column kinds: codes in one column and over 类/款/项 read alike', () => {
  const body = [
    ['210', '', '', '卫生健康支出', '300.00'],
    ['210', '15', '', '医疗保障管理事务', '300.00'],
    ['210', '15', '01', '行政运行', '100.00'],
    ['210', '15', '06', '医疗保障经办事务', '150.00'],
  ];
  const parts = [['科目编码@c3', '科目名称', '金额'], ...body];
  const joined = [['科目编码', '科目名称', '金额'], ...body.map(([cls, sec, item, ...rest]) => [`${cls}${sec}${item}`, ...rest])];
  const headerless = [['科目编码@c3', '科目名称', '金额'], ...body];

  it('classifies the parts under one spanning header and the joined codes alike', () => {
    expect(kinds(parts)).toEqual(['code-part0', 'code-part1', 'code-part2', 'text', 'amount']);
    expect(kinds(joined)).toEqual(['code', 'text', 'amount']);
    expect(kinds(headerless)).toEqual(['code-part0', 'code-part1', 'code-part2', 'text', 'amount']);
    const codesOf = (rows: string[][]) => buildTableModel(table(rows), identity).panels[0]!.rows.map((r) => r.code?.code);
    expect(codesOf(parts)).toEqual(codesOf(joined));
  });

  it('finds the same error in both layouts (21015 300.00 ≠ 100.00 + 150.00)', () => {
    const messages = (rows: string[][]) =>
      errorsOf(analyse(documentOf([table(rows, { before: ['一般公共预算支出表', '单位：万元'] })]))).map((f) => f.message.replace(/金额|科目编码\/?/g, ''));
    const one = messages(joined);
    expect(one).toEqual([expect.stringContaining('250.00')]);
    expect(messages(parts)).toEqual(one);
  });
});

describe('column kinds: line numbers', () => {
  // The continuation of seed 002's 收入支出决算总表 printed to PDF: header on the page before.
  it('reads a column counting up by one on every line as 行次, never as amounts', () => {
    expect(kinds([['一、一般公共预算财政拨款', '1', '2,113.81'], ['二、政府性基金预算财政拨款', '2', '0.00'], ['三、国有资本经营预算财政拨款', '3', '0.00'], ['本年收入合计', '4', '2,113.81']])).toEqual(['text', 'rowno', 'amount']);
    expect(kinds([['一、一般公共服务支出', '33', '0.00'], ['二、外交支出', '34', '0.00'], ['三、国防支出', '35', '0.00']])).toEqual(['text', 'rowno', 'amount']);
  });

  it('keeps amounts that merely grow as amounts', () => {
    expect(kinds([['项目', '金额'], ['甲', '1'], ['乙', '2'], ['丙', '4']])).toEqual(['text', 'amount']);
  });
});

describe('column kinds: guesses are recorded as reading doubts', () => {
  it('records a column read as amounts although it holds text too', () => {
    const model = buildTableModel(table([['指标', '指标值', '金额'], ['数量', '464', '1.00'], ['满意度', '≥90%', '2.00'], ['时效', '12', '3.00']]), identity);
    expect(model.columns.map((c) => c.kind)).toEqual(['text', 'amount', 'amount']);
    expect(model.doubts).toEqual([{ col: 1, reason: '此列 2 格为数字、1 格为文字，按金额列读取' }]);
  });

  it('records nothing where header and values agree, and keeps extraction doubts', () => {
    const source = { ...table([['项目', '金额'], ['合计', '3.00'], ['甲', '3.00']]), doubts: [{ row: 2, reason: '续表拼接处可能缺行' }] };
    expect(buildTableModel(source, identity).doubts).toEqual([{ row: 2, reason: '续表拼接处可能缺行' }]);
  });
});
