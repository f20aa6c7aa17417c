import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { flattenDeepNesting, MAX_HTML_DEPTH } from '../../../lib/extract/html-depth';

describe('flattenDeepNesting (the CLI’s guard against quadratic parsing)', () => {
  it('leaves ordinary pages untouched, unclosed <p>, <li> and <td> included', () => {
    const page = `<html><body>${'<p>段落'.repeat(2000)}<ul>${'<li>项'.repeat(2000)}</ul><table>${'<tr><td>1<td>2'.repeat(1000)}</table></body></html>`;
    expect(flattenDeepNesting(page)).toBe(page);
  });

  it('flattens 50,000 nested wrappers in linear time and keeps the table beneath them', () => {
    const page = `<html><body>${'<div><span>'.repeat(50_000)}<table><tr><td>合计</td><td>3.00</td></tr></table></body></html>`;
    const started = performance.now();
    const flat = flattenDeepNesting(page);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(flat.length).toBeLessThan(page.length / 10);
    const { document } = parseHTML(flat);
    expect(document.querySelector('td')?.textContent).toBe('合计');
    let depth = 0;
    for (let el: Element | null = document.querySelector('td'); el; el = el.parentElement) depth += 1;
    expect(depth).toBeLessThanOrEqual(2 * MAX_HTML_DEPTH + 2);
  });

  it('ignores tags inside scripts, styles and comments', () => {
    const page = `<html><body><script>${'<div>'.repeat(5000)}</script><!-- ${'<span>'.repeat(5000)} --><p>x</p></body></html>`;
    expect(flattenDeepNesting(page)).toBe(page);
  });
});
