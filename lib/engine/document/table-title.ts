import {
  HEADER_CORRECTIONS,
  TABLE_KINDS,
  UNKNOWN_TABLE,
  kindEntry,
  matchKey,
  patternMatches,
  type TableFamily,
  type TableKind,
} from './table-kinds';

/**
 * A table's title and kind from the text around it. Titles sit among unit lines ("金额单位：元"),
 * meta lines ("单位名称：区医保局", "部门：…  2024年度  公开08表"), bare numbers ("附件6", "表1")
 * and dates; the number is kept apart because templates renumber tables (match by title).
 */

export interface PickedTitle {
  title: string;
  /** "公开03表", "附件6", "表1", "附表1" when one stands with or next to the title. */
  number?: string;
}

export interface TableKindMatch {
  kind: TableKind;
  /** Canonical Chinese name from the catalogue. */
  name: string;
  family: TableFamily;
  /** Which classification the title says the rows follow, when it says so. */
  classification?: 'function' | 'government-economic' | 'department-economic' | 'economic';
  /** The kind the title alone named, when the header overruled it (a mislabelled table: rulebook N-09). */
  titleKind?: TableKind;
}

/** Titles are short; anything longer is prose or garbage and is not matched at all. */
const MAX_TITLE = 120;
const MAX_LINE = 300;

const CN_NUM = '[0-9一二三四五六七八九十〇零○]{1,4}';
const NUMBER_TOKEN = new RegExp(
  `公开\\s*${CN_NUM}\\s*表|^(?:附件|附表)\\s*${CN_NUM}(?:-\\d{1,3})?|^表\\s*(?:\\d{1,3}(?:-\\d{1,3})?|[一二三四五六七八九十]{1,3}(?=$|[\\s:：、.．]))`,
);
/** "一、", "(一)", "（十二）", "1.", "1、", "12．", "- " list markers before a title. */
const ENUMERATION = /^(?:[-•·]\s*)?(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?!\d))\s*/;
const META = /^[（(]?\s*(?:金额|计量)?\s*单\s*位\s*[:：]|^(?:编制|填报|预算|主管|预算主管)?\s*(?:部\s*门|单\s*位)\s*(?:[（(]\s*单位\s*[)）])?\s*(?:名\s*称)?\s*(?:[（(]\s*全称\s*[)）])?\s*[:：]|^(?:编制|填报)(?:部门|单位|机关)|^(?:注|说明)\s*[:：]|^(?:备注)/;
const DATE = /^[（(]?\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:度|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*[)）]?$|^\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?$/;
const PAGE_NUMBER = /^[-—－–\s]*\d{1,4}[-—－–\s]*$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/;
const CONTINUED = /^[（(]?\s*续\s*(?:表|上表|前表)?\s*[)）]?$/;
const SENTENCE = /[。；;！？!?，,]/;
const ENDS_LIKE_TITLE = /表\s*(?:[（(][^（()）]{0,30}[)）]\s*)*$/;
const HAN = /\p{Script=Han}/u;

interface Segment {
  text: string;
  number?: string;
}

/** Markdown/bold marks and list markers around a line, as Word and Markdown renderings leave them. */
function tidy(text: string): string {
  return text
    .replace(/[*#]+/g, ' ')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split one text line into its visual segments (tabs or runs of spaces), joining letter-spaced words. */
function segmentsOf(line: string): string[] {
  if (typeof line !== 'string' || line.length > MAX_LINE) return [];
  // A unit or organisation line run into the title with one space ("…支出表 单位：万元", as a
  // <caption> holding both reads) is a segment of its own.
  const raw = line
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s+(?=[(（]?\s*(?:金额|计量)?\s*单\s*位\s*[:：]|(?:编制|填报)?\s*部\s*门\s*[:：])/g, '\t')
    .split(/\t|\s{2,}/)
    .map(tidy)
    .filter(Boolean);
  // "收  支  总  表" comes out of PDFs as one-character segments: that is one word.
  if (raw.length > 1 && raw.every((s) => s.length <= 2)) return [raw.join('')];
  return raw;
}

/** Take a number token ("公开03表", "附件6", "表1") off a segment, leaving the rest as title text. */
function splitNumber(segment: string): Segment {
  let text = segment.replace(ENUMERATION, '');
  const m = NUMBER_TOKEN.exec(text);
  if (!m) return { text };
  const number = m[0].replace(/\s+/g, '');
  text = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).replace(/^[\s:：、.．-]+|[\s:：]+$/g, '').trim();
  return { text, number };
}

function isNoise(text: string): boolean {
  return !text || META.test(text) || DATE.test(text) || PAGE_NUMBER.test(text) || CONTINUED.test(text) || !HAN.test(text);
}

function isTitleLike(text: string): boolean {
  return text.length <= 80 && !SENTENCE.test(text) && !/[:：]/.test(text);
}

interface Line {
  title?: string;
  numbers: string[];
}

/** One source line: its title-like text (if any) and any number tokens in it. */
function readLine(line: string): Line {
  const numbers: string[] = [];
  let title: string | undefined;
  for (const segment of segmentsOf(line)) {
    const { text, number } = splitNumber(segment);
    if (number) numbers.push(number);
    if (title === undefined && !isNoise(text) && isTitleLike(text)) title = text;
  }
  return title === undefined ? { numbers } : { title, numbers };
}

/**
 * Choose the title among the lines just above a table (nearest last) and its `<caption>`.
 * Preference: the caption if it names a catalogued table; the nearest line that names one and
 * ends like a title ("…表", "…表（按…）"); the nearest line that names one; the nearest line
 * ending like a title; the caption; nothing.
 */
export function pickTableTitle(before: readonly string[], caption: string): PickedTitle {
  const lines = (Array.isArray(before) ? before : []).slice(-12).map(readLine);
  caption = typeof caption === 'string' ? caption : '';
  const cap = readLine(caption);
  const known = (t: string | undefined): t is string => t !== undefined && identifyTableKind(t).kind !== 'unknown';
  const titled = (t: string | undefined): t is string => t !== undefined && ENDS_LIKE_TITLE.test(t);

  const nearest = (test: (t: string | undefined) => boolean): number => {
    for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i]!.title)) return i;
    return -1;
  };

  // A catalogued <caption> is the table's own title; a line above may belong to an empty table
  // that was left out ("收入总表" then "本表无数据", then the next table).
  let index = -1;
  let title: string | undefined;
  let fromCaption = false;
  if (known(cap.title)) fromCaption = true;
  else {
    index = nearest((t) => known(t) && titled(t));
    if (index < 0) index = nearest(known);
    if (index < 0) index = nearest(titled);
    if (index < 0 && cap.title) fromCaption = true;
  }
  if (fromCaption) title = cap.title;
  else if (index >= 0) title = lines[index]!.title;
  if (title === undefined) {
    const number = cap.numbers[0] ?? nearestNumber(lines);
    const plain = tidy(caption.slice(0, MAX_LINE)).slice(0, MAX_TITLE);
    const fallback = cap.title ?? (META.test(plain) ? '' : plain);
    return number ? { title: fallback, number } : { title: fallback };
  }

  const number = fromCaption ? (cap.numbers[0] ?? nearestNumber(lines)) : numberAround(lines, index);
  return number ? { title, number } : { title };
}

