// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';

import { parseHTML } from 'linkedom';
import { createHighlights, rangeOverText } from '../../../../lib/present/page/highlights';

describe('highlights', () => {
  it('is a no-op where CSS Custom Highlights do not exist', () => {
    const { document } = parseHTML('<html><body><p>x</p></body></html>');
    const h = createHighlights(document);
    expect(() => {
      h.set('error', []);
      h.clear('error');
      h.destroy();
    }).not.toThrow();
  });

  it('maps collapsed-text offsets back onto text nodes', () => {
    document.body.innerHTML = '<p id="p">  比上年 <b>增长</b>\n   5.2%，主要原因</p>';
    const p = document.getElementById('p')!;
    // Collapsed text: "比上年 增长 5.2%，主要原因"
    const range = rangeOverText(p, 4, 11);
    expect(range?.toString()).toBe('增长\n   5.2%');
    expect(rangeOverText(p, 5, 4)).toBeNull();
    expect(rangeOverText(p, 0, 999)).toBeNull();
  });
});
