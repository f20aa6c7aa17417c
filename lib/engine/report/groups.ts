import type { Category } from './schema';
import { isRuleId, ruleEntry } from '../checks/catalogue';

/**
 * How findings are grouped for readers, in the popup and in the CLI alike: the tables' own
 * arithmetic, the text against the tables, and the year-over-year story. The rule catalogue
 * (lib/engine/checks/catalogue.ts) says which group each rule belongs to.
 */
export type CategoryGroup = 'table' | 'text' | 'yoy';

export const GROUP_LABEL: Record<CategoryGroup, string> = { table: '表内勾稽', text: '文字与表格', yoy: '同比' };
export const GROUP_ORDER: readonly CategoryGroup[] = ['table', 'text', 'yoy'];

/** The reader group of a finding: its rule's, from the catalogue (the category only for a rule it does not know). */
export function groupOf(finding: { rule: string; category: Category }): CategoryGroup {
  if (isRuleId(finding.rule)) return ruleEntry(finding.rule).group;
  switch (finding.category) {
    case 'yoy':
      return 'yoy';
    case 'text-vs-table':
    case 'share':
    case 'direction':
    case 'wording':
      return 'text';
    default:
      return 'table';
  }
}
