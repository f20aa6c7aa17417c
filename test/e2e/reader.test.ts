import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { reportSchema } from '../../lib/engine/report/schema';
import { canRun, launch, OTHER, PORTAL, storedSummary, tabIdOf, type Browser, type Route } from './harness';

/**
 * A reader's experience (issue 12) in real Chromium: the page's navigator, the popup's order,
 * filters and exports, dismissing a finding, the dark theme, the viewer's start-up, and axe-core
 * on every surface. Screenshots go to test-results/e2e/ for a human look.
 */

const OUT = new URL('../../test-results/e2e/', import.meta.url).pathname;
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core injected from the npm package (evaluated, so extension pages' CSP does not block it). */
async function axe(page: Page, label: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  })) as AxeViolation[];
  console.log(`[e2e] axe ${label}: ${violations.length ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')})`).join('; ') : 'no violations'}`);
  return violations;
}

const serious = (violations: AxeViolation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

async function waitForMarks(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge'), null, { timeout: 15_000 });
}

const FIXTURE_PDF = new URL('../../test/fixtures/pdf/001-cms.pdf', import.meta.url).pathname;

describe.skipIf(!canRun)('right after installation', () => {
  it('a PDF opened at once already goes to the viewer', async () => {
    const fresh = await launch([
      (req, res) => {
        if (!req.url?.startsWith('/x/first.pdf')) return false;
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(readFileSync(FIXTURE_PDF));
        return true;
      },
    ]);
    try {
      const page = await fresh.context.newPage();
      await page.goto(fresh.url(PORTAL, 'x/first.pdf')).catch(() => {});
      await page.waitForURL((url) => url.href.startsWith(`chrome-extension://${fresh.extensionId}/viewer.html`), { timeout: 10_000 });
    } finally {
      await fresh.close();
    }
  });
});

