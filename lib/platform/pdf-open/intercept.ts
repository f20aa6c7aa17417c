import { browser } from 'wxt/browser';
import { bypassRule, pdfRedirectRules, portalDomains, REDIRECT_RULE_IDS, refererRule, type DnrRule } from './dnr-rules';
import { isPdfResponse } from './is-pdf-response';
import { VIEWER_PATH, viewerUrlFor } from './viewer-url';
import { addBypass, forgetTabState, loadBypasses, loadSettings, refererFromPage, rememberViewerOpen, viewerReferer } from '../storage';

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

export function viewerUrl(file: string): string {
  return viewerUrlFor(viewerBase(), file);
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
    addListener(listener: (details: WebRequestDetails) => { redirectUrl?: string } | undefined | Promise<{ redirectUrl?: string } | undefined>, filter: object, extra: string[]): void;
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

/**
 * Firefox: what the webRequest listener reads, mirrored from storage. A Firefox event page sleeps
 * and wakes on the very navigation it must judge, so nothing here may exist only in memory: the
 * settings come from storage.local, the "打开原文件" bypasses from storage.session, and a request
 * that arrives before they are loaded waits for them (Firefox lets a blocking listener return a promise).
 */
const firefoxState = { loaded: false, enabled: true, domains: portalDomains([]), bypass: new Set<string>() };
let firefoxReady: Promise<void> | null = null;

function loadFirefoxState(): Promise<void> {
  firefoxReady ??= (async () => {
    const [settings, bypass] = await Promise.all([loadSettings(), loadBypasses()]);
    firefoxState.enabled = settings.autoOpenPdf;
    firefoxState.domains = portalDomains(settings.userHosts);
    for (const key of bypass) firefoxState.bypass.add(key);
    firefoxState.loaded = true;
  })().catch((error: unknown) => {
    console.warn('[预算透镜] settings unavailable; PDFs open with the defaults', error);
    firefoxState.loaded = true;
  });
  return firefoxReady;
}

function judgeNavigation(details: WebRequestDetails): { redirectUrl: string } | undefined {
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
}

/**
 * Registers the Firefox listener (must happen synchronously when the background starts, so an
 * event page woken by a navigation has it). A no-op where webRequest is absent.
 */
export function listenForPdfNavigations(): void {
  const api = webRequest();
  if (!api) return;
  void loadFirefoxState();
  api.onHeadersReceived.addListener(
    (details) => (firefoxState.loaded ? judgeNavigation(details) : loadFirefoxState().then(() => judgeNavigation(details))),
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

/**
 * Session rules: one of each kind per tab. Updates are serialised (the background is one JS
 * context): reading the rules and picking a free id in parallel let concurrent viewers take the
 * same id ("Rule with id 2 does not have a unique ID") and lose their Referer. A tab's existing
 * rule keeps its id, so replacing it is one atomic update.
 */
let sessionRuleQueue: Promise<unknown> = Promise.resolve();

export function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = sessionRuleQueue.then(task);
  sessionRuleQueue = run.catch(() => {});
  return run;
}

/** Pure, for tests: the id a tab's rule of this kind gets among the existing session rules. */
export function pickSessionRuleId(existing: readonly DnrRule[], tabId: number, kind: 'allow' | 'modifyHeaders'): { id: number; stale: number[] } {
  const mine = existing.filter((r) => r.action.type === kind && r.condition.tabIds?.includes(tabId)).map((r) => r.id);
  const taken = new Set(existing.map((r) => r.id));
  let id = mine[0] ?? 1;
  if (mine.length === 0) while (taken.has(id)) id += 1;
  return { id, stale: mine };
}

async function replaceSessionRule(tabId: number, kind: 'allow' | 'modifyHeaders', make: (id: number) => DnrRule): Promise<void> {
  const api = dnr();
  if (!api) return;
  await serialised(async () => {
    const { id, stale } = pickSessionRuleId(await api.getSessionRules(), tabId, kind);
    await api.updateSessionRules({ removeRuleIds: stale, addRules: [make(id)] });
  });
}

/** "打开原文件": this tab may load this URL without being sent back to the viewer. */
export async function allowOriginal(tabId: number, url: string): Promise<void> {
  if (pdfOpenMode() === 'webRequest') {
    firefoxState.bypass.add(`${tabId} ${url}`);
    await addBypass(tabId, url);
    return;
  }
  await replaceSessionRule(tabId, 'allow', (id) => bypassRule(id, tabId, url));
}

/**
 * The viewer tab's fetch of `fileUrl` carries, as Referer, the page that linked it when the
 * extension itself opened the tab from a link (recorded in storage.session, origin and path only),
 * else the portal's root (Chrome; Firefox sends none from extension pages).
 */
export async function setViewerReferer(tabId: number, fileUrl: string): Promise<void> {
  if (pdfOpenMode() !== 'dnr') return;
  const referer = (await viewerReferer(tabId, fileUrl)) ?? `${new URL(fileUrl).origin}/`;
  await replaceSessionRule(tabId, 'modifyHeaders', (id) => refererRule(id, browser.runtime.id, tabId, fileUrl, referer));
}

/** A closed tab's session rules and state go with it. */
export async function forgetTab(tabId: number): Promise<void> {
  for (const key of firefoxState.bypass) if (key.startsWith(`${tabId} `)) firefoxState.bypass.delete(key);
  await forgetTabState(tabId).catch(() => {});
  const api = dnr();
  if (!api) return;
  try {
    await serialised(async () => {
      const stale = (await api.getSessionRules()).filter((r) => r.condition.tabIds?.includes(tabId)).map((r) => r.id);
      if (stale.length) await api.updateSessionRules({ removeRuleIds: stale });
    });
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
    const file = info.linkUrl;
    const referer = refererFromPage(info.pageUrl);
    void (async () => {
      // Opened blank, the linking page recorded for that tab, then sent to the viewer: the
      // viewer's address never carries a referer a foreign page could forge.
      const created = await browser.tabs.create({ url: 'about:blank', ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
      if (created.id === undefined) return;
      if (referer) await rememberViewerOpen(created.id, { file, referer }).catch(() => {});
      await browser.tabs.update(created.id, { url: viewerUrl(file) });
    })();
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
