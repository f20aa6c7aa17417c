import Decimal from 'decimal.js';
import type { Finding } from '../engine/report/schema';
import type { Lang } from './i18n';

/**
 * A finding in one plain sentence ("这一栏的合计比各项相加多 0.10 万元") and its arithmetic in one
 * line, derived from the finding's rule, expected/actual/difference/unit: presentation only, the
 * checks' own messages stay as they are (they are the detailed explanation below).
 */

type Family =
  | 'sum'
  | 'sum-empty'
  | 'balance'
  | 'hierarchy'
  | 'cross'
  | 'cross-blank'
  | 'text-amount'
  | 'text-repeated'
  | 'text-unit'
  | 'rate'
  | 'change'
  | 'direction'
  | 'share'
  | 'share-sum'
  | 'enumeration'
  | 'count'
  | 'year'
  | 'placeholder'
  | 'percent-sign'
  | 'text-label'
  | 'label-code'
  | 'label-stale'
  | 'required'
  | 'empty-table'
  | 'contents'
  | 'perf-unit'
  | 'cost-cap'
  | 'other';

function familyOf(finding: Finding): Family {
  const rule = finding.rule;
  if (rule === 'sum.balance') return 'balance';
  if (rule.startsWith('sum.')) {
    if (isZero(finding.actual) && finding.expected !== undefined && !isZero(finding.expected)) return 'sum-empty';
    return rule === 'sum.code-hierarchy' ? 'hierarchy' : 'sum';
  }
  if (rule === 'cross.blank-line') return 'cross-blank';
  if (rule.startsWith('cross.')) return 'cross';
  const exact: Record<string, Family> = {
    'text.amount': 'text-amount',
    'text.repeated': 'text-repeated',
    'text.unit': 'text-unit',
    'text.completion': 'rate',
    'perf.rate': 'rate',
    'text.change': 'change',
    'text.direction': 'direction',
    'text.share': 'share',
    'text.share-sum': 'share-sum',
    'text.enumeration': 'enumeration',
    'text.count': 'count',
    'text.year': 'year',
    'text.placeholder': 'placeholder',
    'text.percent-sign': 'percent-sign',
    'text.label': 'text-label',
    'label.code': 'label-code',
    'label.name': 'label-code',
    'label.stale-name': 'label-stale',
    'doc.required': 'required',
    'doc.empty-table': 'empty-table',
    'doc.contents': 'contents',
    'perf.unit': 'perf-unit',
    'perf.cost-cap': 'cost-cap',
  };
  return exact[rule] ?? 'other';
}

function isZero(value: string | undefined): boolean {
  return value !== undefined && /^-?0(\.0+)?$/.test(value);
}

function decimal(value: string | undefined): Decimal | null {
  if (value === undefined) return null;
  try {
    return new Decimal(value);
  } catch {
    return null;
  }
}

function decimalsOf(value: string | undefined): number {
  const m = value?.match(/\.(\d+)$/);
  return m ? m[1]!.length : 0;
}

/** actual − expected, as the document's figures show it (the engine's own difference when given). */
export function signedDifference(finding: Finding): Decimal | null {
  const a = decimal(finding.actual);
  const e = decimal(finding.expected);
  if (a && e) return a.minus(e);
  return decimal(finding.difference);
}

/** A percentage at the document's own precision: the decimals the document used for its figure. */
export function atDocumentPrecision(value: string, like: string | undefined): string {
  const d = decimal(value);
  if (!d) return value;
  return d.toFixed(Math.min(decimalsOf(like), 4));
}

/** |difference| written with as many decimals as the figures it compares (never 1e+21). */
function magnitude(finding: Finding): string | null {
  const diff = signedDifference(finding);
  if (!diff) return null;
  // Percentages at the document's own precision; amounts with as many decimals as the figures compared.
  const places = finding.unit === '%' ? decimalsOf(finding.actual) : Math.max(decimalsOf(finding.actual), decimalsOf(finding.expected), decimalsOf(finding.difference));
  return diff.abs().toFixed(Math.min(places, 6));
}

function more(finding: Finding): boolean | null {
  const diff = signedDifference(finding);
  return diff ? diff.greaterThan(0) : null;
}

function unitOf(finding: Finding, lang: Lang): string {
  const unit = finding.unit ?? '';
  if (!unit || unit === '%') return unit === '%' ? '%' : '';
  return lang === 'en' ? ` ${unit}` : ` ${unit}`;
}

