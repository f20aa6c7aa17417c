import Decimal from 'decimal.js';
import './decimal-config';
import { normalizeText } from './normalize';

export type CellValue =
  | { kind: 'number'; value: Decimal; decimals: number; raw: string; grouped: boolean }
  | { kind: 'blank'; raw: string }
  | { kind: 'text'; raw: string };

// Cells that mean "nothing here": blank, dashes of every width, slashes.
const BLANK = /^(?:|[-－—–―‐‑_~/\\]+|无)$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
// Thousands separators must group by three; "1,0" is not a number (a split we cannot trust).
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Parses a table cell or a number token into an exact Decimal, keeping the raw text and the
 * number of decimals shown (rounding bounds depend on it). Never uses floats.
 */
export function parseAmount(rawText: string): CellValue {
  const raw = rawText;
  // Labels start with a letter or ideograph: no need to normalise them to know they are text.
  if (/^[\u4e00-\u9fffA-Za-z]/.test(rawText) && !/^(无|[-－—])/.test(rawText)) return { kind: 'text', raw };
  let text = normalizeText(rawText).replace(/\s+/g, '');
  if (BLANK.test(text)) return { kind: 'blank', raw };

  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1] ?? '';
  }
  // A trailing currency unit inside a cell ("12.30万元") still leaves an amount in the table's unit.
  text = text.replace(/(?:万元|亿元|元)$/, '');
  if (/^[-−]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }

  let grouped = false;
  if (text.includes(',')) {
    if (!GROUPED_NUMBER.test(text)) return { kind: 'text', raw };
    grouped = true;
    text = text.replace(/,/g, '');
  }
  if (!PLAIN_NUMBER.test(text)) return { kind: 'text', raw };

  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  let value = new Decimal(text.endsWith('.') ? text.slice(0, -1) : text);
  if (negative && !value.isZero()) value = value.negated();
  return { kind: 'number', value, decimals, raw, grouped };
}

/** The numeric value of a cell, blank counted as zero (rulebook §2.4(5)); text gives null. */
export function amountOrZero(cell: CellValue): Decimal | null {
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'blank') return new Decimal(0);
  return null;
}
