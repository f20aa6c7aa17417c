import { identifyTableKind } from './table-title';

/**
 * What the document is: whose disclosure, which year, 预算 or 决算, department or unit level.
 * The title decides first: a 决算 document talks about 年初预算 and 一般公共预算 all the time, and a
 * budget mentions last year's 决算, so counting words in the body is only the last resort.
 */

export interface DocumentIdentity {
  department?: string;
  year?: number;
  kind: 'budget' | 'final' | 'unknown';
  unitLevel?: 'department' | 'unit';
}

export interface IdentityInput {
  title: string;
  headings: readonly string[];
  /** Text of the first pages (or the start of a page), one line per block. */
  firstText: string;
  tableTitles: readonly string[];
  /** Lines just above the tables ("编制单位：…  单位：元"), where forms name their department. */
  metaLines?: readonly string[];
}

const MAX_TEXT = 400;
const MAX_FIRST_TEXT = 20_000;
const MAX_FIRST_LINES = 200;
const MAX_META_LINES = 200;
const MAX_HEADINGS = 12;
const MAX_TABLE_TITLES = 60;

const DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const YEAR = /((?:19|20)\d{2}|[一二][〇零○Ｏ九一二三四五六七八][〇零○Ｏ一二三四五六七八九][〇零○Ｏ一二三四五六七八九])\s*年/;

/** Organisations end like this; regions (省, 市, 区, 县) and levels (本级, 区级) do not. */
const ORG_END = /(?:局|厅|委|办|处|院|中心|会|所|站|队|室|部|社|馆|校|园|团|台|署|府|司|团|库|场|委员会|办公室|办事处|政府|法院|检察院|公司|集团|大学|学院|医院|党校|协会|联合会|监狱|研究院|研究所)$/;

const FINAL_WORDS = /(?:部门|单位|年度|年)决算|决算(?:公开|表|说明|报告|报表)/g;
const BUDGET_WORDS = /(?:部门|单位|综合|区级|市级|省级|县级|年度|年)预算(?:公开|表|说明|报告|报表)?|预算(?:公开|表|说明|报表)/g;

