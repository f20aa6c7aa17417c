import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../../lib/engine/report/schema';
import { countBySeverity } from '../../lib/present/page/marks';
import { checkTab } from '../../lib/platform/check-tab';
import { askViewer, sendToBackground, sendToTab, type ViewerInfo } from '../../lib/platform/messages';
import { openTabInViewer, tabShowsPdf } from '../../lib/platform/pdf-open/intercept';
import { requestHostPermission } from '../../lib/platform/scripting';
import { loadSettings, siteEnabled, tabSummarySchema, updateSettings, watchSettings, watchTabSummary, type Settings, type TabSummary } from '../../lib/platform/storage';
import { getActiveTab, getTab, type TabInfo } from '../../lib/platform/tabs';
import { DocumentHeader } from '../../components/DocumentHeader';
import { EmptyState } from '../../components/EmptyState';
import { FindingList } from '../../components/FindingList';
import { NotChecked } from '../../components/NotChecked';
import { ConfirmedList } from '../../components/ConfirmedList';
import { SeverityCounts } from '../../components/SeverityCounts';
import { SettingsPanel } from '../../components/SettingsPanel';
import { SiteSwitch } from '../../components/SiteSwitch';

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
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The tab shows a PDF in the browser's own viewer (where nothing can be checked). */
  const [showsPdf, setShowsPdf] = useState(false);
  /** The tab shows Budget Lens's own PDF viewer (whose address the extension cannot read without the "tabs" permission). */
  const [viewer, setViewer] = useState<ViewerInfo | null>(null);

  useEffect(() => {
    let unwatch = () => {};
    void (async () => {
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
    return () => {
      unwatch();
      unwatchSettings();
    };
  }, [requestedTabId]);

  if (tab === undefined || settings === null) return <main class="popup" aria-busy="true" />;
  // In the viewer the page is the PDF it shows (none for a file opened from disk).
  const inViewer = viewer !== null;
  const pageUrl = tab ? (viewer ? viewer.file : tab.url) : null;
  const host = pageUrl ? hostOf(pageUrl) : null;
  if (!tab || (!host && !inViewer)) {
    return (
      <main class="popup">
        <Brand />
        <EmptyState icon="🔒" title="此页面无法检查">
          预算透镜只检查网页（http/https）上的预算、决算公开表格。
        </EmptyState>
      </main>
    );
  }

  const enabled = host ? siteEnabled(settings, host) : true;
  const report = summary?.report ?? null;

  const check = async () => {
    setStatus({ kind: 'checking' });
    const reply = await checkTab(tab.id);
    setStatus(reply.ok ? { kind: 'idle' } : { kind: 'failed', reason: reply.reason ?? '检查失败' });
  };
  const select = (finding: Finding) => void sendToTab(tab.id, { type: 'scroll-to-finding', findingId: finding.id });
  const covered = !host || /(^|\.)gov\.cn$/.test(host) || settings.userHosts.some((h) => host === h || host.endsWith(`.${h}`));
  const addHost = async () => {
    if (!host) return;
    // Must be called straight from the click: permission prompts need a user gesture.
    if (!(await requestHostPermission(host))) {
      setStatus({ kind: 'failed', reason: '没有获得访问此网站的权限' });
      return;
    }
    await updateSettings((s) => ({ ...s, userHosts: [...new Set([...s.userHosts, host])] }));
  };
  const toggle = async (next: boolean) => {
    if (!host) return;
    await sendToBackground({ type: 'set-site-enabled', host, enabled: next });
    if (!next) await sendToTab(tab.id, { type: 'stop' });
  };

  return (
    <main class="popup">
      <Brand />
      <DocumentHeader report={report} fallbackTitle={viewer?.title ?? tab.title} />
      {report && <SeverityCounts counts={countBySeverity(report.findings)} />}
      {report && summary?.problem && (
        <p class="error-line problem" role="status">
          {summary.problem}
        </p>
      )}
      <div class="content">{body()}</div>
      <footer class="actions">
        {showsPdf && !report ? (
          <button type="button" class="primary open-pdf" onClick={() => void openTabInViewer(tab.id, tab.url).then(() => window.close())}>
            用预算透镜打开此PDF
          </button>
        ) : (
          <button type="button" class="primary" onClick={check} disabled={!enabled || status.kind === 'checking'} aria-busy={status.kind === 'checking'}>
            {status.kind === 'checking' ? '正在检查…' : report ? '重新检查' : '检查此页'}
          </button>
        )}
        {host && <SiteSwitch host={host} enabled={enabled} onChange={(next) => void toggle(next)} />}
      </footer>
      <SettingsPanel
        host={host ?? ''}
        covered={covered}
        showInfo={settings.showInfo}
        onShowInfo={(showInfo) => void updateSettings((s) => ({ ...s, showInfo }))}
        showPassed={settings.showPassed}
        onShowPassed={(showPassed) => void updateSettings((s) => ({ ...s, showPassed }))}
        autoOpenPdf={settings.autoOpenPdf}
        onAutoOpenPdf={(autoOpenPdf) => void updateSettings((s) => ({ ...s, autoOpenPdf }))}
        onAddHost={() => void addHost()}
      />
      {status.kind === 'failed' && (
        <p class="error-line" role="alert">
          {status.reason}
        </p>
      )}
    </main>
  );

  function body() {
    if (!enabled) return <EmptyState icon="⏸" title="已在此站点关闭">打开下方开关即可恢复自动检查。</EmptyState>;
    if (!report && showsPdf) {
      return (
        <EmptyState icon="📄" title="这是一个PDF文件">
          浏览器自带的PDF阅读器无法检查；请点“用预算透镜打开此PDF”，在预算透镜的阅读器中打开并核对。
        </EmptyState>
      );
    }
    if (!report && inViewer) {
      return <EmptyState icon="⏳" title="正在读取PDF">读取和核对完成后，结果会显示在这里。</EmptyState>;
    }
    if (!report && summary?.problem) {
      return (
        <EmptyState icon="⚠" title={summary.problem.startsWith('检查失败') ? '检查失败' : '结果无法保存'}>
          <span class="problem">{summary.problem}</span>
        </EmptyState>
      );
    }
    if (!report) {
      return (
        <EmptyState icon="🔍" title="尚未检查此页">
          预算透镜会在政府网站的预算、决算公开页面上自动运行；其他页面请点“检查此页”。
        </EmptyState>
      );
    }
    const notChecked = report.stats.notChecked ?? [];
    if (report.tables.length === 0) {
      return (
        <>
          <EmptyState icon="📄" title="此页未发现预算表格" />
          <NotChecked items={notChecked} />
        </>
      );
    }
    if (report.findings.length === 0) {
      return (
        <>
          <EmptyState icon="✓" title={`已核对 ${report.stats.checksRun} 项，未发现问题`}>
            共 {report.tables.length} 张表格。
          </EmptyState>
          {settings?.showPassed && <ConfirmedList items={report.confirmed ?? []} />}
          <NotChecked items={notChecked} />
        </>
      );
    }
    return (
      <>
        <p class="stats">
          {report.tables.length} 张表格，核对 {report.stats.checksRun} 项；点击条目可定位到页面中的单元格。
        </p>
        <FindingList report={report} onSelect={select} />
        {settings?.showPassed && <ConfirmedList items={report.confirmed ?? []} />}
        <NotChecked items={notChecked} />
      </>
    );
  }
}

function Brand() {
  return (
    <div class="brand">
      <span class="logo" aria-hidden="true" />
      预算透镜
    </div>
  );
}
