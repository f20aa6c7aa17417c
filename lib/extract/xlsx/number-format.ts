/**
 * A cell's displayed text from its stored number and its number format code, the way Excel (and
 * WPS) show it, for the formats budget workbooks use: General, fixed decimals, thousands
 * separators, percent, sections for negative and zero values (an accounting "-" for zero),
 * literal text and currency, conditions, colours; dates as ISO dates. Decimal arithmetic only:
 * the stored value is first cut to Excel's 15 significant digits, which removes binary
 * artefacts (22118861.339999999 is 22118861.34).
 */
import Decimal from 'decimal.js';

/** Stored values with more decimals than this are computed, not typed (see displayNumber). */
export const MAX_EXACT_DECIMALS = 4;

export interface Displayed {
  text: string;
  /**
   * The stored value as a plain decimal in the displayed scale, set when the display shows it
   * rounded (22,118,861 for 22118861.34) in a plain number format, so analysis can be exact.
   */
  exact?: string;
  /** True when the text shows fewer digits than the stored value has (also for percent, scaled or dates). */
  rounded: boolean;
}

/** Excel's built-in formats (ECMA-376 §18.8.30) that budget workbooks meet; the rest display as General. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@',
  // zh-CN locale built-ins: dates and times.
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'h:mm AM/PM',
  35: 'h:mm:ss AM/PM',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'h:mm AM/PM',
  56: 'h:mm:ss AM/PM',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/** Excel keeps 15 significant digits; the XML may carry 17 (a double's round trip). */
export function canonicalNumber(stored: string): Decimal | null {
  const text = stored.trim();
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return null;
  const value = new Decimal(text);
  return value.isZero() ? new Decimal(0) : value.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
}

/** The format split into its `;` sections, quotes and escapes respected. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      current += code.slice(i, i + 2);
      i += 1;
    } else if (ch === ';') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+)\]/;

interface Section {
  code: string;
  condition?: { op: string; value: Decimal };
}

function parseSection(raw: string): Section {
  const match = CONDITION.exec(raw.replace(/^\[[A-Za-z]+\d*\]/, ''));
  if (!match) return { code: raw };
  return { code: raw.replace(match[0], ''), condition: { op: match[1]!, value: new Decimal(match[2]!) } };
}

function holds(condition: NonNullable<Section['condition']>, value: Decimal): boolean {
  const c = value.comparedTo(condition.value);
  switch (condition.op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
    default:
      return c !== 0;
  }
}

/** Which section shows `value`, and whether that section carries its own sign. */
function pick(all: Section[], value: Decimal): { section: Section; ownSign: boolean } {
  if (all.some((s) => s.condition)) {
    const numeric = all.slice(0, 3);
    for (const s of numeric) if (s.condition && holds(s.condition, value)) return { section: s, ownSign: true };
    const plain = numeric.find((s) => !s.condition);
    return { section: plain ?? numeric[0]!, ownSign: false };
  }
  if (all.length === 1 || value.isPositive() && !value.isZero()) return { section: all[0]!, ownSign: false };
  if (value.isZero()) return all.length >= 3 ? { section: all[2]!, ownSign: true } : { section: all[0]!, ownSign: false };
  return { section: all[1]!, ownSign: true };
}

interface Pattern {
  prefix: string;
  suffix: string;
  integer: string;
  fraction: string;
  thousands: boolean;
  /** Trailing commas: each divides by 1000. */
  scale: number;
  percent: number;
  general: boolean;
  exponent: boolean;
  date: boolean;
  text: boolean;
}

/** Reads one section into literal prefix/suffix and digit placeholders. */
function pattern(code: string): Pattern {
  const p: Pattern = { prefix: '', suffix: '', integer: '', fraction: '', thousands: false, scale: 0, percent: 0, general: false, exponent: false, date: false, text: false };
  let seenDigit = false;
  let inFraction = false;
  let pendingCommas = 0;
  const literal = (text: string) => {
    if (seenDigit) p.suffix += text;
    else p.prefix += text;
  };
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      literal(code.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      literal(code[i + 1] ?? '');
      i += 1;
    } else if (ch === '_') {
      literal(' ');
      i += 1;
    } else if (ch === '*') {
      i += 1;
    } else if (ch === '[') {
      const end = code.indexOf(']', i);
      const inner = code.slice(i + 1, end < 0 ? code.length : end);
      // [$¥-804]: a currency symbol and a locale; [h] elapsed hours; colours are dropped.
      if (inner.startsWith('$')) literal(inner.slice(1).split('-')[0] ?? '');
      else if (/^[hms]+$/i.test(inner)) p.date = true;
      i = end < 0 ? code.length : end;
    } else if (/^general/i.test(code.slice(i))) {
      p.general = true;
      seenDigit = true;
      i += 6;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      if (pendingCommas) {
        if (!inFraction) p.thousands = true;
        pendingCommas = 0;
      }
      if (inFraction) p.fraction += ch;
      else p.integer += ch;
      seenDigit = true;
    } else if (ch === '.' && !inFraction && !p.exponent) {
      inFraction = true;
      seenDigit = true;
    } else if (ch === ',' && seenDigit) {
      pendingCommas += 1;
    } else if (ch === '%') {
      p.percent += 1;
      literal('%');
    } else if ((ch === 'E' || ch === 'e') && /[+-]/.test(code[i + 1] ?? '') && seenDigit) {
      p.exponent = true;
      i += 1;
    } else if (ch === '@') {
      p.text = true;
      literal('@');
    } else if (/[yYmMdDhHsS]/.test(ch)) {
      p.date = true;
      literal(ch);
    } else if (ch === '/' && seenDigit) {
      // Fractions: shown as General, the value is what matters.
      p.general = true;
    } else literal(ch);
  }
  p.scale = pendingCommas;
  return p;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** General: at most 11 characters (a standard-width cell), scientific beyond. */
