import Decimal from 'decimal.js';
import { convert } from '../amount/units';
import type { AmountClaim, StatedAmount } from '../narrative/claims';
import type { PlacedClaim } from '../narrative/document-claims';
import type { CellFact } from '../narrative/bind';
import { factsNamed, levelSlips, resolveReference } from '../narrative/bind';
import type { CellRef } from '../report/schema';
import type { CheckOutcome, DocumentCheck, FindingDraft } from './types';
import type { TextBlock } from '../source';
import { emptyOutcome } from './types';
import { blockRef, textFinding, textRef } from './text-finding';
import { cellRefAt } from './sum-identity';

/**
 * The narrative against the tables (rulebook N-01, N-02, N-09, N-12): an amount the text states
 * for a named row — a function class, a 类/款/项 item of a 决算 explanation, a table line — must
 * be that row's amount, converted exactly between 元 and 万元, within the rounding of the text's
 * own decimals (§6.2, §6.3). Claims that bind to no row, or to rows that disagree, are counted as
 * not checked: never guessed.
 */
type DocKind = 'budget' | 'final' | 'unknown';

// Amounts about another period or stage than the tables show.
const OTHER_PERIOD: Record<DocKind, RegExp> = {
  budget: /上年|去年|决算|执行|实际/,
  final: /预算|上年|去年/,
  unknown: /上年|去年/,
};

interface Comparison {
  verdict: 'pass' | 'info' | 'error';
  table: Decimal;
  difference: Decimal;
}

