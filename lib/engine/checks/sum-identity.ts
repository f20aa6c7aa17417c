import Decimal from 'decimal.js';
import type { CellValue } from '../amount/parse';
import { amountOrZero } from '../amount/parse';
import { classify, quantumFor, sumTolerance } from '../amount/tolerance';
import type { Verdict } from '../amount/tolerance';
import { formatAmount, decimalString } from '../amount/format';
import type { CellRef } from '../report/schema';
import type { TableModel } from '../table/model';
import type { CheckOutcome, FindingDraft } from './types';
import type { RuleId } from './catalogue';

/** One cell taking part in an identity. */
export interface Term {
  row: number;
  col: number;
  value: CellValue;
  /** Human label: "行政运行" or "基本支出/小计". */
  label: string;
}

export interface SumIdentity {
  rule: RuleId;
  table: TableModel;
  total: Term;
  addends: Term[];
  /** How the total is called in the message, e.g. "合计" or "「基本支出」小计". */
  totalName: string;
  /** How the sum is called when the addends are too many to list, e.g. "各项之和". */
  sumName?: string;
  /** Cap for structures that are only inferred (unnumbered sub-rows): never above a warning. */
  maxSeverity?: 'warning' | 'info';
  /** Words appended to the message to explain the structure that was assumed. */
  note?: string;
}

const LIST_LIMIT = 6;

const tableDecimals = new WeakMap<TableModel, number>();

/**
 * The most decimals any amount of the table shows. A 元 table is exact only when it shows 分;
 * one printed in whole 元 was rounded from 分 and may be off by its own rounding bound.
 */
function decimalsShownIn(table: TableModel): number {
  let known = tableDecimals.get(table);
  if (known !== undefined) return known;
  known = 0;
  for (const row of table.grid.cells) {
    for (const cell of row) {
      const match = /^-?[\d,，]*[.．](\d{1,4})$/.exec(cell.text.trim());
      if (match) known = Math.max(known, match[1]!.length);
    }
  }
  tableDecimals.set(table, known);
  return known;
}

function decimalsOf(terms: Term[]): number {
  let decimals = 0;
  for (const term of terms) if (term.value.kind === 'number') decimals = Math.max(decimals, term.value.decimals);
  return decimals;
}

/** A reference to one grid position of a table, with the origin cell's anchor for the overlay. */
export function cellRefAt(table: TableModel, row: number, col: number, label: string): CellRef {
  const cell = table.grid.cells[row]?.[col];
  return {
    tableId: table.id,
    row,
    col,
    ...(table.page ? { page: table.page } : {}),
    ...(cell?.anchor ? { anchor: cell.anchor } : {}),
    label,
  };
}

export function cellRef(table: TableModel, term: Term): CellRef {
  return cellRefAt(table, term.row, term.col, term.label);
}

const SEVERITY_RANK: Record<Verdict, number> = { pass: 0, info: 1, warning: 2, error: 3 };

/**
 * Tests total = Σ addends with the computed rounding bound (rulebook §6.1) and, when it fails,
 * drafts a finding whose message shows the arithmetic. Blank cells count as exact zeros, so
 * only shown numbers count towards n. Returns nothing for identities with no number at all.
 */
export function checkSum(identity: SumIdentity, outcome: CheckOutcome): FindingDraft | null {
  const { table, total, addends } = identity;
  const totalValue = amountOrZero(total.value);
  const values = addends.map((a) => amountOrZero(a.value));
  if (totalValue === null || values.some((v) => v === null)) return null;
  const shown = addends.filter((a) => a.value.kind === 'number');
  if (total.value.kind !== 'number' && shown.length === 0) return null;

  const sum = values.reduce<Decimal>((acc, v) => acc.plus(v!), new Decimal(0));
  const decimals = decimalsOf([total, ...addends]);
  const unit = table.unit ?? '万元';
  const tolerance = sumTolerance(shown.length, quantumFor(unit, unit === '元' ? Math.max(decimals, decimalsShownIn(table)) : decimals));
  const difference = totalValue.minus(sum);
  let verdict = classify(difference, tolerance);
  outcome.checksRun += 1;
  if (verdict === 'pass') {
    outcome.passed += 1;
    return null;
  }
  // An empty total cell beside filled parts is a total left out, not a contradiction.
  const maxSeverity = identity.maxSeverity ?? (total.value.kind === 'blank' ? 'warning' : undefined);
  const capped = Boolean(maxSeverity && SEVERITY_RANK[verdict] > SEVERITY_RANK[maxSeverity]);
  if (capped) verdict = maxSeverity!;

  const grouped = [total, ...addends].some((t) => t.value.kind === 'number' && t.value.grouped);
  const fmt = (v: Decimal): string => formatAmount(v, decimals, grouped);
  const listed = addends.length <= LIST_LIMIT
    ? `${addends.map((a) => `${a.label} ${fmt(amountOrZero(a.value)!)}`).join(' + ')} = ${fmt(sum)}`
    : `${identity.sumName ?? '各项之和'} ${fmt(sum)}（${shown.length} 项有数）`;
  const diffText = fmt(difference.abs());
  const unitText = table.unit ?? '（单位未标明）';
  let tail: string;
  if (capped && total.value.kind === 'blank' && !identity.maxSeverity) {
    tail = `该栏为空而各分列有数，疑似漏填`;
  } else if (capped) {
    tail = `差 ${diffText}`;
  } else if (verdict === 'error') {
    tail = tolerance.hard.isZero()
      ? `差 ${diffText}，元表金额精确到分，应完全相等`
      : `差 ${diffText}，超出尾数误差上限 ${fmt(tolerance.hard)}`;
  } else if (verdict === 'warning') {
    tail = `差 ${diffText}，超出常见尾数误差 ${fmt(tolerance.practical)}，未超过理论上限 ${fmt(tolerance.hard)}，可能为尾数误差，请核对`;
  } else {
    tail = `差 ${diffText}，在尾数误差范围内（上限 ${fmt(tolerance.hard)}），可能为四舍五入所致`;
  }
  const relation = verdict === 'info' ? '与' : '≠';
  const message = `${identity.totalName} ${fmt(totalValue)} ${relation} ${listed}，${tail}。${identity.note ?? ''}`.trim();

  return {
    // A total left blank is its own fault (left out), whatever identity found it.
    rule: capped && total.value.kind === 'blank' && !identity.maxSeverity ? 'sum.blank-total' : identity.rule,
    severity: verdict,
    message: `${message}（单位：${unitText}）`,
    expected: decimalString(sum, decimals),
    actual: decimalString(totalValue, decimals),
    difference: decimalString(difference, decimals),
    tolerance: decimalString(verdict === 'error' ? tolerance.hard : tolerance.practical, decimals),
    unit: table.unit ?? '万元',
    location: cellRef(table, total),
    related: addends.map((a) => cellRef(table, a)),
  };
}

/** Runs checkSum and records a drafted finding in the outcome. */
export function recordSum(identity: SumIdentity, outcome: CheckOutcome): void {
  const finding = checkSum(identity, outcome);
  if (finding) outcome.findings.push(finding);
}
