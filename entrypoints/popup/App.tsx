import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Severity } from '../../lib/engine/report/schema';
import { checkTab } from '../../lib/platform/check-tab';
import { addDismissal, loadDismissals, removeDismissal, watchDismissals } from '../../lib/platform/dismissals';
import { askViewer, sendToBackground, sendToTab, type ViewerInfo } from '../../lib/platform/messages';
import { openExtensionPage } from '../../lib/platform/pages';
import { openTabInViewer, tabShowsPdf } from '../../lib/platform/pdf-open/intercept';
import { loadLang, watchLang } from '../../lib/platform/preferences';
import { requestHostPermission } from '../../lib/platform/scripting';
import { loadSettings, siteEnabled, tabSummarySchema, updateSettings, watchSettings, watchTabSummary, type Settings, type TabSummary } from '../../lib/platform/storage';
import { getActiveTab, getTab, type TabInfo } from '../../lib/platform/tabs';
import { copyText } from '../../lib/present/clipboard';
import { dismissalOf, documentOf, hiddenKeys, type Dismissal } from '../../lib/present/dismissals';
import { exportOf, summaryText, type ExportFormat } from '../../lib/present/export';
import { t, type Lang } from '../../lib/present/i18n';
import { findingLink, findingText, reportView, type FindingView, type Grouping } from '../../lib/present/view-model';
import { DocumentHeader } from '../../components/DocumentHeader';
import { EmptyState } from '../../components/EmptyState';
import { FindingList } from '../../components/FindingList';
import { NotChecked } from '../../components/NotChecked';
import { ConfirmedList } from '../../components/ConfirmedList';
import { SeverityCounts } from '../../components/SeverityCounts';
import { SiteSwitch } from '../../components/SiteSwitch';
import { Icon } from '../../components/Icon';