export function compareAmount(text: StatedAmount, fact: CellFact): Comparison {
  const table = convert(fact.value, fact.unit, text.unit);
  const difference = text.value.minus(table);
  const size = difference.abs();
  const ulp = new Decimal(10).pow(-text.decimals);
  const half = ulp.dividedBy(2);
  const sameUnit = fact.unit === text.unit && text.decimals >= fact.decimals;
  // Converted amounts pass when the text shows them correctly rounded (half up); 15.95 for 15.955
  // or 12.71 for 12.71706 is a forced or truncated rounding: acceptable, but shown (§6.2).
  const rounded = table.toDecimalPlaces(text.decimals, Decimal.ROUND_HALF_UP);
  if (sameUnit ? size.isZero() : text.value.equals(rounded) || (size.lessThan(half) && !size.isZero() && text.decimals < 2)) return { verdict: 'pass', table, difference };
  if (size.lessThanOrEqualTo(ulp)) return { verdict: 'info', table, difference };
  return { verdict: 'error', table, difference };
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** 1461.88 vs 1641.88: the same digits in another order (rulebook N-12). */
export function isTransposition(a: Decimal, b: Decimal): boolean {
  const x = digits(a.toFixed(2));
  const y = digits(b.toFixed(2));
  return x !== y && x.length === y.length && [...x].sort().join('') === [...y].sort().join('');
}

function cellOf(fact: CellFact): CellRef {
  return cellRefAt(fact.table, fact.row.row, fact.col, `${fact.row.code ? `${fact.row.code.code} ` : ''}${fact.row.label}`);
}

function where(fact: CellFact): string {
  return `《${fact.table.title || fact.table.id}》「${fact.row.label}」`;
}

function amountFinding(placed: PlacedClaim, stated: StatedAmount, subject: string, fact: CellFact, comparison: Comparison, extra = ''): FindingDraft {
  const fmtTable = comparison.table.toFixed(Math.max(2, stated.decimals)).replace(/\.?0+$/, (m) => (m.startsWith('.') ? '' : m));
  const tableShown = `${fact.value.toFixed(fact.decimals)}${fact.unit}`;
  const converted = fact.unit === stated.unit ? '' : `（${tableShown} = ${comparison.table.toString()}${stated.unit}）`;
  const transposed = comparison.verdict === 'error' && isTransposition(stated.value, comparison.table) ? `；数字相同而顺序不同，疑似位数颠倒（${stated.value.toString()} ↔ ${fmtTable}）` : '';
  // N-02: the figure is the table's own, but in another unit ("12.71 元" for a 12.71 万元 cell).
  const wrongUnit = comparison.verdict === 'error' && fact.unit !== stated.unit && stated.value.equals(fact.value) ? `；数值与表中 ${tableShown} 相同而单位不同，疑似单位写错` : '';
  const message =
    comparison.verdict === 'info'
      ? `文中「${subject}」${stated.raw} 与表中${where(fact)} ${fmtTable}${stated.unit}${converted} 相差 ${comparison.difference.abs().toString()}，在尾数误差范围内。${extra}`
      : `文中「${subject}」${stated.raw} ≠ 表中${where(fact)} ${fmtTable}${stated.unit}${converted}，差 ${comparison.difference.abs().toString()}${stated.unit}${transposed}${wrongUnit}。${extra}`;
  return {
    ...textFinding(placed, {
      rule: wrongUnit ? 'text.unit' : 'text.amount',
      severity: comparison.verdict === 'info' ? 'info' : 'error',
      message,
      expected: comparison.table.toString(),
      actual: stated.value.toString(),
      difference: comparison.difference.toString(),
      unit: stated.unit,
    }),
    related: [cellOf(fact)],
  };
}

/** Compares one stated amount with the facts it binds to; returns false when it binds to none. */
function checkAgainst(placed: PlacedClaim, stated: StatedAmount, subject: string, facts: CellFact[], outcome: CheckOutcome, extra = ''): boolean {
  if (!facts.length) return false;
  const comparisons = facts.map((fact) => ({ fact, comparison: compareAmount(stated, fact) }));
  outcome.checksRun += 1;
  const pass = comparisons.find((c) => c.comparison.verdict === 'pass');
  if (pass) {
    outcome.passed += 1;
    outcome.confirmed.push({ rule: 'text.amount', message: `「${subject}」${stated.raw} 与表中${where(pass.fact)}一致`, location: textRef(placed) });
    return true;
  }
  const info = comparisons.find((c) => c.comparison.verdict === 'info');
  const values = new Set(comparisons.map((c) => c.comparison.table.toString()));
  if (!info && values.size > 1) {
    // The subject names rows that disagree with each other: which one the text means is unknown.
    outcome.checksRun -= 1;
    return false;
  }
  const chosen = info ?? comparisons[0]!;
  outcome.findings.push(amountFinding(placed, stated, subject, chosen.fact, chosen.comparison, extra));
  return true;
}

export function checkTextAgainstTables(claims: PlacedClaim[], facts: CellFact[], docKind: DocKind, allBlocks: TextBlock[]): CheckOutcome {
  const outcome = emptyOutcome();
  let unbound = 0;
  const blocks = allBlocks;
  const covered = new Set<PlacedClaim['claim']>();

  // 决算 五(三): "X（类）Y（款）Z（项）" then "年初预算为A，支出决算为B …" in the same or the next block.
  for (const placed of claims) {
    if (placed.claim.kind !== 'completion' || !placed.claim.actual) continue;
    const at = blocks.indexOf(placed.block);
    const candidates = [placed.block, blocks[at - 1]].filter(Boolean);
    let reference = null;
    for (const block of candidates) {
      reference = resolveReference(block!.text, facts);
      if (reference) break;
    }
    if (!reference) continue;
    for (const c of claims) if (c.block === placed.block && c.claim.kind === 'amount' && c.claim.start >= placed.claim.start && c.claim.end <= placed.claim.end) covered.add(c.claim);
    if (reference.resolved) {
      const actual = placed.claim.actual;
      const budget = placed.claim.budget;
      const fact = reference.resolved[0]!;
      const versus =
        budget && placed.claim.comparison
          ? (() => {
              const table = convert(fact.value, fact.unit, actual.unit);
              const truth = table.greaterThan(budget.value) ? '大于' : table.lessThan(budget.value) ? '小于' : '等于';
              const said = { greater: '大于', less: '小于', equal: '等于' }[placed.claim.comparison];
              return truth !== said ? `按表中决算数，决算数应“${truth}”年初预算数 ${budget.raw}，文中却写“${said}”。` : '';
            })()
          : '';
      // Point at "支出决算为1104.49万元" itself rather than the whole sentence.
      const actualClaim = claims.find((c) => c.block === placed.block && c.claim.kind === 'amount' && c.claim.start >= placed.claim.start && c.claim.amount.raw === actual.raw && /决算/.test(c.claim.subject));
      checkAgainst(actualClaim ?? placed, actual, `${reference.names[2]}（项）支出决算`, reference.resolved, outcome, versus);
    } else if (reference.failedLevel !== 'class' && reference.available?.length) {
      const level = reference.failedLevel === 'section' ? '款' : '项';
      const name = reference.failedLevel === 'section' ? reference.names[1] : reference.names[2];
      outcome.checksRun += 1;
      outcome.findings.push(
        textFinding(placed, {
          rule: 'text.label',
          severity: 'warning',
          message: `文中「${reference.names.join('」「')}」的「${name}（${level}）」在表中找不到；表中对应的${level}为：${reference.available.join('、')}。`,
        }),
      );
    }
  }

  const byName = emptyOutcome();
  for (const placed of claims) {
    if (placed.claim.kind !== 'amount' || covered.has(placed.claim)) continue;
    const claim = placed.claim as AmountClaim;
    if (claim.amount.value.isNegative()) continue;
    // Another period or stage than the tables show is skipped, unless a table column is named for it (年初预算数).
    const named = factsNamed(facts, claim.subject).filter((f) => !OTHER_PERIOD[docKind].test(claim.subject) || OTHER_PERIOD[docKind].test(f.name));
    if (!checkAgainst(placed, claim.amount, claim.subject, named, byName)) unbound += 1;
  }
  // A name the text gives to several different amounts that all miss the same cell ("项目支出 79 万元",
  // "项目支出 90 万元" … one per project) is too generic to bind: those are not checked, not errors.
  const missesByCell = new Map<string, Set<string>>();
  for (const finding of byName.findings) {
    if (finding.severity !== 'error') continue;
    const key = JSON.stringify(finding.related[0] ?? null);
    missesByCell.set(key, (missesByCell.get(key) ?? new Set()).add(finding.actual ?? ''));
  }
  for (const finding of byName.findings) {
    const generic = finding.severity === 'error' && (missesByCell.get(JSON.stringify(finding.related[0] ?? null))?.size ?? 0) >= 2;
    if (generic) {
      byName.checksRun -= 1;
      unbound += 1;
    } else {
      outcome.findings.push(finding);
    }
  }
  outcome.checksRun += byName.checksRun;
  outcome.passed += byName.passed;

  // A 项 named as a 款 anywhere in the text (004-05).
  for (const block of blocks) {
    if (!/[（(]款[)）]/.test(block.text)) continue;
    for (const slip of levelSlips(block.text, facts)) {
      outcome.checksRun += 1;
      outcome.findings.push({
        rule: 'text.label',
        severity: 'warning',
        message: `文中把「${slip.names[1]}」称为“款”，表中它是项 ${slip.item.code}${slip.section ? `，所属的款为 ${slip.section.code} ${slip.section.row.label}` : ''}。`,
        location: blockRef(block, slip.start, slip.end),
        related: [cellOf(slip.item)],
      });
    }
  }

  if (unbound) outcome.notChecked.push({ what: `文字中的 ${unbound} 个金额`, reason: '未能对应到表格中的某一行（或对应的多行数值不一），未核对' });
  return outcome;
}

export const textVsTableCheck: DocumentCheck = {
  name: 'text-vs-table',
  scope: 'document',
  rules: ['text.amount', 'text.unit', 'text.label'],
  run: (context) => checkTextAgainstTables(context.claims, context.facts, context.identity.kind, context.blocks),
};
