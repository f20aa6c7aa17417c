import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRun, launch, OTHER, PORTAL, storedSummary, tabIdOf, type Browser, type Route } from './harness';

/**
 * Issue 15 in real Chromium: the audited page is an adversary. Each page is built here, by the
 * test, around a generated fixture page (test/fixtures/pages).
 */

const FIXTURES = new URL('../fixtures/pages/', import.meta.url).pathname;
const page001 = readFileSync(`${FIXTURES}001-cms.html`, 'utf8');
const withScript = (html: string, script: string) => html.replace('</body>', `<script>${script}</script></body>`);

/** A CMS page whose layout table holds a ticking clock (every 50 ms) and the budget tables. */
const layoutClockPage = (tickCell: boolean) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某局2024年部门预算公开</title></head><body>
<table id="layout" width="100%"><tr><td>当前时间：<span id="clock">0</span></td></tr><tr><td>
<h1>某局2024年部门预算公开</h1>
<p>部门收支总表</p><p>单位：万元</p>
<table id="data" border="1"><tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td id="total">30.00</td></tr><tr><td>甲</td><td>10.00</td></tr><tr><td>乙</td><td id="tick">10.00</td></tr></table>
</td></tr></table>
<script>
var n = 0;
setInterval(function () {
  n += 1;
  document.getElementById('clock').textContent = String(n);
  ${tickCell ? "document.getElementById('tick').textContent = (10 + (n % 7) / 100).toFixed(2);" : ''}
}, 50);
</script></body></html>`;

const BIDI_PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某局2024年部门预算公开</title></head><body>
<h1>某局2024年部门预算公开</h1><p>部门收支总表</p><p>单位：万元</p>
<table border="1"><tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>30.00</td></tr><tr><td>甲\u202e项目支出\u202c</td><td>10.00</td></tr><tr><td>乙\u2067项\u2069</td><td>10.00</td></tr></table></body></html>`;

