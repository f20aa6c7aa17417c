import { browser } from 'wxt/browser';
import { bypassRule, pdfRedirectRules, portalDomains, REDIRECT_RULE_IDS, refererRule, type DnrRule } from './dnr-rules';
import { isPdfResponse } from './is-pdf-response';
import { VIEWER_PATH, viewerUrlFor } from './viewer-url';

/**
 * How PDFs reach the viewer. Chrome: declarativeNetRequest rules on response headers (≥ 128).
 * Firefox: blocking webRequest calling isPdfResponse. Neither: only the manual paths (link
 * context menu, popup button). All three paths end at viewer.html?file=….
 */

export const CONTEXT_MENU_ID = 'budget-lens-open-link';

export function viewerBase(): string {
  return browser.runtime.getURL(VIEWER_PATH as '/viewer.html');
}

/** pdf.js's CMaps and standard fonts, copied into the build by wxt.config.ts (not in WXT's typed public paths). */
export function pdfjsAssetUrls(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const url = (path: string) => browser.runtime.getURL(path as '/viewer.html');
  return { cMapUrl: url('/pdfjs/cmaps/'), standardFontDataUrl: url('/pdfjs/standard_fonts/'), wasmUrl: url('/pdfjs/wasm/') };
}

export function viewerUrl(file: string, referer?: string): string {
  return viewerUrlFor(viewerBase(), file, referer);
}

type Dnr = {
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<DnrRule[]>;
};
function dnr(): Dnr | null {
  return ((browser as unknown as { declarativeNetRequest?: Dnr }).declarativeNetRequest ?? null);
}

/** Chrome evaluates `responseHeaders` conditions from 128 on; 121–127 accepted and ignored them (redirecting everything). */
function chromeSupportsHeaderRules(): boolean {
  const match = /Chrom(?:e|ium)\/(\d+)/.exec(globalThis.navigator?.userAgent ?? '');
  return match !== null && Number(match[1]) >= 128;
}

interface WebRequestDetails {
  method: string;
  statusCode: number;
  url: string;
  tabId: number;
  responseHeaders?: { name: string; value?: string }[];
}
type WebRequest = {
  onHeadersReceived: {
    addListener(listener: (details: WebRequestDetails) => { redirectUrl?: string } | undefined, filter: object, extra: string[]): void;
  };
};
function webRequest(): WebRequest | null {
  return ((browser as unknown as { webRequest?: WebRequest }).webRequest ?? null);
}

export type PdfOpenMode = 'dnr' | 'webRequest' | 'manual';

export function pdfOpenMode(): PdfOpenMode {
  if (webRequest()) return 'webRequest';
  if (dnr() && chromeSupportsHeaderRules()) return 'dnr';
  return 'manual';
}

/** Firefox: state the synchronous webRequest listener reads. */
const firefoxState = { enabled: true, domains: portalDomains([]), bypass: new Set<string>() };

/**
 * Registers the Firefox listener (must happen synchronously when the background starts, so an
 * event page woken by a navigation has it). A no-op where webRequest is absent.
 */
export function listenForPdfNavigations(): void {
  const api = webRequest();
  if (!api) return;
  api.onHeadersReceived.addListener(
    (details) => {
      if (!firefoxState.enabled) return undefined;
      let host: string;
      try {
        host = new URL(details.url).hostname;
      } catch {
        return undefined;
      }
      if (!firefoxState.domains.some((d) => host === d || host.endsWith(`.${d}`))) return undefined;
      if (firefoxState.bypass.has(`${details.tabId} ${details.url}`)) return undefined;
      const headers = details.responseHeaders ?? [];
      if (!isPdfResponse({ method: details.method, status: details.statusCode, url: details.url, headers })) return undefined;
      return { redirectUrl: viewerUrl(details.url) };
    },
    { urls: ['<all_urls>'], types: ['main_frame'] },
    ['blocking', 'responseHeaders'],
  );
}

/**
 * Right after installation the settings are the defaults (automatic opening on, no added hosts):
 * the redirect rules go in at once, before anything is read from storage, so a PDF opened in the
 * first seconds after installing already reaches the viewer. Called first when the background starts.
 */
export function registerRulesAtInstall(stillWanted: () => Promise<boolean>): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    const catchUp = async () => {
      if (await stillWanted().catch(() => false)) await catchUpPdfTabs();
    };
    void syncPdfRedirect(true, [])
      .catch((e: unknown) => console.warn('[预算透镜]', e))
      // A PDF that loaded while the rules were going in is opened in the viewer all the same.
      .then(catchUp)
      .then(() => new Promise((resolve) => setTimeout(resolve, 2000)))
      .then(catchUp);
  });
}

