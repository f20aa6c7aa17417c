import { describe, expect, it } from 'vitest';
import { TABLE_KINDS, TABLE_KIND_IDS, kindEntry, matchKey, requiredKinds, type TableKind } from '../../../../lib/engine/document/table-kinds';
import { identifyTableKind } from '../../../../lib/engine/document/table-title';

type Case = readonly [title: string, kind: TableKind];

/** Seed 000 (Hunan, 天元区 2025 budget): the 23 tables of its 部门预算公开表 list. */
const seed000: Case[] = [
  ['收支总表', 'income-expense-summary'],
  ['收入总表', 'income-summary'],
  ['支出总表', 'expense-summary'],
  ['支出预算分类汇总表（按政府预算经济分类）', 'economic-summary'],
  ['支出预算分类汇总表（按部门预算经济分类）', 'economic-summary'],
  ['财政拨款收支总表', 'fiscal-summary'],
  ['一般公共预算支出表', 'general-expense'],
  ['一般公共预算基本支出表', 'general-basic-expense'],
  ['一般公共预算基本支出表--人员经费(工资福利支出)(按政府预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算基本支出表--人员经费(工资福利支出)(按部门预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按政府预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按部门预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算基本支出表--公用经费(商品和服务支出)(按政府预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算基本支出表--公用经费(商品和服务支出)(按部门预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算“三公”经费支出表', 'three-public'],
  ['政府性基金预算支出表', 'fund-expense'],
  ['政府性基金预算支出分类汇总表（按政府预算经济分类）', 'fund-economic-summary'],
  ['政府性基金预算支出分类汇总表（按部门预算经济分类）', 'fund-economic-summary'],
  ['国有资本经营预算支出表', 'state-capital-expense'],
  ['财政专户管理资金预算支出表', 'special-account'],
  ['专项资金预算汇总表', 'special-funds'],
  ['项目支出绩效目标表', 'performance-project'],
  ['整体支出绩效目标表', 'performance-overall'],
];

/** Seed 000 as its body and its first 目录 spell them (dash styles, spaces, abbreviations). */
const seed000Variants: Case[] = [
  ['一般公共预算基本支出表—人员经费(工资福利支出)(按政府预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算基本支出表--人员经费(对个人和家庭的补助) (按部门预算经济分类)', 'basic-expense-detail'],
  ['一般公共预算基本支出表--公用经费(商品和服务支出) (按政府预算经济分类)', 'basic-expense-detail'],
  ['部门收支总表', 'income-expense-summary'],
  ['部门收入总表', 'income-summary'],
  ['部门支出总表', 'expense-summary'],
  ['一般预算支出表', 'general-expense'],
  ['一般预算基本支出表', 'general-basic-expense'],
  ['支出分类(政府预算)', 'economic-summary'],
  ['支出分类(部门预算)', 'economic-summary'],
  ['工资福利(政府预算)', 'basic-expense-detail'],
  ['工资福利', 'basic-expense-detail'],
  ['个人家庭(政府预算)', 'basic-expense-detail'],
  ['商品服务', 'basic-expense-detail'],
  ['三公经费', 'three-public'],
  ['政府性基金', 'fund-expense'],
  ['政府性基金(政府预算)', 'fund-economic-summary'],
  ['国有资本经营预算', 'state-capital-expense'],
  ['财政专户管理资金', 'special-account'],
];

