import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../../lib/engine/amount/parse';

function value(raw: string): string | null {
  const parsed = parseAmount(raw);
  return parsed.kind === 'number' ? parsed.value.toString() : parsed.kind;
}

describe('parseAmount', () => {
  it('reads the formats the seeds use', () => {
    expect(value('2,068,839.67')).toBe('2068839.67');
    expect(value('1648839.67')).toBe('1648839.67');
    expect(value('4.5')).toBe('4.5');
    expect(value('0')).toBe('0');
    expect(value('0.00')).toBe('0');
  });

  it('keeps the decimals shown, which the rounding bound depends on', () => {
    const parsed = parseAmount('4.50');
    expect(parsed.kind === 'number' && parsed.decimals).toBe(2);
    const grouped = parseAmount('1,504.24');
    expect(grouped.kind === 'number' && grouped.grouped).toBe(true);
  });

  it('treats blanks and dashes as blank, not zero text', () => {
    for (const raw of ['', '  ', '-', '—', '－', '——', '/', '\u00a0']) expect(value(raw)).toBe('blank');
  });

  it('reads negatives in both notations', () => {
    expect(value('（12.30）')).toBe('-12.3');
    expect(value('(12.30)')).toBe('-12.3');
    expect(value('-12.30')).toBe('-12.3');
    expect(value('－12.30')).toBe('-12.3');
  });

  it('normalises full-width digits and spaces inside numbers', () => {
    expect(value('１２３.４５')).toBe('123.45');
    expect(value('1 641.88')).toBe('1641.88');
    expect(value('1,104. 49')).toBe('1104.49');
  });

  it('rejects what is not an amount', () => {
    expect(value('行政运行')).toBe('text');
    expect(value('1,0')).toBe('text');
    expect(value('93.48%')).toBe('text');
    expect(value('12.3.4')).toBe('text');
  });

  it('never uses floats: 0.1 + 0.2 stays exact', () => {
    const a = parseAmount('0.1');
    const b = parseAmount('0.2');
    if (a.kind !== 'number' || b.kind !== 'number') throw new Error('not numbers');
    expect(a.value.plus(b.value).toString()).toBe('0.3');
  });
});
