import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { checkRatio } from '../../../../lib/engine/amount/percent';

const shown = (text: string) => ({ value: new Decimal(text), decimals: text.includes('.') ? text.split('.')[1]!.length : 0 });
const check = (pct: string, a: string, b: string) => checkRatio(new Decimal(pct), pct.includes('.') ? pct.split('.')[1]!.length : 0, shown(a), shown(b)).verdict;

describe('percentages of displayed amounts (§6.4)', () => {
  it('passes correct shares (seed 002: 1434.27 / 2113.81 = 67.85%)', () => {
    expect(check('67.85', '1434.27', '2113.81')).toBe('pass');
    expect(check('117.63', '2113.81', '1796.96')).toBe('pass');
  });

  it('accepts a truncation as rounding (002-09: 8.04 / 8.05 = 99.8758 stated 99.87)', () => {
    expect(check('99.87', '8.04', '8.05')).toBe('info');
  });

  it('fails a rate computed on other numbers (002-01: 96.91% with the table value 1025.50)', () => {
    expect(check('96.91', '1025.50', '1139.69')).toBe('error');
    expect(check('96.91', '1104.49', '1139.69')).toBe('pass');
  });

  it('allows the wide interval of small amounts but not beyond it', () => {
    expect(check('13.06', '1.05', '8.04')).toBe('pass');
    expect(check('13.10', '1.05', '8.04')).toBe('info');
    expect(check('14.00', '1.05', '8.04')).toBe('error');
  });
});