/** Seed 001 (Hunan, 荷塘区 2020 budget): the 20 附件 of its 目录, then body spellings. */
const seed001: Case[] = [
  ['部门收支总表', 'income-expense-summary'],
  ['部门收入总表', 'income-summary'],
  ['部门支出总表', 'expense-summary'],
  ['部门支出总表（分类）', 'expense-by-class'],
  ['基本支出预算明细表-工资福利支出', 'basic-expense-detail'],
  ['基本支出预算明细表-单位运转经费支出预算表', 'basic-expense-detail'],
  ['基本支出预算明细表-对个人和家庭的补助', 'basic-expense-detail'],
  ['财政拨款收支总表', 'fiscal-summary'],
  ['一般公共预算支出情况表', 'general-expense'],
  ['一般公共预算基本支出预算明细表-工资福利支出', 'basic-expense-detail'],
  ['一般公共预算基本支出预算明细表-一般商品和服务支出', 'basic-expense-detail'],
  ['一般公共预算基本支出预算明细表-对个人和家庭补助', 'basic-expense-detail'],
  ['政府性基金拨款部门支出总表', 'fund-expense'],
  ['纳入专户管理的非税收入拨款部门支出总表', 'special-account'],
  ['项目支出预算明细表', 'project-expense'],
  ['一般公共预算拨款“三公”经费预算表', 'three-public'],
  ['部门整体支出绩效申报表', 'performance-overall'],
  ['单位专项支出预算绩效目标表', 'performance-project'],
  ['专项资金支出方向绩效目标表', 'performance-project'],
  ['一般公共预算基本支出情况表', 'general-basic-expense'],
];

const seed001Variants: Case[] = [
  ['部门支出总表(分类)', 'expense-by-class'],
  ['基本支出预算明细表－对个人和家庭的补助', 'basic-expense-detail'],
  ['一般公共预算基本支出预算明细表－工资福利支出', 'basic-expense-detail'],
  ['一般公共预算基本支出预算明细表——一般商品和服务支出', 'basic-expense-detail'],
  ['一般公共预算基本支出预算明细表 – 对个人和家庭的补助', 'basic-expense-detail'],
  ['政府性基金拨款部门支出总表(分类)', 'fund-expense'],
  ['纳入专户管理的非税收入拨款部门支出总表(分类)', 'special-account'],
];

/** Seed 002 (Hunan, 株洲市 2024 final account): 公开01–09 as listed, then as the body spells them. */
const seed002: Case[] = [
  ['收入支出决算总表', 'income-expense-summary'],
  ['收入决算表', 'income-summary'],
  ['支出决算表', 'expense-summary'],
  ['财政拨款收入支出决算总表', 'fiscal-summary'],
  ['一般公共预算财政拨款支出决算表', 'general-expense'],
  ['一般公共预算财政拨款基本支出决算表', 'general-basic-expense'],
  ['一般公共预算财政拨款“三公”经费支出决算表', 'three-public'],
  ['政府性基金预算财政拨款收入支出决算表', 'fund-expense'],
  ['国有资本经营预算财政拨款支出决算表', 'state-capital-expense'],
  ['一般公共预算财政拨款基本支出决算明细表', 'general-basic-expense'],
  ['一般公共预算财政拨款基本支出决算(明细)表', 'general-basic-expense'],
  ['公开03表 支出决算表', 'expense-summary'],
  ['2024 年度部门整体支出绩效自评表', 'performance-overall'],
];

/** Seed 003 (Henan, 济源 2024 budget): its 13 tables as listed, then the body's year-prefixed titles. */
const seed003: Case[] = [
  ['部门收支预算表', 'income-expense-summary'],
  ['部门收入预算表', 'income-summary'],
  ['部门支出预算表', 'expense-summary'],
  ['财政拨款收支总体情况表', 'fiscal-summary'],
  ['一般公共预算支出预算表', 'general-expense'],
  ['一般公共预算基本支出表', 'general-basic-expense'],
  ['支出经济分类汇总表', 'economic-summary'],
  ['一般公共预算“三公”经费预算表', 'three-public'],
  ['政府性基金预算支出预算表', 'fund-expense'],
  ['国有资本经营预算支出预算表', 'state-capital-expense'],
  ['项目支出预算表', 'project-expense'],
  ['部门（单位）整体绩效目标表', 'performance-overall'],
  ['部门预算项目绩效目标表', 'performance-project'],
  ['2024年部门收支预算表', 'income-expense-summary'],
  ['2024年部门收入预算表', 'income-summary'],
  ['2024年部门支出预算表', 'expense-summary'],
  ['2024年财政拨款收支总体情况表', 'fiscal-summary'],
  ['2024年一般公共预算支出预算表', 'general-expense'],
  ['2024年支出经济分类汇总表', 'economic-summary'],
  ['2024年一般公共预算“三公”经费预算表', 'three-public'],
  ['2024年政府性基金预算支出预算表', 'fund-expense'],
  ['2024年国有资本经营预算支出预算表', 'state-capital-expense'],
  ['部门(单位)整体绩效目标表', 'performance-overall'],
  ['2024年度部门预算项目绩效目标表', 'performance-project'],
];

