import { describe, expect, it } from 'vitest';
import type { SourceTable, TextBlock } from '../../../../lib/engine/source';
import type { TableKind } from '../../../../lib/engine/document/table-kinds';
import type { TableModel } from '../../../../lib/engine/table/model';
import { buildTableModel } from '../../../../lib/engine/table/model';
import { assessCompleteness, expectsFullSet, findShells, summaryLine } from '../../../../lib/engine/document/completeness';
import { contentsLine, findContents } from '../../../../lib/engine/document/contents';
import { checkDocumentTables } from '../../../../lib/engine/checks/document-tables';
import { table, tsv } from '../../../helpers/tables';
import { categoryOf } from '../../../../lib/engine/checks/catalogue';

let seq = 0;
const block = (text: string, kind: TextBlock['kind'] = 'paragraph'): TextBlock => ({ anchor: `b${seq}`, text, kind, seq: seq++ });
function model(kind: TableKind, title: string, rows: string[][], opts: { after?: string[] } = {}): TableModel {
  const source: SourceTable = { ...table(rows, { anchor: `t${seq}`, before: ['单位：万元'] }), seq: seq++, after: opts.after ?? [] };
  return buildTableModel(source, { id: source.anchor, title, kind });
}
const filled = (kind: TableKind, title: string) => model(kind, title, tsv(`项目\t金额\n合计\t10.00`));
const empty = (kind: TableKind, title: string, after: string[] = []) => model(kind, title, [['项目', '金额']], { after });

const FINAL = [
  ['income-expense-summary', '收入支出决算总表'],
  ['income-summary', '收入决算表'],
  ['expense-summary', '支出决算表'],
  ['fiscal-summary', '财政拨款收入支出决算总表'],
  ['general-expense', '一般公共预算财政拨款支出决算表'],
  ['general-basic-expense', '一般公共预算财政拨款基本支出决算表'],
  ['three-public', '财政拨款“三公”经费支出决算表'],
  ['fund-expense', '政府性基金预算财政拨款收入支出决算表'],
  ['state-capital-expense', '国有资本经营预算财政拨款支出决算表'],
] as const;

describe('table of contents', () => {
  it('reads numbered title lines, tolerant of numbering, leader dots and page numbers; skips 说明 sections', () => {
    expect(contentsLine('（七）一般预算支出表')?.kind).toBe('general-expense');
    expect(contentsLine('公开03表 支出决算表……12')?.kind).toBe('expense-summary');
    expect(contentsLine('4．2025年部门财政拨款收支预算总表 ……………………')?.kind).toBe('fiscal-summary');
    expect(contentsLine('五、一般公共预算财政拨款支出决算情况说明')).toBeNull();
    expect(contentsLine('一、部门职责')).toBeNull();
    const blocks = [block('目录', 'heading'), block('一、部门职责'), ...FINAL.map(([, name], i) => block(`${'一二三四五六七八九'[i]}、${name}`)), block('第三部分 说明', 'heading')];
    const contents = findContents(blocks, []);
    expect(contents?.entries.map((e) => e.kind)).toEqual(FINAL.map(([kind]) => kind));
  });

  it('needs at least three listed tables: a cross-reference is not a table of contents', () => {
    expect(findContents([block('一、收支总表'), block('二、收入总表'), block('正文')], [])).toBeNull();
  });

  it('reads a contents table with 是否空表 and the reason', () => {
    const contents = model('contents', '目录', tsv(`报表\t报表名称\t是否空表\t公开空表理由
表1\t部门综合预算收支总表\t否\t
表2\t部门综合预算收入总表\t否\t
表9\t部门综合预算政府性基金收支表\t是\t不涉及`));
    const found = findContents([], [contents]);
    expect(found?.entries.map((e) => [e.kind, e.declaredEmpty ?? false, e.reason ?? ''])).toEqual([
      ['income-expense-summary', false, ''],
      ['income-summary', false, ''],
      ['fund-expense', true, '不涉及'],
    ]);
  });
});

