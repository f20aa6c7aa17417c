import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * Shared e2e setup: a static server on 127.0.0.1 serving the generated fixture pages
 * (test/fixtures/pages, `npm run fixtures`), and Debian's Chromium with the built extension loaded. Portal host
 * names are mapped to the server with --host-resolver-rules, so the content script sees a real
 * *.gov.cn URL.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = new URL('../..', import.meta.url).pathname;
export const EXTENSION = join(root, '.output/chrome-mv3');
const DIRS = [join(root, 'test/fixtures/pages')];
export const PORTAL = 'www.hetang.gov.cn';
export const OTHER = 'news.example.com';

/** Skip (not fail) without a browser on a developer machine; on CI a missing browser is a failure. */
export const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!canRun) console.warn(`[e2e] skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-microhei)`);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.pdf': 'application/pdf' };

/** A test's own responses (e.g. a PDF under a download.do URL): true when it answered. */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean;

export function startServer(routes: Route[] = []): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (routes.some((route) => route(req, res))) return;
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    for (const dir of DIRS) {
      const file = join(dir, path);
      if (file.startsWith(dir) && existsSync(file) && !file.endsWith('/')) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404).end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  port: number;
  url(host: string, page: string): string;
  close(): Promise<void>;
}

export async function launch(routes: Route[] = []): Promise<Browser> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build first: npm run build (.output/chrome-mv3 missing)');
  const { server, port } = await startServer(routes);
  const profile = mkdtempSync(join(tmpdir(), 'budget-lens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      `--host-resolver-rules=MAP ${PORTAL} 127.0.0.1, MAP ${OTHER} 127.0.0.1`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    port,
    url: (host, page) => `http://${host}:${port}/${page}`,
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The tab id Chrome gave a page, found by URL from the service worker. */
export async function tabIdOf(browser: Browser, page: Page): Promise<number> {
  const url = page.url();
  return browser.worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target);
    if (tab?.id === undefined) throw new Error(`no tab for ${target}`);
    return tab.id;
  }, url);
}

/** The summary the background stored for a tab (null when none). */
export async function storedSummary(browser: Browser, tabId: number): Promise<unknown> {
  return browser.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
}

/** The URLs of every stored summary. */
export async function summaryUrls(browser: Browser): Promise<string[]> {
  return browser.worker.evaluate(async () => Object.values(await chrome.storage.session.get(null)).map((v) => (v as { url: string }).url));
}

/** The toolbar badge text of a tab. */
export async function badgeText(browser: Browser, tabId: number): Promise<string> {
  return browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Changes the stored settings as the popup would (the content scripts watch them). */
export async function patchSettings(browser: Browser, patch: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate(async (next) => {
    const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...stored, ...next } });
  }, patch);
}

/** The service worker's chrome.* as used inside worker.evaluate callbacks. */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    session: { get(key: string | null): Promise<Record<string, unknown>> };
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};
