import { GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { analyse } from '../../lib/engine/analyse';
import { fileOfViewerUrl, viewerUrlFor } from '../../lib/platform/pdf-open/viewer-url';
import { analyseInBackground, listenAsViewer, sendToBackground } from '../../lib/platform/messages';
import { pdfjsAssetUrls } from '../../lib/platform/pdf-open/intercept';
import { loadSettings, watchSettings } from '../../lib/platform/storage';
import { currentTabId } from '../../lib/platform/tabs';
import { PAGE_CSS } from '../../lib/present/styles';
import { addDismissal, loadDismissals, watchDismissals } from '../../lib/platform/dismissals';
import { loadLang } from '../../lib/platform/preferences';
import { copyText } from '../../lib/present/clipboard';
import { dismissalOf, hiddenKeys, type Dismissal } from '../../lib/present/dismissals';
import { findingLink, findingText, linkedKey } from '../../lib/present/view-model';
import { extractPdf } from '../../lib/extract/pdf/index';
import { pdfjsDocumentParams } from '../../lib/extract/pdf/params';
import { findInflateBombInBrowser, MAX_STREAM_INFLATED } from '../../lib/extract/pdf/inflate-guard';
import { createViewer } from '../../lib/present/pdf/viewer-app';
import './style.css';

/**
 * The viewer page's wiring: everything that needs the extension (asset URLs, messages, the
 * tab id, settings) is here; the behaviour is lib/present/pdf.
 */

GlobalWorkerOptions.workerSrc = workerUrl;

// The declarativeNetRequest form (?DNR:<raw url>) becomes ?file=<encoded>: one address form for the popup and reloads.
const file = fileOfViewerUrl(location.href);
if (file && !location.search.startsWith('?file=')) history.replaceState(null, '', viewerUrlFor(location.href.split('?')[0]!, file));

const style = document.createElement('style');
style.textContent = PAGE_CSS;
document.head.prepend(style);

async function main(): Promise<void> {
  const [settings, tabId, lang, stored] = await Promise.all([loadSettings(), currentTabId(), loadLang(), loadDismissals()]);
  let dismissals: Dismissal[] = stored;
  const viewer = createViewer({
    root: document,
    assets: pdfjsAssetUrls(),
    documentParams: pdfjsDocumentParams,
    extract: extractPdf,
    analyse: async (doc, extractMillis) => {
      try {
        return await analyseInBackground(doc, extractMillis);
      } catch (error) {
        console.warn('[预算透镜] background analysis unavailable, analysing here', error);
        return analyse(doc, { extractMillis });
      }
    },
    onReport: (report, source) => void sendToBackground({ type: 'summary', url: source, report }).catch(() => {}),
    onFailure: (reason, source) => void sendToBackground({ type: 'failed', url: source, reason: reason.slice(0, 500) }).catch(() => {}),
    showInfo: settings.showInfo,
    screen: async (bytes) => ((await findInflateBombInBrowser(bytes)).bomb ? `PDF 中有解压后超过 ${MAX_STREAM_INFLATED / 1024 / 1024} MB 的数据流（可能是压缩炸弹），未打开` : null),
    lang,
    hiddenFor: (source) => hiddenKeys(dismissals, source),
    linked: linkedKey(location.href) ?? (file ? linkedKey(file) : null),
    actions: (source) => ({
      copy: async (view) => void (await copyText(document, findingText(view, source(), lang))),
      link: async (view) => void (await copyText(document, findingLink(source(), view.key))),
      dismiss: (view, kind) => void addDismissal(dismissalOf(view, kind, source(), document.title.replace(/ - (预算透镜|Budget Lens)$/, ''))),
    }),
    prepareFetch: async (url) => void (await sendToBackground({ type: 'prepare-fetch', url })),
    // The workbook reader and its view load only when a workbook comes.
    showWorkbook: async (input) => (await import('../../lib/present/xlsx/workbook-view')).showWorkbook(input),
    openOriginal: async (url) => {
      await sendToBackground({ type: 'open-original', url }).catch(() => {});
      location.href = url;
    },
  });
  watchSettings((next) => viewer.setShowInfo(next.showInfo));
  watchDismissals((next) => {
    dismissals = next;
    viewer.refreshHidden();
  });

  if (tabId !== null) {
    listenAsViewer(tabId, () => ({ viewer: true, file, title: document.title }), async (message) => {
      switch (message.type) {
        case 'check-page': {
          const report = await viewer.whenChecked();
          return report ? { ok: true, findings: report.findings.length } : { ok: false, reason: '此PDF无法检查' };
        }
        case 'scroll-to-finding':
          return { ok: viewer.scrollToFinding(message.findingId) };
        case 'stop':
          viewer.removeMarks();
          void sendToBackground({ type: 'clear', url: file ?? '' }).catch(() => {});
          return { ok: true };
      }
    });
  }

  if (file) await viewer.openUrl(file);
  else document.getElementById('drop-zone')!.hidden = false;
}

void main();
