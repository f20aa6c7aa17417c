import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { canRun, launch, OTHER, PORTAL, storedSummary, type Browser, type Route } from './harness';

/**
 * PDFs on a portal open in the extension's viewer, are checked there, and the popup and
 * "打开原文件" work on the viewer tab. The PDF is made at test time by printing the seed fixture
 * page 001-cms.html with Chromium, then served as a portal would: at a .pdf address as
 * application/pdf, and at download.do?id=7 as octet-stream with a Content-Disposition name.
 */

const REPORT_PATH = '/x/report.pdf';
/** Real disclosures (never copied into the repository); the test on them skips without the folder. */
const CORPUS = new URL('../../../shared/corpus/pdf', import.meta.url).pathname;
const CORPUS_FILE = 'sh-putuo-czj-2024-final-seeded-errors.pdf';
const hasCorpus = existsSync(join(CORPUS, CORPUS_FILE));
const DOWNLOAD_PATH = '/download.do?id=7';

interface ViewerState {
  pages: number;
  rendered: number;
  textSpans: number;
  badges: { anchor: string; severity: string; label: string }[];
  chips: string[];
  notices: string[];
}

async function viewerState(page: Page): Promise<ViewerState> {
  return page.evaluate(() => ({
    pages: document.querySelectorAll('.page').length,
    rendered: document.querySelectorAll('.page canvas').length,
    textSpans: document.querySelectorAll('.textLayer span').length,
    badges: Array.from(document.querySelectorAll<HTMLElement>('.marks .badge')).map((b) => ({
      anchor: b.dataset.anchor ?? '',
      severity: ['error', 'warning', 'info'].find((s) => b.classList.contains(s)) ?? '',
      label: b.getAttribute('aria-label') ?? '',
    })),
    chips: Array.from(document.querySelectorAll('.marks .chip')).map((c) => c.textContent ?? ''),
    notices: Array.from(document.querySelectorAll('.notice')).map((n) => n.textContent ?? ''),
  }));
}

/** The viewer's tab id, asked from the viewer page (the extension cannot read its own pages' addresses without "tabs"). */
async function viewerTabId(page: Page): Promise<number> {
  return page.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
}

declare const chrome: {
  runtime: { getURL(path: string): string };
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    create(p: { url: string }): Promise<{ id?: number }>;
    update(id: number, p: { url: string }): Promise<unknown>;
  };
  storage: {
    local: { get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>; set(items: object): Promise<void> };
    session: { set(items: object): Promise<void> };
  };
  declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> };
};

