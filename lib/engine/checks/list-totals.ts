import Decimal from 'decimal.js';
import type { PanelModel, TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { EnumeratorStyle } from '../table/enumerators';
import type { CheckOutcome, TableCheck } from './types';
import { emptyOutcome } from './types';
import { recordSum } from './sum-identity';
import type { SumIdentity, Term } from './sum-identity';
import { topLevelIndices } from './nesting';
import { isThreePublicRowLayout } from './three-public';

/**
 * Total rows of lists without classification codes (rulebook B-T1-01/03/04, D-01-1/2/4):
 * numbered lists ("一、", "（一）", "1、", "(1)") give the hierarchy — 本年收入合计 = Σ top-level
 * lines, a numbered line = Σ its numbered sub-lines, 收入总计 = 本年收入合计 + the lines between
 * them; plain lists: 合计 = Σ items (小计 rows when present), nested rows detected by their sums.
 */
export const listTotalsCheck: TableCheck = {
  name: 'list-totals',
  scope: 'table',
  rules: ['sum.rows', 'sum.blank-total'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    for (const panel of table.panels) {
      const coded = panel.rows.filter((r) => r.code).length;
      if (coded >= 2) continue;
      if (isThreePublicRowLayout(table, panel)) continue;
      const numbered = panel.rows.filter((r) => r.enumerator).length;
      if (numbered >= 2) checkNumbered(table, panel, outcome);
      else checkPlain(table, panel, outcome);
    }
    return outcome;
  },
};

function term(row: BodyRow, col: number): Term {
  return { row: row.row, col, value: row.values.get(col) ?? { kind: 'blank', raw: '' }, label: row.label };
}

function each(table: TableModel, panel: PanelModel, outcome: CheckOutcome, make: (col: number, colLabel: string) => Omit<SumIdentity, 'table'> | null): void {
  for (const column of panel.amountColumns) {
    const identity = make(column.index, column.label);
    if (identity) recordSum({ ...identity, table }, outcome);
  }
}

function checkNumbered(table: TableModel, panel: PanelModel, outcome: CheckOutcome): void {
  const rows = panel.rows;
  const levels = new Map<EnumeratorStyle, number>();
  for (const row of rows) if (row.enumerator && !levels.has(row.enumerator)) levels.set(row.enumerator, levels.size);
  const level = (row: BodyRow): number | null => (row.enumerator ? levels.get(row.enumerator)! : null);

  // Totals: the first total of a block sums the top-level lines above it (or below it when it
  // heads the list); a later total (收入总计) = the previous total + the lines in between.
  let blockStart = 0;
  let previousTotal: BodyRow | null = null;
  rows.forEach((row, index) => {
    if (row.role !== 'total') return;
    if (previousTotal) {
      // Numbered lines right after an unnumbered one (年初结转和结余 → 一、二、三、) are its
      // breakdown, not further lines of the total.
      const lines = rows.slice(rows.indexOf(previousTotal) + 1, index).filter((r) => r.role !== 'of-which');
      const firstLoose = lines.findIndex((r) => level(r) === null);
      const between = lines.filter((r, i) => firstLoose < 0 || i <= firstLoose || level(r) === null);
      const prior = previousTotal;
      each(table, panel, outcome, (col) => ({
        rule: 'sum.rows',
        total: term(row, col),
        addends: [prior, ...between].map((r) => term(r, col)),
        totalName: `「${row.label}」`,
      }));
    } else {
      let candidates = rows.slice(blockStart, index);
      if (candidates.length === 0) {
        const end = rows.findIndex((r, i) => i > index && r.role === 'total');
        candidates = rows.slice(index + 1, end < 0 ? rows.length : end);
      }
      const top = candidates.filter((r) => level(r) === 0);
      if (top.length) {
        each(table, panel, outcome, (col) => ({
          rule: 'sum.rows',
          total: term(row, col),
          addends: top.map((r) => term(r, col)),
          totalName: `「${row.label}」`,
          sumName: '各项之和',
        }));
      }
    }
    previousTotal = row;
    blockStart = index + 1;
  });

  // A numbered line = Σ its numbered sub-lines; or, when it has none, Σ the unnumbered lines
  // right under it — an inferred structure, so never more than a warning.
  rows.forEach((row, index) => {
    const own = level(row);
    if (own === null) return;
    const numberedChildren: BodyRow[] = [];
    const loose: BodyRow[] = [];
    for (let j = index + 1; j < rows.length; j += 1) {
      const next = rows[j]!;
      // A gap row or a 小计/合计 line ends the lines that could belong to this one.
      if (next.role === 'total' || next.role === 'subtotal' || !next.label || /小计|合计|总计/.test(next.label)) break;
      const nextLevel = level(next);
      if (nextLevel !== null && nextLevel <= own) break;
      if (nextLevel === own + 1) numberedChildren.push(next);
      else if (nextLevel === null && numberedChildren.length === 0) loose.push(next);
    }
    if (numberedChildren.length) {
      each(table, panel, outcome, (col) => ({
        rule: 'sum.rows',
        total: term(row, col),
        addends: numberedChildren.map((r) => term(r, col)),
        totalName: `「${row.label}」`,
      }));
    } else if (loose.length && !(loose.length === 1 && loose[0]!.role === 'of-which')) {
      // A single "其中" line is a subset of its parent, not a breakdown: nothing to add up.
      // Labels in successive columns give the levels: only the shallowest rows are this line's parts.
      const shallowest = Math.min(...loose.map((r) => r.labelColumn ?? Infinity));
      const parts = loose.filter((r) => (r.labelColumn ?? shallowest) === shallowest);
      each(table, panel, outcome, (col) => {
        const values = parts.map((r) => r.values.get(col));
        if (!values.some((v) => v?.kind === 'number')) return null;
        const kept = topLevelIndices(values).map((i) => parts[i]!);
        return {
          rule: 'sum.rows',
          total: term(row, col),
          addends: kept.map((r) => term(r, col)),
          totalName: `「${row.label}」`,
          maxSeverity: 'warning',
          note: '下级行未编号，按其紧随的各行相加，层级可能有误。',
        };
      });
    }
  });
}

function sameValue(a: BodyRow, b: BodyRow, col: number): boolean {
  const x = a.values.get(col);
  const y = b.values.get(col);
  return x?.kind === 'number' && y?.kind === 'number' && x.value.equals(y.value);
}

function sums(total: BodyRow, rows: BodyRow[], col: number): boolean {
  const t = total.values.get(col);
  if (t?.kind !== 'number') return false;
  let sum = new Decimal(0);
  for (const row of rows) {
    const v = row.values.get(col);
    if (v?.kind === 'number') sum = sum.plus(v.value);
    else if (v?.kind === 'text') return false;
  }
  return sum.equals(t.value);
}

function checkPlain(table: TableModel, panel: PanelModel, outcome: CheckOutcome): void {
  const rows = panel.rows;
  const totals = rows.filter((r) => r.role === 'total');
  if (totals.length !== 1) return;
  const total = totals[0]!;
  const index = rows.indexOf(total);
  const span = index === 0 ? rows.slice(1) : rows.slice(0, index);
  const subtotals = span.filter((r) => r.role === 'subtotal');
  const items = subtotals.length ? subtotals : span.filter((r) => r.role === 'item');
  if (!items.length) return;
  each(table, panel, outcome, (col) => {
    let kept = subtotals.length ? items : topLevelIndices(items.map((r) => r.values.get(col))).map((i) => items[i]!);
    // Unmarked unit rows repeat the total down a chain (部门 → 单位 → its one line): when the list
    // only adds up with such runs of equal amounts read as one, that is the structure.
    if (!subtotals.length && !sums(total, kept, col)) {
      const collapsed = kept.filter((row, i) => i === 0 || !sameValue(row, kept[i - 1]!, col));
      if (collapsed.length < kept.length && sums(total, collapsed, col)) kept = collapsed;
    }
    return {
      rule: 'sum.rows',
      total: term(total, col),
      addends: kept.map((r) => term(r, col)),
      totalName: `「${total.label}」`,
      sumName: subtotals.length ? '各小计之和' : '各项之和',
    };
  });
}