/** A number on the title line itself, else the nearest between title and table, else just above the title. */
function numberAround(lines: Line[], index: number): string | undefined {
  const own = lines[index]!.numbers[0];
  if (own) return own;
  for (let i = lines.length - 1; i > index; i--) if (lines[i]!.numbers[0]) return lines[i]!.numbers[0];
  for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
    if (lines[i]!.numbers[0]) return lines[i]!.numbers[0];
    if (lines[i]!.title) break;
  }
  return undefined;
}

function nearestNumber(lines: Line[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.numbers[0]) return lines[i]!.numbers[0];
  return undefined;
}

function classificationOf(key: string): TableKindMatch['classification'] {
  if (/政府(?:预算)?经济分类|\(政府预算\)/.test(key)) return 'government-economic';
  if (/部门(?:预算)?经济分类|\(部门预算\)/.test(key)) return 'department-economic';
  if (/功能(?:分类|科目)/.test(key)) return 'function';
  if (/经济(?:分类|科目)/.test(key)) return 'economic';
  return undefined;
}

/**
 * The catalogue kind of a table title. `headerText` (the header cells joined) may correct a title
 * that names the wrong table or name an untitled one (see HEADER_CORRECTIONS).
 */
export function identifyTableKind(title: string, context?: { headerText?: string }): TableKindMatch {
  const key = matchKey(splitNumber(tidy(String(title ?? '').slice(0, MAX_LINE))).text);
  let entry = UNKNOWN_TABLE;
  if (key && key.length <= MAX_TITLE) {
    entry = TABLE_KINDS.find((e) => e.patterns.some((p) => patternMatches(p, key))) ?? UNKNOWN_TABLE;
  }
  const header = typeof context?.headerText === 'string' ? matchKey(context.headerText.slice(0, 4000)) : '';
  const titleKind = entry.kind;
  if (header) {
    const correction = HEADER_CORRECTIONS.find((c) => c.from === entry.kind && c.header.test(header));
    if (correction) {
      const family = entry.family === 'both' ? undefined : entry.family;
      entry = kindEntry(correction.to, family);
    }
  }
  const classification = key.length <= MAX_TITLE ? classificationOf(key) : undefined;
  return {
    kind: entry.kind,
    name: entry.name,
    family: entry.family,
    ...(classification ? { classification } : {}),
    ...(titleKind !== entry.kind && titleKind !== 'unknown' ? { titleKind } : {}),
  };
}
