import { analyse } from '../lib/engine/analyse';
import { setTabBadge } from '../lib/platform/action';
import { acceptLifetimePorts } from '../lib/platform/lifetime';
import { listenInBackground } from '../lib/platform/messages';
import { allowOriginal, createContextMenu, forgetTab, listenForPdfNavigations, registerRulesAtInstall, setViewerReferer, syncPdfRedirect } from '../lib/platform/pdf-open/intercept';
import { onPermissionsChanged, registerUserHosts } from '../lib/platform/scripting';
import { clearTabSummary, loadSettings, loadTabSummary, saveTabSummary, updateSettings, watchSettings } from '../lib/platform/storage';
import { onStartup, onTabClosed, onTabNavigated } from '../lib/platform/tabs';

/**
 * Keeps each tab's summary (storage.session, so it survives the popup and the service worker
 * going to sleep), the toolbar badge, the content-script registration for user hosts, and the
 * ways PDFs reach the viewer (redirect rules, the link context menu). Each message is answered
 * only for the senders the protocol allows (lib/platform/messages.ts).
 * All listeners are registered synchronously: an MV3 worker woken by an event needs them at once.
 */
export default defineBackground(() => {
  // First of all: PDFs opened in the first seconds after installing already go to the viewer.
  registerRulesAtInstall(async () => (await loadSettings()).autoOpenPdf);
  listenInBackground({
    analyse: (message) => analyse(message.doc, { extractMillis: message.extractMillis }),
    summary: async (message, sender) => {
      if (sender.tabId === undefined) return { ok: false };
      const stored = await saveTabSummary({ tabId: sender.tabId, url: message.url, checkedAt: Date.now(), report: message.report });
      await setTabBadge(sender.tabId, stored.report);
      return { ok: true };
    },
    failed: async (message, sender) => {
      if (sender.tabId === undefined) return { ok: false };
      await saveTabSummary({ tabId: sender.tabId, url: message.url, checkedAt: Date.now(), report: null, problem: `检查失败：${message.reason}` });
      await setTabBadge(sender.tabId, null);
      return { ok: true };
    },
    clear: async (_message, sender) => {
      if (sender.tabId === undefined) return { ok: false };
      await clearTabSummary(sender.tabId);
      await setTabBadge(sender.tabId, null);
      return { ok: true };
    },
    'get-summary': (message) => loadTabSummary(message.tabId),
    'set-site-enabled': async (message) => {
      await updateSettings((s) => ({ ...s, sites: { ...s.sites, [message.host]: message.enabled } }));
      return { ok: true };
    },
    'open-original': async (message, sender) => {
      if (sender.tabId === undefined) return { ok: false };
      await allowOriginal(sender.tabId, message.url);
      return { ok: true };
    },
    'prepare-fetch': async (message, sender) => {
      if (sender.tabId !== undefined) await setViewerReferer(sender.tabId, message.url).catch((e: unknown) => console.warn('[预算透镜]', e));
      return { ok: true };
    },
  });
  acceptLifetimePorts();
  listenForPdfNavigations();
  createContextMenu();

  onTabNavigated((tabId) => {
    void clearTabSummary(tabId);
    void setTabBadge(tabId, null);
  });
  onTabClosed((tabId) => void forgetTab(tabId));

  const syncUserHosts = async () => registerUserHosts((await loadSettings()).userHosts).catch((e: unknown) => console.warn('[预算透镜]', e));
  const syncPdf = async () => {
    const settings = await loadSettings();
    await syncPdfRedirect(settings.autoOpenPdf, settings.userHosts).catch((e: unknown) => console.warn('[预算透镜]', e));
  };
  onPermissionsChanged(() => void syncUserHosts());
  watchSettings(() => {
    void syncUserHosts();
    void syncPdf();
  });
  // The viewer's dynamic address changes every browser session: the redirect rules follow it.
  onStartup(() => void syncPdf());
  void syncUserHosts();
  void syncPdf();
});
