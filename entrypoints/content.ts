import { whenDisclosure } from '../lib/present/page/wait-for-disclosure';
import { createPageChecker, type PageChecker } from '../lib/present/page/page-checker';
import type { Report } from '../lib/engine/report/schema';
import { analyseInBackground, contentBoundMessage, listen, sendToBackground } from '../lib/platform/messages';
import { loadSettings, siteEnabled, watchSettings } from '../lib/platform/storage';
import { addDismissal, loadDismissals, watchDismissals } from '../lib/platform/dismissals';
import { loadLang } from '../lib/platform/preferences';
import { copyText } from '../lib/present/clipboard';
import { dismissalOf, hiddenKeys } from '../lib/present/dismissals';
import { findingLink, findingText } from '../lib/present/view-model';

/**
 * Thin wiring: runs by itself on portal pages that look like disclosures; anywhere else only
 * when the popup asks ("检查此页" injects this script, then sends check-page). A second injection
 * invalidates the first through WXT's ctx, so there is never more than one overlay.
 */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const host = location.hostname;
    let checker: PageChecker | null = null;
    let stopped = false;
    const [settings, lang, dismissals] = await Promise.all([loadSettings(), loadLang(), loadDismissals()]);
    let enabled = siteEnabled(settings, host);

    const start = (): Promise<Report | null> => {
      checker ??= createPageChecker({
        document,
        url: location.href,
        signal: ctx.signal,
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
          if (ctx.isValid) void sendToBackground({ type: 'summary', url: location.href, report }).catch(() => {});
        },
      });
      return checker.start();
    };
    const stop = (): void => {
      stopped = true;
      ctx.abort('switched off');
      void sendToBackground({ type: 'clear', url: location.href }).catch(() => {});
    };

    const unlisten = listen(contentBoundMessage, async (message) => {
      switch (message.type) {
        case 'check-page': {
          if (!enabled) return { ok: false, reason: '已在此站点关闭预算透镜' };
          if (stopped || ctx.isInvalid) return { ok: false, reason: '请刷新页面后再试' };
          const report = await start();
          return report ? { ok: true, findings: report.findings.length } : { ok: false, reason: '检查失败' };
        }
        case 'scroll-to-finding':
          return { ok: checker?.scrollToFinding(message.findingId) ?? false };
        case 'stop':
          stop();
          return { ok: true };
      }
    });
    ctx.onInvalidated(unlisten);
    ctx.onInvalidated(watchDismissals((list) => checker?.setHidden(hiddenKeys(list, location.href))));
    ctx.onInvalidated(
      watchSettings((next) => {
        enabled = siteEnabled(next, host);
        if (!enabled && checker) stop();
        else {
          checker?.setShowInfo(next.showInfo);
          checker?.setShowPassed(next.showPassed);
        }
      }),
    );

    if (enabled) whenDisclosure(document, ctx.signal, () => {
      if (enabled && !stopped) void start();
    });
  },
});
