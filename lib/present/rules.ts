import type { Lang } from './i18n';

/**
 * The name of a rule for readers. The engine's rule catalogue (Chinese and English descriptions)
 * is the source when it knows the rule; these family names cover the rest.
 */

const FAMILIES: Record<string, { zh: string; en: string }> = {
  sum: { zh: '表内合计与各项之和（勾稽关系）', en: 'Totals against their items' },
  cross: { zh: '表与表之间的一致性（勾稽关系）', en: 'Agreement between tables' },
  text: { zh: '说明文字与数字', en: 'Text against figures' },
  label: { zh: '科目编码与名称', en: 'Classification codes and names' },
  doc: { zh: '必须公开的表格', en: 'Required tables' },
  perf: { zh: '绩效目标表', en: 'Performance tables' },
};

let catalogue: ((rule: string, lang: Lang) => string | undefined) | null = null;

/** Lets the engine's catalogue name rules (set once where it is available). */
export function useRuleCatalogue(lookup: (rule: string, lang: Lang) => string | undefined): void {
  catalogue = lookup;
}

export function ruleTitle(rule: string, lang: Lang = 'zh'): string {
  const known = catalogue?.(rule, lang);
  if (known) return known;
  const family = FAMILIES[rule.split('.')[0] ?? ''];
  return family ? family[lang] : rule;
}