describe.skipIf(!canRun)('a reader’s experience', () => {
  let browser: Browser;
  let pdf: Buffer = Buffer.alloc(0);
  const routes: Route[] = [
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/x/slow.pdf') return false;
      // Served in pieces, slowly: the viewer shows a progress bar of bytes received.
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length });
      const pieces = 6;
      const size = Math.ceil(pdf.length / pieces);
      let i = 0;
      const next = () => {
        if (i >= pieces) return void res.end();
        res.write(pdf.subarray(i * size, (i + 1) * size));
        i += 1;
        setTimeout(next, 150);
      };
      next();
      return true;
    },
  ];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch(routes);
    const printer = await browser.context.newPage();
    await printer.goto(browser.url(OTHER, '001-cms.html'));
    pdf = await printer.pdf({ format: 'A4', printBackground: true });
    await printer.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const popupFor = async (tabId: number): Promise<Page> => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.verdict', { timeout: 10_000 });
    return popup;
  };

  it('the navigator steps through the findings in reading order, by button and by Alt+J / Alt+K', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(PORTAL, '001-cms.html'));
    await waitForMarks(page);
    const nav = () => page.evaluate(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector('.nav .pos')?.textContent ?? '');
    await expect.poll(nav).toMatch(/^–\/\d+$/);
    const total = Number((await nav()).split('/')[1]);
    expect(total).toBeGreaterThan(5);
    // At the top of the page no mark is in view: the navigator says where to look.
    await expect.poll(() => page.evaluate(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector('.nav .hint')?.textContent ?? '')).toBe('问题在下方 ↓（Alt+J）');
    await shot(page, 'page-navigator-start');
    await page.locator('budget-lens-overlay .nav button.next').click();
    await expect.poll(nav).toBe(`1/${total}`);
    await page.keyboard.press('Alt+J');
    await expect.poll(nav).toBe(`2/${total}`);
    // The page scrolled to the finding (smoothly: wait for it).
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Alt+J');
    await expect.poll(nav).toBe(`3/${total}`);
    await page.keyboard.press('Alt+K');
    await expect.poll(nav).toBe(`2/${total}`);
    // The pinned tooltip is shown for the current mark and covers neither its cell nor the navigator.
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector('.tip.pinned:not([hidden])'), null, { timeout: 5_000 });
    const clear = await page.evaluate(() => {
      const root = document.querySelector('budget-lens-overlay')!.shadowRoot!;
      const tip = root.querySelector('.tip')!.getBoundingClientRect();
      const badge = root.querySelector('.badge.current')!.getBoundingClientRect();
      const nav = root.querySelector('.nav')!.getBoundingClientRect();
      const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return { badge: meets(tip, badge), nav: meets(tip, nav), height: tip.height };
    });
    expect(clear).toMatchObject({ badge: false, nav: false });
    expect(clear.height).toBeLessThan(380);
    await shot(page, 'page-navigator-step');
    // Badges are reachable by keyboard in document order: Tab from the page's end lands on the first badge.
    const order = await page.evaluate(() => {
      const root = document.querySelector('budget-lens-overlay')!.shadowRoot!;
      const tops = Array.from(root.querySelectorAll<HTMLElement>('.badge')).map((b) => b.getBoundingClientRect().top + window.scrollY);
      return tops.every((top, i) => i === 0 || top >= tops[i - 1]! - 200);
    });
    expect(order).toBe(true);
    // Hidden and shown again.
    await page.locator('budget-lens-overlay .nav button.hide').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector<HTMLElement>('.nav')!.hidden)).toBe(true);
    await page.keyboard.press('Alt+H');
    await expect.poll(() => page.evaluate(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector<HTMLElement>('.nav')!.hidden)).toBe(false);
    const violations = await axe(page, 'marked page (001-cms)');
    expect(serious(violations).filter((v) => JSON.stringify(v.nodes).includes('budget-lens')), JSON.stringify(serious(violations), null, 1)).toEqual([]);
    await page.close();
  });

  it('the popup puts errors first, filters by a count box, groups on demand and exports Markdown, CSV and report@1 JSON', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(PORTAL, '001-cms.html'));
    await waitForMarks(page);
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => storedSummary(browser, tabId), { timeout: 10_000 }).not.toBeNull();
    const popup = await popupFor(tabId);
    const verdict = await popup.textContent('.verdict');
    expect(verdict).toMatch(/^发现 \d+ 处确定错误、\d+ 处需核对$/);
    const severities = () => popup.locator('.content li.finding').evaluateAll((items) => items.filter((li) => !li.closest('details:not([open])')).map((li) => ['error', 'warning', 'info'].find((s) => li.classList.contains(s))));
    const listed = await severities();
    expect(listed[0]).toBe('error');
    // Errors, then warnings; notes folded away.
    expect(listed.indexOf('warning')).toBeGreaterThan(listed.lastIndexOf('error'));
    expect(listed).not.toContain('info');
    await shot(popup, 'popup-errors-first');
    await popup.click('.count.warning');
    await expect.poll(severities).toEqual(expect.arrayContaining(['warning']));
    expect(new Set(await severities())).toEqual(new Set(['warning']));
    expect(await popup.getAttribute('.count.warning', 'aria-pressed')).toBe('true');
    await shot(popup, 'popup-filter-warnings');
    await popup.click('.count.warning');
    expect((await severities())[0]).toBe('error');
    await popup.selectOption('.grouping select', 'table');
    expect(await popup.locator('.content .group h2').first().textContent()).toMatch(/^《/);
    await popup.selectOption('.grouping select', 'severity');

    const saved: Record<string, string> = {};
    for (const format of ['md', 'csv', 'json'] as const) {
      if (!(await popup.isVisible('.export-menu'))) await popup.click('.export summary');
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.click(`.export-menu button[data-format="${format}"]`)]);
      saved[format] = readFileSync((await download.path())!, 'utf8');
    }
    const report = reportSchema.parse(JSON.parse(saved.json!));
    expect(report.schema).toBe('budget-lens/report@1');
    expect(saved.md!.startsWith('# 预算透镜：')).toBe(true);
    expect(saved.md).toContain('## 错误');
    const rows = saved.csv!.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]!.split(',')).toHaveLength(16);
    expect(rows.length - 1).toBe(report.findings.length);
    // Every row has 16 quoted fields (commas inside quotes do not count).
    for (const row of rows.slice(1)) expect(row.match(/"(?:[^"]|"")*"/g)).toHaveLength(16);
    const violations = await axe(popup, 'popup');
    expect(serious(violations), JSON.stringify(serious(violations), null, 1)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a dismissed finding stays hidden after a reload and comes back when undone', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(PORTAL, '001-cms.html'));
    await waitForMarks(page);
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => storedSummary(browser, tabId), { timeout: 10_000 }).not.toBeNull();
    const popup = await popupFor(tabId);
    const countOf = async () => Number(await popup.textContent('.count.error .n'));
    const before = await countOf();
    const first = popup.locator('.content li.finding.error').first();
    const key = await first.locator('.card').getAttribute('data-key');
    const anchor = key!.split('|')[1]!;
    const badgeFindings = () => page.evaluate((a) => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector<HTMLElement>(`.badge[data-anchor="${a}"]`)?.dataset.findings ?? '', anchor);
    expect(await badgeFindings()).not.toBe('');
    // A reviewer's actions show on the item under the pointer (or with the keyboard's focus).
    await first.hover();
    await first.getByRole('button', { name: '不是问题' }).click();
    await expect.poll(countOf).toBe(before - 1);
    expect(await popup.textContent('.hidden-line')).toContain('已隐藏 1 条');
    await expect.poll(badgeFindings).toBe('');
    await page.reload();
    await waitForMarks(page);
    expect(await badgeFindings()).toBe('');
    await popup.reload();
    await popup.waitForSelector('.verdict');
    expect(await countOf()).toBe(before - 1);
    // Listed on the options page, exportable for the project.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#dismissed`);
    await options.waitForSelector('.dismissed-list li');
    expect(await options.locator('.dismissed-list li').count()).toBe(1);
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('.export-dismissed')]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ schema: 'budget-lens/dismissals@1', items: [{ key, kind: 'dismiss' }] });
    await shot(options, 'options');
    const violations = await axe(options, 'options page');
    expect(serious(violations), JSON.stringify(serious(violations), null, 1)).toEqual([]);
    await options.close();
    // Undone from the popup: back in the list and on the page.
    await popup.click('.undo-all');
    await expect.poll(countOf).toBe(before);
    await expect.poll(badgeFindings).not.toBe('');
    await popup.close();
    await page.close();
  });

  it('renders in the dark theme when the system asks for it', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(browser.url(PORTAL, '001-cms.html'));
    await waitForMarks(page);
    await page.keyboard.press('Alt+J');
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector('.tip.pinned:not([hidden])'), null, { timeout: 5_000 });
    const tipBackground = await page.evaluate(() => getComputedStyle(document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector('.tip')!).backgroundColor);
    expect(tipBackground).toBe('rgb(31, 36, 48)');
    await shot(page, 'dark-page');
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => storedSummary(browser, tabId), { timeout: 10_000 }).not.toBeNull();
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.verdict');
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 36, 48)');
    await shot(popup, 'dark-popup');
    const violations = await axe(popup, 'popup (dark)');
    expect(serious(violations), JSON.stringify(serious(violations), null, 1)).toEqual([]);
    await popup.close();
    const viewer = await browser.context.newPage();
    await viewer.emulateMedia({ colorScheme: 'dark' });
    await viewer.goto(`chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(browser.url(PORTAL, 'x/slow.pdf'))}`);
    await viewer.waitForFunction(() => document.querySelector('.marks .badge'), null, { timeout: 30_000 });
    await shot(viewer, 'dark-viewer');
    await viewer.close();
    await page.close();
  });

  it('the viewer shows the download progress and page 1 before the analysis ends, then the marks', async () => {
    const page = await browser.context.newPage();
    const progress: string[] = [];
    await page.exposeFunction('recordStatus', (text: string) => progress.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const text = document.getElementById('status-text')?.textContent;
        if (text) (window as unknown as { recordStatus(t: string): void }).recordStatus(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(browser.url(PORTAL, 'x/slow.pdf'))}`);
    await page.waitForFunction(() => document.querySelector('.marks .badge'), null, { timeout: 30_000 });
    const timing = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0];
      const first = at('budget-lens:pdf-first-page')!;
      const extract = at('budget-lens:pdf-extract')!;
      const draw = at('budget-lens:pdf-draw')!;
      return { firstPage: first.startTime + first.duration, extractStart: extract.startTime, marks: draw.startTime + draw.duration };
    });
    console.log(`[e2e] viewer (fixture PDF, served in 6 slow pieces): first page at ${timing.firstPage.toFixed(0)} ms, tables read from ${timing.extractStart.toFixed(0)} ms, all marks at ${timing.marks.toFixed(0)} ms; status: ${[...new Set(progress)].slice(0, 6).join(' | ')}`);
    expect(timing.firstPage).toBeLessThanOrEqual(timing.extractStart + 1);
    expect(timing.firstPage).toBeLessThan(timing.marks);
    expect(progress.some((p) => /正在下载PDF：[\d.]+ MB \/ [\d.]+ MB/.test(p))).toBe(true);
    expect(progress.some((p) => /正在识别表格：\d+\/\d+ 页/.test(p))).toBe(true);
    await page.locator('#finding-next').click();
    await page.waitForSelector('#tip.pinned:not([hidden])', { timeout: 5_000 });
    await page.waitForTimeout(600);
    // The pinned tooltip leaves the toolbar free.
    const clear = await page.evaluate(() => {
      const tip = document.getElementById('tip')!.getBoundingClientRect();
      const bar = document.querySelector('.toolbar')!.getBoundingClientRect();
      return tip.top >= bar.bottom;
    });
    expect(clear).toBe(true);
    await shot(page, 'viewer-finding');
    const violations = await axe(page, 'viewer');
    expect(serious(violations), JSON.stringify(serious(violations), null, 1)).toEqual([]);
    await page.close();
  });

  it('speaks English when the reader chooses it, in the popup, the page and the viewer', async () => {
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ lang: 'en' }));
    try {
      const page = await browser.context.newPage();
      await page.goto(browser.url(PORTAL, '002-cms.html'));
      await waitForMarks(page);
      await page.keyboard.press('Alt+J');
      await page.waitForFunction(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector('.tip.pinned:not([hidden])'), null, { timeout: 5_000 });
      const tip = await page.evaluate(() => document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelector('.tip')!.textContent ?? '');
      expect(tip).toMatch(/Error|Check|Note/);
      expect(tip).toContain('Copy');
      await shot(page, 'english-page');
      const tabId = await tabIdOf(browser, page);
      await expect.poll(() => storedSummary(browser, tabId), { timeout: 10_000 }).not.toBeNull();
      const popup = await popupFor(tabId);
      expect(await popup.textContent('.verdict')).toMatch(/^Found \d+ certain errors?/);
      await shot(popup, 'english-popup');
      await popup.close();
      // ▲/▼ tags beside the rows, inside the cells' free left edge, reachable by Tab.
      const trends = await page.evaluate(() => {
        const root = document.querySelector('budget-lens-overlay')!.shadowRoot!;
        return Array.from(root.querySelectorAll<HTMLElement>('.trend')).filter((t) => !t.hidden).map((t) => t.tabIndex);
      });
      expect(trends.length).toBeGreaterThan(0);
      expect(trends.every((i) => i === 0)).toBe(true);
      const trend = page.locator('budget-lens-overlay .trend').first();
      await trend.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -150));
      await shot(page, 'page-trends');
      await page.close();
    } finally {
      await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ lang: 'zh' }));
    }
  });
});
