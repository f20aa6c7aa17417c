import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { canRunFirefox, launchFirefox, waitFor, type FirefoxSession } from './firefox-harness';
import { PORTAL, type Route } from './harness';

/**
 * The Firefox build (npm run build:firefox) in Debian's Firefox ESR, headless, over WebDriver
 * BiDi: marks on a portal page, the popup, the per-site switch, and a PDF opened in the viewer
 * (blocking webRequest, the event page's persisted state).
 */

const PDF = readFileSync(new URL('../fixtures/pdf/001-cms.pdf', import.meta.url));
const REPORT_PATH = '/x/report.pdf';

const overlayBadges = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelectorAll('.badge') ?? []).map((b) => b.getAttribute('aria-label') ?? ''));

describe.skipIf(!canRunFirefox)('extension in Firefox', () => {
  let ff: FirefoxSession;
  const routes: Route[] = [
    (req, res) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== REPORT_PATH) return false;
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PDF.length });
      res.end(PDF);
      return true;
    },
  ];

  beforeAll(async () => {
    ff = await launchFirefox(routes);
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('marks the cells that do not add up; the popup shows the counts; the per-site switch removes the marks', async () => {
    const page = await ff.browser.newPage();
    const url = ff.url(PORTAL, '001-cms.html');
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge.error'), { timeout: 20_000 });
    const labels = await overlayBadges(page);
    // 附件6's 19.99 ≠ 19.89 is listed under its cause, 维修(护)费 0.2 ≠ 0.3 (one fault, one finding).
    expect(labels.some((l) => l.includes('此表 0.2') && l.includes('另一表 0.3'))).toBe(true);

    const tabId = await ff.tabIdOf(url);
    const popup = await ff.extensionPage(`/popup.html?tab=${tabId}`);
    await waitFor(async () => Number(await popup.evaluate(() => document.querySelector('.count.error .n')?.textContent ?? '0')) >= 2);
    expect(await popup.evaluate(() => document.querySelector('.completeness')?.textContent)).toBe('8 张必需表格：齐全（其中 1 张为空表，已说明）');

    // Off for this site: the marks go, and stay gone after a reload.
    await popup.evaluate(() => (document.querySelector('input[role="switch"]') as HTMLInputElement).click());
    await waitFor(async () => (await page.evaluate(() => document.querySelector('budget-lens-overlay') === null)));
    await waitFor(async () => (await popup.evaluate(() => document.querySelector('.empty-title')?.textContent ?? '')) === '已在此站点关闭');
    await page.reload();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await page.evaluate(() => document.querySelector('budget-lens-overlay'))).toBeNull();
    // And on again.
    await popup.evaluate(() => (document.querySelector('input[role="switch"]') as HTMLInputElement).click());
    await page.reload();
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge'), { timeout: 20_000 });
    await popup.close();
    await page.close();
  });

  it('a PDF on a portal opens in the viewer (blocking webRequest) and is checked there', async () => {
    const page = await ff.browser.newPage();
    const original = ff.url(PORTAL, REPORT_PATH.slice(1));
    await page.goto(original).catch(() => {});
    // The tab now shows moz-extension://…/viewer.html?file=…; read it from the page itself.
    await waitFor(async () => (await page.evaluate(() => location.href).catch(() => '')).includes('/viewer.html?file='), 15_000);
    expect(new URL(await page.evaluate(() => location.href)).searchParams.get('file')).toBe(original);
    await waitFor(async () => (await page.evaluate(() => document.querySelectorAll('.marks .badge').length).catch(() => 0)) > 0, 45_000);
    const labels = await page.evaluate(() => Array.from(document.querySelectorAll('.marks .badge.error')).map((b) => b.getAttribute('aria-label') ?? ''));
    expect(labels.some((l) => l.includes('19.99'))).toBe(true);
    await page.close();
  });
});
