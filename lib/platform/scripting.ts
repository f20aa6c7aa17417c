import { browser } from 'wxt/browser';

/** The content script's path in the build (an unlisted script: entrypoints/page-checker.ts). */
export const CONTENT_SCRIPT_FILE = '/page-checker.js';
const USER_HOSTS_SCRIPT_ID = 'budget-lens-user-hosts';

/** Injects the content script on demand (activeTab from the popup click, or a host permission). */
export async function injectContentScript(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    return true;
  } catch (error) {
    console.warn('[预算透镜] cannot inject', error);
    return false;
  }
}

/** Match patterns for a user host: the host itself and its subdomains, http and https. */
export function matchPatternsFor(host: string): string[] {
  const clean = host.trim().toLowerCase().replace(/^\*\./, '');
  return [`*://${clean}/*`, `*://*.${clean}/*`];
}

/**
 * Registers the content script for the user's extra hosts — only those whose optional host
 * permission has been granted (a registration without permission would silently do nothing).
 */
export async function registerUserHosts(hosts: string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const host of hosts) {
    const origins = matchPatternsFor(host);
    if (await browser.permissions.contains({ origins })) granted.push(...origins);
  }
  try {
    await browser.scripting.unregisterContentScripts({ ids: [USER_HOSTS_SCRIPT_ID] });
  } catch {
    // Nothing registered yet.
  }
  if (granted.length === 0) return granted;
  await browser.scripting.registerContentScripts([
    {
      id: USER_HOSTS_SCRIPT_ID,
      matches: granted,
      js: [CONTENT_SCRIPT_FILE.slice(1)],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}

/** Asks for a host permission; must run from a user gesture (popup click). */
export async function requestHostPermission(host: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: matchPatternsFor(host) });
  } catch {
    return false;
  }
}

export function onPermissionsChanged(handler: () => void): () => void {
  browser.permissions.onAdded.addListener(handler);
  browser.permissions.onRemoved.addListener(handler);
  return () => {
    browser.permissions.onAdded.removeListener(handler);
    browser.permissions.onRemoved.removeListener(handler);
  };
}