/** Seed 004 (Shaanxi, 西乡县 2023 unit budget): the 15 tables of its 目录 and the body's spellings. */
const seed004: Case[] = [
  ['部门综合预算收支总表', 'income-expense-summary'],
  ['部门综合预算收入总表', 'income-summary'],
  ['部门综合预算支出总表', 'expense-summary'],
  ['部门综合预算财政拨款收支总表', 'fiscal-summary'],
  ['部门综合预算一般公共预算支出明细表（按支出功能分类科目）', 'general-expense'],
  ['部门综合预算一般公共预算支出明细表（按支出经济分类科目）', 'general-expense-economic'],
  ['部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）', 'general-basic-function'],
  ['部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）', 'general-basic-expense'],
  ['部门综合预算政府性基金收支表', 'fund-expense'],
  ['部门综合预算专项业务经费支出表', 'project-expense'],
  ['部门综合预算政府采购（资产配置、购买服务）预算表', 'procurement'],
  ['部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表', 'three-public'],
  ['部门专项业务经费绩效目标表', 'performance-project'],
  ['部门整体支出绩效目标表', 'performance-overall'],
  ['专项资金总体绩效目标表', 'performance-project'],
  ['部门综合预算一般公共预算基本支出明细表（支出经济分类科目）', 'general-basic-expense'],
  ['部门预算专项业务经费绩效目标表', 'performance-project'],
  ['目录', 'contents'],
];

/** Jiangsu 省委办公厅 2017–2019 (corpus js-swbgt-*): 目录 entries and table titles. */
const jiangsu: Case[] = [
  ['收支预算总表', 'income-expense-summary'],
  ['收入预算总表', 'income-summary'],
  ['支出预算总表', 'expense-summary'],
  ['财政拨款收支预算总表', 'fiscal-summary'],
  ['财政拨款支出预算表', 'fiscal-expense'],
  ['财政拨款基本支出预算表', 'fiscal-basic-expense'],
  ['政府性基金支出预算表', 'fund-expense'],
  ['财政拨款政府性基金支出预算表', 'fund-expense'],
  ['政府性基金财政拨款支出预算表', 'fund-expense'],
  ['一般公共预算支出预算表', 'general-expense'],
  ['一般公共预算基本支出预算表', 'general-basic-expense'],
  ['一般公共预算机关运行经费支出预算表', 'operating-expense'],
  ['一般公共预算“三公”经费、会议费、培训费支出预算表', 'three-public'],
  ['“三公”经费、会议费、培训费支出预算表', 'three-public'],
  ['政府采购支出预算表', 'procurement'],
  ['2017年政府采购预算表', 'procurement'],
  ['财政拨款支出预算表（功能科目）', 'fiscal-expense'],
  ['财政拨款基本支出预算表（经济科目）', 'fiscal-basic-expense'],
  ['一般公共预算支出预算表（功能科目）', 'general-expense'],
  ['一般公共预算基本支出预算表（经济科目）', 'general-basic-expense'],
];

