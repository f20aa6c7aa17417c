import { afterAll, beforeAll, describe, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { canRun, launch, patchSettings, PORTAL, type Browser } from './harness';

/**
 * The viewer's start-up on the real corpus, against Chrome's own PDF viewer on the same file
 * (`BENCH_VIEWER=1 npm run test:e2e -- viewer-bench`): time to the first page and to all marks,
 * wall clock from the navigation, polled every 25 ms. Noisy on a loaded machine: read as rough figures.
 */

const CORPUS = new URL('../../../shared/corpus/pdf', import.meta.url).pathname;
const enabled = canRun && Boolean(process.env.BENCH_VIEWER) && existsSync(CORPUS);

async function until(page: Page, test: () => Promise<boolean>, timeout = 120_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    if (await test().catch(() => false)) return Date.now();
    await page.waitForTimeout(25);
  }
  return NaN;
}

describe.skipIf(!enabled)('viewer start-up on the corpus', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch([
      (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (!url.pathname.startsWith('/corpus/')) return false;
        const file = join(CORPUS, decodeURIComponent(url.pathname.slice('/corpus/'.length)).replace(/[/\\]/g, ''));
        if (!existsSync(file)) return false;
        const bytes = readFileSync(file);
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bytes.length });
        res.end(bytes);
        return true;
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await patchSettings(browser, { autoOpenPdf: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('first page and all marks, per file', async () => {
    const rows: string[] = ['file | pages | Chrome first page | Budget Lens first page | first marks | all marks'];
    for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort()) {
      const url = browser.url(PORTAL, `corpus/${encodeURIComponent(name)}`);
      const chrome = await browser.context.newPage();
      let t0 = Date.now();
      await chrome.goto(url).catch(() => {});
      const frame = () => chrome.frames().find((f) => f.url().includes('mhjfbmdgcfjbbpaeojofohoefgiehjai'));
      const chromeFirst =
        (await until(chrome, async () => Boolean(await frame()?.evaluate(() => ((document.querySelector('pdf-viewer') as unknown as { shadowRoot: ShadowRoot })?.shadowRoot?.querySelector('viewer-toolbar') as unknown as { docLength?: number })?.docLength)))) - t0;
      await chrome.close();

      const page = await browser.context.newPage();
      t0 = Date.now();
      await page.goto(`chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(url)}`);
      const first = (await until(page, () => page.evaluate(() => Boolean(document.querySelector('.page[data-page="1"] canvas'))))) - t0;
      const firstMarks = (await until(page, () => page.evaluate(() => Boolean(document.querySelector('.marks .badge, .marks .chip, .notice'))))) - t0;
      const all = (await until(page, () => page.evaluate(() => performance.getEntriesByName('budget-lens:pdf-draw').length > 0 || Boolean(document.querySelector('.notice.error'))))) - t0;
      const pages = await page.evaluate(() => document.querySelectorAll('.page').length);
      rows.push(`${name} | ${pages} | ${chromeFirst} ms | ${first} ms | ${firstMarks} ms | ${all} ms`);
      await page.close();
    }
    console.log(`[bench] viewer start-up (wall clock from navigation)\n${rows.join('\n')}`);
  }, 900_000);
});