/** The one-line plain headline of a finding. */
export function headlineOf(finding: Finding, lang: Lang = 'zh'): string {
  const family = familyOf(finding);
  const d = magnitude(finding);
  const u = unitOf(finding, lang);
  const up = more(finding);
  const pct = (v: string | undefined) => (v === undefined ? '' : atDocumentPrecision(v, finding.actual));
  const zh = lang === 'zh';
  const within = finding.severity === 'info' && d !== null ? (zh ? '（在尾数误差范围内）' : ' (within rounding)') : '';
  const moreLess = (yes: boolean | null) => (zh ? (yes ? '多' : '少') : yes ? 'more' : 'less');
  switch (family) {
    case 'sum':
      if (d === null) break;
      return (zh ? `这一栏的合计比各项相加${moreLess(up)} ${d}${u}` : `This total is ${d}${u} ${moreLess(up)} than its items add up to`) + within;
    case 'hierarchy':
      if (d === null) break;
      return (zh ? `这一科目的金额比下级科目相加${moreLess(up)} ${d}${u}` : `This heading is ${d}${u} ${moreLess(up)} than its sub-items add up to`) + within;
    case 'sum-empty':
      return zh ? `这一栏的合计为 0，但各项相加为 ${finding.expected}${u}（疑似漏填）` : `This total is 0 while its items add up to ${finding.expected}${u} (left blank?)`;
    case 'balance':
      return (d === null ? (zh ? '收入总计与支出总计不相等' : 'Total income and total expenditure differ') : zh ? `收入与支出两边的总计相差 ${d}${u}` : `The income and expenditure totals differ by ${d}${u}`) + within;
    case 'cross':
      if (d === null) return zh ? '两张表里本应相同的内容对不上' : 'Two tables disagree where they should match';
      return (zh ? `两张表里本应相同的数字相差 ${d}${u}` : `Two tables differ by ${d}${u} where they should match`) + within;
    case 'cross-blank':
      return zh ? '一张表里有这一行的数字，另一张表里却空着' : 'One table fills this line, the other leaves it blank';
    case 'text-amount':
      if (d === null) break;
      return (zh ? `文中写的数字比表格中的${moreLess(up)} ${d}${u}` : `The text states ${d}${u} ${moreLess(up)} than the table`) + within;
    case 'text-repeated':
      return (zh ? `同一个数字前后写得不一样：${finding.actual ?? ''} 与 ${finding.expected ?? ''}` : `The same figure is written two ways: ${finding.actual ?? ''} and ${finding.expected ?? ''}`) + within;
    case 'text-unit':
      return zh ? '数字的单位写错了' : 'A figure carries the wrong unit';
    case 'rate': {
      const name = finding.rule === 'perf.rate' ? (zh ? '执行率' : 'The execution rate') : zh ? '完成率' : 'The completion rate';
      if (finding.expected === undefined || finding.actual === undefined) return zh ? `${name}算得不对` : `${name} is miscalculated`;
      if (finding.severity === 'info') return zh ? `${name}与数字相符（只差尾数）` : `${name} matches the figures (up to rounding)`;
      return zh ? `${name}算得不对：按数字应为 ${pct(finding.expected)}%，文件写的是 ${finding.actual}%` : `${name} is wrong: the figures give ${pct(finding.expected)}%, the document says ${finding.actual}%`;
    }
    case 'change':
      if (finding.expected === undefined || finding.actual === undefined) return zh ? '增减幅度与数字不符' : 'The stated change does not fit the figures';
      return (zh ? `增减幅度与数字不符：按数字应为 ${pct(finding.expected)}${u}，文件写的是 ${finding.actual}${u}` : `The stated change does not fit: the figures give ${pct(finding.expected)}${u}, the document says ${finding.actual}${u}`) + within;
    case 'direction':
      return zh ? '增减方向写反了' : 'Increase and decrease are swapped';
    case 'share':
      if (finding.expected === undefined || finding.actual === undefined) return zh ? '占比算得不对' : 'A share is miscalculated';
      return (zh ? `占比算得不对：按数字应为 ${pct(finding.expected)}%，文件写的是 ${finding.actual}%` : `A share is wrong: the figures give ${pct(finding.expected)}%, the document says ${finding.actual}%`) + within;
    case 'share-sum':
      return zh ? `各项占比加起来不是 100%${finding.actual ? `（是 ${finding.actual}%）` : ''}` : `The shares do not add up to 100%${finding.actual ? ` (${finding.actual}%)` : ''}`;
    case 'enumeration':
      if (d === null) break;
      return (zh ? `总数比列举的各项相加${moreLess(up)} ${d}${u}` : `The total is ${d}${u} ${moreLess(up)} than the listed items`) + within;
    case 'count':
      return zh ? '列出的数量与总数对不上' : 'The counts listed do not fit the total';
    case 'year':
      return zh ? '年份写错了' : 'The wrong year is named';
    case 'placeholder':
      return zh ? '留有模板中的占位文字（如 XX）' : 'Template placeholder text left in (such as XX)';
    case 'percent-sign':
      return zh ? '百分数缺少 % 号' : 'A percentage lacks its % sign';
    case 'text-label':
      return zh ? '文中的科目名称或级次与表格不符' : 'The text names a budget line the table does not have';
    case 'label-code':
      return zh ? '科目编码与名称不对应' : 'A classification code and its name do not match';
    case 'label-stale':
      return zh ? '用了已停用的旧科目名称' : 'An outdated classification name is used';
    case 'required':
      return zh ? '缺少一张必须公开的表格' : 'A required table is missing';
    case 'empty-table':
      return finding.severity === 'info' ? (zh ? '这张表是空表（已说明原因）' : 'This table is empty (explained)') : zh ? '这张表是空表，却没有说明原因' : 'This table is empty without explanation';
    case 'contents':
      return zh ? '目录与正文中的表格不一致' : 'The table of contents does not match the tables';
    case 'perf-unit':
      return zh ? '绩效指标的计量单位与名称不符' : 'A performance indicator has an unfitting unit';
    case 'cost-cap':
      return zh ? '成本指标的上限高于项目本身的预算' : 'A cost cap exceeds the project’s own budget';
    case 'other':
      break;
  }
  return firstClause(finding.message);
}

