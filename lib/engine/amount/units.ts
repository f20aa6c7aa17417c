import Decimal from 'decimal.js';
import { normalizeText } from './normalize';

export const UNITS = ['元', '千元', '万元', '亿元'] as const;

export type Unit = (typeof UNITS)[number];

export function isUnit(text: string): text is Unit {
  return (UNITS as readonly string[]).includes(text);
}

/** The units as a regular-expression alternation, longest first (亿元 before 元): every pattern that reads a unit uses it. */
export const UNIT_PATTERN = '亿元|万元|千元|元';

/** A unit in parentheses inside a label: "年初预算数(万元)", "金额（千元）". */
export const UNIT_IN_PARENTHESES = new RegExp(`[(（](?:${UNIT_PATTERN})[)）]`);
const UNIT_SUFFIX = new RegExp(`${UNIT_IN_PARENTHESES.source}$`);

/** A label without the unit it ends with in parentheses: "年初预算数(万元)" → "年初预算数". */
export function withoutUnitSuffix(label: string): string {
  return label.replace(UNIT_SUFFIX, '');
}

export const YUAN_PER_UNIT: Record<Unit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1000),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

// "单位：万元", "金额单位: 元", "（单位：亿元）", "单位:人民币万元". "单位: 473002_…" names an
// organisation, not a currency unit, so the unit must follow the colon directly.
const CAPTION_UNIT = new RegExp(String.raw`单位\s*[:：]?\s*(?:人民币)?\s*(${UNIT_PATTERN})`);
// A unit inside a header cell: "金额(万元)", "预算数（元）".
const HEADER_UNIT = new RegExp(String.raw`[(（]\s*(?:单位\s*[:：]?\s*)?(${UNIT_PATTERN})\s*[)）]`);

export function findCaptionUnit(text: string): Unit | null {
  const match = CAPTION_UNIT.exec(normalizeText(text));
  return (match?.[1] as Unit | undefined) ?? null;
}

export function findHeaderUnit(text: string): Unit | null {
  const normal = normalizeText(text);
  const match = HEADER_UNIT.exec(normal) ?? CAPTION_UNIT.exec(normal);
  return (match?.[1] as Unit | undefined) ?? null;
}

/**
 * The one unit converter (元, 千元, 万元, 亿元), exact in Decimal: every comparison of amounts in two
 * units goes through it (tables against tables, text against tables, caps against budgets).
 */
export function convert(value: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return value;
  return value.times(YUAN_PER_UNIT[from]).dividedBy(YUAN_PER_UNIT[to]);
}
