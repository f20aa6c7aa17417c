import Decimal from 'decimal.js';
import type { Unit } from '../amount/units';
import { UNIT_PATTERN } from '../amount/units';
import type { NormalText } from './normal-text';
import { normalForClaims, originalRange } from './normal-text';

/**
 * Claims stated in the narrative (rulebook §3.4, §4), each with its exact text range. They are
 * read from normalised text (see normal-text.ts), so the patterns below use ASCII punctuation.
 */
export interface Span {
  /** Range in the original text of the block. */
  start: number;
  end: number;
  /** The claim as written (original text). */
  text: string;
  /** Index of the sentence in its block. */
  sentence: number;
}

export interface StatedAmount {
  value: Decimal;
  decimals: number;
  unit: Unit;
  raw: string;
}

export interface AmountClaim extends Span {
  kind: 'amount';
  /** What the amount is of, as the sentence names it ("一般公共服务", "年初预算"). */
  subject: string;
  amount: StatedAmount;
  /** The sentence's topic before a "其中" (the whole the amount is part of), if any. */
  whole?: string;
  /** Position in its normalised sentence (for list structure). */
  at: number;
}

export interface ShareClaim extends Span {
  kind: 'share';
  subject: string;
  /** The amount the share is of, when stated in the same clause. */
  amount?: StatedAmount;
  percent: Decimal;
  decimals: number;
  /** Words naming the denominator ("基本支出", "政府采购支出总额"), if any. */
  of: string;
}

export type Direction = 'increase' | 'decrease' | 'flat';

export interface ChangeClaim extends Span {
  kind: 'change';
  subject: string;
  current?: StatedAmount;
  /** "上年" or a year such as "2023年". */
  against: string;
  direction: Direction;
  delta?: StatedAmount;
  percentDirection?: Direction;
  percent?: Decimal;
  percentDecimals?: number;
}

export interface CompletionClaim extends Span {
  kind: 'completion';
  subject: string;
  budget?: StatedAmount;
  actual?: StatedAmount;
  rate?: Decimal;
  rateDecimals?: number;
  /** 大于 / 小于 / 等于 as written ("决算数小于年初预算数"). */
  comparison?: 'greater' | 'less' | 'equal';
}

export interface EnumerationClaim extends Span {
  kind: 'enumeration';
  /** The whole ("本年支出合计2113.81万元") and its parts listed after "其中". */
  whole: AmountClaim;
  parts: AmountClaim[];
  /** "包括…等" lists are open: their parts may sum to less than the whole. */
  open: boolean;
}

export type Claim = AmountClaim | ShareClaim | ChangeClaim | CompletionClaim | EnumerationClaim;

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const AMOUNT = new RegExp(String.raw`(${NUMBER})(${UNIT_PATTERN})`, 'g');
const SHARE = new RegExp(String.raw`占([^,;。%]{0,16}?)(?:的|比重为|比例为|比重|比例|为)?(${NUMBER})%`, 'g');
const CHANGE = new RegExp(
  String.raw`(?:较|比|与)(上年|上年度|上一年度?|去年|20\d\d年度?)(?:同期|预算数?|决算数?)?(?:相比)?[,]?([^,;。]{0,24}?)(增加|减少|增长|下降|持平|一致|无增减|无变化)了?(${NUMBER}(?:${UNIT_PATTERN}))?(?:[,]?(增长|下降|增加|减少)?(${NUMBER})%)?`,
  'g',
);
const COMPLETION_RATE = new RegExp(String.raw`完成(?:年初|全年|调整)?预算(?:数)?的(${NUMBER})%`);
const BUDGET_AMOUNT = new RegExp(String.raw`(?:年初)?预算(?:数)?(?:为|是)?(${NUMBER})(${UNIT_PATTERN})`);
const ACTUAL_AMOUNT = new RegExp(String.raw`决算(?:数)?(?:为|是)?(${NUMBER})(${UNIT_PATTERN})`);
const WHOLE_BEFORE_LIST = new RegExp(String.raw`^(.*?)(\d[\d.]*)(${UNIT_PATTERN}),?其中`);
const DELTA = new RegExp(String.raw`^(-?\d+(?:\.\d+)?)(${UNIT_PATTERN})$`);
const COMPARISON = /决算数?(大于|小于|等于|超过|低于|高于)(?:年初|全年|调整)?预算数?/;

const SENTENCE_END = /[。!?]/;
// Words between a subject and its amount that are not part of the subject.
const SUBJECT_TAIL = /(?:为|是|达到?|共计?|合计为?|总计为?|约|安排)+$/;

function amountOf(raw: string, unit: string): StatedAmount {
  const dot = raw.indexOf('.');
  return { value: new Decimal(raw), decimals: dot < 0 ? 0 : raw.length - dot - 1, unit: unit as Unit, raw: `${raw}${unit}` };
}

function span(normal: NormalText, original: string, start: number, end: number, sentence = 0): Span {
  const range = originalRange(normal, start, end);
  return { ...range, text: original.slice(range.start, range.end), sentence };
}

