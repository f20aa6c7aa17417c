import { browser } from 'wxt/browser';

export interface TabInfo {
  id: number;
  url: string;
  title: string;
}

export async function getTab(tabId: number): Promise<TabInfo | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.id === undefined ? null : { id: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
  } catch {
    return null;
  }
}

export async function getActiveTab(): Promise<TabInfo | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
}

/** A navigation (new URL or reload) in a tab: its old summary no longer describes the page. */
export function onTabNavigated(handler: (tabId: number) => void): () => void {
  const listener = (tabId: number, change: { status?: string; url?: string }) => {
    if (change.status === 'loading' || change.url !== undefined) handler(tabId);
  };
  browser.tabs.onUpdated.addListener(listener);
  return () => browser.tabs.onUpdated.removeListener(listener);
}

export function onTabClosed(handler: (tabId: number) => void): () => void {
  const listener = (tabId: number) => handler(tabId);
  browser.tabs.onRemoved.addListener(listener);
  return () => browser.tabs.onRemoved.removeListener(listener);
}

/** The tab an extension page is shown in (null in a popup or background). */
export async function currentTabId(): Promise<number | null> {
  try {
    return (await browser.tabs.getCurrent())?.id ?? null;
  } catch {
    return null;
  }
}

/** The browser started (a new session: dynamic extension URLs have changed). */
export function onStartup(handler: () => void): void {
  browser.runtime.onStartup.addListener(handler);
}