/** Shanghai 普陀 (corpus sh-putuo-*): 万里街道 2024/2025 budgets and the 财政局 2024 final account. */
const shanghai: Case[] = [
  ['2024年部门财务收支预算总表', 'income-expense-summary'],
  ['2024年部门收入预算总表', 'income-summary'],
  ['2024年部门支出预算总表', 'expense-summary'],
  ['2024年部门财政拨款收支预算总表', 'fiscal-summary'],
  ['2024年部门一般公共预算支出功能分类预算表', 'general-expense'],
  ['2024年部门政府性基金预算支出功能分类预算表', 'fund-expense'],
  ['2024年部门国有资本经营预算支出功能分类预算表', 'state-capital-expense'],
  ['2024年部门一般公共预算基本支出部门预算经济分类预算表', 'general-basic-expense'],
  ['部门“三公”经费和机关运行经费预算表', 'three-public'],
  ['2025年部门“三公”经费和机关运行经费预算表', 'three-public'],
  ['2025年部门财务收支预算总表', 'income-expense-summary'],
  ['收入支出决算总表', 'income-expense-summary'],
  ['收入决算表', 'income-summary'],
  ['支出决算表', 'expense-summary'],
  ['财政拨款收入支出决算总表', 'fiscal-summary'],
  ['一般公共预算财政拨款支出决算表', 'general-expense'],
  ['一般公共预算财政拨款基本支出决算表', 'general-basic-expense'],
  ['财政拨款“三公”经费支出决算表', 'three-public'],
  ['政府性基金预算财政拨款收入支出决算表', 'fund-expense'],
  ['国有资本经营预算财政拨款收入支出决算表', 'state-capital-expense'],
];

/** Headings that are not tables of one kind. */
const notTables: string[] = [
  '部门决算表',
  '上海市 XX 局 2024 年度部门决算表',
  '第二部分 部门预算公开表格',
  '2023年部门（单位）综合预算公开报表',
  '单位：万元',
  '其他支出明细表',
  '人员情况表',
];

describe('table kind catalogue', () => {
  it('uses only declared kind ids and has patterns for every entry', () => {
    for (const entry of TABLE_KINDS) {
      expect(TABLE_KIND_IDS).toContain(entry.kind);
      expect(entry.patterns.length).toBeGreaterThan(0);
      expect(entry.name).toMatch(/\p{Script=Han}/u);
    }
  });

  it('requires the standard nine tables for budgets and for final accounts', () => {
    const nine = ['income-expense-summary', 'income-summary', 'expense-summary', 'fiscal-summary', 'general-expense', 'general-basic-expense', 'three-public', 'fund-expense', 'state-capital-expense'];
    expect(requiredKinds('budget').sort()).toEqual([...nine].sort());
    expect(requiredKinds('final').sort()).toEqual([...nine].sort());
  });

  it('gives canonical names per family', () => {
    expect(kindEntry('income-expense-summary', 'final').name).toBe('收入支出决算总表');
    expect(kindEntry('income-expense-summary', 'budget').name).toBe('收支总表');
    expect(kindEntry('unknown').kind).toBe('unknown');
  });

  it('matches titles whatever the quotes, dashes and width', () => {
    expect(matchKey('一般公共预算“三公”经费支出表')).toBe(matchKey('一般公共预算"三公"经费支出表'));
    expect(matchKey('一般公共预算「三公」经费支出表')).toBe('一般公共预算三公经费支出表');
    expect(matchKey('基本支出预算明细表——工资 福利')).toBe('基本支出预算明细表-工资福利');
    expect(matchKey('部门支出总表（分类）')).toBe('部门支出总表(分类)');
  });
});

const groups: Array<[string, Case[]]> = [
  ['seed 000 (23 tables)', seed000],
  ['seed 000 spellings', seed000Variants],
  ['seed 001 (20 tables)', seed001],
  ['seed 001 spellings', seed001Variants],
  ['seed 002 (公开01–09)', seed002],
  ['seed 003 (13 tables)', seed003],
  ['seed 004 (15 tables)', seed004],
  ['corpus: Jiangsu 2017–2019', jiangsu],
  ['corpus: Shanghai Putuo 2024–2025', shanghai],
];

