import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Issue 15, defect 11: a Firefox event page sleeps; woken by a navigation, it must judge that
 * navigation with the user's stored settings and "打开原文件" bypasses, not with in-memory defaults.
 */

type Listener = (details: { method: string; statusCode: number; url: string; tabId: number; responseHeaders?: { name: string; value?: string }[] }) => unknown;

const pdfResponse = (url: string, tabId = 7) => ({ method: 'GET', statusCode: 200, url, tabId, responseHeaders: [{ name: 'content-type', value: 'application/pdf' }] });

/** A fresh background (module state and all), as a woken event page would start, with a fake webRequest. */
async function wake(): Promise<Listener> {
  vi.resetModules();
  let listener: Listener | null = null;
  (fakeBrowser as unknown as { webRequest: unknown }).webRequest = { onHeadersReceived: { addListener: (l: Listener) => (listener = l) } };
  const { listenForPdfNavigations } = await import('../../../../lib/platform/pdf-open/intercept');
  listenForPdfNavigations();
  return listener!;
}

describe('Firefox PDF redirect state survives the event page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('a waking navigation waits for the stored settings: automatic opening off stays off', async () => {
    await fakeBrowser.storage.local.set({ settings: { autoOpenPdf: false, sites: { 'www.hetang.gov.cn': false } } });
    const listener = await wake();
    expect(await listener(pdfResponse('http://www.hetang.gov.cn/a.pdf'))).toBeUndefined();
  });

  it('the user’s hosts come from storage too', async () => {
    await fakeBrowser.storage.local.set({ settings: { userHosts: ['czj.example.org'] } });
    const listener = await wake();
    const redirected = (await listener(pdfResponse('http://www.czj.example.org/a.pdf'))) as { redirectUrl?: string } | undefined;
    expect(redirected?.redirectUrl).toContain('/viewer.html?file=');
    expect(await listener(pdfResponse('http://elsewhere.example.com/a.pdf'))).toBeUndefined();
  });

  it('"打开原文件" bypasses are kept in storage.session and honoured after a wake-up', async () => {
    let listener = await wake();
    const { allowOriginal } = await import('../../../../lib/platform/pdf-open/intercept');
    await allowOriginal(7, 'http://www.hetang.gov.cn/a.pdf');
    expect(await listener(pdfResponse('http://www.hetang.gov.cn/a.pdf'))).toBeUndefined();
    listener = await wake();
    expect(await listener(pdfResponse('http://www.hetang.gov.cn/a.pdf'))).toBeUndefined();
    expect(await listener(pdfResponse('http://www.hetang.gov.cn/a.pdf', 8))).toMatchObject({ redirectUrl: expect.stringContaining('viewer.html') });
  });
});
