// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createOverlay, OVERLAY_TAG } from '../../../../lib/present/page/overlay';
import { finding, report } from './report-fixture';
import { findingKey } from '../../../../lib/present/view-model';

function page() {
  document.body.innerHTML = `<p>单位：万元</p><table id="t1"><tr><td>名称</td><td>总计</td><td>办公费</td></tr>
    <tr><td>医保局</td><td id="total">19.99</td><td id="office">4.50</td></tr></table>`;
  const elements = new Map<string, Element>([
    ['t1', document.getElementById('t1')!],
    ['t1.r2.c2', document.getElementById('total')!],
    ['t1.r2.c3', document.getElementById('office')!],
  ]);
  return elements;
}

const wait = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('page overlay', () => {
  let controller = new AbortController();
  afterEach(() => {
    controller.abort();
    controller = new AbortController();
    document.body.innerHTML = '';
  });

  it('draws marks, badges and chips in one shadow root, leaving the table untouched', async () => {
    const elements = page();
    const before = document.getElementById('t1')!.outerHTML;
    const overlay = createOverlay(document, controller.signal);
    overlay.render({ report: report([finding({ id: 'f1', severity: 'error' })]), elements, showInfo: true });
    await wait();
    expect(document.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
    expect(overlay.host.parentElement).toBe(document.documentElement);
    const root = overlay.host.shadowRoot!;
    const badge = root.querySelector<HTMLButtonElement>('.badge.error')!;
    // An SVG icon, not a glyph from a font; the words are on the button.
    expect(badge.querySelector('svg')).not.toBeNull();
    expect(badge.getAttribute('aria-label')).toBe('错误：这一栏的合计比各项相加多 0.10。合计 19.99 · 各项相加 19.89 · 相差 0.10');
    expect(root.querySelectorAll('.mark.error')).toHaveLength(1);
    expect(Array.from(root.querySelectorAll('.chip')).map((c) => c.textContent)).toEqual(['预算透镜：1 处错误']);
    // The navigator steps between the findings.
    expect(root.querySelector('.nav .pos')!.textContent).toBe('0/1'.replace('0/', '–/'));
    expect(document.getElementById('t1')!.outerHTML).toBe(before);
  });

  it('draws a finding that rests on a doubtful reading (basis reading) apart from a document error', async () => {
    const elements = page();
    const overlay = createOverlay(document, controller.signal);
    overlay.render({ report: report([finding({ id: 'f1', severity: 'warning', basis: 'reading' })]), elements, showInfo: true });
    await wait();
    const root = overlay.host.shadowRoot!;
    expect(root.querySelectorAll('.mark.warning.reading')).toHaveLength(1);
    expect(root.querySelector('.badge.reading')!.getAttribute('aria-label')).toContain('可能为读取问题');
  });

  it('never turns page text into markup', async () => {
    const elements = page();
    const overlay = createOverlay(document, controller.signal);
    const hostile = '<img src=x onerror="window.pwned=1">「合计」';
    overlay.render({
      report: report([finding({ id: 'f1', severity: 'warning', message: hostile, related: [{ tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3', label: '<b>办公费</b>' }] })]),
      elements,
      showInfo: true,
    });
    const root = overlay.host.shadowRoot!;
    root.querySelector<HTMLButtonElement>('.badge')!.dispatchEvent(new Event('focus'));
    const tip = root.querySelector('.tip')!;
    expect(tip.querySelector('img')).toBeNull();
    expect(tip.querySelector('.rel .rel-label')!.textContent).toBe('相关单元格：');
    expect(tip.textContent).toContain(hostile);
    expect(tip.textContent).toContain('<b>办公费</b>');
    // Hovering shows the related cell's box.
    expect(root.querySelectorAll('.related')).toHaveLength(1);
    root.querySelector<HTMLButtonElement>('.badge')!.dispatchEvent(new Event('blur'));
    expect(root.querySelectorAll('.related')).toHaveLength(0);
  });

  it('steps through the related cells and back when the badge is clicked', async () => {
    const elements = page();
    const scrolled: string[] = [];
    for (const [, el] of elements) (el as HTMLElement).scrollIntoView = () => scrolled.push(el.id);
    const overlay = createOverlay(document, controller.signal);
    overlay.render({
      report: report([finding({ id: 'f1', severity: 'error', related: [{ tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3', label: '办公费' }] })]),
      elements,
      showInfo: true,
    });
    const root = overlay.host.shadowRoot!;
    const badge = root.querySelector<HTMLButtonElement>('.badge')!;
    badge.dispatchEvent(new Event('focus'));
    expect(root.querySelector('.tip .hint')!.textContent).toBe('点击标记可查看详情、依次跳到 1 个相关单元格');
    // The first click pins the tooltip with its actions; the next ones visit the related cell and come back.
    badge.click();
    expect(root.querySelector('.tip.pinned .step-related')!.textContent).toBe('依次查看 1 个相关单元格');
    badge.click();
    expect(root.querySelector('.related.flash')).not.toBeNull();
    badge.click();
    badge.click();
    expect(scrolled).toEqual(['office', 'total', 'office']);
  });

  it('re-renders without duplicating, scrolls to a finding, and tears down on abort', async () => {
    const elements = page();
    const overlay = createOverlay(document, controller.signal);
    const r = report([finding({ id: 'f1', severity: 'error' }), finding({ id: 'f2', severity: 'info', location: { tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3' } })]);
    overlay.render({ report: r, elements, showInfo: true });
    overlay.render({ report: r, elements, showInfo: false });
    const root = overlay.host.shadowRoot!;
    expect(root.querySelectorAll('.badge')).toHaveLength(1);
    expect(overlay.scrollToFinding('f1')).toBe(true);
    expect(root.querySelector('.mark.flash')).not.toBeNull();
    expect(overlay.scrollToFinding('f2')).toBe(true); // hidden rounding note: scrolls, nothing to flash
    expect(overlay.scrollToFinding('nope')).toBe(false);
    controller.abort();
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
  });

  it('leaves dismissed findings out, and steps between findings from the navigator and Alt+J / Alt+K', async () => {
    const elements = page();
    const scrolled: string[] = [];
    for (const [, el] of elements) (el as HTMLElement).scrollIntoView = () => scrolled.push(el.id);
    const overlay = createOverlay(document, controller.signal);
    const r = report([finding({ id: 'f1', severity: 'error' }), finding({ id: 'f2', severity: 'warning', rule: 'sum.columns', location: { tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3' }, related: [] })]);
    overlay.render({ report: r, elements, showInfo: true, hidden: new Set([findingKey(r.findings[0]!)]) });
    const root = overlay.host.shadowRoot!;
    expect(Array.from(root.querySelectorAll<HTMLElement>('.badge')).map((b) => b.dataset.findings)).toEqual(['f2']);
    overlay.render({ report: r, elements, showInfo: true });
    expect(root.querySelector('.nav .pos')!.textContent).toBe('–/2');
    root.querySelector<HTMLButtonElement>('.nav button.next')!.click();
    expect(root.querySelector('.nav .pos')!.textContent).toBe('1/2');
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyJ', altKey: true }));
    expect(root.querySelector('.nav .pos')!.textContent).toBe('2/2');
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyK', altKey: true }));
    expect(root.querySelector('.nav .pos')!.textContent).toBe('1/2');
    expect(scrolled).toEqual(['total', 'office', 'total']);
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyH', altKey: true }));
    expect(root.querySelector<HTMLElement>('.nav')!.hidden).toBe(true);
  });
});
