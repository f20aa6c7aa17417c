import type Decimal from 'decimal.js';

/** Formats an amount for a message: fixed decimals, thousands separators when the page used them. */
export function formatAmount(value: Decimal, decimals: number, grouped = false): string {
  const fixed = value.toFixed(Math.max(0, decimals));
  if (!grouped) return fixed;
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + withCommas + (fraction === undefined ? '' : `.${fraction}`);
}

/** A plain decimal string for the report (no separators), e.g. "0.10". */
export function decimalString(value: Decimal, decimals: number): string {
  return value.toFixed(Math.max(0, decimals));
}