/** The words just before `index` in its clause, as the subject of a number. */
function subjectBefore(text: string, clauseStart: number, index: number): string {
  const clause = text.slice(clauseStart, index);
  const pieces = clause.split(/[,:;]|其中/).at(-1)?.split('、') ?? [''];
  // "收、支总计": a one-character piece belongs with the one before it.
  let last = pieces.at(-1) ?? '';
  if (pieces.length > 1 && last.replace(SUBJECT_TAIL, '').length <= 1) last = `${pieces.at(-2)}、${last}`;
  return last
    .replace(/^(其中|主要用于以下方面|具体如下|分别为|包括|用于|以及|和|及)/, '')
    .replace(/^([(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[、.])/, '')
    .replace(SUBJECT_TAIL, '')
    .trim();
}

function sentences(text: string): Array<{ start: number; end: number }> {
  const result: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (SENTENCE_END.test(text[i]!)) {
      result.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) result.push({ start, end: text.length });
  return result;
}

/** Extracts every claim of one text block. */
export function extractClaims(original: string): Claim[] {
  const normal = normalForClaims(original);
  const text = normal.text;
  const claims: Claim[] = [];
  let previousLastAmount: AmountClaim | undefined;
  const all = sentences(text);
  all.forEach((sentence, sentenceIndex) => {
    const body = text.slice(sentence.start, sentence.end);
    // "年初预算为A，支出决算为B。决算数小于预算数的主要原因：…": the comparison opens the next sentence.
    const following = all[sentenceIndex + 1] ? text.slice(all[sentenceIndex + 1]!.start, all[sentenceIndex + 1]!.end) : '';
    const offset = sentence.start;
    const at = (start: number, end: number): Span => span(normal, original, start, end, sentenceIndex);
    const whole = WHOLE_BEFORE_LIST.exec(body);
    const wholeSubject = whole ? subjectBefore(body, 0, whole[1]!.length) : undefined;

    const changeRanges: Array<[number, number]> = [];
    for (const match of body.matchAll(CHANGE)) {
      const start = offset + match.index!;
      const end = start + match[0].length;
      changeRanges.push([start, end]);
      const before = body.slice(0, match.index!);
      // This year's amount stands in the same clause group, before the comparison, and is not
      // itself the change of an earlier comparison ("减少1140.30万元…；与2023年相比…").
      const clauseStart = before.lastIndexOf(';') + 1;
      const candidates = [...before.matchAll(AMOUNT)].filter((m) => m.index! >= clauseStart && !changeRanges.some(([a, b]) => offset + m.index! >= a && offset + m.index! < b));
      // After a finished list ("X万元，其中 a万元、b万元，较上年减少…") the change is the whole's.
      const list = LIST_MARKER.exec(before.slice(clauseStart));
      const listAt = list ? clauseStart + list.index : -1;
      const parts = list ? candidates.filter((m) => m.index! > listAt) : [];
      const whole = list ? candidates.filter((m) => m.index! < listAt).at(-1) : undefined;
      const current = parts.length >= 2 && whole ? whole : candidates.at(-1);
      const words = match[3]!;
      const named = match[2]!.replace(/^(的|其中)/, '').replace(/(各|均|分别|共|总共)$/, '').trim();
      const direction: Direction = /增/.test(words) ? 'increase' : /减|下降/.test(words) ? 'decrease' : 'flat';
      const deltaText = match[4] ? DELTA.exec(match[4]) : null;
      const pctWord = match[5];
      claims.push({
        kind: 'change',
        ...at(current ? offset + current.index! : start, end),
        subject: named || (current ? subjectBefore(body, 0, current.index!) : subjectBefore(body, 0, match.index!)),
        ...(current ? { current: amountOf(current[1]!, current[2]!) } : {}),
        against: match[1]!,
        direction,
        ...(deltaText ? { delta: amountOf(deltaText[1]!, deltaText[2]!) } : {}),
        ...(match[6]
          ? {
              percent: new Decimal(match[6]),
              percentDecimals: match[6].includes('.') ? match[6].length - match[6].indexOf('.') - 1 : 0,
              percentDirection: pctWord ? (/增/.test(pctWord) ? 'increase' : 'decrease') : direction,
            }
          : {}),
      });
    }

    const rate = COMPLETION_RATE.exec(body);
    const budget = BUDGET_AMOUNT.exec(body);
    const actual = ACTUAL_AMOUNT.exec(body);
    let comparison = COMPARISON.exec(body);
    if (!comparison && budget && actual) {
      const next = COMPARISON.exec(following);
      if (next && following.slice(0, next.index).trim() === '') {
        // Re-base the match on this sentence's body so that the claim's range covers both sentences.
        next.index += all[sentenceIndex + 1]!.start - sentence.start;
        comparison = next;
      }
    }
    if ((rate || comparison) && (budget || actual)) {
      const first = Math.min(...[budget?.index, actual?.index, rate?.index, comparison?.index].filter((i): i is number => i !== undefined));
      const last = Math.max(...[budget, actual, rate, comparison].filter((m): m is RegExpExecArray => Boolean(m)).map((m) => m.index + m[0].length));
      const word = comparison?.[1];
      claims.push({
        kind: 'completion',
        ...at(offset + first, offset + last),
        subject: subjectBefore(body, 0, first) || wholeSubject || '',
        ...(budget ? { budget: amountOf(budget[1]!, budget[2]!) } : {}),
        ...(actual ? { actual: amountOf(actual[1]!, actual[2]!) } : {}),
        ...(rate ? { rate: new Decimal(rate[1]!), rateDecimals: rate[1]!.includes('.') ? rate[1]!.length - rate[1]!.indexOf('.') - 1 : 0 } : {}),
        ...(word ? { comparison: /大于|超过|高于/.test(word) ? 'greater' : /小于|低于/.test(word) ? 'less' : 'equal' } : {}),
      });
    }

    for (const match of body.matchAll(SHARE)) {
      const start = offset + match.index!;
      const before = body.slice(0, match.index!);
      const amount = [...before.matchAll(AMOUNT)].at(-1);
      const clauseStart = Math.max(before.lastIndexOf(';'), 0);
      const pct = match[2]!;
      claims.push({
        kind: 'share',
        ...at(amount && amount.index! >= clauseStart ? offset + amount.index! : start, start + match[0].length),
        subject: amount ? subjectBefore(body, 0, amount.index!) : subjectBefore(body, 0, match.index!),
        ...(amount ? { amount: amountOf(amount[1]!, amount[2]!) } : {}),
        percent: new Decimal(pct),
        decimals: pct.includes('.') ? pct.length - pct.indexOf('.') - 1 : 0,
        of: match[1]!.replace(/的$/, ''),
      });
    }

    const amountsHere: AmountClaim[] = [];
    for (const match of body.matchAll(AMOUNT)) {
      const start = offset + match.index!;
      if (changeRanges.some(([a, b]) => start > a && start < b)) continue;
      const claim: AmountClaim = {
        kind: 'amount',
        ...at(start, start + match[0].length),
        subject: subjectBefore(body, 0, match.index!),
        amount: amountOf(match[1]!, match[2]!),
        ...(wholeSubject && match.index! > (whole?.[0].length ?? 0) - 3 ? { whole: wholeSubject } : {}),
        at: match.index!,
      };
      claims.push(claim);
      amountsHere.push(claim);
    }

    const enumeration = enumerationOf(body, offset, amountsHere, previousLastAmount);
    if (enumeration) {
      claims.push({ kind: 'enumeration', ...at(enumeration.start, enumeration.end), whole: enumeration.whole, parts: enumeration.parts, open: enumeration.open });
    }
    previousLastAmount = amountsHere.at(-1) ?? previousLastAmount;
  });
  return claims;
}

const LIST_MARKER = /其中[,:]?|主要用于以下方面[,:]?|具体(?:包括|如下)[,:]?|分别为[,:]?|包括[,:]?/;

/**
 * "X万元，其中：a万元、b万元…": the amount just before the marker is the whole, the amounts after
 * it (up to a nested 其中) its parts. A sentence that opens with 其中 lists the parts of the
 * previous sentence's last amount.
 */
function enumerationOf(
  body: string,
  offset: number,
  amounts: AmountClaim[],
  previousLast: AmountClaim | undefined,
): { whole: AmountClaim; parts: AmountClaim[]; open: boolean; start: number; end: number } | null {
  const marker = LIST_MARKER.exec(body);
  if (!marker) return null;
  const markerAt = offset + marker.index;
  const startsWithMarker = body.slice(0, marker.index).replace(/[(（]?[一二三四五六七八九十\d]+[)）、.]?/g, '').trim() === '';
  const before = amounts.filter((a) => a.at < marker.index);
  const whole = before.at(-1) ?? (startsWithMarker ? previousLast : undefined);
  if (!whole) return null;
  const nested = body.indexOf('其中', marker.index + marker[0].length);
  let limit = nested < 0 ? body.length : nested;
  if (nested >= 0) {
    // The clause that opens the next list ("；本单位当年预算支出 123.98 万元，其中…") is not a part.
    const semicolon = body.lastIndexOf(';', nested);
    const nextWhole = amounts.filter((a) => a.at < nested).at(-1);
    if (semicolon > marker.index) limit = semicolon;
    else if (nextWhole && nextWhole.at > marker.index) limit = nextWhole.at;
  }
  // A clause opening with a year starts a new statement ("，2024年度…涉及资金679.55万元").
  const newStatement = /[,;]20\d\d年/.exec(body.slice(marker.index));
  if (newStatement) limit = Math.min(limit, marker.index + newStatement.index);
  const parts = amounts.filter((a) => a.at > marker.index && a.at < limit);
  if (!parts.length) return null;
  const open = marker[0].startsWith('包括') || /等(?:项目|方面|支出)?[。;]?$/.test(body.slice(0, limit).trim());
  return { whole, parts, open, start: markerAt, end: offset + limit };
}
