import { whenDisclosure } from '../lib/present/page/wait-for-disclosure';
import { createPageChecker, type PageChecker } from '../lib/present/page/page-checker';
import type { Report } from '../lib/engine/report/schema';
import { claimContentInstance } from '../lib/platform/lifetime';
import { analyseInBackground, listenInContent, sendToBackground } from '../lib/platform/messages';
import { loadSettings, siteEnabled, watchSettings } from '../lib/platform/storage';
import { addDismissal, loadDismissals, watchDismissals } from '../lib/platform/dismissals';
import { loadLang } from '../lib/platform/preferences';
import { copyText } from '../lib/present/clipboard';
import { dismissalOf, hiddenKeys } from '../lib/present/dismissals';
import { findingLink, findingText } from '../lib/present/view-model';

/**
 * The content script, thin wiring: runs by itself on portal pages that look like disclosures
 * (declared in wxt.config.ts's manifest, and registered for the user's hosts); anywhere else only
 * when the popup asks ("检查此页" injects this script, then sends check-page).
 *
 * An unlisted script rather than a WXT content script on purpose: WXT's content-script context
 * posts the extension id to the page and can be ended by a CustomEvent any page can dispatch.
 * This script's lifetime is the extension's own (lib/platform/lifetime.ts); a second injection
 * into the same page finds the live instance and leaves it be.
 */
export default defineUnlistedScript(async () => {
  const instance = claimContentInstance();
  if (!instance) return;
  const { signal } = instance;
  const host = location.hostname;
  let checker: PageChecker | null = null;
  let stopped = false;
  const [settings, lang, dismissals] = await Promise.all([loadSettings(), loadLang(), loadDismissals()]);
  let enabled = siteEnabled(settings, host);

  const start = (): Promise<Report | null> => {
    checker ??= createPageChecker({
      document,
      url: location.href,
      signal,
      showInfo: settings.showInfo,
      showPassed: settings.showPassed,
      analyseRemotely: analyseInBackground,
      lang,
      hidden: hiddenKeys(dismissals, location.href),
      actions: {
        copy: async (view) => void (await copyText(document, findingText(view, location.href, lang))),
        link: async (view) => void (await copyText(document, findingLink(location.href, view.key))),
        dismiss: (view, kind) => void addDismissal(dismissalOf(view, kind, location.href, document.title)),
      },
      onReport: (report) => {
        if (!signal.aborted) void sendToBackground({ type: 'summary', url: location.href, report }).catch(() => {});
      },
      onFailure: (reason) => {
        if (!signal.aborted) void sendToBackground({ type: 'failed', url: location.href, reason }).catch(() => {});
      },
    });
    return checker.start();
  };
  const stop = (): void => {
    stopped = true;
    instance.stop('switched off');
    void sendToBackground({ type: 'clear', url: location.href }).catch(() => {});
  };

  const unlisten = listenInContent(async (message) => {
    switch (message.type) {
      case 'check-page': {
        if (!enabled) return { ok: false, reason: '已在此站点关闭预算透镜' };
        if (stopped || signal.aborted) return { ok: false, reason: '请刷新页面后再试' };
        const report = await start();
        return report ? { ok: true, findings: report.findings.length } : { ok: false, reason: checker?.failure ? `检查失败：${checker.failure}` : '检查失败' };
      }
      case 'scroll-to-finding':
        return { ok: checker?.scrollToFinding(message.findingId) ?? false };
      case 'stop':
        stop();
        return { ok: true };
    }
  });
  signal.addEventListener('abort', unlisten, { once: true });
  const unwatchDismissals = watchDismissals((list) => checker?.setHidden(hiddenKeys(list, location.href)));
  signal.addEventListener('abort', unwatchDismissals, { once: true });
  const unwatch = watchSettings((next) => {
    enabled = siteEnabled(next, host);
    if (!enabled && checker) stop();
    else {
      checker?.setShowInfo(next.showInfo);
      checker?.setShowPassed(next.showPassed);
    }
  });
  signal.addEventListener('abort', unwatch, { once: true });

  if (enabled) whenDisclosure(document, signal, () => {
    if (enabled && !stopped) void start();
  });
});
