import { checkRatio } from '../amount/percent';
import type { PlacedClaim } from '../narrative/document-claims';
import { ofKind } from '../narrative/document-claims';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { textFinding, textRef } from './text-finding';

/**
 * Completion sentences (rulebook N-05, N-06): "年初预算为A，支出决算为B，完成年初预算的Z%，
 * 决算数小于年初预算数". Z must be B / A (no rate on a zero budget; Z = B − A is a known slip),
 * and 大于 / 小于 / 等于 must agree with B against A.
 */
export function checkCompletion(claims: PlacedClaim[]): CheckOutcome {
  const outcome = emptyOutcome();
  for (const placed of ofKind(claims, 'completion')) {
    const { budget, actual, rate, rateDecimals, comparison } = placed.claim;
    if (!budget || !actual || budget.unit !== actual.unit) continue;
    const a = budget.value;
    const b = actual.value;
    const fmtA = budget.raw;
    const fmtB = actual.raw;

    if (rate) {
      outcome.checksRun += 1;
      if (a.isZero()) {
        outcome.findings.push(
          textFinding(placed, { rule: 'text.completion', severity: 'error', message: `年初预算为 0，不能计算完成率，文中却写“完成预算的 ${rate.toString()}%”。` }),
        );
      } else {
        const verdict = checkRatio(rate, rateDecimals ?? 2, actual, budget);
        if (verdict.verdict === 'pass') {
          outcome.passed += 1;
          outcome.confirmed.push({ rule: 'text.completion', message: `完成率 ${rate.toString()}% = 决算 ${fmtB} ÷ 年初预算 ${fmtA}`, location: textRef(placed) });
        }
        else {
          const exact = verdict.exact.toDecimalPlaces(4).toString();
          const slip = b.minus(a).equals(rate) ? `；${rate.toString()} 恰为决算数减预算数之差（${fmtB} − ${fmtA}），不是完成率` : '';
          outcome.findings.push(
            textFinding(placed, {
              rule: 'text.completion',
              severity: verdict.verdict === 'info' ? 'info' : 'error',
              message:
                verdict.verdict === 'info'
                  ? `完成率 ${rate.toString()}% 与 ${fmtB} ÷ ${fmtA} = ${exact}% 相差在尾数范围内${verdict.truncated ? '（截断而非四舍五入）' : ''}。`
                  : `完成率 ${rate.toString()}% ≠ 决算 ${fmtB} ÷ 年初预算 ${fmtA} = ${exact}%（应为 ${verdict.rounded.toString()}%）${slip}。`,
              expected: verdict.rounded.toFixed(rateDecimals ?? 2),
              actual: rate.toFixed(rateDecimals ?? 2),
              difference: rate.minus(verdict.rounded).toFixed(rateDecimals ?? 2),
              unit: '%',
            }),
          );
        }
      }
    }

    if (comparison) {
      outcome.checksRun += 1;
      const truth = b.greaterThan(a) ? 'greater' : b.lessThan(a) ? 'less' : 'equal';
      const words = { greater: '大于', less: '小于', equal: '等于' } as const;
      if (truth === comparison) {
        outcome.passed += 1;
        outcome.confirmed.push({ rule: 'text.direction', message: `决算 ${fmtB} ${{ greater: '大于', less: '小于', equal: '等于' }[truth]}年初预算 ${fmtA}，与文中一致`, location: textRef(placed) });
      }
      else {
        outcome.findings.push(
          textFinding(placed, {
            rule: 'text.direction',
            severity: 'error',
            message: `文中说决算数“${words[comparison]}”年初预算数，但决算 ${fmtB} ${truth === 'equal' ? '=' : truth === 'greater' ? '>' : '<'} 预算 ${fmtA}，应为“${words[truth]}”。`,
            expected: a.toString(),
            actual: b.toString(),
            difference: b.minus(a).toString(),
            unit: budget.unit,
          }),
        );
      }
    }
  }
  return outcome;
}


export const completionCheck: DocumentCheck = {
  name: 'text-completion',
  scope: 'document',
  rules: ['text.completion', 'text.direction'],
  run: (context) => checkCompletion(context.claims),
};