/** Portal tabs already showing a PDF in the browser's own viewer move to Budget Lens's viewer. */
async function catchUpPdfTabs(): Promise<void> {
  if (pdfOpenMode() !== 'dnr') return;
  let tabs: { id?: number; url?: string }[] = [];
  try {
    tabs = await browser.tabs.query({ url: portalDomains([]).map((d) => `*://*.${d}/*`) });
  } catch {
    return;
  }
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || !/^https?:/i.test(tab.url)) continue;
    try {
      const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.contentType });
      if (result?.result === 'application/pdf') await browser.tabs.update(tab.id, { url: viewerUrl(tab.url) });
    } catch {
      // Not a page we may script (still loading, or an error page): left alone.
    }
  }
}

/** Brings the automatic opening in line with the settings (on/off, the user's hosts). */
export async function syncPdfRedirect(enabled: boolean, userHosts: readonly string[]): Promise<PdfOpenMode> {
  const mode = pdfOpenMode();
  if (mode === 'webRequest') {
    firefoxState.enabled = enabled;
    firefoxState.domains = portalDomains(userHosts);
    return mode;
  }
  const api = dnr();
  if (!api) return mode;
  const addRules = enabled && mode === 'dnr' ? pdfRedirectRules(viewerBase(), userHosts) : [];
  await api.updateDynamicRules({ removeRuleIds: [...REDIRECT_RULE_IDS], addRules });
  return mode;
}

async function replaceSessionRule(tabId: number, kind: 'allow' | 'modifyHeaders', make: (id: number) => DnrRule): Promise<void> {
  const api = dnr();
  if (!api) return;
  const existing = await api.getSessionRules();
  const stale = existing.filter((r) => r.action.type === kind && r.condition.tabIds?.includes(tabId)).map((r) => r.id);
  const id = Math.max(0, ...existing.map((r) => r.id)) + 1;
  await api.updateSessionRules({ removeRuleIds: stale, addRules: [make(id)] });
}

/** "打开原文件": this tab may load this URL without being sent back to the viewer. */
export async function allowOriginal(tabId: number, url: string): Promise<void> {
  if (pdfOpenMode() === 'webRequest') {
    firefoxState.bypass.add(`${tabId} ${url}`);
    return;
  }
  await replaceSessionRule(tabId, 'allow', (id) => bypassRule(id, tabId, url));
}

/**
 * The viewer tab's fetch of `fileUrl` carries the linking page (a manual open), else the portal's
 * root, as Referer (Chrome; Firefox sends none from extension pages).
 */
export async function setViewerReferer(tabId: number, fileUrl: string, linkingPage?: string): Promise<void> {
  if (pdfOpenMode() !== 'dnr') return;
  const referer = linkingPage && /^https?:/i.test(linkingPage) ? linkingPage : `${new URL(fileUrl).origin}/`;
  await replaceSessionRule(tabId, 'modifyHeaders', (id) => refererRule(id, browser.runtime.id, tabId, fileUrl, referer));
}

/** A closed tab's session rules go with it. */
export async function forgetTab(tabId: number): Promise<void> {
  for (const key of firefoxState.bypass) if (key.startsWith(`${tabId} `)) firefoxState.bypass.delete(key);
  const api = dnr();
  if (!api) return;
  try {
    const stale = (await api.getSessionRules()).filter((r) => r.condition.tabIds?.includes(tabId)).map((r) => r.id);
    if (stale.length) await api.updateSessionRules({ removeRuleIds: stale });
  } catch {
    // No session rules in this browser.
  }
}

/** The link context-menu item; created once per install/update (menus persist). */
export function createContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      { id: CONTEXT_MENU_ID, title: '用预算透镜打开', contexts: ['link'], targetUrlPatterns: ['http://*/*', 'https://*/*'] },
      () => void browser.runtime.lastError,
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CONTEXT_MENU_ID || !info.linkUrl || !/^https?:/i.test(info.linkUrl)) return;
    const linkingPage = info.pageUrl && /^https?:/i.test(info.pageUrl) ? info.pageUrl : undefined;
    void browser.tabs.create({ url: viewerUrl(info.linkUrl, linkingPage), ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
  });
}

/** The popup's "用预算透镜打开此PDF". */
export async function openTabInViewer(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url: viewerUrl(url) });
}

/**
 * Does the tab show a PDF in the browser's own viewer? Asks the page (activeTab from the popup
 * click allows it); falls back to the address when the page cannot be asked.
 */
export async function tabShowsPdf(tabId: number, url: string): Promise<boolean> {
  if (!/^https?:/i.test(url)) return false;
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.contentType });
    if (typeof result?.result === 'string') return result.result === 'application/pdf';
  } catch {
    // No access (Firefox's built-in viewer, or no permission): judge by the address.
  }
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
