import Decimal from 'decimal.js';
import { checkRatio } from '../amount/percent';
import type { Shown } from '../amount/percent';
import type { ShareClaim, StatedAmount } from '../narrative/claims';
import type { PlacedClaim } from '../narrative/document-claims';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { textFinding, textRef } from './text-finding';

/**
 * Shares (rulebook N-03, §6.4): a stated "占 Y%" must equal its amount over the whole it is a
 * share of (the list's whole, or the amount its words name: "占基本支出的…"), within the interval
 * bound; the shares of one whole listed together must add up to 100%; and a share that matches
 * another amount of the same passage exactly (预算数 8.05 instead of 决算数 8.04) is named as a
 * wrong denominator.
 */
const NEARBY_BLOCKS = 6;

interface Denominator {
  amount: StatedAmount;
  subject: string;
}

function sameUnit(a: StatedAmount, b: StatedAmount): boolean {
  return a.unit === b.unit;
}

function nearbyAmounts(claims: PlacedClaim[], placed: PlacedClaim): Denominator[] {
  const blocks = [...new Set(claims.map((c) => c.block))];
  const at = blocks.indexOf(placed.block);
  const inWindow = new Set(blocks.slice(Math.max(0, at - NEARBY_BLOCKS), at + 1));
  return claims
    .filter((c) => inWindow.has(c.block) && c.claim.kind === 'amount')
    .map((c) => (c.claim.kind === 'amount' ? { amount: c.claim.amount, subject: c.claim.subject } : null))
    .filter((d): d is Denominator => d !== null);
}

/** The whole a share is of: named by its words, or the whole of the list it stands in. */
function denominatorOf(claims: PlacedClaim[], placed: PlacedClaim<ShareClaim>): Denominator | null {
  const share = placed.claim;
  if (!share.amount) return null;
  const of = share.of.replace(/^(本单位|本部门|全年|当年)/, '');
  if (of.length >= 2) {
    // A share that names its whole is checked against that whole or not at all.
    const named = nearbyAmounts(claims, placed).filter((d) => d.subject.includes(of) && d.amount.value.greaterThanOrEqualTo(share.amount!.value));
    return named.at(-1) ?? null;
  }
  for (const c of claims) {
    if (c.block !== placed.block || c.claim.kind !== 'enumeration') continue;
    if (c.claim.parts.some((p) => p.start <= share.start && p.end >= share.start - 1 && p.amount.value.equals(share.amount!.value))) {
      return { amount: c.claim.whole.amount, subject: c.claim.whole.subject };
    }
    if (c.claim.parts.some((p) => p.amount.raw === share.amount!.raw && p.sentence === share.sentence)) {
      return { amount: c.claim.whole.amount, subject: c.claim.whole.subject };
    }
  }
  return null;
}

function shown(amount: StatedAmount): Shown {
  return { value: amount.value, decimals: amount.decimals };
}

/** Another amount nearby that gives exactly the stated share: the denominator the author used. */
function wrongDenominator(claims: PlacedClaim[], placed: PlacedClaim<ShareClaim>, used: Decimal | null): Denominator | null {
  const share = placed.claim;
  if (!share.amount || share.amount.value.isZero()) return null;
  for (const candidate of nearbyAmounts(claims, placed).reverse()) {
    if (!sameUnit(candidate.amount, share.amount) || candidate.amount.value.isZero()) continue;
    if (used && candidate.amount.value.equals(used)) continue;
    if (candidate.amount.value.lessThan(share.amount.value)) continue;
    const ratio = share.amount.value.dividedBy(candidate.amount.value).times(100).toDecimalPlaces(share.decimals, Decimal.ROUND_HALF_UP);
    if (ratio.equals(share.percent)) return candidate;
  }
  return null;
}