describe.skipIf(!canRun)('attacks from the audited page, in Chromium', () => {
  let browser: Browser;
  const fileHits: string[] = [];

  const routes: Route[] = [
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const html = (body: string) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
        return true;
      };
      if (url.pathname === '/attack/forged-event.html') {
        // The page knows the extension id (Chrome Web Store ids are public) and forges WXT's
        // "a newer content script started" event, and listens for anything posted to it.
        return html(
          withScript(
            page001,
            `window.leaked = [];
addEventListener('message', function (e) { window.leaked.push(JSON.stringify(e.data)); });
function forge() {
  var id = new URLSearchParams(location.search).get('id');
  document.dispatchEvent(new CustomEvent(id + ':content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'forged' } }));
  document.dispatchEvent(new CustomEvent(id + ':page-checker:wxt:content-script-started', { detail: { contentScriptName: 'page-checker', messageId: 'forged' } }));
  window.forged = (window.forged || 0) + 1;
}
forge();
setTimeout(forge, 1500);`,
          ),
        );
      }
      if (url.pathname === '/attack/layout-clock.html') return html(layoutClockPage(false));
      if (url.pathname === '/attack/ticking-cell.html') return html(layoutClockPage(true));
      if (url.pathname === '/attack/bidi.html') return html(BIDI_PAGE);
      if (url.pathname === '/attack/private.pdf') {
        fileHits.push(`${req.headers.referer ?? ''} ${req.headers.cookie ?? ''}`);
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4\n%%EOF\n');
        return true;
      }
      if (url.pathname === '/attack/frame.html') {
        const target = url.searchParams.get('target') ?? '';
        return html(`<!DOCTYPE html><html><body><iframe id="f" src="${target.replace(/"/g, '&quot;')}"></iframe></body></html>`);
      }
      return false;
    },
  ];

  beforeAll(async () => {
    browser = await launch(routes);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a page that forges WXT’s content-script event cannot switch Budget Lens off, nor learn its id', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.url(PORTAL, 'attack/forged-event.html')}?id=${browser.extensionId}`);
    await page.waitForFunction(() => (window as unknown as { forged?: number }).forged === 2, null, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge.error'), null, { timeout: 15_000 });
    await page.waitForTimeout(500);
    // Still marked after both forged events, and "检查此页" still answers.
    expect(await page.evaluate(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelectorAll('.badge').length ?? 0)).toBeGreaterThan(0);
    const tabId = await tabIdOf(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: /检查此页|重新检查/ }).click();
    await popup.waitForTimeout(1500);
    expect(await popup.locator('.error-line').count()).toBe(0);
    expect(await storedSummary(browser, tabId)).not.toBeNull();
    // Nothing was posted to the page, least of all the extension id.
    const leaked = await page.evaluate(() => (window as unknown as { leaked: string[] }).leaked);
    expect(leaked.filter((m) => m.includes(browser.extensionId))).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a foreign page can neither frame nor open the viewer, nor make it fetch a portal file', async () => {
    const file = browser.url(PORTAL, 'attack/private.pdf');
    const staticViewer = `chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(file)}`;
    const page = await browser.context.newPage();
    // Framed by its static address.
    await page.goto(`${browser.url(OTHER, 'attack/frame.html')}?target=${encodeURIComponent(staticViewer)}`);
    await page.waitForTimeout(1500);
    // Navigated to by its static address.
    await page.evaluate((url) => void (location.href = url), staticViewer).catch(() => {});
    await page.waitForTimeout(1500);
    expect(page.url().startsWith(`chrome-extension://${browser.extensionId}/viewer.html`)).toBe(false);
    // Even the dynamic address (which no page can learn) may not be framed: frame-ancestors 'none'.
    const dynamicViewer = await browser.worker.evaluate((f) => `${chrome.runtime.getURL('viewer.html')}?file=${encodeURIComponent(f)}`, file);
    await page.goto(`${browser.url(OTHER, 'attack/frame.html')}?target=${encodeURIComponent(dynamicViewer)}`);
    await page.waitForTimeout(1500);
    expect(page.frames().some((f) => f.url().includes('/viewer.html'))).toBe(false);
    expect(fileHits).toEqual([]);
    await page.close();
  });

  it('a clock ticking inside a CMS layout table does not re-check the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(PORTAL, 'attack/layout-clock.html'));
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge.error'), null, { timeout: 15_000 });
    await page.waitForTimeout(3_000);
    const checks = await page.evaluate(() => performance.getEntriesByName('budget-lens:check').length);
    expect(Number(await page.textContent('#clock'))).toBeGreaterThan(40);
    expect(checks).toBe(1);
    await page.close();
  });

  it('a data cell changing every 50 ms is re-checked within the maximum wait, and the marks say they are stale meanwhile', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(PORTAL, 'attack/ticking-cell.html'));
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge'), null, { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')!.hasAttribute('data-stale'), null, { timeout: 2_000 });
    // Never quiet for 300 ms, yet checked again within the 2 s maximum wait (and backing off after).
    await page.waitForFunction(() => performance.getEntriesByName('budget-lens:check').length >= 2, null, { timeout: 4_000 });
    await page.waitForTimeout(4_000);
    const checks = await page.evaluate(() => performance.getEntriesByName('budget-lens:check').length);
    // 6+ s of changes: 2 s, then 4 s waits — not one check per change, nor one per 300 ms.
    expect(checks).toBeGreaterThanOrEqual(2);
    expect(checks).toBeLessThanOrEqual(5);
    await page.close();
  });

  it('bidi controls in a page label never reverse the verdict text in the tooltip or the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(PORTAL, 'attack/bidi.html'));
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge.error'), null, { timeout: 15_000 });
    const badge = page.locator('budget-lens-overlay .badge.error').first();
    await badge.hover();
    const tip = await page.evaluate(() => {
      const root = document.querySelector('budget-lens-overlay')!.shadowRoot!;
      // The quoted arithmetic (page labels in it) and the place: both isolated from our own text.
      const msg = root.querySelector<HTMLElement>('.tip .card .arith') ?? root.querySelector<HTMLElement>('.tip .card .where')!;
      return { text: root.querySelector('.tip')!.textContent ?? '', label: root.querySelector('.badge.error')!.getAttribute('aria-label') ?? '', bidi: getComputedStyle(msg).unicodeBidi };
    });
    expect(tip.text).toContain('30.00');
    expect(tip.text + tip.label).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(tip.bidi).toBe('isolate');
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => storedSummary(browser, tabId), { timeout: 10_000 }).not.toBeNull();
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.card');
    const shown = await popup.evaluate(() => Array.from(document.querySelectorAll('.card')).map((f) => f.textContent ?? '').join('\n'));
    expect(shown).toContain('30.00');
    expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(await popup.evaluate(() => getComputedStyle((document.querySelector('.card .arith') ?? document.querySelector('.card .where'))!).unicodeBidi)).toBe('isolate');
    await popup.close();
    await page.close();
  });
});

declare const chrome: { runtime: { getURL(path: string): string } };
