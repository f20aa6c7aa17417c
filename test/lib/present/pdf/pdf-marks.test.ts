// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PdfGeometry, PdfRect } from '../../../../lib/extract/pdf/types';
import type { PageView } from '../../../../lib/present/pdf/pages';
import { createPdfMarks } from '../../../../lib/present/pdf/pdf-marks';
import { finding, report } from '../page/report-fixture';

/** Two page layers and a record of where the view was sent; no pdf.js. */
function fakePages() {
  const layers = [1, 2].map((n) => {
    const layer = document.createElement('div');
    layer.className = 'marks';
    layer.dataset.page = String(n);
    document.body.append(layer);
    return layer;
  });
  const visited: PdfRect[] = [];
  const pages: PageView = {
    count: 2,
    scale: 1,
    setScale() {},
    fitWidthScale: () => 1,
    marksLayer: (page) => layers[page - 1] ?? null,
    currentPage: () => 1,
    goToPage() {},
    scrollToRect: (rect) => void visited.push(rect),
    textOf: async () => null,
    itemsOf: async () => [],
    firstDrawn: Promise.resolve(),
    destroy() {},
  };
  return { pages, layers, visited };
}

const rect = (page: number, x: number, y: number, width = 40, height = 12): PdfRect => ({ page, x, y, width, height });

function geometry(): PdfGeometry {
  return {
    boxes: new Map([
      ['t1', [rect(1, 50, 100, 400, 200), rect(2, 50, 40, 400, 100)]],
      ['t1.r2.c2', [rect(2, 300, 60)]],
      ['t1.r2.c3', [rect(2, 350, 60)]],
      ['b4', [rect(1, 50, 20, 400, 12), rect(1, 50, 34, 200, 12)]],
    ]),
    spans: new Map([['b4', [{ start: 0, end: 40, rect: rect(1, 50, 20, 400, 12) }, { start: 40, end: 60, rect: rect(1, 50, 34, 200, 12) }]]]),
  };
}

function tip(): HTMLElement {
  const el = document.createElement('div');
  el.id = 'tip';
  el.hidden = true;
  document.body.append(el);
  return el;
}

describe('findings drawn over PDF pages', () => {
  let controller = new AbortController();
  afterEach(() => {
    controller.abort();
    controller = new AbortController();
    document.body.replaceChildren();
  });

  const sample = () =>
    report([
      finding({ id: 'f1', severity: 'error' }),
      finding({ id: 'f2', severity: 'warning', category: 'share', rule: 'text.share', message: '占比不符', location: { text: '占 45%', anchor: 'b4', start: 38, end: 44 }, related: [] }),
      finding({ id: 'f3', severity: 'info', message: '尾差', location: { tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3' }, related: [] }),
    ]);

  it('puts marks and badges on the pages their rectangles name, a chip at the table’s end, in reading order', () => {
    const { pages, layers } = fakePages();
    const steps: [number, number][] = [];
    const marks = createPdfMarks(pages, tip(), controller.signal, (i, n) => steps.push([i, n]));
    marks.render({ report: sample(), geometry: geometry(), showInfo: true, textOf: () => '1' });
    expect(marks.count).toBe(3);
    const badges = (n: number) => Array.from(layers[n]!.querySelectorAll<HTMLElement>('.badge')).map((b) => `${b.dataset.anchor}:${['error', 'warning', 'info'].find((s) => b.classList.contains(s))}`);
    expect(badges(0)).toEqual(['b4:warning']);
    expect(badges(1)).toEqual(['t1.r2.c2:error', 't1.r2.c3:info']);
    // The sentence crosses a line: two underline boxes, cut to its characters.
    const sentence = Array.from(layers[0]!.querySelectorAll<HTMLElement>('.mark.sentence'));
    expect(sentence).toHaveLength(2);
    expect(sentence[0]!.style.left).toContain('430px');
    // Positions scale with the page: points × --total-scale-factor.
    const cell = layers[1]!.querySelector<HTMLElement>('.mark.error')!;
    expect(cell.style.left).toBe('calc(var(--total-scale-factor) * 300px + 0px)');
    expect(cell.style.width).toBe('calc(var(--total-scale-factor) * 40px)');
    const chip = layers[1]!.querySelector<HTMLElement>('.chip')!;
    expect(chip.textContent).toBe('预算透镜：1 处错误 · 1 条提示');
    expect(chip.style.top).toContain('140px');
    expect(steps.at(-1)).toEqual([-1, 3]);
  });

  it('leaves rounding notes off when asked, and never writes page text as markup', () => {
    const { pages, layers } = fakePages();
    const marks = createPdfMarks(pages, tip(), controller.signal);
    const hostile = report([finding({ id: 'f1', severity: 'error', message: '<img src=x onerror=alert(1)>' })]);
    marks.render({ report: hostile, geometry: geometry(), showInfo: false, textOf: () => '1' });
    const badge = layers[1]!.querySelector<HTMLButtonElement>('.badge')!;
    badge.dispatchEvent(new Event('pointerenter'));
    expect(document.querySelector('img')).toBeNull();
    expect(document.getElementById('tip')!.textContent).toContain('<img src=x onerror=alert(1)>');
    marks.render({ report: sample(), geometry: geometry(), showInfo: false, textOf: () => '1' });
    expect(marks.count).toBe(2);
  });

  it('shows the related cells on hover, steps between findings and scrolls to one by id', async () => {
    const { pages, layers, visited } = fakePages();
    const tipEl = tip();
    const marks = createPdfMarks(pages, tipEl, controller.signal, undefined, { actions: { copy() {}, link() {}, dismiss() {} } });
    marks.render({ report: sample(), geometry: geometry(), showInfo: true, textOf: () => '4.50' });
    const badge = layers[1]!.querySelector<HTMLButtonElement>('.badge.error')!;
    badge.dispatchEvent(new Event('pointerenter'));
    expect(tipEl.hidden).toBe(false);
    expect(layers[1]!.querySelectorAll('.related')).toHaveLength(1);
    badge.dispatchEvent(new Event('pointerleave'));
    expect(tipEl.hidden).toBe(true);
    expect(layers[1]!.querySelectorAll('.related')).toHaveLength(0);

    marks.step(1);
    expect(visited.at(-1)).toMatchObject({ page: 1 });
    marks.step(1);
    expect(visited.at(-1)).toEqual(rect(2, 300, 60));
    marks.step(-1);
    marks.step(-1);
    expect(visited.at(-1)).toEqual(rect(2, 350, 60)); // wraps round to the last
    expect(marks.scrollToFinding('f1')).toBe(true);
    expect(visited.at(-1)).toEqual(rect(2, 300, 60));
    expect(layers[1]!.querySelector('.mark.error')!.classList.contains('flash')).toBe(true);
    expect(marks.scrollToFinding('nope')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The pinned tooltip offers the related cell, the actions and the stepping.
    expect(Array.from(tipEl.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['办公费', '复制', '链接', '不是问题', '读取有误', '上一处', '下一处', '依次查看 1 个相关单元格', '']);
    // Clicking the shown badge again keeps one row of actions.
    layers[1]!.querySelector<HTMLButtonElement>('.badge.error')!.click();
    layers[1]!.querySelector<HTMLButtonElement>('.badge.error')!.click();
    expect(tipEl.querySelectorAll('.tip-bar')).toHaveLength(1);
  });
});
