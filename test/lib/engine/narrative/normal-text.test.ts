import { describe, expect, it } from 'vitest';
import { normalForClaims, originalRange } from '../../../../lib/engine/narrative/normal-text';

describe('normalForClaims', () => {
  it('joins numbers and words broken across lines, and folds full-width text', () => {
    const original = '年初预算为1,104.\n49万元，支\n出决算为１２３．４５万元';
    const normal = normalForClaims(original);
    expect(normal.text).toBe('年初预算为1104.49万元,支出决算为123.45万元');
  });

  it('maps every claim back to its original range', () => {
    const original = '收入 2,113.81 万元';
    const normal = normalForClaims(original);
    const start = normal.text.indexOf('2113.81');
    const range = originalRange(normal, start, start + '2113.81万元'.length);
    expect(original.slice(range.start, range.end)).toBe('2,113.81 万元');
  });
});
