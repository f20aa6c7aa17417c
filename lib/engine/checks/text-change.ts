import type { Change } from '../report/schema';
import { checkRatio } from '../amount/percent';
import type { ChangeClaim, StatedAmount } from '../narrative/claims';
import type { PlacedClaim } from '../narrative/document-claims';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { textFinding, textRef } from './text-finding';

/**
 * Year-over-year sentences (rulebook N-04): 增加 goes with 增长 and 减少 with 下降; 持平 means a
 * zero change; the percentage is change ÷ last year's amount (this year ∓ the change), and a
 * zero base has no percentage. Checked within the sentence, without the tables.
 */
const WORD = { increase: '增加/增长', decrease: '减少/下降', flat: '持平' } as const;

// "2024年“三公”经费支出预算" and "“三公”经费预算数" name the same thing.
function subjectKey(subject: string): string {
  return subject
    .replace(/^.*?(20\d\d)年度?/, '')
    .replace(/(年初)?(预算数?|决算数?|支出|收入|收支|总计|合计)+$/, '')
    .replace(/[“”"'()（）]/g, '');
}

/** This year's amount: in the same sentence, else the latest earlier amount of the block on the same subject. */
function currentOf(placed: PlacedClaim<ChangeClaim>, claims: PlacedClaim[]): StatedAmount | undefined {
  if (placed.claim.current) return placed.claim.current;
  const subject = placed.claim.subject.replace(/\s/g, '');
  const key = subjectKey(subject);
  const earlier = claims.filter((c) => c.block === placed.block && c.claim.kind === 'amount' && c.claim.end <= placed.claim.start);
  const named = earlier.filter(
    (c) => c.claim.kind === 'amount' && ((subject.length >= 2 && c.claim.subject.replace(/\s/g, '').includes(subject)) || (key.length >= 2 && subjectKey(c.claim.subject).includes(key))),
  );
  // Without a name to go by, only a lone amount of the same passage is this year's figure.
  const chosen = named.length ? named.at(-1) : !subject && earlier.length === 1 ? earlier[0] : undefined;
  return chosen && chosen.claim.kind === 'amount' ? chosen.claim.amount : undefined;
}

export function checkChanges(claims: PlacedClaim[], changes: Change[] = []): CheckOutcome {
  const outcome = emptyOutcome();
  for (const placed of claims) {
    if (placed.claim.kind !== 'change') continue;
    const self = placed as PlacedClaim<ChangeClaim>;
    const claim = self.claim;
    const { direction, delta, percent, percentDirection } = claim;

    if (percent && percentDirection && direction !== 'flat' && percentDirection !== direction) {
      outcome.checksRun += 1;
      outcome.findings.push(
        textFinding(placed, { rule: 'text.change', severity: 'error', message: `同一句中金额“${WORD[direction]}”而百分比“${WORD[percentDirection]}”，方向相反。` }),
      );
      continue;
    }
    if (direction === 'flat' && delta && !delta.value.isZero()) {
      outcome.checksRun += 1;
      outcome.findings.push(
        textFinding(placed, { rule: 'text.change', severity: 'error', message: `文中说“持平”，却给出变动额 ${delta.raw}。`, actual: delta.value.toString(), expected: '0', unit: delta.unit }),
      );
      continue;
    }
    const current = currentOf(self, claims);
    if (!delta || !current || current.unit !== delta.unit) continue;
    const prior = direction === 'decrease' ? current.value.plus(delta.value) : current.value.minus(delta.value);
    const signed = direction === 'decrease' ? delta.value.negated() : delta.value;
    const duplicate = changes.some((c) => c.basis === 'stated' && c.label === (claim.subject || '（未命名）') && c.current === current.value.toFixed(current.decimals) && c.delta === signed.toFixed(delta.decimals));
    if (!duplicate) changes.push({
      label: claim.subject || '（未命名）',
      previous: prior.toFixed(Math.max(current.decimals, delta.decimals)),
      current: current.value.toFixed(current.decimals),
      delta: signed.toFixed(delta.decimals),
      ...(prior.isZero() ? {} : { percent: signed.dividedBy(prior).times(100).toFixed(2) }),
      unit: current.unit,
      basis: 'stated',
      location: textRef(placed),
    });
    if (!percent) continue;
    outcome.checksRun += 1;
    if (prior.lessThanOrEqualTo(0)) {
      outcome.findings.push(
        textFinding(placed, {
          rule: 'text.change',
          severity: 'error',
          message: `上年数为 ${prior.toString()}（${current.raw} ${direction === 'decrease' ? '+' : '−'} ${delta.raw}），基数为零不能计算增减百分比，文中却写 ${percent.toString()}%。`,
        }),
      );
      continue;
    }
    const verdict = checkRatio(percent, claim.percentDecimals ?? 2, delta, { value: prior, decimals: Math.max(current.decimals, delta.decimals) }, 2);
    if (verdict.verdict === 'pass') {
      outcome.passed += 1;
      outcome.confirmed.push({ rule: 'text.change', message: `增减率 ${percent.toString()}% = ${delta.raw} ÷ 上年 ${prior.toString()}${current.unit}`, location: textRef(placed) });
      continue;
    }
    const exact = verdict.exact.toDecimalPlaces(4).toString();
    outcome.findings.push(
      textFinding(placed, {
        rule: 'text.change',
        severity: verdict.verdict === 'info' ? 'info' : 'error',
        message:
          verdict.verdict === 'info'
            ? `增减率 ${percent.toString()}% 与 ${delta.raw} ÷ 上年 ${prior.toString()} = ${exact}% 相差在尾数范围内。`
            : `增减率 ${percent.toString()}% ≠ 变动额 ${delta.raw} ÷ 上年数 ${prior.toString()}（= ${current.raw} ${direction === 'decrease' ? '+' : '−'} ${delta.raw}）= ${exact}%。`,
        expected: verdict.rounded.toFixed(claim.percentDecimals ?? 2),
        actual: percent.toFixed(claim.percentDecimals ?? 2),
        difference: percent.minus(verdict.rounded).toFixed(claim.percentDecimals ?? 2),
        unit: '%',
      }),
    );
  }
  return outcome;
}

export const changeCheck: DocumentCheck = {
  name: 'text-change',
  scope: 'document',
  rules: ['text.change'],
  run: (context) => checkChanges(context.claims, context.changes),
};
