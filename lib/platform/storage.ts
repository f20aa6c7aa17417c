import { z } from 'zod';
import { browser } from 'wxt/browser';
import { reportSchema } from '../engine/report/schema';

/**
 * storage.session: one summary per tab, so the popup can show it after it closed and reopened.
 * storage.local: the user's settings. Everything read back is validated: storage outlives builds.
 */

export const tabSummarySchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  checkedAt: z.number(),
  report: reportSchema,
});
export type TabSummary = z.infer<typeof tabSummarySchema>;

export const settingsSchema = z.object({
  /** Hosts the user switched off (or on, overriding nothing today): host → enabled. */
  sites: z.record(z.string(), z.boolean()).default({}),
  /** Extra hosts (beyond *.gov.cn) where the checker runs by itself, e.g. "czj.example.org". */
  userHosts: z.array(z.string()).default([]),
  /** Rounding notes (info) marked on the page. */
  showInfo: z.boolean().default(true),
  /** Text claims that checked out listed in the popup too. */
  showPassed: z.boolean().default(false),
  /** PDFs on portal hosts open in Budget Lens's own viewer (where they can be checked). */
  autoOpenPdf: z.boolean().default(true),
});
export type Settings = z.infer<typeof settingsSchema>;

const SETTINGS_KEY = 'settings';
const summaryKey = (tabId: number): string => `tab:${tabId}`;

export async function saveTabSummary(summary: TabSummary): Promise<void> {
  await browser.storage.session.set({ [summaryKey(summary.tabId)]: tabSummarySchema.parse(summary) });
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

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const parsed = settingsSchema.safeParse(stored[SETTINGS_KEY] ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = settingsSchema.parse(change(await loadSettings()));
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const parsed = settingsSchema.safeParse(changes[SETTINGS_KEY]?.newValue ?? {});
    if (parsed.success) onChange(parsed.data);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Sites are on unless switched off. */
export function siteEnabled(settings: Settings, host: string): boolean {
  return settings.sites[host] !== false;
}