/** Whitespace inside a Chinese phrase is layout ("株洲市 XX 局", "2024 年"), not meaning. */
function squeeze(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[*#]+/g, ' ')
    .replace(/[“”"「」]/g, '')
    .replace(/\s+/g, '');
}

function clip(text: unknown, max = MAX_TEXT): string {
  return typeof text === 'string' ? text.slice(0, max) : '';
}

function yearOf(text: string): number | undefined {
  const m = YEAR.exec(text);
  if (!m) return undefined;
  const digits = [...m[1]!].map((c) => DIGIT[c] ?? c).join('');
  const year = Number(digits);
  return year >= 1990 && year <= 2099 ? year : undefined;
}

/** 预算 or 决算 in one piece of text: the phrase that comes first decides, plain 决算 counts in a title. */
function kindIn(text: string, loose: boolean): DocumentIdentity['kind'] {
  const key = squeeze(text);
  const finalAt = firstIndex(loose ? /决算/g : FINAL_WORDS, key);
  // "一般公共预算", "年初预算", "预算数" are table vocabulary, not the document's kind.
  const budgetAt = firstIndex(loose ? /(?<!一般公共|一般|年初|全年|调整)预算(?!数|执行|调整)/g : BUDGET_WORDS, key);
  if (finalAt < 0 && budgetAt < 0) return 'unknown';
  if (finalAt < 0) return 'budget';
  if (budgetAt < 0) return 'final';
  return finalAt <= budgetAt ? 'final' : 'budget';
}

function firstIndex(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  return m ? m.index : -1;
}

function countOf(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

function unitLevelIn(text: string): DocumentIdentity['unitLevel'] {
  const key = squeeze(text);
  // "部门（单位）综合预算" names both: no verdict from it.
  const unit = /(?<!部门\(?)单位(?:综合)?(?:预算|决算)/.test(key);
  const department = /部门(?:综合)?(?:预算|决算)/.test(key);
  if (unit && !department) return 'unit';
  if (department && !unit) return 'department';
  return undefined;
}

function cleanName(name: string): string | undefined {
  const trimmed = name
    .replace(/^(?:关于|附件\d*[:：]?|\d+[_-]+)/, '')
    .replace(/(?:部门|单位|本级)+$/, '')
    .replace(/[()（）]+$/, '');
  return trimmed.length >= 3 && trimmed.length <= 40 && ORG_END.test(trimmed) && !/[:：,，。;；]/.test(trimmed) ? trimmed : undefined;
}

/** "株洲市荷塘区医疗保障局2020年度部门预算", "2024年度株洲市医疗保障局部门决算", "XX局部门预算". */
function departmentInTitle(text: string): string | undefined {
  const key = squeeze(text);
  const beforeYear = /^(.{2,40}?)(?:(?:19|20)\d{2}|[一二][〇零○Ｏ九一二三四五六七八]{3})年/.exec(key);
  if (beforeYear) {
    const name = cleanName(beforeYear[1]!);
    if (name) return name;
  }
  const afterYear = /年度?(.{2,40}?)(?:部门|单位)?(?:综合)?(?:预算|决算)/.exec(key);
  if (afterYear) {
    const name = cleanName(afterYear[1]!);
    if (name) return name;
  }
  const noYear = /^(.{2,40}?)(?:部门|单位)(?:综合)?(?:预算|决算)/.exec(key);
  if (noYear) return cleanName(noYear[1]!);
  return undefined;
}

/** Meta lines: "预算主管部门：…", "部 门:…", "部门（单位）名称：…", "单位: 473002_…". Strongest label first. */
const META_LABELS = [
  /(?:预算)?主管部门/,
  /部门(?:\(单位\))?名称/,
  /编制(?:部门|单位)|预算单位|填报(?:部门|单位)/,
  /^部门/,
  /单位名称(?:\(全称\))?/,
  /^单位/,
];

/** The fields of a meta line; a label standing alone ("部门：      江苏省…") takes the field after the gap. */
function fieldsOf(line: string): string[] {
  const segments = line.split(/\t|\s{2,}|\u3000{2,}/).filter((segment) => segment.trim());
  const fields: string[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    if (/[:：]\s*$/.test(segment) && i + 1 < segments.length && !/[:：]/.test(segments[i + 1]!)) {
      fields.push(segment + segments[i + 1]!);
      i += 1;
    } else fields.push(segment);
  }
  return fields;
}

function departmentInMeta(lines: readonly string[]): string | undefined {
  const found: Array<{ rank: number; name: string }> = [];
  for (const line of lines) {
    for (const segment of fieldsOf(line)) {
      const key = squeeze(segment);
      const m = /^(.{1,14}?)[:：](.{2,60})$/.exec(key);
      if (!m) continue;
      const rank = META_LABELS.findIndex((label) => label.test(m[1]!));
      if (rank < 0) continue;
      const name = cleanName(m[2]!.replace(/^[0-9A-Za-z]+[_\-－]/, ''));
      if (name) found.push({ rank, name });
    }
  }
  found.sort((a, b) => a.rank - b.rank);
  return found[0]?.name;
}

/** A heading that is nothing but an organisation's name ("**西乡县医疗保险基金管理中心**"). */
function departmentAlone(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const key = squeeze(line);
    if (key.length <= 40 && !/\d|年|[:：]/.test(key)) {
      const name = cleanName(key);
      if (name) return name;
    }
  }
  return undefined;
}

function linesOf(text: string, max: number): string[] {
  return text.split(/\r?\n/).slice(0, max).map((l) => l.slice(0, MAX_TEXT)).filter((l) => l.trim());
}

export function identifyDocument(input: IdentityInput): DocumentIdentity {
  const title = clip(input?.title);
  const headings = (Array.isArray(input?.headings) ? input.headings : []).slice(0, MAX_HEADINGS).map((h) => clip(h));
  const firstText = clip(input?.firstText, MAX_FIRST_TEXT);
  const firstLines = linesOf(firstText, MAX_FIRST_LINES);
  const metaLines = (Array.isArray(input?.metaLines) ? input.metaLines : []).slice(0, MAX_META_LINES).map((l) => clip(l));
  const tableTitles = (Array.isArray(input?.tableTitles) ? input.tableTitles : []).slice(0, MAX_TABLE_TITLES).map((t) => clip(t));

  // A title split over two lines or two headings ("2024年度" / "株洲市医疗保障局部门决算").
  const opening = [title, headings.slice(0, 2).join(''), firstLines.slice(0, 2).join('')];

  const kind = documentKind(title, headings, firstLines, firstText, tableTitles);

  let year: number | undefined;
  for (const text of [title, ...headings.slice(0, 4), ...firstLines.slice(0, 6)]) {
    year = yearOf(squeeze(text));
    if (year) break;
  }
  if (!year) for (const t of tableTitles) if ((year = yearOf(squeeze(t)))) break;

  let department: string | undefined;
  for (const text of [...opening, ...headings.slice(0, 4)]) if ((department = departmentInTitle(text))) break;
  department ??= departmentInMeta([...headings, ...firstLines, ...tableTitles, ...metaLines]) ?? departmentAlone([...headings.slice(0, 4), ...firstLines.slice(0, 4)]);
  department ??= firstLines.slice(0, 6).map(departmentInTitle).find(Boolean);

  let unitLevel: DocumentIdentity['unitLevel'];
  for (const text of [title, ...headings.slice(0, 4), ...firstLines.slice(0, 6)]) if ((unitLevel = unitLevelIn(text))) break;

  return {
    kind,
    ...(department ? { department } : {}),
    ...(year ? { year } : {}),
    ...(unitLevel ? { unitLevel } : {}),
  };
}

function documentKind(
  title: string,
  headings: readonly string[],
  firstLines: readonly string[],
  firstText: string,
  tableTitles: readonly string[],
): DocumentIdentity['kind'] {
  const fromTitle = kindIn(title, true);
  if (fromTitle !== 'unknown') return fromTitle;
  for (const text of [...headings, ...firstLines.slice(0, 6)]) {
    const k = kindIn(text, false);
    if (k !== 'unknown') return k;
  }
  let final = 0;
  let budget = 0;
  for (const t of tableTitles) {
    const family = identifyTableKind(t).family;
    if (family === 'final' || /决算/.test(t)) final++;
    else if (family === 'budget' || /预算/.test(t)) budget++;
  }
  if (final !== budget) return final > budget ? 'final' : 'budget';
  const key = squeeze(firstText);
  final = countOf(FINAL_WORDS, key);
  budget = countOf(BUDGET_WORDS, key);
  if (final === budget) return 'unknown';
  return final > budget ? 'final' : 'budget';
}
