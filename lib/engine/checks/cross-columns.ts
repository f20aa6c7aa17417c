import { compactText } from '../amount/normalize';
import { convert } from '../amount/units';
import type { ColumnInfo } from '../table/columns';
import type { TableKind } from '../document/table-kinds';
import type { PanelModel, TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import type { Fact } from './cross-facts';
import { fact, finding, grandTotal, leaf } from './cross-facts';

/**
 * The column identities between the expenditure tables (rulebook §3.3):
 * - X-B-02 / 000-01: when the 一般公共预算支出表 carries all of the 支出总表's money (same 合计),
 *   its 基本支出 and 项目支出 are the 支出总表's;
 * - X-B-05 / X-D-05: the 一般公共预算(财政拨款)支出表's 基本支出 is the 基本支出表's 合计, and
 *   人员经费 / 公用经费 likewise (a 决算 that lacks 公开05 is compared with 公开03, as a note only);
 * - X-D-07 / 002-18: a 项 paid from 基本支出 that has one economic 款 (2080505 ↔ 30108,
 *   2080506 ↔ 30109, 2101103 ↔ 30111, 2210201 ↔ 30113) carries that 款's amount, a warning at
 *   most because one 项 can carry several 款;
 * - X-B-06 / X-D-06: 30212, 30217, 30231, 31013 do not exceed the 三公 table's items.
 */

const TOTAL_LABEL = /^(?:本年支出)?(?:合计|总计)$|^本年支出合计$/;

function top(column: ColumnInfo): string {
  return compactText(column.path[0]?.label ?? '');
}

function totalColumn(panel: PanelModel): ColumnInfo | undefined {
  return panel.amountColumns.find((c) => TOTAL_LABEL.test(leaf(c)) && (c.path.length === 1 || TOTAL_LABEL.test(top(c)) || !/基本|项目|人员|公用/.test(c.label))) ?? panel.amountColumns[0];
}

/** The group total of 基本支出 or 项目支出: the column itself, or its 小计/合计. */
function groupColumn(panel: PanelModel, group: RegExp): ColumnInfo | undefined {
  return panel.amountColumns.find((c) => group.test(top(c)) && (c.path.length === 1 || /^(?:小计|合计)$/.test(leaf(c))));
}

function leafColumn(panel: PanelModel, name: RegExp): ColumnInfo | undefined {
  return panel.amountColumns.find((c) => name.test(leaf(c)));
}

function sum(a: Fact, b: Fact, label: string): Fact {
  return { table: a.table, value: a.value.plus(b.value), decimals: Math.max(a.decimals, b.decimals), refs: [...a.refs, ...b.refs], label };
}

interface Split {
  total?: Fact;
  basic?: Fact;
  project?: Fact;
  personnel?: Fact;
  public?: Fact;
}

/** 合计 / 基本支出 / 项目支出 / 人员经费 / 公用经费 of a functional expenditure table's 合计 row. */
function expenditureSplit(table: TableModel): Split {
  for (const panel of table.panels) {
    const row = grandTotal(panel);
    if (!row) continue;
    const split: Split = {};
    const total = fact(table, row, totalColumn(panel), `合计·${totalColumn(panel)?.label ?? ''}`);
    if (total) split.total = total;
    const basic = fact(table, row, groupColumn(panel, /^基本支出/), '合计·基本支出');
    const project = fact(table, row, groupColumn(panel, /^项目支出|^专项业务经费/), '合计·项目支出');
    const personnel = fact(table, row, leafColumn(panel, /^人员经费(?:支出)?$/), '合计·人员经费');
    const publicCost = fact(table, row, leafColumn(panel, /^公用经费(?:支出)?$/), '合计·公用经费');
    if (basic) split.basic = basic;
    else if (personnel && publicCost) split.basic = sum(personnel, publicCost, '合计·人员经费+公用经费');
    if (project) split.project = project;
    if (personnel) split.personnel = personnel;
    if (publicCost) split.public = publicCost;
    if (split.total) return split;
  }
  return {};
}

/** 合计 / 人员经费 / 公用经费 of a 基本支出表: one 合计 row, or the footers of its 人员经费 and 公用经费 blocks (公开06). */
function basicTableSplit(table: TableModel): Split {
  if (table.panels.length === 1) {
    const panel = table.panels[0]!;
    const row = grandTotal(panel);
    if (!row) return {};
    const split: Split = {};
    const total = fact(table, row, totalColumn(panel), '合计');
    const personnel = fact(table, row, leafColumn(panel, /^人员经费(?:支出)?$/), '合计·人员经费');
    const publicCost = fact(table, row, leafColumn(panel, /^公用经费(?:支出)?$/), '合计·公用经费');
    if (total) split.basic = total;
    if (personnel) split.personnel = personnel;
    if (publicCost) split.public = publicCost;
    return split;
  }
  // Blocks side by side: each a 人员经费 or 公用经费 list with its own footer.
  let personnel: Fact | undefined;
  let publicCost: Fact | undefined;
  for (const panel of table.panels) {
    const column = panel.amountColumns[0];
    const row = panel.rows.find((r) => /^(?:人员经费|公用经费)合计$/.test(r.key)) ?? grandTotal(panel);
    if (!column || !row) continue;
    const which = /公用/.test(row.key) || /公用/.test(column.label) ? 'public' : /人员/.test(row.key) || /人员/.test(column.label) ? 'personnel' : null;
    const found = fact(table, row, column, which === 'public' ? '公用经费合计' : '人员经费合计');
    if (!found || !which) continue;
    if (which === 'public') publicCost = publicCost ? sum(publicCost, found, '公用经费合计') : found;
    else personnel = personnel ? sum(personnel, found, '人员经费合计') : found;
  }
  const split: Split = {};
  if (personnel) split.personnel = personnel;
  if (publicCost) split.public = publicCost;
  if (personnel && publicCost) split.basic = sum(personnel, publicCost, '人员经费合计+公用经费合计');
  return split;
}

function sameAmount(a: Fact | undefined, b: Fact | undefined): boolean {
  if (!a || !b || a.table.unit !== b.table.unit) return false;
  return a.value.equals(b.value);
}

/** X-B-02 with the 一般公共预算支出表 standing for all money (000-01 (e)). */
function checkGeneralAgainstSummary(general: TableModel, summary: TableModel, outcome: CheckOutcome): void {
  const g = expenditureSplit(general);
  const s = expenditureSplit(summary);
  if (!sameAmount(g.total, s.total)) return;
  if (g.basic && s.basic) finding('cross.columns', '基本支出合计（一般公共预算支出即全部支出）', g.basic, s.basic, outcome);
  if (g.project && s.project) finding('cross.columns', '项目支出合计（一般公共预算支出即全部支出）', g.project, s.project, outcome);
}

/** X-B-05 / X-D-05: 基本支出 of the functional table = the 基本支出表. */
function checkBasic(functional: TableModel, basic: TableModel, outcome: CheckOutcome, stand_in: boolean): void {
  const f = expenditureSplit(functional);
  const b = basicTableSplit(basic);
  const options = stand_in ? { cap: 'info' as const, note: '（未公开一般公共预算支出表，以支出总表代替；两表口径不同时可能不一致。）' } : {};
  if (b.basic && f.basic) finding('cross.basic', '基本支出合计', b.basic, f.basic, outcome, options);
  if (b.personnel && f.personnel) finding('cross.basic', '人员经费合计', b.personnel, f.personnel, outcome, options);
  if (b.public && f.public) finding('cross.basic', '公用经费合计', b.public, f.public, outcome, options);
}

/** 项 that one economic 款 pays for in full (rulebook X-D-07); soft: a 项 may carry several 款. */
const ITEM_ECONOMIC: ReadonlyArray<readonly [string, string]> = [
  ['2080505', '30108'],
  ['2080506', '30109'],
  ['2101103', '30111'],
  ['2210201', '30113'],
];

function economicByCode(table: TableModel): Map<string, Fact> {
  const result = new Map<string, Fact>();
  for (const panel of table.panels) {
    const column = panel.amountColumns[0];
    if (!column) continue;
    for (const row of panel.rows) {
      if (row.code?.kind !== 'economic' || result.has(row.code.code)) continue;
      const value = fact(table, row, column, `${row.code.code} ${row.label}`);
      if (value) result.set(row.code.code, value);
    }
  }
  return result;
}

function checkItemsAgainstEconomic(functional: TableModel, basic: TableModel, final: boolean, outcome: CheckOutcome): void {
  const economic = economicByCode(basic);
  for (const panel of functional.panels) {
    const column = groupColumn(panel, /^基本支出/) ?? leafColumn(panel, /^人员经费(?:支出)?$/);
    if (!column) continue;
    for (const [item, section] of ITEM_ECONOMIC) {
      const row = panel.rows.find((r) => r.code?.code === item);
      const other = economic.get(section);
      if (!row || !other) continue;
      const mine = fact(functional, row, column, `${item} ${row.label}·${column.label}`);
      if (!mine || mine.value.isZero()) continue;
      // The rulebook states this pairing for final accounts (X-D-07); in a budget it is a note.
      finding('cross.item-economic', `功能科目 ${item}「${row.label}」与经济科目 ${section}`, mine, other, outcome, {
        cap: final ? 'warning' : 'info',
        note: '通常应一致（一个项也可能列支多个经济科目，请核实）。',
      });
    }
    return;
  }
}

/** X-B-06 / X-D-06: an economic line of basic expenditure never exceeds its 三公 item. */
const THREE_PUBLIC_BOUNDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['30212', /因公出国/],
  ['30217', /公务接待/],
  ['30231', /(?:公务用车)?运行(?:维护)?费/],
  ['31013', /(?:公务用车)?购置费/],
];