/** The message's first clause, as a last resort (a rule without a template). */
function firstClause(message: string): string {
  const cut = message.split(/[。；;]/)[0] ?? message;
  return cut.length > 48 ? `${cut.slice(0, 48)}…` : cut;
}

/** Which side of the comparison is which, in the reader's words. */
function sides(family: Family, lang: Lang): { actual: string; expected: string } {
  const zh = lang === 'zh';
  switch (family) {
    case 'sum':
    case 'hierarchy':
    case 'sum-empty':
    case 'enumeration':
      return zh ? { actual: '合计', expected: '各项相加' } : { actual: 'total', expected: 'sum of items' };
    case 'balance':
      return zh ? { actual: '此处', expected: '另一边' } : { actual: 'here', expected: 'other side' };
    case 'cross':
      return zh ? { actual: '此表', expected: '另一表' } : { actual: 'this table', expected: 'other table' };
    case 'text-amount':
    case 'text-repeated':
      return zh ? { actual: '文中', expected: '表中' } : { actual: 'text', expected: 'table' };
    case 'direction':
      return zh ? { actual: '决算数', expected: '预算数' } : { actual: 'final', expected: 'budget' };
    case 'cost-cap':
      return zh ? { actual: '成本上限', expected: '项目预算' } : { actual: 'cost cap', expected: 'project budget' };
    default:
      return zh ? { actual: '文件写', expected: '按数字算' } : { actual: 'stated', expected: 'computed' };
  }
}

/**
 * "合计 19.99 · 各项相加 19.89 · 相差 0.10 · 尾数误差上限 0.07（万元）": the comparison behind a
 * finding, with one tolerance; '' when the finding compares no figures.
 */
export function arithmeticOf(finding: Finding, lang: Lang = 'zh'): string {
  if (finding.actual === undefined && finding.expected === undefined) return '';
  const family = familyOf(finding);
  const side = sides(family, lang);
  const zh = lang === 'zh';
  const percent = finding.unit === '%';
  const show = (v: string) => (percent ? `${atDocumentPrecision(v, finding.actual)}%` : v);
  const parts: string[] = [];
  if (finding.actual !== undefined) parts.push(`${side.actual} ${percent ? `${finding.actual}%` : finding.actual}`);
  if (finding.expected !== undefined) parts.push(`${side.expected} ${show(finding.expected)}`);
  const d = magnitude(finding);
  if (d !== null && finding.actual !== undefined && finding.expected !== undefined) parts.push(`${zh ? '相差' : 'difference'} ${percent ? `${d}${zh ? ' 个百分点' : ' points'}` : d}`);
  if (finding.tolerance !== undefined && !isZero(finding.tolerance)) parts.push(`${zh ? '尾数误差上限' : 'rounding bound'} ${finding.tolerance}`);
  const unit = finding.unit && !percent ? (zh ? `（${finding.unit}）` : ` (${finding.unit})`) : '';
  return parts.join(' · ') + unit;
}

/**
 * The check's own message made readable without changing what it says: one tolerance (the
 * arithmetic line carries it), percentages at the document's precision, and a row that has no
 * label named by its position instead of "「」行".
 */
export function tidyMessage(finding: Finding, rowName: string): string {
  let text = finding.message;
  if (finding.tolerance !== undefined && !isZero(finding.tolerance)) {
    text = text.replace(/[，,]\s*超出尾数误差上限\s*[\d.]+/g, '').replace(/（上限\s*[\d.]+）/g, '');
  }
  text = text.replace(/「\s*」行/g, rowName);
  text = text.replace(/「\s*」/g, rowName);
  // "= 93.4839%（应为 93.48%）" → "= 93.48%": the computed rate at the document's own precision.
  text = text.replace(/(\d+\.\d{3,})%（应为 ([\d.]+%)）/g, '$2');
  if (finding.unit === '%' && finding.actual !== undefined) {
    text = text.replace(/(\d+\.\d{3,})%/g, (_m, v: string) => `${atDocumentPrecision(v, finding.actual)}%`);
  }
  return text;
}
