import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startServer, type Route } from './harness';

/**
 * Debian's Firefox ESR with the Firefox build (.output/firefox-mv3) installed as a temporary
 * add-on, driven over WebDriver BiDi by puppeteer-core (no browser download, no geckodriver).
 * Every host name resolves to 127.0.0.1 (network.dns.forceResolve), so the test server answers
 * as www.hetang.gov.cn; the add-on's moz-extension:// UUID is fixed by a preference.
 */

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const root = new URL('../..', import.meta.url).pathname;
export const FIREFOX_EXTENSION = join(root, '.output/firefox-mv3');
export const ADDON_ID = 'budget-lens@example.org';
export const UUID = '6f1c2b8e-5a4d-4c3b-9e2f-1a2b3c4d5e6f';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/** Skip (not fail) without Firefox on a developer machine; on CI a missing Firefox is a failure. */
export const canRunFirefox = existsSync(FIREFOX) || Boolean(process.env.CI);
if (!canRunFirefox) console.warn(`[e2e] Firefox skipped: ${FIREFOX} not found (apt-get install -y firefox-esr)`);

export interface FirefoxSession {
  browser: Browser;
  port: number;
  url(host: string, page: string): string;
  /**
   * An extension page in a tab of its own. WebDriver BiDi may not navigate to moz-extension://
   * addresses; a web page may, to the (web-accessible) viewer, and from there the extension's
   * own page goes on to any of its pages.
   */
  extensionPage(path: string): Promise<Page>;
  /** The tab id Firefox gave the tab showing `url` (asked from an extension page). */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

export async function launchFirefox(routes: Route[] = []): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error('Build first: npm run build:firefox (.output/firefox-mv3 missing)');
  const { server, port } = await startServer(routes);
  const profile = mkdtempSync(join(tmpdir(), 'budget-lens-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'intl.accept_languages': 'zh-CN',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION);
  let helper: Page | null = null;

  const extensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`http://news.example.com:${port}/other-news.html`);
    await page.evaluate((url) => void (location.href = url), `${EXTENSION_ORIGIN}/viewer.html`);
    await waitFor(async () => (await page.evaluate(() => location.href).catch(() => '')).startsWith('moz-extension:'));
    if (path !== '/viewer.html') {
      await page.evaluate((p) => void (location.href = p), path);
      await waitFor(async () => (await page.evaluate(() => location.pathname + location.search).catch(() => '')) === path);
    }
    return page;
  };

  return {
    browser,
    port,
    url: (host, page) => `http://${host}:${port}/${page}`,
    extensionPage,
    async tabIdOf(url) {
      helper ??= await extensionPage('/viewer.html');
      let id: number | undefined;
      await waitFor(async () => {
        id = await helper!.evaluate(async (target) => (await (globalThis as unknown as ExtensionGlobals).browser.tabs.query({})).find((t) => t.url === target)?.id, url);
        return id !== undefined;
      });
      return id!;
    },
    async close() {
      await browser.close();
      (server as Server).close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function waitFor(check: () => Promise<boolean>, timeout = 15_000, every = 150): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/** `browser.*` inside page.evaluate callbacks that run in extension pages. */
interface ExtensionGlobals {
  browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
}