function threePublicItems(table: TableModel, final: boolean): Map<string, Fact> {
  const result = new Map<string, Fact>();
  // The blocks may come as one panel or as one panel each (预算数 | 决算数 side by side).
  const cells: Array<{ row: BodyRow; column: ColumnInfo }> = [];
  for (const panel of table.panels) {
    const row = grandTotal(panel) ?? panel.rows.find((r) => r.role === 'total') ?? (panel.rows.length === 1 ? panel.rows[0] : undefined);
    if (row) for (const column of panel.amountColumns) cells.push({ row, column });
  }
  // Two blocks (预算数 / 决算数, 上年 / 本年): the 决算数 block, or this year's, or the last one.
  const tops = [...new Set(cells.map((c) => top(c.column)))].filter((t) => /预算|决算|年/.test(t));
  const block = tops.length > 1 ? ((final ? tops.find((t) => /决算/.test(t)) : tops.find((t) => /本年/.test(t))) ?? tops.at(-1)) : undefined;
  const chosen = block ? cells.filter((c) => top(c.column) === block) : cells;
  for (const [code, name] of THREE_PUBLIC_BOUNDS) {
    const cell = chosen.find((c) => name.test(leaf(c.column)) && !/小计|合计/.test(leaf(c.column)));
    const found = cell ? fact(table, cell.row, cell.column, cell.column.label) : null;
    if (found) result.set(code, found);
  }
  return result;
}

