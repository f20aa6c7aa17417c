import type { Category } from './schema';

/**
 * How findings are grouped for readers, in the popup and in the CLI alike: the tables' own
 * arithmetic, the text against the tables, and the year-over-year story.
 */
export type CategoryGroup = 'table' | 'text' | 'yoy';

export const GROUP_LABEL: Record<CategoryGroup, string> = { table: '表内勾稽', text: '文字与表格', yoy: '同比' };
export const GROUP_ORDER: readonly CategoryGroup[] = ['table', 'text', 'yoy'];

export function groupOf(category: Category): CategoryGroup {
  switch (category) {
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
