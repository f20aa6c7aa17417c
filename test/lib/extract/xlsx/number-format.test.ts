import { describe, expect, it } from 'vitest';
import { canonicalNumber, displayNumber, isDateFormat } from '../../../../lib/extract/xlsx/number-format';

const ACCOUNTING = '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ';

describe('displayNumber', () => {
  it.each([
    ['22118861.339999999', '#,##0.00', '22,118,861.34'],
    ['0.30000000000000004', 'General', '0.3'],
    ['86959408.34', 'General', '86959408.34'],
    ['-1234.5', '#,##0.00;(#,##0.00)', '(1,234.50)'],
    ['-1234.5', '#,##0.00', '-1,234.50'],
    ['0', '#,##0.00;-#,##0.00;', ''],
    ['0.1234', '0.00%', '12.34%'],
    ['5', '0.00"万元"', '5.00万元'],
    ['3', '[$¥-804]#,##0.00', '¥3.00'],
    ['12.3', '[Red][>=10]0.0;[Blue]0.00', '12.3'],
    ['0.5', '#.00', '.50'],
    ['1234567', '#,##0.00,', '1,234.57'],
    ['123456789012', 'General', '1.23457E+11'],
    ['45000', 'yyyy"年"m"月"d"日"', '2023-03-15'],
    ['7', '@', '7'],
  ])('%s as %s shows %s', (stored, format, shown) => {
    expect(displayNumber(stored, format).text).toBe(shown);
  });

  it('an accounting format shows zero as a dash and negatives with their sign', () => {
    expect(displayNumber('0', ACCOUNTING).text.trim()).toBe('-');
    expect(displayNumber('-1234.5', ACCOUNTING).text.trim()).toBe('-1,234.50');
  });

  it('a display that rounds a typed amount keeps the stored value as exact (22,118,861 for 22118861.34)', () => {
    expect(displayNumber('22118861.34', '#,##0')).toEqual({ text: '22,118,861', exact: '22118861.34', rounded: true });
    expect(displayNumber('2.5', '0')).toEqual({ text: '3', exact: '2.5', rounded: true });
  });

  it('a display that shows every digit has no exact value', () => {
    expect(displayNumber('64840547', '#,##0')).toEqual({ text: '64,840,547', rounded: false });
  });

  it('a computed quotient (more than four decimals) is shown as formatted, without exact: its tail is binary noise', () => {
    expect(displayNumber('1234.56789012345', '#,##0.00')).toEqual({ text: '1,234.57', rounded: true });
  });

  it('percent and scaled displays are marked rounded but give no exact amount (another scale)', () => {
    expect(displayNumber('0.123456', '0.00%')).toEqual({ text: '12.35%', rounded: true });
    expect(displayNumber('1234567', '#,##0.00,').exact).toBeUndefined();
  });

  it('a value that is not a number is shown as it is', () => {
    expect(displayNumber('abc', '#,##0.00').text).toBe('abc');
  });
});

describe('canonicalNumber', () => {
  it('cuts to the 15 significant digits Excel keeps', () => {
    expect(canonicalNumber('22118861.339999999')!.toFixed()).toBe('22118861.34');
    expect(canonicalNumber('1.2345678901234567E+3')!.toFixed()).toBe('1234.56789012346');
    expect(canonicalNumber('x')).toBeNull();
  });
});

it('tells date formats from number formats', () => {
  expect(isDateFormat('yyyy-mm-dd')).toBe(true);
  expect(isDateFormat('#,##0.00')).toBe(false);
  expect(isDateFormat('0.00"万元"')).toBe(false);
});