describe('required tables', () => {
  it('says 齐全 when all nine 决算 tables are present', () => {
    const tables = FINAL.map(([kind, name]) => filled(kind, name));
    const result = assessCompleteness('final', tables, [], null);
    expect(result.summary).toBe('9 张必需表格：齐全');
    expect(checkDocumentTables(result, null, [], tables).findings).toEqual([]);
  });

  it('names missing tables in print order, and warns on each (002-15)', () => {
    const tables = FINAL.filter(([kind]) => kind !== 'income-summary' && kind !== 'general-expense').map(([kind, name]) => filled(kind, name));
    const result = assessCompleteness('final', tables, [], null);
    expect(result.summary).toBe('9 张必需表格：缺 2 张（收入决算表、一般公共预算财政拨款支出决算表）');
    const findings = checkDocumentTables(result, null, [], tables).findings;
    expect(findings.map((f) => [f.rule, f.severity, categoryOf(f.rule)])).toEqual([
      ['doc.required', 'warning', 'structure'],
      ['doc.required', 'warning', 'structure'],
    ]);
  });

  it('accepts an empty table with a note (info), warns on one without', () => {
    const noted = FINAL.map(([kind, name]) => (kind === 'fund-expense' ? empty(kind, name, ['注：本表无数据。']) : filled(kind, name)));
    const ok = assessCompleteness('final', noted, [], null);
    expect(ok.tables.find((t) => t.kind === 'fund-expense')?.status).toBe('empty-noted');
    expect(checkDocumentTables(ok, null, [], noted).findings.map((f) => f.severity)).toEqual(['info']);

    const silent = FINAL.map(([kind, name]) => (kind === 'fund-expense' ? empty(kind, name) : filled(kind, name)));
    const bad = assessCompleteness('final', silent, [], null);
    expect(bad.summary).toBe('9 张必需表格：1 张空表未说明（政府性基金预算财政拨款收入支出决算表）');
    expect(checkDocumentTables(bad, null, [], silent).findings.map((f) => [f.rule, f.severity])).toEqual([['doc.empty-table', 'warning']]);
  });

  it('finds the note in the text: by the table\'s subject, by its number in a list, or a note on all empty tables', () => {
    const tables = FINAL.map(([kind, name]) => (kind === 'state-capital-expense' ? empty(kind, name) : filled(kind, name)));
    const bySubject = assessCompleteness('final', tables, [block('本单位没有国有资本经营预算收入，也没有使用国有资本经营预算安排的支出。')], null);
    expect(bySubject.tables.find((t) => t.kind === 'state-capital-expense')?.status).toBe('empty-noted');
    const numbered = tables.map((t) => (t.kind === 'state-capital-expense' ? { ...t, number: '附件9' } : t));
    const byNumber = assessCompleteness('final', numbered, [block('附表 7、9 表为空。')], null);
    expect(byNumber.tables.find((t) => t.kind === 'state-capital-expense')?.note).toBe('附表7、9表为空');
    const general = assessCompleteness('final', tables, [block('注：以上报表中，空表表示本部门无相关收支情况；')], null);
    expect(general.tables.find((t) => t.kind === 'state-capital-expense')?.status).toBe('empty-noted');
  });

  it('counts the 国有资本经营 table in a budget only when the document shows or lists it (2020 Hunan, Shaanxi have none)', () => {
    const eight = ([
      ['income-expense-summary', '收支总表'],
      ['income-summary', '收入总表'],
      ['expense-summary', '支出总表'],
      ['fiscal-summary', '财政拨款收支总表'],
      ['general-expense', '一般公共预算支出表'],
      ['general-basic-expense', '一般公共预算基本支出表'],
      ['three-public', '一般公共预算“三公”经费支出表'],
      ['fund-expense', '政府性基金预算支出表'],
    ] as const).map(([kind, name]) => filled(kind, name));
    expect(assessCompleteness('budget', eight, [], null).summary).toBe('8 张必需表格：齐全');
    const listing = ['收支总表', '收入总表', '国有资本经营预算支出表'].map((name, i) => block(`${i + 1}、${name}`));
    const listed = assessCompleteness('budget', eight, listing, findContents(listing, eight));
    expect(listed.summary).toBe('9 张必需表格：缺 1 张（国有资本经营预算支出表）');
  });

  it('reads a title printed with its unit lines and no table as a table published empty (seed 000-04)', () => {
    const tables = [filled('income-expense-summary', '收支总表')];
    const blocks = [block('收入总表', 'heading'), block('单位: 473002_某局'), block('金额单位：元'), block('支出总表', 'heading')];
    const shells = findShells(blocks, tables, null);
    expect(shells.map((s) => [s.kind, s.title])).toEqual([['income-summary', '收入总表']]);
  });

  it('holds only a disclosure that shows at least three standard tables to the full set', () => {
    const alone = [filled('three-public', '一般公共预算“三公”经费支出表')];
    expect(expectsFullSet('budget', alone, [])).toBe(false);
    const three = [...alone, filled('income-expense-summary', '收支总表'), filled('expense-summary', '支出总表')];
    expect(expectsFullSet('budget', three, [])).toBe(true);
    // A narrative that lists its tables but ships them as another file is not held to them.
    expect(expectsFullSet('budget', [], [])).toBe(false);
  });

  it('summarises empty-with-note tables without alarm', () => {
    expect(summaryLine([{ kind: 'fund-expense', name: '政府性基金预算支出表', status: 'empty-noted', note: '无' }])).toBe('1 张必需表格：齐全（其中 1 张为空表，已说明）');
  });
});

describe('目录 against the tables', () => {
  it('warns on a listed table that is absent and on a table the 目录 does not list', () => {
    const tables = [filled('income-expense-summary', '收支总表'), filled('project-expense', '项目支出表')];
    const blocks = ['一、收支总表', '二、政府采购预算表', '三、专项资金预算汇总表'].map((t) => block(t));
    const contents = findContents(blocks, tables);
    const findings = checkDocumentTables(null, contents, [], tables).findings;
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '目录列有《政府采购预算表》，正文中没有这张表。'],
      ['warning', '目录列有《专项资金预算汇总表》，正文中没有这张表。'],
      ['warning', '《项目支出表》在正文中，但目录没有列出。'],
    ]);
  });
});

describe('hostile input', () => {
  it('stays fast and quiet on huge and odd text', () => {
    const started = performance.now();
    const blocks: TextBlock[] = [];
    for (let i = 0; i < 6000; i += 1) blocks.push(block(i % 3 ? `${i}、收支总表${'…'.repeat(50)}` : `（${'一'.repeat(i % 7)}）单位：${'表'.repeat(i % 200)}`));
    blocks.push(block(`附表${'1、'.repeat(20000)}为空。${'空表'.repeat(20000)}`));
    const contents = findContents(blocks, []);
    const shells = findShells(blocks, [], contents);
    const result = assessCompleteness('budget', [], blocks, contents, shells);
    expect(result.tables.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(contentsLine('x'.repeat(100_000))).toBeNull();
    expect(findContents([], [])).toBeNull();
  });
});