describe.skipIf(!canRun)('PDF viewer in Chromium', () => {
  let browser: Browser;
  let pdf: Buffer = Buffer.alloc(0);
  const served: string[] = [];
  const referers: string[] = [];

  const routes: Route[] = [
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.startsWith('/corpus/') && hasCorpus) {
        const file = join(CORPUS, decodeURIComponent(url.pathname.slice('/corpus/'.length)).replace(/[/\\]/g, ''));
        if (!existsSync(file)) return false;
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(readFileSync(file));
        return true;
      }
      if (url.pathname === REPORT_PATH) {
        served.push(req.url!);
        referers.push(req.headers.referer ?? '');
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length });
        res.end(pdf);
        return true;
      }
      if (url.pathname === '/x/broken.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
        return true;
      }
      if (url.pathname === '/x/bomb.pdf') {
        // 40 MB of drawing operators in a stream of a few KB (issue 15 fuzz: an inflate bomb).
        const stream = deflateSync(Buffer.alloc(40 * 1024 * 1024, '0 0 m 1 1 l S\n'), { level: 9 });
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(Buffer.concat([Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Count 1 /Kids [3 0 R] >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')]));
        return true;
      }
      if (url.pathname === '/x/expired.pdf') {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<h1>链接已过期</h1>');
        return true;
      }
      if (url.pathname === '/download.do' && url.searchParams.get('id') === '7') {
        served.push(req.url!);
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="budget-2024.pdf"; filename*=UTF-8''%E9%A2%84%E7%AE%97.pdf`,
          'content-length': pdf.length,
        });
        res.end(pdf);
        return true;
      }
      return false;
    },
  ];

  beforeAll(async () => {
    browser = await launch(routes);
    // Printed from a host the content script leaves alone, so the PDF holds the page and nothing of ours.
    const printer = await browser.context.newPage();
    await printer.goto(browser.url(OTHER, '001-cms.html'));
    pdf = await printer.pdf({ format: 'A4', printBackground: true });
    await printer.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const viewerPrefix = () => `chrome-extension://${browser.extensionId}/viewer.html`;

  it('(a) a PDF at a .pdf address on a portal opens in the viewer, with findings drawn on the page', async () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const page = await browser.context.newPage();
    const original = browser.url(PORTAL, REPORT_PATH.slice(1));
    await page.goto(original).catch(() => {});
    await page.waitForURL((url) => url.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('file')).toBe(original);
    await page.waitForFunction(() => document.querySelector('.page canvas') && document.querySelectorAll('.textLayer span').length > 0, null, { timeout: 20_000 });
    // The viewer's own fetch carried the portal as Referer (anti-hotlinking checks look at it).
    expect(referers.at(-1)).toBe(`${new URL(original).origin}/`);
    // The image decoders for scanned pages ship with the extension and may compile under its CSP.
    expect(await page.evaluate(async () => (await WebAssembly.compile(await (await fetch('/pdfjs/wasm/openjpeg.wasm')).arrayBuffer())) instanceof WebAssembly.Module)).toBe(true);
    await page.waitForFunction(() => document.querySelector('.marks .chip') || document.querySelector('.notice'), null, { timeout: 30_000 });
    const state = await viewerState(page);
    console.log(`[e2e] viewer: ${state.pages} pages, ${state.rendered} rendered, ${state.textSpans} text spans, ${state.badges.length} badges, ${state.chips.length} chips; notices: ${state.notices.join(' | ')}`);
    console.log(`[e2e] viewer badges: ${state.badges.slice(0, 12).map((b) => `${b.anchor} ${b.label}`).join(' | ')}`);
    expect(state.pages).toBeGreaterThan(1);
    // Lazy: not every page is rendered at once.
    expect(state.rendered).toBeLessThan(state.pages);
    expect(state.chips.length).toBeGreaterThan(0);
    expect(state.badges.length).toBeGreaterThan(0);
    // 附件6 总计 19.99 ≠ Σ items 19.89, as on the HTML page.
    expect(state.badges.some((b) => b.severity === 'error' && b.label.includes('19.99'))).toBe(true);
    await page.screenshot({ path: '/tmp/budget-lens-e2e-viewer.png' });
    await page.close();
  });

  it('(b) a download.do address served as octet-stream with a .pdf name opens in the viewer too', async () => {
    const page = await browser.context.newPage();
    const original = browser.url(PORTAL, DOWNLOAD_PATH.slice(1));
    await page.goto(original).catch(() => {});
    await page.waitForURL((url) => url.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('file')).toBe(original);
    await page.waitForFunction(() => document.querySelectorAll('.textLayer span').length > 0, null, { timeout: 20_000 });
    // Find-in-page jumps to a hit and marks it in the text layer.
    await page.fill('#find-input', '19.99');
    await page.press('#find-input', 'Enter');
    await expect.poll(() => page.textContent('#find-count'), { timeout: 10_000 }).toMatch(/^1\/\d+$/);
    await expect.poll(() => page.evaluate(() => document.querySelector('.textLayer .find-current')?.textContent ?? ''), { timeout: 10_000 }).toContain('19.99');
    // Zoom changes the page size.
    const before = await page.evaluate(() => document.querySelector<HTMLElement>('.page')!.offsetWidth);
    await page.click('#zoom-in');
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('.page')!.offsetWidth)).toBeGreaterThan(before);
    // Page navigation.
    await page.fill('#page-number', '2');
    await page.press('#page-number', 'Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('#scroller')!.scrollTop)).toBeGreaterThan(0);
    await page.close();
  });

  it('(c) the popup shows the viewer’s summary and a click on a finding reaches the viewer', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(PORTAL, REPORT_PATH.slice(1))).catch(() => {});
    await page.waitForURL((url) => url.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('.marks .badge'), null, { timeout: 30_000 });
    const tabId = await viewerTabId(page);
    await expect.poll(() => storedSummary(browser, tabId), { timeout: 10_000 }).not.toBeNull();
    const summary = (await storedSummary(browser, tabId)) as { url: string; report: { findings: { severity: string }[] } };
    expect(summary.url).toBe(browser.url(PORTAL, REPORT_PATH.slice(1)));

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const errors = summary.report.findings.filter((f) => f.severity === 'error').length;
    await expect.poll(async () => Number(await popup.locator('.count.error .n').textContent()), { timeout: 10_000 }).toBe(errors);
    await popup.screenshot({ path: '/tmp/budget-lens-e2e-viewer-popup.png' });
    await page.evaluate(() => document.querySelector('#scroller')!.scrollTo(0, 0));
    await popup.locator('.finding', { hasText: '19.99' }).first().locator('button.headline').click();
    // A real popup floats over the visible viewer; here the popup is a tab of its own.
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => document.querySelector('#scroller')!.scrollTop), { timeout: 5_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.querySelector('.marks .mark.flash') !== null), { timeout: 3_000 }).toBe(true);
    // The shown mark sits on a cell whose figure the tooltip names: the text layer under it holds that figure.
    await page.waitForFunction(
      () => {
        const badge = document.querySelector<HTMLElement>('.marks .badge[aria-describedby="tip"]');
        const pageEl = badge?.closest('.page');
        return pageEl?.querySelector('canvas') && pageEl.querySelectorAll('.textLayer span').length > 0;
      },
      null,
      { timeout: 10_000 },
    );
    const under = await page.evaluate(() => {
      const badge = document.querySelector<HTMLElement>('.marks .badge[aria-describedby="tip"]')!;
      const mark = badge.parentElement!.querySelector<HTMLElement>(`.mark[data-anchor="${badge.dataset.anchor}"]`)!.getBoundingClientRect();
      const spans = Array.from(document.querySelectorAll<HTMLElement>('.textLayer span')).filter((s) => {
        const b = s.getBoundingClientRect();
        const x = (b.left + b.right) / 2;
        const y = (b.top + b.bottom) / 2;
        return x > mark.left && x < mark.right && y > mark.top && y < mark.bottom;
      });
      return { text: spans.map((s) => s.textContent).join('').trim(), tip: document.querySelector('#tip')!.textContent ?? '' };
    });
    await page.screenshot({ path: '/tmp/budget-lens-e2e-viewer-finding.png' });
    expect(under.text).toMatch(/\d/);
    expect(under.tip).toContain(under.text);
    await popup.close();
    await page.close();
  });

  it('(d) "打开原文件" reaches the original address without being sent back to the viewer', async () => {
    const page = await browser.context.newPage();
    const original = browser.url(PORTAL, DOWNLOAD_PATH.slice(1));
    await page.goto(original).catch(() => {});
    await page.waitForURL((url) => url.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    await page.waitForSelector('#open-original:not([hidden])');
    const before = served.length;
    // The response is an attachment: Chromium downloads it and the tab stays (or it shows it); never the viewer again.
    const download = page.waitForEvent('download', { timeout: 10_000 }).catch(() => null);
    await page.click('#open-original');
    await expect.poll(() => served.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await download;
    await page.waitForTimeout(500);
    const url = page.url();
    // Either the tab shows the original, or (an attachment) it was downloaded and the viewer stayed — but no new redirect happened.
    expect(served.at(-1)).toBe(DOWNLOAD_PATH);
    if (!url.startsWith(viewerPrefix())) expect(url).toBe(original);

    // The .pdf address (application/pdf, inline) shows the original in the tab.
    const inline = browser.url(PORTAL, REPORT_PATH.slice(1));
    await page.goto(inline).catch(() => {});
    await page.waitForURL((u) => u.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    await page.waitForSelector('#open-original:not([hidden])');
    await page.click('#open-original');
    await page.waitForURL(inline, { timeout: 10_000 });
    await page.waitForTimeout(800);
    expect(page.url()).toBe(inline);
    await page.close();
  });

  it('(e) an address that cannot be fetched, and a broken PDF, are said plainly; a chosen file opens instead', async () => {
    const page = await browser.context.newPage();
    // A referer in the viewer's address is ignored (any page could write one): the portal's root goes.
    const file = browser.url(PORTAL, REPORT_PATH.slice(1));
    await page.goto(`${viewerPrefix()}?file=${encodeURIComponent(file)}&referer=${encodeURIComponent('http://evil.example/x?q=1')}`);
    await expect.poll(() => referers.at(-1), { timeout: 10_000 }).toBe(`${new URL(file).origin}/`);
    // A manual open (context menu) records the linking page for the tab it opens, origin and path
    // only; the fetch sends that as Referer. Done here as the background's menu handler does it.
    const linking = browser.url(PORTAL, '001-cms.html');
    await browser.worker.evaluate(
      async ({ file, linking }) => {
        const tab = await chrome.tabs.create({ url: 'about:blank' });
        const referer = new URL(linking);
        await chrome.storage.session.set({ [`viewer-open:${tab.id}`]: { file, referer: `${referer.origin}${referer.pathname}` } });
        await chrome.tabs.update(tab.id!, { url: `${chrome.runtime.getURL('viewer.html')}?file=${encodeURIComponent(file)}` });
      },
      { file, linking: `${linking}?session=secret` },
    );
    await expect.poll(() => referers.at(-1), { timeout: 10_000 }).toBe(linking);
    const expired = browser.url(PORTAL, 'x/expired.pdf');
    await page.goto(`${viewerPrefix()}?file=${encodeURIComponent(expired)}`);
    await page.waitForSelector('.notice.error', { timeout: 10_000 });
    expect(await page.textContent('.notice.error')).toContain('HTTP 404');
    expect(await page.isVisible('#drop-zone')).toBe(true);
    // The downloaded file, chosen by hand, is checked like a fetched one.
    await page.setInputFiles('#file-input', { name: '预算.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.waitForFunction(() => document.querySelector('.marks .badge'), null, { timeout: 30_000 });
    expect(await page.isVisible('#drop-zone')).toBe(false);
    expect(await page.textContent('#source-name')).toBe('预算.pdf');

    await page.goto(`${viewerPrefix()}?file=${encodeURIComponent(browser.url(PORTAL, 'x/broken.pdf'))}`);
    await page.waitForSelector('.notice.error', { timeout: 10_000 });
    expect(await page.textContent('.notice.error')).toMatch(/损坏|无法读取/);
    // An inflate bomb is refused before pdf.js parses it.
    await page.goto(`${viewerPrefix()}?file=${encodeURIComponent(browser.url(PORTAL, 'x/bomb.pdf'))}`);
    await page.waitForSelector('.notice.error', { timeout: 15_000 });
    expect(await page.textContent('.notice.error')).toContain('压缩炸弹');
    // No address at all: the drop zone.
    await page.goto(viewerPrefix());
    await page.waitForSelector('#drop-zone:not([hidden])', { timeout: 10_000 });
    await page.close();
  });

  it('(f) with automatic opening off, PDFs stay in the browser; the popup offers to open them', async () => {
    await browser.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, autoOpenPdf: false } });
    });
    const original = browser.url(PORTAL, REPORT_PATH.slice(1));
    await expect
      .poll(async () => (await browser.worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules())).length, { timeout: 5_000 })
      .toBe(0);
    const page = await browser.context.newPage();
    await page.goto(original).catch(() => {});
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(original);
    const tabId = await browser.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!, original);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('button.open-pdf', { timeout: 10_000 });
    await popup.click('button.open-pdf');
    await page.waitForURL((url) => url.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('.marks .badge'), null, { timeout: 30_000 });
    await browser.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, autoOpenPdf: true } });
    });
    await expect.poll(async () => (await browser.worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules())).length, { timeout: 5_000 }).toBe(3);
    await page.close();
  });

  it.skipIf(!hasCorpus)('(g) a real disclosure: Chinese text through the shipped CMaps, tables found, findings drawn', async () => {
    const page = await browser.context.newPage();
    const started = Date.now();
    await page.goto(browser.url(PORTAL, `corpus/${CORPUS_FILE}`)).catch(() => {});
    await page.waitForURL((url) => url.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('.marks .chip') || document.querySelector('.notice'), null, { timeout: 60_000 });
    const millis = Date.now() - started;
    const state = await viewerState(page);
    const text = await page.evaluate(() => Array.from(document.querySelectorAll('.textLayer span')).map((s) => s.textContent).join(''));
    const timings = await page.evaluate(() => ['extract', 'analyse', 'draw'].map((k) => `${k} ${performance.getEntriesByName(`budget-lens:pdf-${k}`)[0]?.duration.toFixed(0) ?? '?'} ms`).join(', '));
    console.log(`[e2e] ${CORPUS_FILE}: ${state.pages} pages, ${state.chips.length} chips, ${state.badges.length} badges, opened and checked in ${millis} ms (${timings}); ${state.notices[0] ?? ''}`);
    expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(state.chips.length).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/budget-lens-e2e-viewer-corpus.png' });
    // Stepping through the findings moves the view and pins the arithmetic.
    await page.click('#finding-next');
    await expect.poll(() => page.textContent('#finding-pos')).toMatch(/^1\/\d+$/);
    await page.waitForSelector('#tip.pinned:not([hidden])', { timeout: 5_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: '/tmp/budget-lens-e2e-viewer-corpus-finding.png' });
    await page.close();
  });
});