function checkThreePublicBounds(threePublic: TableModel, basic: TableModel, final: boolean, outcome: CheckOutcome): void {
  const items = threePublicItems(threePublic, final);
  if (items.size < 2) return;
  const economic = economicByCode(basic);
  for (const [code, bound] of items) {
    const line = economic.get(code);
    if (!line) continue;
    outcome.checksRun += 1;
    // Both tables carry a unit (only those are compared), so the line converts exactly into the bound's.
    const converted = convert(line.value, line.table.unit!, bound.table.unit!);
    if (converted.lessThanOrEqualTo(bound.value)) {
      outcome.passed += 1;
      continue;
    }
    const unit = bound.table.unit ?? '';
    outcome.findings.push({
      rule: 'cross.three-public',
      severity: 'warning',
      message: `经济科目 ${line.label} ${converted.toString()}${unit} 超过《${threePublic.title}》的「${bound.label}」${bound.value.toString()}${unit}：基本支出中的该项不应超过“三公”经费。`,
      expected: bound.value.toString(),
      actual: converted.toString(),
      difference: converted.minus(bound.value).toString(),
      unit,
      location: line.refs[0]!,
      related: bound.refs,
    });
  }
}

export function checkCrossColumns(tables: readonly TableModel[]): CheckOutcome {
  const outcome = emptyOutcome();
  const withUnit = tables.filter((t) => t.unit);
  const first = (kind: TableKind): TableModel | undefined => withUnit.find((t) => t.kind === kind);
  const general = first('general-expense');
  const summary = first('expense-summary');
  const basic = first('general-basic-expense');
  const threePublic = first('three-public');
  const final = [basic, general, summary].some((t) => /决算/.test(t?.title ?? ''));
  if (general && summary) checkGeneralAgainstSummary(general, summary, outcome);
  if (basic && (general ?? summary)) {
    checkBasic(general ?? summary!, basic, outcome, !general);
    checkItemsAgainstEconomic(general ?? summary!, basic, final, outcome);
  }
  if (basic && threePublic) checkThreePublicBounds(threePublic, basic, final || /决算/.test(threePublic.title), outcome);
  return outcome;
}

export const crossColumnsCheck: DocumentCheck = {
  name: 'cross-columns',
  scope: 'document',
  rules: ['cross.columns', 'cross.basic', 'cross.item-economic', 'cross.three-public'],
  run: (context) => checkCrossColumns(context.tables),
};