export function checkShares(claims: PlacedClaim[]): CheckOutcome {
  const outcome = emptyOutcome();
  const shares = claims.filter((c): c is PlacedClaim<ShareClaim> => c.claim.kind === 'share');

  for (const placed of shares) {
    const share = placed.claim;
    const whole = denominatorOf(claims, placed);
    if (!whole || !share.amount || !sameUnit(whole.amount, share.amount) || whole.amount.value.isZero()) continue;
    outcome.checksRun += 1;
    const verdict = checkRatio(share.percent, share.decimals, shown(share.amount), shown(whole.amount));
    if (verdict.verdict === 'pass') {
      outcome.passed += 1;
      outcome.confirmed.push({ rule: 'text.share', message: `占比 ${share.percent.toString()}% = ${share.amount.raw} ÷ ${whole.amount.raw}`, location: textRef(placed) });
      continue;
    }
    const exact = verdict.exact.toDecimalPlaces(4).toString();
    const other = verdict.verdict === 'error' ? wrongDenominator(claims, placed, whole.amount.value) : null;
    outcome.findings.push(
      textFinding(placed, {
        rule: 'text.share',
        severity: verdict.verdict === 'info' ? 'info' : 'error',
        message:
          verdict.verdict === 'info'
            ? `占比 ${share.percent.toString()}% 与 ${share.amount.raw} ÷ ${whole.amount.raw} = ${exact}% 相差在尾数范围内${verdict.truncated ? '（截断而非四舍五入）' : ''}。`
            : `占比 ${share.percent.toString()}% ≠ ${share.subject} ${share.amount.raw} ÷ ${whole.subject} ${whole.amount.raw} = ${exact}%（应为 ${verdict.rounded.toString()}%）${other ? `；按「${other.subject}」${other.amount.raw} 计算正好是 ${share.percent.toString()}%，分母疑似用错` : ''}。`,
        expected: verdict.rounded.toFixed(share.decimals),
        actual: share.percent.toFixed(share.decimals),
        difference: share.percent.minus(verdict.rounded).toFixed(share.decimals),
        unit: '%',
      }),
    );
  }

  // Shares listed together in one sentence are the parts of one whole: they add up to 100%.
  const groups = new Map<string, Array<PlacedClaim<ShareClaim>>>();
  for (const placed of shares) {
    const key = `${placed.block.anchor}#${placed.claim.sentence}`;
    groups.set(key, [...(groups.get(key) ?? []), placed]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const decimals = Math.max(...group.map((g) => g.claim.decimals));
    const sum = group.reduce((acc, g) => acc.plus(g.claim.percent), new Decimal(0));
    const tolerance = new Decimal(10).pow(-decimals).dividedBy(2).times(group.length);
    const gap = sum.minus(100);
    // Far from 100: an open list ("其中 A 占 30%"), not meant to be exhaustive.
    if (gap.abs().greaterThan(2)) continue;
    outcome.checksRun += 1;
    if (gap.abs().lessThanOrEqualTo(tolerance)) {
      outcome.passed += 1;
      continue;
    }
    const hints = group
      .map((g) => ({ g, other: wrongDenominator(claims, g, null) }))
      .filter((h) => h.other && !h.g.claim.amount?.value.isZero())
      .map((h) => `${h.g.claim.subject} ${h.g.claim.amount!.raw} ÷ ${h.other!.amount.raw} = ${h.g.claim.percent.toString()}%`);
    outcome.findings.push(
      textFinding(group[0]!, {
        rule: 'text.share-sum',
        severity: 'error',
        message: `同一句列出的各项占比 ${group.map((g) => `${g.claim.percent.toString()}%`).join(' + ')} = ${sum.toString()}% ≠ 100%，差 ${gap.abs().toString()} 个百分点，超出尾数误差 ${tolerance.toString()}${hints.length ? `；这些占比正好是按另一金额计算的：${hints.join('，')}，分母疑似用错` : ''}。`,
        expected: '100',
        actual: sum.toString(),
        difference: gap.toString(),
        tolerance: tolerance.toString(),
        unit: '%',
      }),
    );
  }
  return outcome;
}

export const sharesCheck: DocumentCheck = {
  name: 'text-shares',
  scope: 'document',
  rules: ['text.share', 'text.share-sum'],
  run: (context) => checkShares(context.claims),
};
