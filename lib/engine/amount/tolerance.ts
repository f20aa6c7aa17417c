import Decimal from 'decimal.js';
import type { Unit } from './units';

/**
 * Rounding bounds of rulebook §6.1. A total of n amounts, each shown rounded to the quantum q,
 * may differ from the sum of the shown items by at most q·⌊(n+1)/2⌋ (the hard bound); the
 * practical bound is min(hard, 3σ rounded up to a multiple of q) with σ = q·√((n+1)/12).
 */
export interface Tolerance {
  quantum: Decimal;
  practical: Decimal;
  hard: Decimal;
}

export type Verdict = 'pass' | 'info' | 'warning' | 'error';

/**
 * The rounding quantum of an amount shown with `decimals` decimals in `unit`. Amounts in 元
 * with 分 are exact (§6.1): their quantum is zero, so any difference is an error. Amounts in
 * whole 元 (Shanghai's templates print no 分) were rounded, with a quantum of 1 元.
 */
export function quantumFor(unit: Unit, decimals: number): Decimal {
  if (unit === '元' && decimals >= 2) return new Decimal(0);
  return new Decimal(10).pow(-Math.max(0, decimals));
}

/** Smallest k with 3·√((n+1)/12) ≤ k, in integers: 3(n+1) ≤ 4k². */
function practicalMultiple(n: number): number {
  let k = 1;
  while (4 * k * k < 3 * (n + 1)) k += 1;
  return k;
}

export function sumTolerance(addends: number, quantum: Decimal): Tolerance {
  const n = Math.max(1, addends);
  const hard = quantum.times(Math.floor((n + 1) / 2));
  const practical = Decimal.min(hard, quantum.times(practicalMultiple(n)));
  return { quantum, practical, hard };
}

export function classify(difference: Decimal, tolerance: Tolerance): Verdict {
  const size = difference.abs();
  if (size.isZero()) return 'pass';
  if (size.lessThanOrEqualTo(tolerance.practical)) return 'info';
  if (size.lessThanOrEqualTo(tolerance.hard)) return 'warning';
  return 'error';
}
