import type { TableKind } from '../../lib/engine/document/table-kinds';
import type { RuleCase } from './case';
import { gridModel, model } from './case';

const FINAL: ReadonlyArray<readonly [TableKind, string]> = [
  ['income-expense-summary', '收入支出决算总表'],
  ['income-summary', '收入决算表'],
  ['expense-summary', '支出决算表'],
  ['fiscal-summary', '财政拨款收入支出决算总表'],
  ['general-expense', '一般公共预算财政拨款支出决算表'],
  ['general-basic-expense', '一般公共预算财政拨款基本支出决算表'],
  ['three-public', '财政拨款“三公”经费支出决算表'],
  ['fund-expense', '政府性基金预算财政拨款收入支出决算表'],
  ['state-capital-expense', '国有资本经营预算财政拨款支出决算表'],
];

const filled = ([kind, name]: readonly [TableKind, string]) => model('项目\t金额\n合计\t10.00', kind, name);
const empty = ([kind, name]: readonly [TableKind, string]) => gridModel([['项目', '金额']], kind, name);
const finalSet = (change: (entry: readonly [TableKind, string]) => ReturnType<typeof filled> | null) =>
  FINAL.map(change).filter((t): t is ReturnType<typeof filled> => t !== null);
const identity = { kind: 'final' as const, year: 2024 };
const contents = (names: readonly string[]) => ['目录', ...names.map((name, i) => `${'一二三四五六七八九十'[i]}、${name}`), '第三部分 说明'];

export const docCases: RuleCase[] = [
  {
    rule: 'doc.required',
    source: 'seed 002-15, rulebook §1.3: the nine 决算 tables',
    fails: { tables: finalSet((e) => (e[0] === 'income-summary' ? null : filled(e))), identity, tableSet: 'final' },
    passes: { tables: finalSet(filled), identity, tableSet: 'final' },
  },
  {
    rule: 'doc.empty-table',
    source: 'rulebook §1.1: an empty table with no note',
    fails: { tables: finalSet((e) => (e[0] === 'fund-expense' ? empty(e) : filled(e))), identity, tableSet: 'final' },
    passes: { tables: finalSet((e) => (e[0] === 'fund-expense' ? empty(e) : filled(e))), text: ['本单位没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。'], identity, tableSet: 'final' },
  },
  {
    rule: 'doc.contents',
    source: 'rulebook §1.2: the 目录 lists a table the document does not have',
    fails: { tables: finalSet(filled), text: contents([...FINAL.map(([, name]) => name), '部门整体支出绩效自评表', '项目支出决算表']), identity, tableSet: 'final' },
    passes: { tables: finalSet(filled), text: contents(FINAL.map(([, name]) => name)), identity, tableSet: 'final' },
  },
];
