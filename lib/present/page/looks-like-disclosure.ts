/**
 * Whether a page looks like a budget / final-account disclosure, from cheap signals only.
 * Pure: the content script gathers the signals (./page-signals.ts) and asks this.
 * Both halves must hold — a keyword somewhere on the page AND a table that looks like a
 * budget table — so that a news article mentioning 部门预算 does not wake the checker.
 */

export interface PageSignals {
  title: string;
  /** The first few KB of the body's text. */
  text: string;
  /** For each table (up to a few dozen), the text of its first rows, cells joined by spaces. */
  tableHeads: string[];
}

const DOCUMENT_KEYWORDS = [
  '部门预算',
  '部门决算',
  '单位预算',
  '单位决算',
  '预算公开',
  '决算公开',
  '收支总表',
  '收支预算总表',
  '收支决算总表',
  '三公',
  '一般公共预算',
  '政府性基金预算',
  '财政拨款收支',
  '预算情况说明',
  '决算情况说明',
];

/** Words of a budget table's header or first rows; two distinct ones make a table look budgetary. */
const TABLE_WORDS = [
  '合计',
  '总计',
  '小计',
  '项目',
  '预算数',
  '决算数',
  '科目编码',
  '科目名称',
  '功能分类',
  '经济分类',
  '基本支出',
  '项目支出',
  '本年收入',
  '本年支出',
  '财政拨款',
  '上年结转',
  '年初预算',
];

const UNIT_LINE = /(金额)?单位\s*[:：]\s*(万元|元|亿元|千元)/;

/** Spaces (incl. U+3000 and nbsp) can split words in Word-exported markup (合\u3000计). */
function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

export function hasDisclosureKeyword(title: string, text: string): boolean {
  const haystack = squeeze(`${title}\n${text}`);
  return DOCUMENT_KEYWORDS.some((word) => haystack.includes(word));
}

export function looksLikeBudgetTable(head: string): boolean {
  const squeezed = squeeze(head);
  if (UNIT_LINE.test(squeezed)) return true;
  let hits = 0;
  for (const word of TABLE_WORDS) {
    if (squeezed.includes(word) && ++hits >= 2) return true;
  }
  return false;
}

export function looksLikeDisclosure(signals: PageSignals): boolean {
  if (!hasDisclosureKeyword(signals.title, signals.text)) return false;
  return signals.tableHeads.some(looksLikeBudgetTable);
}
