import Decimal from 'decimal.js';

/**
 * Percentages against displayed amounts (rulebook §6.4). A stated Y% of A / B is exact when it
 * equals B-rounded A/B; a truncation (99.87 for 99.876) or a value inside the interval spanned
 * by the amounts' own rounding, (A ± q/2) / (B ∓ q/2), widened by half a unit of Y's last
 * decimal, is acceptable rounding; anything else is an error.
 */
export interface Shown {
  value: Decimal;
  decimals: number;
}

export interface RatioVerdict {
  verdict: 'pass' | 'info' | 'error';
  /** A / B × 100 from the shown amounts. */
  exact: Decimal;
  /** The exact ratio rounded half-up to the stated decimals. */
  rounded: Decimal;
  truncated: boolean;
}

const half = (decimals: number): Decimal => new Decimal(10).pow(-decimals).dividedBy(2);

export function checkRatio(stated: Decimal, statedDecimals: number, numerator: Shown, denominator: Shown, denominatorSlack = 1): RatioVerdict {
  const exact = numerator.value.dividedBy(denominator.value).times(100);
  const rounded = exact.toDecimalPlaces(statedDecimals, Decimal.ROUND_HALF_UP);
  if (stated.equals(rounded)) return { verdict: 'pass', exact, rounded, truncated: false };
  const truncated = exact.toDecimalPlaces(statedDecimals, Decimal.ROUND_DOWN);
  if (stated.equals(truncated)) return { verdict: 'info', exact, rounded, truncated: true };
  const qn = half(numerator.decimals);
  const qd = half(denominator.decimals).times(denominatorSlack);
  const widen = half(statedDecimals);
  const den = denominator.value.abs();
  const num = numerator.value.abs();
  const low = den.plus(qd).isZero() ? new Decimal(0) : num.minus(qn).dividedBy(den.plus(qd)).times(100).minus(widen);
  const high = den.minus(qd).lessThanOrEqualTo(0) ? new Decimal(Infinity) : num.plus(qn).dividedBy(den.minus(qd)).times(100).plus(widen);
  const value = stated.abs();
  if (value.greaterThanOrEqualTo(low) && value.lessThanOrEqualTo(high)) return { verdict: 'info', exact, rounded, truncated: false };
  return { verdict: 'error', exact, rounded, truncated: false };
}
