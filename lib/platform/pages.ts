import { browser } from 'wxt/browser';

/** Opens one of the extension's own pages (the options page, its help section) in a new tab. */
export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') });
}

/** The extension's version, for exports that go back to the project. */
export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}
