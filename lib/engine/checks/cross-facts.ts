import Decimal from 'decimal.js';
import type { Unit } from '../amount/units';
import { convert } from '../amount/units';
import type { CellRef } from '../report/schema';
import { compactText } from '../amount/normalize';
import type { ColumnInfo } from '../table/columns';
import type { PanelModel, TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { CheckOutcome, FindingDraft } from './types';
import type { RuleId } from './catalogue';
import { cellRefAt } from './sum-identity';

/**
 * One figure of one table, and the comparison of two such figures across tables: the same
 * figure in two tables is exact; 0.01 is rounding between 元 and 万元 renderings; amounts are
 * converted exactly between units.
 */
export interface Fact {
  table: TableModel;
  value: Decimal;
  decimals: number;
  refs: CellRef[];
  label: string;
}

export function ref(table: TableModel, row: BodyRow, col: number, label: string): CellRef {
  return cellRefAt(table, row.row, col, label);
}

export function valueAt(row: BodyRow, col: number): { value: Decimal; decimals: number } | null {
  const cell = row.values.get(col);
  if (!cell || cell.kind === 'text') return null;
  return cell.kind === 'number' ? { value: cell.value, decimals: cell.decimals } : { value: new Decimal(0), decimals: 0 };
}

type Verdict = 'pass' | 'info' | 'error';

function compare(a: Fact, b: Fact): { verdict: Verdict; other: Decimal; difference: Decimal } {
  const unitA = a.table.unit as Unit;
  const other = convert(b.value, b.table.unit as Unit, unitA);
  const difference = a.value.minus(other);
  const size = difference.abs();
  if (size.isZero()) return { verdict: 'pass', other, difference };
  const ulp = unitA === '元' && b.table.unit === '元' ? new Decimal(0) : new Decimal(10).pow(-Math.max(a.decimals, 2));
  if (b.table.unit !== unitA && size.lessThanOrEqualTo(ulp.dividedBy(2))) return { verdict: 'pass', other, difference };
  if (size.lessThanOrEqualTo(ulp)) return { verdict: 'info', other, difference };
  return { verdict: 'error', other, difference };
}

/**
 * Compares one figure in two tables. `cap` lowers the severity of an identity that holds only
 * usually (a 项 carries several economic 款; a 支出总表 standing in for the missing 一般公共预算
 * table), and `note` says why in the message.
 */
export function finding(rule: RuleId, subject: string, a: Fact, b: Fact, outcome: CheckOutcome, options: { cap?: 'warning' | 'info'; note?: string } = {}): void {
  outcome.checksRun += 1;
  const compared = compare(a, b);
  const { other, difference } = compared;
  let verdict: Verdict | 'warning' = compared.verdict;
  if (verdict === 'pass') {
    outcome.passed += 1;
    return;
  }
  const capped = verdict === 'error' && options.cap !== undefined;
  if (capped) verdict = options.cap!;
  const unit = a.table.unit ?? '';
  const shownB = b.table.unit === a.table.unit ? '' : `（${b.value.toString()}${b.table.unit}）`;
  const draft: FindingDraft = {
    rule,
    severity: verdict,
    message:
      verdict === 'info' && !capped
        ? `${subject}：《${a.table.title}》${a.value.toString()} 与《${b.table.title}》${other.toString()}${shownB} 相差 ${difference.abs().toString()}，在尾数误差范围内。`
        : `${subject}：《${a.table.title}》${a.value.toString()}${unit} ≠ 《${b.table.title}》${other.toString()}${unit}${shownB}，差 ${difference.abs().toString()}${unit}，${options.note ?? '两表应一致。'}`,
    expected: other.toString(),
    actual: a.value.toString(),
    difference: difference.toString(),
    unit,
    location: a.refs[0]!,
    related: b.refs,
  };
  outcome.findings.push(draft);
}

/** The last header cell of a column, compacted: "基本支出/小计" → "小计". */
export function leaf(column: ColumnInfo): string {
  return compactText(column.path.at(-1)?.label ?? '');
}

/** The 合计 row: labelled so, or the unlabelled, uncoded row templates leave at the top or bottom. */
export function grandTotal(panel: PanelModel): BodyRow | undefined {
  const labelled = panel.rows.find((r) => r.role === 'total' && /^(?:合计|总计|本年支出合计)$/.test(r.key));
  if (labelled) return labelled;
  // "合计" printed in the code column.
  const inCode = panel.rows.find((r) => !r.key && r.malformedCode && /^(?:合计|总计)$/.test(compactText(r.malformedCode)));
  if (inCode) return inCode;
  const bare = (r: BodyRow | undefined): boolean => Boolean(r && !r.code && !r.malformedCode && !r.key && [...r.values.values()].some((v) => v.kind === 'number'));
  if (bare(panel.rows[0])) return panel.rows[0];
  if (bare(panel.rows.at(-1))) return panel.rows.at(-1);
  return undefined;
}

/** One cell of a row as a fact, or null when it holds text (or the column is missing). */
export function fact(table: TableModel, row: BodyRow, column: ColumnInfo | undefined, label: string): Fact | null {
  if (!column) return null;
  const value = valueAt(row, column.index);
  return value ? { table, ...value, refs: [ref(table, row, column.index, label)], label } : null;
}