describe.each(groups)('titles of %s', (_name, cases) => {
  it.each(cases)('%s → %s', (title, kind) => {
    expect(identifyTableKind(title).kind).toBe(kind);
  });
});

describe('kinds by family and quote style', () => {
  it('tells 决算 tables from budget tables of the same kind', () => {
    expect(identifyTableKind('收入支出决算总表').family).toBe('final');
    expect(identifyTableKind('部门收支总表').family).toBe('budget');
    expect(identifyTableKind('财政拨款“三公”经费支出决算表')).toMatchObject({ kind: 'three-public', family: 'final', name: '财政拨款“三公”经费支出决算表' });
  });

  it.each(['一般公共预算“三公”经费支出表', '一般公共预算"三公"经费支出表', '一般公共预算三公经费支出表', "一般公共预算'三公'经费支出表", '一般公共预算「三公」经费支出表'])(
    'three-public in any quote style: %s',
    (title) => expect(identifyTableKind(title).kind).toBe('three-public'),
  );

  it('does not read a title inside a longer one', () => {
    expect(identifyTableKind('财政拨款收支总表').kind).toBe('fiscal-summary');
    expect(identifyTableKind('一般公共预算基本支出表').kind).toBe('general-basic-expense');
    expect(identifyTableKind('政府性基金预算财政拨款收入支出决算表').kind).toBe('fund-expense');
    expect(identifyTableKind('一般公共预算财政拨款基本支出决算明细表').kind).toBe('general-basic-expense');
  });

  it('says which classification a title follows', () => {
    expect(identifyTableKind('支出预算分类汇总表（按政府预算经济分类）').classification).toBe('government-economic');
    expect(identifyTableKind('支出预算分类汇总表（按部门预算经济分类）').classification).toBe('department-economic');
    expect(identifyTableKind('一般公共预算支出预算表（功能科目）').classification).toBe('function');
    expect(identifyTableKind('收支总表').classification).toBeUndefined();
  });

  it.each(notTables)('leaves %s unknown', (title) => {
    expect(identifyTableKind(title).kind).toBe('unknown');
  });
});

describe('header evidence', () => {
  it('reads a 基本支出 title over a 项目支出 header as the 一般公共预算支出表 (seed 001 附件9)', () => {
    const headerText = '功能科目 科目编码 总 计 基本支出 合计 工资福利支出 项目支出 合计 类 款 项';
    expect(identifyTableKind('一般公共预算基本支出情况表', { headerText })).toMatchObject({
      kind: 'general-expense',
      name: '一般公共预算支出表',
      titleKind: 'general-basic-expense',
    });
    expect(identifyTableKind('一般公共预算基本支出情况表', { headerText: '经济科目 经济科目名称 总计 人员经费 公用经费' })).toEqual({
      kind: 'general-basic-expense',
      name: '一般公共预算基本支出表',
      family: 'budget',
    });
  });

  it('names an untitled 三公 table and an untitled 目录 from their headers', () => {
    expect(identifyTableKind('', { headerText: '合计 因公出国（境）费 公务用车购置及运行费 购置费 运行费 公务接待费' }).kind).toBe('three-public');
    expect(identifyTableKind('', { headerText: '报表 报表名称 是否空表 公开空表理由' }).kind).toBe('contents');
    expect(identifyTableKind('', { headerText: '项目 预算数' }).kind).toBe('unknown');
  });
});

describe('hostile titles', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \t  '],
    ['10,000 Han', '表'.repeat(10_000)],
    ['10,000 mixed', '一般公共预算支出'.repeat(1250)],
    ['10,000 quotes and dashes', '“-—'.repeat(3334)],
  ])('%s → unknown, quickly', (_name, title) => {
    const start = performance.now();
    expect(identifyTableKind(title, { headerText: title }).kind).toBe('unknown');
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('survives non-string input from untyped callers', () => {
    expect(identifyTableKind(undefined as unknown as string).kind).toBe('unknown');
  });
});