function general(value: Decimal): string {
  const abs = value.abs();
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  if (!abs.isZero() && (abs.gte(1e11) || abs.lt(1e-9))) {
    const [mantissa, exp] = abs.toExponential(5, Decimal.ROUND_HALF_UP).split('e');
    const e = Number(exp);
    return `${sign}${mantissa!.replace(/\.?0+$/, '')}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const intDigits = abs.gte(1) ? abs.trunc().toFixed().length : 1;
  return sign + new Decimal(abs.toFixed(Math.max(0, 10 - intDigits), Decimal.ROUND_HALF_UP)).toFixed();
}

function numberText(abs: Decimal, p: Pattern): string {
  const places = p.fraction.length;
  const fixed = abs.toFixed(places, Decimal.ROUND_HALF_UP);
  const [intPart, fracPart = ''] = fixed.split('.');
  const minInt = (p.integer.match(/0/g) ?? []).length;
  let integer = intPart === '0' && minInt === 0 ? '' : intPart!.padStart(minInt, '0');
  if (p.thousands) integer = group(integer);
  let fraction = fracPart;
  // '#' places drop trailing zeros, '?' places show a space, '0' places keep them.
  for (let i = p.fraction.length - 1; i >= 0 && fraction.endsWith('0'); i -= 1) {
    const kind = p.fraction[i];
    if (kind === '0') break;
    fraction = fraction.slice(0, -1) + (kind === '?' ? ' ' : '');
  }
  return p.fraction.length > 0 ? `${integer}.${fraction}` : integer;
}

const DAY_MS = 86_400_000;

function dateText(serial: Decimal, code: string, date1904: boolean): string {
  const days = serial.toNumber();
  if (!Number.isFinite(days) || days < 0 || days > 2_958_465) return serial.toFixed();
  // Serial 60 is Excel's 1900-02-29, a day that never was; later serials are one day ahead.
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  const at = new Date(base + Math.round(days * DAY_MS));
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const hasDay = /[yd]/i.test(code.replace(/"[^"]*"/g, ''));
  const hasTime = /[hs]/i.test(code.replace(/"[^"]*"/g, ''));
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}${/s/i.test(code) ? `:${pad(at.getUTCSeconds())}` : ''}`;
  if (hasDay && hasTime) return `${day} ${time}`;
  return hasTime ? time : day;
}

/**
 * The text Excel shows for `stored` (the `<v>` of a number cell) under `formatCode`.
 * A stored value that is not a number is shown as it is.
 */
export function displayNumber(stored: string, formatCode: string, date1904 = false): Displayed {
  const value = canonicalNumber(stored);
  if (!value) return { text: stored, rounded: false };
  const all = sections(formatCode || 'General').map(parseSection);
  const { section, ownSign } = pick(all, value);
  const p = pattern(section.code);
  if (p.date) return { text: dateText(value, section.code, date1904), rounded: true };
  const sign = !ownSign && value.isNegative() && !value.isZero() ? '-' : '';
  let shown = value.abs();
  if (p.percent) shown = shown.times(new Decimal(100).pow(p.percent));
  if (p.scale) shown = shown.dividedBy(new Decimal(1000).pow(p.scale));

  // A number in a text-formatted ("@") cell shows as General.
  if (p.text && !p.integer && !p.fraction) {
    p.general = true;
    p.prefix = p.prefix.replace('@', '');
    p.suffix = p.suffix.replace('@', '');
  }
  if (!p.general && !p.integer && !p.fraction && !p.exponent) {
    // A section of literals only: an accounting "-" for zero, or nothing (";;;" hides the value).
    const text = `${p.prefix}${p.suffix}`.replace('@', '');
    return { text: text.trim() === '' ? '' : text, rounded: !value.isZero() };
  }
  let body: string;
  if (p.general) body = general(shown);
  else if (p.exponent) {
    const [mantissa, exp] = shown.toExponential(p.fraction.length, Decimal.ROUND_HALF_UP).split('e');
    const e = Number(exp);
    body = `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else body = numberText(shown, p);

  const text = `${p.prefix}${sign}${body}${p.suffix}`.replace('@', '');
  if (p.exponent) return { text, rounded: true };
  // The number the text shows, compared with the stored one in the same scale.
  const digits = body.replace(/[,\s]/g, '').replace(/^\./, '0.').replace(/\.$/, '') || '0';
  const signed = sign ? shown.negated() : shown;
  const rounded = !new Decimal(sign + digits).equals(signed);
  // Only typed amounts (分, 厘) are exact data; a quotient a formula left with 15 digits is
  // shown as its author formatted it, since its last digits are binary noise.
  const exactData = !p.percent && !p.scale && signed.decimalPlaces() <= MAX_EXACT_DECIMALS;
  return rounded && exactData ? { text, exact: signed.toFixed(), rounded } : { text, rounded };
}

/** True for codes that show a date or a time (the cell holds a serial day number). */
export function isDateFormat(formatCode: string): boolean {
  return sections(formatCode).some((s) => pattern(parseSection(s).code).date);
}
