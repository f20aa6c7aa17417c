import { compactText } from '../amount/normalize';
import type { TableKind } from '../document/table-kinds';
import type { PanelModel, TableModel } from '../table/model';
import type { ColumnInfo } from '../table/columns';
import type { BodyRow } from '../table/rows';
import { functionClassByName } from '../document/function-classes';
import { nameKey } from '../narrative/bind';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import type { RuleId } from './catalogue';
import type { Fact } from './cross-facts';
import { finding, ref, valueAt } from './cross-facts';

/**
 * Tables that must agree with each other (rulebook §3.3): the 收支总表's 功能类 amounts are the
 * 支出总表's 类 amounts (X-B-03, X-D-02), its 本年支出合计 is the 支出总表's 合计 (X-B-02), and the
 * economic lines of a basic-expenditure detail table are those of the 一般公共预算基本支出表
 * (X-B-05: 维修(护)费 0.20 vs 0.30). The same figure in two tables is exact; 0.01 is rounding
 * between 元 and 万元 renderings; the amounts are converted exactly between units.
 */
/** 功能类 → amount, from a 收支总表 panel whose rows are named after the classes. */
function classesByName(table: TableModel, pick: (panel: PanelModel) => ColumnInfo | undefined = (p) => p.amountColumns[0]): Map<string, Fact> {
  for (const panel of table.panels) {
    const column = pick(panel);
    if (!column) continue;
    const found = new Map<string, Fact>();
    for (const row of panel.rows) {
      const code = functionClassByName(nameKey(row.key));
      const value = code ? valueAt(row, column.index) : null;
      // A stale name left blank beside the current one (003-08: 医疗卫生与计划生育 and 卫生健康) yields to the row with the amount.
      const previous = code ? found.get(code) : undefined;
      if (code && value && (!previous || (previous.value.isZero() && !value.value.isZero()))) found.set(code, { table, ...value, refs: [ref(table, row, column.index, row.label)], label: row.label });
    }
    if (found.size >= 2) return found;
  }
  return new Map();
}

/** 功能类 → amount, from the coded rows of a 支出总表 (class rows, or their 款/项 rows added up). */
function classesByCode(table: TableModel): Map<string, Fact> {
  const result = new Map<string, Fact>();
  for (const panel of table.panels) {
    const column = panel.amountColumns[0];
    if (!column) continue;
    const coded = panel.rows.filter((r) => r.code?.kind === 'function');
    if (!coded.length) continue;
    const codes = new Set(coded.map((r) => r.code!.code));
    for (const row of coded) {
      const code = row.code!.code;
      // Only rows whose parent is not listed: the class row itself, or the top of an only-项 listing.
      if (code.length > 3 && (codes.has(code.slice(0, 3)) || (code.length === 7 && codes.has(code.slice(0, 5))))) continue;
      const value = valueAt(row, column.index);
      if (!value) continue;
      const cls = code.slice(0, 3);
      const previous = result.get(cls);
      const label = `${code} ${row.label}`;
      result.set(cls, previous
        ? { ...previous, value: previous.value.plus(value.value), decimals: Math.max(previous.decimals, value.decimals), refs: [...previous.refs, ref(table, row, column.index, label)] }
        : { table, ...value, refs: [ref(table, row, column.index, label)], label });
    }
    if (result.size) return result;
  }
  return result;
}

function missing(rule: RuleId, subject: string, present: Fact, absentFrom: TableModel, outcome: CheckOutcome): void {
  outcome.checksRun += 1;
  outcome.findings.push({
    rule,
    severity: 'error',
    message: `${subject}：《${present.table.title}》列 ${present.value.toString()}${present.table.unit ?? ''}，《${absentFrom.title}》却没有这一类（应一致）。`,
    expected: '0',
    actual: present.value.toString(),
    difference: present.value.toString(),
    unit: present.table.unit ?? '',
    location: present.refs[0]!,
    related: [],
  });
}

function checkClasses(summary: TableModel, detail: TableModel, outcome: CheckOutcome, byName = classesByName(summary), what = ''): void {
  const byCode = classesByCode(detail);
  if (byName.size < 2 || !byCode.size) return;
  for (const code of new Set([...byName.keys(), ...byCode.keys()])) {
    const a = byName.get(code);
    const b = byCode.get(code);
    const subject = `功能分类 ${code} 类${what}`;
    if (a && b) finding('cross.classes', subject, a, b, outcome);
    else if (b && !b.value.isZero()) missing('cross.classes', subject, b, summary, outcome);
  }
}

/**
 * The 一般公共预算 column of the 财政拨款收支总表's expenditure side: its 小计 when it has one
 * (the 其中:财政拨款 beside it is a part), or the column named for it ("一般公共预算财政拨款").
 */
function generalColumn(panel: PanelModel): ColumnInfo | undefined {
  const leafOf = (c: ColumnInfo): string => compactText(c.path.at(-1)?.label ?? '');
  const columns = panel.amountColumns.filter((c) => c.path.some((p) => /一般公共预算/.test(compactText(p.label))) && !leafOf(c).startsWith('其中'));
  return columns.find((c) => /^(?:小计|合计)$/.test(leafOf(c))) ?? columns.find((c) => /一般公共预算/.test(leafOf(c)));
}

