import type { Lang } from './i18n';

/**
 * Short explanations of the budget terms findings use, shown on hover (an <abbr> title) and on
 * the help page. Kept to words a citizen meets in Budget Lens's own text.
 */

export interface Term {
  term: string;
  zh: string;
  en: string;
}

export const GLOSSARY: readonly Term[] = [
  { term: '勾稽', zh: '表格之间、表格内部本应相等的数字关系，例如合计等于各项之和、两张表的同一数字相同。', en: 'The relations figures must satisfy: a total equals the sum of its items, the same figure is the same in two tables.' },
  { term: '尾数误差', zh: '每个数字四舍五入到分或万元的两位小数后，合计与各项相加可能差几分，这是正常的。', en: 'Rounding: when every figure is rounded, a total may differ from the sum of its rounded items by a few units of the last digit.' },
  { term: '合计', zh: '各项加起来的总数。', en: 'The total of the items above or beside it.' },
  { term: '功能分类', zh: '按钱用在什么事情上分类（如教育、卫生健康），编码 3 位为类、5 位为款、7 位为项。', en: 'Classification by purpose (education, health …): 3-digit classes, 5-digit groups, 7-digit items.' },
  { term: '经济分类', zh: '按钱怎么花分类（如工资福利、商品和服务），编码 3 位为类、5 位为款。', en: 'Classification by economic nature (wages, goods and services …).' },
  { term: '三公', zh: '“三公”经费：因公出国（境）费、公务用车购置及运行费、公务接待费。', en: 'The “three public expenses”: official travel abroad, official vehicles, official hospitality.' },
  { term: '基本支出', zh: '保障机构日常运转的支出：人员经费和公用经费。', en: 'Basic expenditure: staff costs and running costs.' },
  { term: '项目支出', zh: '为完成特定任务安排的支出。', en: 'Project expenditure for specific tasks.' },
  { term: '财政拨款', zh: '由财政部门拨给本部门的资金。', en: 'Money allocated by the finance bureau.' },
  { term: '决算', zh: '一年结束后实际收支的报告。', en: 'The final account: what was actually received and spent in the year.' },
  { term: '结转', zh: '上年没有用完、转到本年继续使用的资金。', en: 'Money carried over from last year.' },
];

/** The glossary terms that occur in a text, longest first (so "尾数误差" wins over shorter terms). */
export function termsIn(text: string): Term[] {
  return GLOSSARY.filter((entry) => text.includes(entry.term)).sort((a, b) => b.term.length - a.term.length);
}

export function explain(term: Term, lang: Lang): string {
  return lang === 'en' ? term.en : term.zh;
}

/**
 * Splits a text into plain pieces and glossary terms, in order, so a component can wrap each term
 * in an <abbr> without ever turning text into markup.
 */
export function splitTerms(text: string): Array<{ text: string; term?: Term }> {
  const terms = termsIn(text);
  if (!terms.length) return [{ text }];
  const out: Array<{ text: string; term?: Term }> = [];
  let rest = text;
  while (rest) {
    let best: { at: number; term: Term } | null = null;
    for (const term of terms) {
      const at = rest.indexOf(term.term);
      if (at >= 0 && (!best || at < best.at)) best = { at, term };
    }
    if (!best) {
      out.push({ text: rest });
      break;
    }
    if (best.at > 0) out.push({ text: rest.slice(0, best.at) });
    out.push({ text: best.term.term, term: best.term });
    rest = rest.slice(best.at + best.term.term.length);
  }
  return out;
}
