import { browser } from 'wxt/browser';

/**
 * The content script's lifetime, tied to the extension itself and to nothing the page can touch.
 *
 * WXT's content-script context ends itself when `document` receives a CustomEvent named after the
 * extension id, and announces every start to the page with `window.postMessage`: any page could
 * switch Budget Lens off and learn its id. Instead the content script holds a runtime port to the
 * background. A port disconnects when the extension is reloaded, updated, disabled or removed —
 * and also when an MV3 service worker (or a Firefox event page) merely goes to sleep, which is why
 * a disconnect ends the checker only when `runtime.id` is gone too (and after a mere sleep, as soon as
 * it goes). Page scripts cannot reach the isolated world's port or `runtime`.
 */

export const LIFETIME_PORT = 'budget-lens:content-lifetime';

/** The isolated world's own registry: a second injection finds the live instance here. */
const INSTANCE = Symbol.for('budget-lens:content-instance');
const ALIVE_POLL_MS = 3_000;

export interface ContentInstance {
  readonly signal: AbortSignal;
  /** Ends the instance: everything registered on `signal` is removed. */
  stop(reason: string): void;
}

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/**
 * Claims this isolated world for one content-script instance. Returns null when a live instance
 * already runs here (a second injection by "检查此页", or the manifest script after one).
 */
export function claimContentInstance(): ContentInstance | null {
  const world = globalThis as unknown as Record<symbol, ContentInstance | undefined>;
  const existing = world[INSTANCE];
  if (existing && !existing.signal.aborted) return null;

  const controller = new AbortController();
  const instance: ContentInstance = {
    signal: controller.signal,
    stop: (reason) => {
      if (!controller.signal.aborted) controller.abort(reason);
    },
  };
  world[INSTANCE] = instance;

  const connect = (): void => {
    if (controller.signal.aborted) return;
    let port: ReturnType<typeof browser.runtime.connect>;
    try {
      port = browser.runtime.connect({ name: LIFETIME_PORT });
    } catch {
      instance.stop('extension gone');
      return;
    }
    port.onDisconnect.addListener(() => {
      // Reading lastError keeps Chrome from logging "Unchecked runtime.lastError".
      void (browser.runtime as { lastError?: unknown }).lastError;
      if (!extensionAlive()) {
        instance.stop('extension gone');
        return;
      }
      // The background only went to sleep. Reconnecting would wake it for nothing (and keep it
      // awake for good); a cheap local look at runtime.id notices a reload or removal instead.
      const timer = setInterval(() => {
        if (!extensionAlive()) instance.stop('extension gone');
      }, ALIVE_POLL_MS);
      controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    });
    controller.signal.addEventListener('abort', () => port.disconnect(), { once: true });
  };
  connect();
  return instance;
}

/** The background's side: accepts the content scripts' lifetime ports (nothing else to do with them). */
export function acceptLifetimePorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIFETIME_PORT) return;
    // Holding the port is all: it disconnects on the content script's side when we go away.
    port.onMessage.addListener(() => {});
  });
}

/** True while the extension that injected this script is still installed and enabled. */
export { extensionAlive };