/** X-B-04 / X-D-03: the 财政拨款收支总表's 一般公共预算 column per 类 is the 一般公共预算支出表's 类 rows. */
function checkFiscalGeneral(fiscal: TableModel, general: TableModel, outcome: CheckOutcome): void {
  const byName = classesByName(fiscal, generalColumn);
  checkClasses(fiscal, general, outcome, byName, '（一般公共预算）');
}

function totalRow(panel: PanelModel): BodyRow | undefined {
  return panel.rows.find((r) => r.role === 'total' && /^(合计|总计)$/.test(r.key)) ?? panel.rows.find((r) => r.role === 'total');
}

/** Economic line name → amount: from the rows of a coded table, or the columns of a one-row detail table. */
function economicLines(table: TableModel): Map<string, Fact> {
  const result = new Map<string, Fact>();
  const ambiguous = new Set<string>();
  // A name listed twice (医疗费 under 301 and under 303) says nothing on its own.
  const put = (name: string, fact: Fact): void => {
    const previous = result.get(name);
    if (previous && !previous.value.equals(fact.value)) ambiguous.add(name);
    else if (!previous) result.set(name, fact);
  };
  for (const panel of table.panels) {
    const coded = panel.rows.filter((r) => r.code?.kind === 'economic' && r.code.level === 2);
    const column = panel.amountColumns[0];
    if (coded.length && column) {
      for (const row of coded) {
        const value = valueAt(row, column.index);
        if (value) put(nameKey(row.key), { table, ...value, refs: [ref(table, row, column.index, `${row.code!.code} ${row.label}`)], label: row.label });
      }
      continue;
    }
    const total = totalRow(panel) ?? (panel.rows.length === 1 ? panel.rows[0] : undefined);
    if (!total) continue;
    for (const column of panel.amountColumns) {
      const name = compactText(column.path.at(-1)?.label ?? '');
      if (!name || /合计|总计|小计/.test(name)) continue;
      const value = valueAt(total, column.index);
      if (value && !value.value.isZero()) put(nameKey(name), { table, ...value, refs: [ref(table, total, column.index, name)], label: name });
    }
  }
  for (const name of ambiguous) result.delete(name);
  return result;
}

function checkEconomicLines(detail: TableModel, basic: TableModel, outcome: CheckOutcome): void {
  const lines = economicLines(detail);
  const reference = economicLines(basic);
  for (const [name, fact] of lines) {
    const other = reference.get(name);
    if (!other || fact.value.isZero()) continue;
    finding('cross.economic', `经济分类「${fact.label}」`, fact, other, outcome);
  }
}

function checkTotals(summary: TableModel, detail: TableModel, outcome: CheckOutcome): void {
  const expensePanels = summary.panels.filter((p) => p.rows.some((r) => r.key === '本年支出合计'));
  const detailPanel = detail.panels[0];
  const detailTotal = detailPanel ? totalRow(detailPanel) : undefined;
  const detailColumn = detailPanel?.amountColumns[0];
  if (!expensePanels.length || !detailTotal || !detailColumn) return;
  const b = valueAt(detailTotal, detailColumn.index);
  const panel = expensePanels[0]!;
  const row = panel.rows.find((r) => r.key === '本年支出合计')!;
  const column = panel.amountColumns[0];
  const a = column ? valueAt(row, column.index) : null;
  if (!a || !b || !column) return;
  finding(
    'cross.totals',
    '本年支出合计',
    { table: summary, ...a, refs: [ref(summary, row, column.index, row.label)], label: row.label },
    { table: detail, ...b, refs: [ref(detail, detailTotal, detailColumn.index, `${detailTotal.label}·${detailColumn.label}`)], label: detailTotal.label },
    outcome,
  );
}

export function checkCrossTables(tables: TableModel[]): CheckOutcome {
  const outcome = emptyOutcome();
  const withUnit = tables.filter((t) => t.unit);
  const first = (kind: TableKind): TableModel | undefined => withUnit.find((t) => t.kind === kind);
  const summary = first('income-expense-summary');
  const detail = first('expense-summary');
  if (summary && detail) {
    checkClasses(summary, detail, outcome);
    checkTotals(summary, detail, outcome);
  }
  const fiscal = first('fiscal-summary');
  const general = first('general-expense');
  if (fiscal && general) checkFiscalGeneral(fiscal, general, outcome);
  const basic = first('general-basic-expense');
  if (basic) for (const table of withUnit.filter((t) => t.kind === 'basic-expense-detail')) checkEconomicLines(table, basic, outcome);
  return outcome;
}

export const crossTablesCheck: DocumentCheck = {
  name: 'cross-tables',
  scope: 'document',
  rules: ['cross.classes', 'cross.totals', 'cross.economic'],
  run: (context) => checkCrossTables(context.tables),
};
