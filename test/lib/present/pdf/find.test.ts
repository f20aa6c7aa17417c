import { describe, expect, it } from 'vitest';
import { findInPages, itemStarts, locate } from '../../../../lib/present/pdf/find';

describe('find in the PDF’s text', () => {
  it('finds across pages, ignoring spacing, case and full-width digits', () => {
    const pages = ['一般公共预算 财政拨款收入 19.99', '预 算 数 １９.９９ 万元', 'Total 19.99'];
    expect(findInPages(pages, '19.99').map((h) => h.page)).toEqual([1, 2, 3]);
    const [, second] = findInPages(pages, '19.99');
    expect(pages[1]!.slice(second!.start, second!.end)).toBe('１９.９９');
    expect(findInPages(pages, '预算数')).toEqual([{ page: 2, start: 0, end: 5 }]);
    expect(findInPages(pages, 'TOTAL')).toEqual([{ page: 3, start: 0, end: 5 }]);
    expect(findInPages(pages, '   ')).toEqual([]);
    expect(findInPages(pages, '不存在')).toEqual([]);
  });

  it('stops at the limit and never loops on repeated characters', () => {
    expect(findInPages(['aaaa'], 'aa')).toHaveLength(2);
    expect(findInPages(['a'.repeat(5000)], 'a', 10)).toHaveLength(10);
  });

  it('maps joined-text offsets back to text items', () => {
    const items = ['合计', '', '19.99', '万元'];
    const starts = itemStarts(items);
    expect(starts).toEqual([0, 2, 2, 7]);
    expect(locate(starts, items, 0)).toEqual({ item: 0, offset: 0 });
    expect(locate(starts, items, 3)).toEqual({ item: 2, offset: 1 });
    expect(locate(starts, items, 8)).toEqual({ item: 3, offset: 1 });
    expect(locate(starts, items, 9)).toBeNull();
  });
});
