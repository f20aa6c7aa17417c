import Decimal from 'decimal.js';
import { classify, sumTolerance } from '../amount/tolerance';
import { convert } from '../amount/units';
import { formatAmount } from '../amount/format';
import type { EnumerationClaim } from '../narrative/claims';
import type { PlacedClaim } from '../narrative/document-claims';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { textFinding, textRef } from './text-finding';

/**
 * Lists in the text (rulebook N-07, N-02): "X万元，其中：a、b、c" — the parts must not add up
 * to more than the whole, and when they come close they must match it within the rounding bound
 * (a list may leave parts out, so a shortfall beyond the bound is not an error). A part written
 * in 元 inside a 万元 list ("社会保障和就业 0 元") is a unit slip.
 */
export function checkEnumerations(claims: PlacedClaim[]): CheckOutcome {
  const outcome = emptyOutcome();
  for (const placed of claims) {
    if (placed.claim.kind !== 'enumeration') continue;
    const list = placed.claim as EnumerationClaim;
    const unit = list.whole.amount.unit;

    const inOtherUnit = list.parts.filter((p) => p.amount.unit !== unit);
    const inListUnit = list.parts.filter((p) => p.amount.unit === unit);
    if (inOtherUnit.length && inListUnit.length >= 2 && inOtherUnit.length < inListUnit.length) {
      for (const part of inOtherUnit) {
        outcome.checksRun += 1;
        outcome.findings.push(
          textFinding(
            { claim: part, block: placed.block },
            {
              rule: 'text.unit',
              severity: 'error',
              message: `「${part.subject} ${part.amount.raw}」夹在以${unit}计的列举中（${list.whole.subject} ${list.whole.amount.raw}），单位写成了${part.amount.unit}。`,
              unit: part.amount.unit,
            },
          ),
        );
      }
    }

    const decimals = Math.max(list.whole.amount.decimals, ...list.parts.map((p) => p.amount.decimals), unit === '元' ? 0 : 2);
    const sum = list.parts.reduce((acc, p) => acc.plus(convert(p.amount.value, p.amount.unit, unit)), new Decimal(0));
    const shown = list.parts.filter((p) => !p.amount.value.isZero()).length;
    const quantum = unit === '元' ? new Decimal(0) : new Decimal(10).pow(-Math.min(decimals, 2));
    const tolerance = sumTolerance(shown, quantum);
    const difference = list.whole.amount.value.minus(sum);
    // A whole shown coarser than its parts ("14.9亿元") carries its own rounding of half a unit.
    const coarse = list.whole.amount.decimals < Math.max(...list.parts.map((p) => p.amount.decimals));
    const wholeSlack = new Decimal(10).pow(-list.whole.amount.decimals).dividedBy(2);
    const verdict = coarse && difference.abs().lessThanOrEqualTo(wholeSlack) ? 'pass' : classify(difference, tolerance);
    const shortfall = difference.greaterThan(0);
    if (verdict === 'error' && (shortfall || list.open)) continue;
    outcome.checksRun += 1;
    if (verdict === 'pass') {
      outcome.passed += 1;
      outcome.confirmed.push({ rule: 'text.enumeration', message: `「${list.whole.subject}」${list.whole.amount.raw} = 列举各项之和（${list.parts.map((p) => p.amount.raw).join(' + ')}）`, location: textRef(placed) });
      continue;
    }
    const fmt = (v: Decimal): string => formatAmount(v, Math.min(decimals, 2));
    const parts = list.parts.map((p) => p.amount.raw).join(' + ');
    outcome.findings.push(
      textFinding(placed, {
        rule: 'text.enumeration',
        severity: verdict,
        message:
          verdict === 'error'
            ? `列举的各项 ${parts} = ${fmt(sum)}${unit}，超过总数「${list.whole.subject}」${list.whole.amount.raw}，差 ${fmt(difference.abs())}${unit}。`
            : `「${list.whole.subject}」${list.whole.amount.raw} 与列举的各项之和 ${fmt(sum)}${unit}（${parts}）差 ${fmt(difference.abs())}，${verdict === 'info' ? '在尾数误差范围内' : '超出常见尾数误差，可能为尾数误差，请核对'}。`,
        expected: sum.toFixed(Math.min(decimals, 2)),
        actual: list.whole.amount.value.toFixed(Math.min(decimals, 2)),
        difference: difference.toFixed(Math.min(decimals, 2)),
        tolerance: (verdict === 'error' ? tolerance.hard : tolerance.practical).toFixed(Math.min(decimals, 2)),
        unit,
      }),
    );
  }
  return outcome;
}

export const enumerationsCheck: DocumentCheck = {
  name: 'text-enumeration',
  scope: 'document',
  rules: ['text.enumeration', 'text.unit'],
  run: (context) => checkEnumerations(context.claims),
};
