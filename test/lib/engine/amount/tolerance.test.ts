import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { classify, quantumFor, sumTolerance } from '../../../../lib/engine/amount/tolerance';

const q = new Decimal('0.01');

describe('rounding bounds (rulebook §6.1)', () => {
  it('matches the hard-maximum table', () => {
    const table: Array<[number, string]> = [[1, '0.01'], [2, '0.01'], [3, '0.02'], [4, '0.02'], [5, '0.03'], [9, '0.05'], [13, '0.07'], [19, '0.1'], [27, '0.14']];
    for (const [n, hard] of table) expect(sumTolerance(n, q).hard.toString()).toBe(hard);
  });

  it('matches the practical-threshold table', () => {
    const table: Array<[number, string]> = [[1, '0.01'], [2, '0.01'], [3, '0.02'], [4, '0.02'], [5, '0.03'], [11, '0.03'], [12, '0.04'], [20, '0.04'], [21, '0.05'], [32, '0.05']];
    for (const [n, practical] of table) expect(sumTolerance(n, q).practical.toString()).toBe(practical);
  });

  it('classifies seed 001-06 (19.99 vs 19.89, 14 items) as an error', () => {
    expect(classify(new Decimal('0.10'), sumTolerance(14, q))).toBe('error');
  });

  it('classifies a 0.01 difference over many items as rounding (seed 002-11)', () => {
    expect(classify(new Decimal('-0.01'), sumTolerance(27, q))).toBe('info');
  });

  it('puts differences between the practical and the hard bound in between', () => {
    expect(classify(new Decimal('0.06'), sumTolerance(14, q))).toBe('warning');
  });

  it('makes 元 tables exact', () => {
    const exact = sumTolerance(5, quantumFor('元', 2));
    expect(classify(new Decimal('0.01'), exact)).toBe('error');
    expect(classify(new Decimal('0'), exact)).toBe('pass');
  });
});