type Status = { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed'; reason: string };

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

export function App({ requestedTabId }: { requestedTabId: number | null }) {
  const [tab, setTab] = useState<TabInfo | null | undefined>(undefined);
  const [summary, setSummary] = useState<TabSummary | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [lang, setLang] = useState<Lang>('zh');
  const [dismissals, setDismissals] = useState<Dismissal[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [filter, setFilter] = useState<Severity | null>(null);
  const [grouping, setGrouping] = useState<Grouping>('severity');
  const [copied, setCopied] = useState(false);
  /** The tab shows a PDF in the browser's own viewer (where nothing can be checked). */
  const [showsPdf, setShowsPdf] = useState(false);
  /** The tab shows Budget Lens's own PDF viewer (whose address the extension cannot read without the "tabs" permission). */
  const [viewer, setViewer] = useState<ViewerInfo | null>(null);

  useEffect(() => {
    let unwatch = () => {};
    void (async () => {
      setLang(await loadLang());
      setDismissals(await loadDismissals());
      const found = requestedTabId !== null ? await getTab(requestedTabId) : await getActiveTab();
      if (found && !/^https?:/i.test(found.url)) setViewer(await askViewer(found.id));
      setTab(found);
      setSettings(await loadSettings());
      if (!found) return;
      void tabShowsPdf(found.id, found.url).then(setShowsPdf);
      const stored = tabSummarySchema.nullable().safeParse(await sendToBackground({ type: 'get-summary', tabId: found.id }));
      if (stored.success) setSummary(stored.data);
      unwatch = watchTabSummary(found.id, setSummary);
    })();
    const unwatchSettings = watchSettings(setSettings);
    const unwatchLang = watchLang(setLang);
    const unwatchDismissals = watchDismissals(setDismissals);
    return () => {
      unwatch();
      unwatchSettings();
      unwatchLang();
      unwatchDismissals();
    };
  }, [requestedTabId]);

  const report = summary?.report ?? null;
  /** Why the last check failed or its result could not be kept (the background records it). */
  const problem = summary?.problem;
  const source = summary?.url ?? report?.source ?? '';
  const hidden = useMemo(() => hiddenKeys(dismissals, source), [dismissals, source]);
  const view = useMemo(() => (report ? reportView(report, { lang, hidden }) : null), [report, lang, hidden]);
  const dict = t(lang);
  const p = dict.popup;

  if (tab === undefined || settings === null) return <main class="popup" aria-busy="true" />;
  // In the viewer the page is the PDF it shows (none for a file opened from disk).
  const inViewer = viewer !== null;
  const pageUrl = tab ? (viewer ? viewer.file : tab.url) : null;
  const host = pageUrl ? hostOf(pageUrl) : null;
  if (!tab || (!host && !inViewer)) {
    return (
      <main class="popup">
        <Brand lang={lang} />
        <EmptyState icon="lock" title={p.cannotCheck}>
          {p.cannotCheckMore}
        </EmptyState>
      </main>
    );
  }

  const enabled = host ? siteEnabled(settings, host) : true;

  const check = async () => {
    setStatus({ kind: 'checking' });
    const reply = await checkTab(tab.id);
    setStatus(reply.ok ? { kind: 'idle' } : { kind: 'failed', reason: reply.reason ?? p.failed });
  };
  const select = (finding: FindingView) => void sendToTab(tab.id, { type: 'scroll-to-finding', findingId: finding.id });
  const covered = !host || /(^|\.)gov\.cn$/.test(host) || settings.userHosts.some((h) => host === h || host.endsWith(`.${h}`));
  const addHost = async () => {
    if (!host) return;
    // Must be called straight from the click: permission prompts need a user gesture.
    if (!(await requestHostPermission(host))) {
      setStatus({ kind: 'failed', reason: p.noPermission });
      return;
    }
    await updateSettings((s) => ({ ...s, userHosts: [...new Set([...s.userHosts, host])] }));
  };
  const toggle = async (next: boolean) => {
    if (!host) return;
    await sendToBackground({ type: 'set-site-enabled', host, enabled: next });
    if (!next) await sendToTab(tab.id, { type: 'stop' });
  };
  const handlers = {
    onSelect: select,
    onCopy: async (v: FindingView) => void (await copyText(document, findingText(v, source, lang))),
    onLink: async (v: FindingView) => void (await copyText(document, findingLink(source, v.key))),
    onDismiss: (v: FindingView, kind: 'dismiss' | 'misread') => void addDismissal(dismissalOf(v, kind, source, report?.document.title ?? '')),
  };
  const download = (format: ExportFormat) => {
    if (!report || !view) return;
    const file = exportOf(format, report, view, lang);
    const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const hiddenHere = dismissals.filter((d) => d.document === documentOf(source));

  return (
    <main class="popup">
      <Brand lang={lang} />
      <DocumentHeader report={report} fallbackTitle={viewer?.title ?? tab.title} lang={lang} />
      {report && view && (
        <>
          <p class={`verdict${view.counts.error ? ' has-error' : view.counts.warning ? ' has-warning' : ' clean'}`} role="status">
            {view.verdict}
          </p>
          <SeverityCounts counts={view.counts} lang={lang} filter={filter} onFilter={setFilter} />
          {report.findings.length > 0 && (
            <div class="list-tools">
              <label class="grouping">
                {p.groupBy}
                <select value={grouping} onChange={(e) => setGrouping((e.currentTarget as HTMLSelectElement).value as Grouping)}>
                  {(['severity', 'table', 'kind'] as const).map((g) => (
                    <option key={g} value={g}>
                      {p.grouping[g]}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                class="tool copy-summary"
                onClick={() =>
                  void copyText(document, summaryText(report, view, lang)).then(() => {
                    setCopied(true);
                    setTimeout(() => setCopied(false), 1500);
                  })
                }
              >
                <Icon name={copied ? 'check' : 'copy'} />
                {copied ? p.copied : p.copySummary}
              </button>
              <details class="export">
                <summary class="tool">
                  <Icon name="export" />
                  {p.exportAs}
                </summary>
                <div class="export-menu">
                  {(['md', 'csv', 'json'] as const).map((format) => (
                    <button type="button" key={format} data-format={format} onClick={() => download(format)}>
                      {p.exportFormats[format]}
                    </button>
                  ))}
                </div>
              </details>
            </div>
          )}
        </>
      )}
      {report && problem && (
        <p class="error-line problem" role="status">
          {problem}
        </p>
      )}
      <div class="content">{body()}</div>
      <footer class="actions">
        {showsPdf && !report ? (
          <button type="button" class="primary open-pdf" onClick={() => void openTabInViewer(tab.id, tab.url).then(() => window.close())}>
            {p.openPdf}
          </button>
        ) : (
          <button type="button" class="primary" onClick={check} disabled={!enabled || status.kind === 'checking'} aria-busy={status.kind === 'checking'}>
            {status.kind === 'checking' ? p.checking : report ? p.recheck : p.check}
          </button>
        )}
        {host && <SiteSwitch host={host} enabled={enabled} lang={lang} onChange={(next) => void toggle(next)} />}
      </footer>
      {!covered && host && (
        <p class="add-host">
          <button type="button" class="link" onClick={() => void addHost()}>
            {p.addHost(host)}
          </button>
          <span class="hint">{p.addHostHint}</span>
        </p>
      )}
      {status.kind === 'failed' && (
        <p class="error-line" role="alert">
          {status.reason}
        </p>
      )}
    </main>
  );

  function body() {
    if (!enabled) return <EmptyState icon="pause" title={p.switchedOff}>{p.switchedOffMore}</EmptyState>;
    if (!report && showsPdf) return <EmptyState icon="file" title={p.isPdf}>{p.isPdfMore}</EmptyState>;
    if (!report && inViewer) return <EmptyState icon="hourglass" title={p.readingPdf}>{p.readingPdfMore}</EmptyState>;
    if (!report && problem) {
      return (
        <EmptyState icon="warning" title={problem.startsWith('检查失败') ? p.failed : lang === 'zh' ? '结果无法保存' : 'The result could not be kept'}>
          <span class="problem">{problem}</span>
        </EmptyState>
      );
    }
    if (!report || !view) return <EmptyState icon="search" title={p.notChecked}>{p.notCheckedMore}</EmptyState>;
    const notChecked = report.stats.notChecked ?? [];
    const hiddenLine = hiddenHere.length > 0 && (
      <p class="hidden-line">
        {p.hidden(hiddenHere.length)} ·{' '}
        <button type="button" class="link undo-all" onClick={() => void Promise.all(hiddenHere.map((d) => removeDismissal(d.document, d.key)))}>
          {p.undoAll}
        </button>{' '}
        ·{' '}
        <button type="button" class="link" onClick={() => void openExtensionPage('/options.html#dismissed')}>
          {p.manage}
        </button>
      </p>
    );
    if (report.tables.length === 0) {
      return (
        <>
          <EmptyState icon="file" title={p.noTables} />
          <NotChecked items={notChecked} lang={lang} />
        </>
      );
    }
    if (view.findings.length === 0) {
      return (
        <>
          <EmptyState icon="check" title={dict.verdictClean(report.stats.checksRun)}>
            {p.tables(report.tables.length)}
          </EmptyState>
          {hiddenLine}
          {settings?.showPassed && <ConfirmedList items={report.confirmed ?? []} lang={lang} />}
          <NotChecked items={notChecked} lang={lang} />
        </>
      );
    }
    return (
      <>
        <p class="stats">{p.stats(report.tables.length, report.stats.checksRun)}</p>
        <FindingList findings={view.findings} lang={lang} grouping={grouping} filter={filter} {...handlers} />
        {hiddenLine}
        {settings?.showPassed && <ConfirmedList items={report.confirmed ?? []} lang={lang} />}
        <NotChecked items={notChecked} lang={lang} />
      </>
    );
  }
}

function Brand({ lang }: { lang: Lang }) {
  const dict = t(lang);
  return (
    <div class="brand">
      <span class="logo" aria-hidden="true" />
      {dict.brand}
      <span class="brand-links">
        <button type="button" class="icon-link" title={dict.popup.help} aria-label={dict.popup.help} onClick={() => void openExtensionPage('/options.html#help')}>
          <Icon name="help" />
        </button>
        <button type="button" class="icon-link" title={dict.popup.settings} aria-label={dict.popup.settings} onClick={() => void openExtensionPage('/options.html')}>
          <Icon name="settings" />
        </button>
      </span>
    </div>
  );
}
