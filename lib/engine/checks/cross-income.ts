import { compactText } from '../amount/normalize';
import type { TableKind } from '../document/table-kinds';
import type { TableModel } from '../table/model';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import type { Fact } from './cross-facts';
import { fact, finding, grandTotal, leaf } from './cross-facts';

/**
 * The income side between tables (rulebook §3.3, X-B-01 / X-D-01): the 收入总表's 总计 and source
 * columns are the 收支总表's income lines, and the 收支总表 and the 财政拨款收支总表 print the same
 * 财政拨款 lines (one left blank where the other has the amount is structural, seed 000-03).
 */

/** Income sources as the 收支总表 rows and the 收入总表 columns name them (X-B-01, X-D-01). */
const INCOME_SOURCES: ReadonlyArray<readonly [string, RegExp]> = [
  ['本年收入合计', /^本年收入(?:合计)?$/],
  ['一般公共预算', /^一般公共预算(?:财政)?拨款(?:收入)?$|^一般公共预算$/],
  ['政府性基金', /^政府性基金(?:预算)?(?:财政)?拨款(?:收入)?$|^政府性基金$/],
  ['国有资本经营', /^国有资本经营(?:预算)?(?:财政)?拨款(?:收入)?$|^国有资本经营$/],
  ['事业收入', /^事业收入$/],
  ['上级补助收入', /^上级补助收入$/],
  ['其他收入', /^其他收入$/],
];

const ENUMERATOR = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．])/;

/** The 收入总表's 合计 row (or its only 部门 row) and the column of each source. */
function incomeColumns(table: TableModel): Map<string, Fact> {
  const result = new Map<string, Fact>();
  const panel = table.panels[0];
  if (!panel) return result;
  const departments = panel.rows.filter((r) => r.code?.kind === 'unit' && r.code.level === 1);
  const row = grandTotal(panel) ?? (departments.length === 1 ? departments[0] : undefined);
  if (!row) return result;
  const total = panel.amountColumns.find((c) => /^(?:总计|合计)$/.test(leaf(c)) && c.path.length === 1);
  const found = total ? fact(table, row, total, `${row.label || '合计'}·${total.label}`) : null;
  if (found) result.set('收入总计', found);
  for (const [name, pattern] of INCOME_SOURCES) {
    // A source column is the group itself or its 小计; "本年收入/合计" is 本年收入合计.
    const column = panel.amountColumns.find((c) => {
      const names = c.path.map((p) => compactText(p.label));
      const own = /^(?:小计|合计)$/.test(names.at(-1) ?? '') ? names.at(-2) : names.at(-1);
      return own !== undefined && pattern.test(own) && !names.some((n) => /上年结转|结转结余/.test(n));
    });
    const value = column ? fact(table, row, column, `${row.label || '合计'}·${column.label}`) : null;
    if (value) result.set(name, value);
  }
  return result;
}

/** The 收支总表's income lines: 收入总计, 本年收入合计 and the numbered sources (the first of each: this year's). */
function incomeLines(table: TableModel, sources = INCOME_SOURCES): Map<string, Fact> {
  const result = new Map<string, Fact>();
  for (const panel of table.panels) {
    if (!panel.rows.some((r) => /^(?:收入总计|本年收入合计|收入合计|总计)$/.test(r.key))) continue;
    const column = panel.amountColumns[0];
    if (!column) continue;
    for (const row of panel.rows) {
      if (row.role === 'of-which') continue;
      const key = row.key.replace(ENUMERATOR, '');
      const name = /^收入总计$/.test(key) ? '收入总计' : sources.find(([, pattern]) => pattern.test(key))?.[0];
      if (!name || result.has(name)) continue;
      const value = fact(table, row, column, row.label);
      if (value) result.set(name, value);
    }
    return result;
  }
  return result;
}

/** X-B-01 / X-D-01: the 收入总表's totals are the 收支总表's income lines. */
function checkIncome(summary: TableModel, income: TableModel, outcome: CheckOutcome): void {
  const lines = incomeLines(summary);
  const columns = incomeColumns(income);
  for (const [name, column] of columns) {
    const line = lines.get(name);
    if (line) finding('cross.income', name, column, line, outcome);
  }
}

/** The 财政拨款 lines both summary tables print (X-B-01 with X-B-04's income side). */
const FISCAL_LINES: ReadonlyArray<readonly [string, RegExp]> = [
  INCOME_SOURCES[1]!,
  INCOME_SOURCES[2]!,
  INCOME_SOURCES[3]!,
  ['经费拨款', /^经费拨款$/],
  ['纳入一般公共预算管理的非税收入拨款', /^纳入一般公共预算管理的非税收入拨款$/],
];

function isBlank(fact: Fact): boolean {
  const ref0 = fact.refs[0]!;
  const panel = fact.table.panels.find((p) => p.rows.some((r) => r.row === ref0.row));
  return panel?.rows.find((r) => r.row === ref0.row)?.values.get(ref0.col)?.kind === 'blank';
}

/**
 * The 收支总表 and the 财政拨款收支总表 print the same 财政拨款 income lines; one left blank where
 * the other has the amount (seed 000-03: 经费拨款) is a structural warning, two amounts that differ
 * an error.
 */
function checkFiscalIncome(summary: TableModel, fiscal: TableModel, outcome: CheckOutcome): void {
  const mine = incomeLines(summary, FISCAL_LINES);
  const theirs = incomeLines(fiscal, FISCAL_LINES);
  for (const [name, a] of mine) {
    // The 收支总表's 收入总计 also counts money that is not 财政拨款 (事业收入 …).
    const b = name === '收入总计' ? undefined : theirs.get(name);
    if (!b) continue;
    const blankA = isBlank(a);
    const blankB = isBlank(b);
    if (blankA !== blankB && !(blankA ? b : a).value.isZero()) {
      outcome.checksRun += 1;
      const [filled, empty] = blankA ? [b, a] : [a, b];
      outcome.findings.push({
        rule: 'cross.blank-line',
        severity: 'warning',
        message: `「${name}」：《${filled.table.title}》为 ${filled.value.toString()}${filled.table.unit ?? ''}，《${empty.table.title}》此行空白（两表应一致，空白可能表示漏填）。`,
        location: empty.refs[0]!,
        related: filled.refs,
      });
      continue;
    }
    finding('cross.income', `财政拨款收入「${name}」`, a, b, outcome);
  }
}

export function checkCrossIncome(tables: readonly TableModel[]): CheckOutcome {
  const outcome = emptyOutcome();
  const withUnit = tables.filter((t) => t.unit);
  const first = (kind: TableKind): TableModel | undefined => withUnit.find((t) => t.kind === kind);
  const incomeSummary = first('income-expense-summary');
  const income = first('income-summary');
  if (incomeSummary && income) checkIncome(incomeSummary, income, outcome);
  const fiscal = first('fiscal-summary');
  if (incomeSummary && fiscal) checkFiscalIncome(incomeSummary, fiscal, outcome);
  return outcome;
}

export const crossIncomeCheck: DocumentCheck = {
  name: 'cross-income',
  scope: 'document',
  rules: ['cross.income', 'cross.blank-line'],
  run: (context) => checkCrossIncome(context.tables),
};
