import { z } from 'zod';
import { browser } from 'wxt/browser';
import { reportSchema, type Report } from '../engine/report/schema';
import { shrinkReport } from '../engine/report/limits';

export { DEFAULT_SETTINGS, loadSettings, repairSettings, settingsItem, settingsSchema, siteEnabled, updateSettings, watchSettings, type Settings } from './settings';

/**
 * storage.session: one summary per tab (so the popup can show it after it closed and reopened),
 * the linking page of each viewer tab the extension opened, and Firefox's "打开原文件" bypasses —
 * all of it state an MV3 service worker or a Firefox event page must not keep in memory, since
 * either may sleep at any time. Everything read back is validated: storage outlives builds.
 */

export const tabSummarySchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  checkedAt: z.number(),
  /** Null when the check failed or its result could not be kept; `problem` then says why. */
  report: reportSchema.nullable(),
  /** Shown by the popup: "检查失败：…", or that only part of a large result was kept. */
  problem: z.string().optional(),
});
export type TabSummary = z.infer<typeof tabSummarySchema>;

const summaryKey = (tabId: number): string => `tab:${tabId}`;

/** One summary in storage.session stays under this (JSON characters); the session area holds 10 MB for all tabs. */
export const MAX_SUMMARY_CHARS = 1_500_000;

/**
 * Saves a tab's summary, shrunk to fit; when even that cannot be stored, a summary without the
 * report that says so. Resolves with what was stored.
 */
export async function saveTabSummary(summary: TabSummary): Promise<TabSummary> {
  let stored = tabSummarySchema.parse(summary);
  if (stored.report) {
    const fitted = shrinkReport(stored.report, MAX_SUMMARY_CHARS);
    if (fitted.shrunk) stored = { ...stored, report: fitted.report, problem: fitted.omitted > 0 ? `结果过大，只保存了前 ${fitted.report.findings.length} 条问题（另有 ${fitted.omitted} 条未保存）` : '结果过大，只保存了问题列表' };
  }
  try {
    await browser.storage.session.set({ [summaryKey(stored.tabId)]: stored });
  } catch (error) {
    stored = { ...stored, report: null, problem: `结果过大，无法保存摘要（${error instanceof Error ? error.message : String(error)}）` };
    await browser.storage.session.set({ [summaryKey(stored.tabId)]: stored });
  }
  return stored;
}

export async function loadTabSummary(tabId: number): Promise<TabSummary | null> {
  const key = summaryKey(tabId);
  const stored = await browser.storage.session.get(key);
  const parsed = tabSummarySchema.safeParse(stored[key]);
  return parsed.success ? parsed.data : null;
}

export async function clearTabSummary(tabId: number): Promise<void> {
  await browser.storage.session.remove(summaryKey(tabId));
}

/** Calls back with the tab's summary (or null) whenever it changes. Returns the unsubscribe. */
export function watchTabSummary(tabId: number, onChange: (summary: TabSummary | null) => void): () => void {
  const key = summaryKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    const parsed = tabSummarySchema.safeParse(changes[key]?.newValue);
    onChange(parsed.success ? parsed.data : null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export type { Report };

// —— the viewer tabs the extension opened by hand (context menu), with the page that linked the PDF ——

const viewerOpenSchema = z.object({ file: z.string().url(), referer: z.string().url() });
export type ViewerOpen = z.infer<typeof viewerOpenSchema>;
const viewerOpenKey = (tabId: number): string => `viewer-open:${tabId}`;

/**
 * The linking page as a Referer may carry it: origin and path, never the query or fragment (they
 * may hold session ids or search terms the portal has no business seeing from us).
 */
export function refererFromPage(pageUrl: string | undefined): string | null {
  if (!pageUrl) return null;
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}

export async function rememberViewerOpen(tabId: number, open: ViewerOpen): Promise<void> {
  await browser.storage.session.set({ [viewerOpenKey(tabId)]: viewerOpenSchema.parse(open) });
}

/** The linking page recorded for this tab and file (a different file in the same tab gets none). */
export async function viewerReferer(tabId: number, file: string): Promise<string | null> {
  const key = viewerOpenKey(tabId);
  const parsed = viewerOpenSchema.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success && parsed.data.file === file ? parsed.data.referer : null;
}

// —— Firefox: "打开原文件" bypasses of the PDF redirect, per tab ——

const bypassKey = (tabId: number): string => `pdf-bypass:${tabId}`;
const bypassSchema = z.array(z.string()).max(50);

export async function addBypass(tabId: number, url: string): Promise<void> {
  const key = bypassKey(tabId);
  const parsed = bypassSchema.safeParse((await browser.storage.session.get(key))[key]);
  const urls = [...(parsed.success ? parsed.data : []).filter((u) => u !== url), url].slice(-50);
  await browser.storage.session.set({ [key]: urls });
}

/** Every stored bypass as "tabId url" keys. */
export async function loadBypasses(): Promise<Set<string>> {
  const all = await browser.storage.session.get(null);
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(all)) {
    const match = /^pdf-bypass:(\d+)$/.exec(key);
    const parsed = bypassSchema.safeParse(value);
    if (match && parsed.success) for (const url of parsed.data) keys.add(`${match[1]} ${url}`);
  }
  return keys;
}

/** A closed tab's session state goes with it. */
export async function forgetTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove([summaryKey(tabId), viewerOpenKey(tabId), bypassKey(tabId)]);
}
