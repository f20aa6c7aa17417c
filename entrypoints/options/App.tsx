import { useEffect, useState } from 'preact/hooks';
import { clearDismissals, loadDismissals, removeDismissal, watchDismissals } from '../../lib/platform/dismissals';
import { extensionVersion } from '../../lib/platform/pages';
import { loadLang, saveLang, watchLang } from '../../lib/platform/preferences';
import { requestHostPermission } from '../../lib/platform/scripting';
import { loadSettings, updateSettings, watchSettings, type Settings } from '../../lib/platform/storage';
import { exportDismissals, type Dismissal } from '../../lib/present/dismissals';
import { explain, GLOSSARY } from '../../lib/present/glossary';
import { t, type Lang } from '../../lib/present/i18n';
import { Icon } from '../../components/Icon';

/**
 * The options page: sites, automatic PDF opening, what is drawn, the language, the findings set
 * aside (with their export for the project), and the help: legend, terms, keyboard.
 */

const TEXT = {
  zh: {
    title: '预算透镜 · 设置与帮助',
    sites: '网站',
    sitesHelp: '预算透镜在所有政府网站（*.gov.cn）和你添加的网站上自动检查预算、决算公开页面。',
    off: '已关闭的网站',
    noneOff: '没有关闭的网站。',
    turnOn: '重新启用',
    added: '已添加的网站',
    noneAdded: '没有添加其他网站。',
    remove: '移除',
    addLabel: '添加网站（例如 czj.example.org）',
    add: '添加',
    pdf: 'PDF',
    autoPdf: '自动用预算透镜打开PDF（政府网站及已添加的网站）',
    display: '显示',
    showInfo: '在页面上标出提示（四舍五入造成的小差异等）',
    showPassed: '显示核对无误的内容（文字中已核对相符的数字，以绿色下划线标出）',
    language: '界面语言',
    dismissed: '已忽略的问题',
    dismissedHelp: '在提示框或弹出窗口中标为“不是问题”或“读取有误”的问题，再次打开同一文件时不再显示。只保存在本机。',
    noneDismissed: '没有已忽略的问题。',
    kind: { dismiss: '不是问题', misread: '读取有误' },
    restore: '恢复显示',
    exportDismissed: '导出（JSON，可发给项目以改进读取）',
    clearAll: '全部恢复',
    legend: '图例',
    help: '帮助',
    terms: '术语',
    keys: '键盘',
    keyList: [
      ['Alt+J / Alt+K', '下一处 / 上一处问题（网页上）'],
      ['Alt+H', '显示或隐藏网页上的导航条'],
      ['Tab', '按文档顺序依次到达每个标记'],
      ['Enter', '在标记上：固定提示框；再按：依次查看相关单元格'],
      ['Esc', '关闭提示框'],
      ['Ctrl+F', '在PDF中查找'],
    ],
    legendItems: {
      error: '确定错误：超出四舍五入能解释的范围（实线框）',
      warning: '需核对：可能有误（虚线框）',
      info: '提示：在尾数误差范围内，或只是说明（点线框）',
      reading: '可能为读取问题：可能是预算透镜读错了表格（斜线底纹），请对照原表',
      related: '相关单元格：悬停在标记上时，参与计算的单元格以青色框出',
      up: '比上年（或预算）增加',
      down: '比上年（或预算）减少',
      passed: '绿色下划线：文字中核对无误的数字（需在“显示”中打开）',
      chip: '表格右下角的标签：这张表的检查结果',
    },
  },
  en: {
    title: 'Budget Lens · settings and help',
    sites: 'Sites',
    sitesHelp: 'Budget Lens checks disclosure pages on every government site (*.gov.cn) and on the sites you add.',
    off: 'Sites switched off',
    noneOff: 'No site is switched off.',
    turnOn: 'Switch on',
    added: 'Added sites',
    noneAdded: 'No other sites added.',
    remove: 'Remove',
    addLabel: 'Add a site (e.g. czj.example.org)',
    add: 'Add',
    pdf: 'PDF',
    autoPdf: 'Open PDFs in Budget Lens automatically (government and added sites)',
    display: 'Display',
    showInfo: 'Mark notes on the page (small rounding differences and the like)',
    showPassed: 'Show what checked out (figures in the text that agree, underlined in green)',
    language: 'Language',
    dismissed: 'Findings set aside',
    dismissedHelp: 'Findings marked “not a problem” or “misread” are hidden the next time the same document opens. Kept on this computer only.',
    noneDismissed: 'Nothing set aside.',
    kind: { dismiss: 'Not a problem', misread: 'Misread' },
    restore: 'Show again',
    exportDismissed: 'Export (JSON, to send to the project)',
    clearAll: 'Restore all',
    legend: 'Legend',
    help: 'Help',
    terms: 'Terms',
    keys: 'Keyboard',
    keyList: [
      ['Alt+J / Alt+K', 'Next / previous finding (web pages)'],
      ['Alt+H', 'Show or hide the navigator on web pages'],
      ['Tab', 'Visit every mark in document order'],
      ['Enter', 'On a mark: pin its tooltip; again: visit the related cells'],
      ['Esc', 'Close the tooltip'],
      ['Ctrl+F', 'Find in a PDF'],
    ],
    legendItems: {
      error: 'Error: beyond what rounding explains (solid outline)',
      warning: 'To check: possibly wrong (dashed outline)',
      info: 'Note: within rounding, or for information (dotted outline)',
      reading: 'Possible misreading: Budget Lens may have misread the table (hatched); compare with the original',
      related: 'Related cells: outlined in teal while a mark is hovered',
      up: 'Up on last year (or the budget)',
      down: 'Down on last year (or the budget)',
      passed: 'Green underline: figures in the text that checked out (switch on under Display)',
      chip: 'The tag under a table: its result',
    },
  },
} as const;

export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dismissals, setDismissals] = useState<Dismissal[]>([]);
  const [newHost, setNewHost] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void loadLang().then(setLang);
    void loadSettings().then(setSettings);
    void loadDismissals().then(setDismissals);
    const offs = [watchLang(setLang), watchSettings(setSettings), watchDismissals(setDismissals)];
    return () => offs.forEach((off) => off());
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = TEXT[lang].title;
  }, [lang]);
  useEffect(() => {
    // Links from the popup (#help, #dismissed) land on their section once it is drawn.
    if (settings && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [settings !== null]);

  if (!settings) return <main class="options" aria-busy="true" />;
  const o = TEXT[lang];
  const dict = t(lang);
  const off = Object.entries(settings.sites).filter(([, on]) => !on).map(([host]) => host);
  const byDocument = new Map<string, Dismissal[]>();
  for (const d of dismissals) byDocument.set(d.document, [...(byDocument.get(d.document) ?? []), d]);

  const addHost = async (event: Event) => {
    event.preventDefault();
    const host = newHost.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) return;
    if (!(await requestHostPermission(host))) {
      setError(dict.popup.noPermission);
      return;
    }
    setError('');
    setNewHost('');
    await updateSettings((s) => ({ ...s, userHosts: [...new Set([...s.userHosts, host])] }));
  };
  const exportAll = () => {
    const url = URL.createObjectURL(new Blob([exportDismissals(dismissals, extensionVersion())], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'budget-lens-dismissals.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <main class="options">
      <header class="page-head">
        <span class="logo" aria-hidden="true" />
        <h1>{o.title}</h1>
        <label class="lang">
          {o.language}
          <select value={lang} onChange={(e) => void saveLang((e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'zh')}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>

      <section id="sites" aria-labelledby="sites-h">
        <h2 id="sites-h">{o.sites}</h2>
        <p class="help">{o.sitesHelp}</p>
        <h3>{o.off}</h3>
        {off.length ? (
          <ul class="rows">
            {off.map((host) => (
              <li key={host}>
                <span class="host">{host}</span>
                <button type="button" onClick={() => void updateSettings((s) => ({ ...s, sites: { ...s.sites, [host]: true } }))}>
                  {o.turnOn}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="none">{o.noneOff}</p>
        )}
        <h3>{o.added}</h3>
        {settings.userHosts.length ? (
          <ul class="rows">
            {settings.userHosts.map((host) => (
              <li key={host}>
                <span class="host">{host}</span>
                <button type="button" onClick={() => void updateSettings((s) => ({ ...s, userHosts: s.userHosts.filter((h) => h !== host) }))}>
                  {o.remove}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="none">{o.noneAdded}</p>
        )}
        <form class="add-host" onSubmit={(e) => void addHost(e)}>
          <label>
            {o.addLabel}
            <input type="text" value={newHost} onInput={(e) => setNewHost((e.currentTarget as HTMLInputElement).value)} inputMode="url" autoComplete="off" />
          </label>
          <button type="submit">{o.add}</button>
        </form>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
      </section>

      <section id="pdf" aria-labelledby="pdf-h">
        <h2 id="pdf-h">{o.pdf}</h2>
        <label class="check">
          <input type="checkbox" checked={settings.autoOpenPdf} onChange={(e) => void updateSettings((s) => ({ ...s, autoOpenPdf: (e.currentTarget as HTMLInputElement).checked }))} />
          {o.autoPdf}
        </label>
      </section>

      <section id="display" aria-labelledby="display-h">
        <h2 id="display-h">{o.display}</h2>
        <label class="check">
          <input type="checkbox" checked={settings.showInfo} onChange={(e) => void updateSettings((s) => ({ ...s, showInfo: (e.currentTarget as HTMLInputElement).checked }))} />
          {o.showInfo}
        </label>
        <label class="check">
          <input type="checkbox" checked={settings.showPassed} onChange={(e) => void updateSettings((s) => ({ ...s, showPassed: (e.currentTarget as HTMLInputElement).checked }))} />
          {o.showPassed}
        </label>
      </section>

      <section id="dismissed" aria-labelledby="dismissed-h">
        <h2 id="dismissed-h">{o.dismissed}</h2>
        <p class="help">{o.dismissedHelp}</p>
        {dismissals.length === 0 ? (
          <p class="none">{o.noneDismissed}</p>
        ) : (
          <>
            {[...byDocument].map(([document, items]) => (
              <div class="doc-group" key={document}>
                <h3 class="doc-title">
                  {items[0]!.title || document}
                  <span class="doc-url">{document}</span>
                </h3>
                <ul class="rows dismissed-list">
                  {items.map((d) => (
                    <li key={d.key} class={`dismissed ${d.kind}`}>
                      <span class={`kind ${d.kind}`}>{o.kind[d.kind]}</span>
                      <span class="what">
                        <b>{d.headline}</b>
                        <span class="where">{d.where}</span>
                      </span>
                      <button type="button" class="restore" onClick={() => void removeDismissal(d.document, d.key)}>
                        {o.restore}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <p class="buttons">
              <button type="button" class="export-dismissed" onClick={exportAll}>
                <Icon name="export" />
                {o.exportDismissed}
              </button>
              <button type="button" onClick={() => void clearDismissals()}>
                {o.clearAll}
              </button>
            </p>
          </>
        )}
      </section>

      <section id="help" aria-labelledby="help-h">
        <h2 id="help-h">{o.help}</h2>
        <h3 id="legend">{o.legend}</h3>
        <ul class="legend">
          {(['error', 'warning', 'info'] as const).map((s) => (
            <li key={s}>
              <span class="sample">
                <span class={`badge static ${s}`}>
                  <Icon name={s} />
                </span>
                <span class={`cell ${s}`}>19.99</span>
              </span>
              <span>{o.legendItems[s]}</span>
            </li>
          ))}
          <li>
            <span class="sample">
              <span class="badge static warning reading">
                <Icon name="warning" />
              </span>
              <span class="cell warning reading">19.99</span>
            </span>
            <span>{o.legendItems.reading}</span>
          </li>
          <li>
            <span class="sample">
              <span class="cell related-sample">4.50</span>
            </span>
            <span>{o.legendItems.related}</span>
          </li>
          <li>
            <span class="sample">
              <span class="trend up static">
                <Icon name="up" />
                <span class="text">0.50</span>
              </span>
              <span class="trend down static">
                <Icon name="down" />
                <span class="text">0.01</span>
              </span>
            </span>
            <span>
              {o.legendItems.up} / {o.legendItems.down}
            </span>
          </li>
          <li>
            <span class="sample">
              <span class="passed">1434.27万元</span>
            </span>
            <span>{o.legendItems.passed}</span>
          </li>
          <li>
            <span class="sample">
              <span class="chip static error">
                <span class="dot" />
                {dict.chip([dict.chipCount.error(2)])}
              </span>
            </span>
            <span>{o.legendItems.chip}</span>
          </li>
        </ul>
        <h3 id="terms">{o.terms}</h3>
        <dl class="terms">
          {GLOSSARY.map((term) => (
            <div key={term.term}>
              <dt>{term.term}</dt>
              <dd>{explain(term, lang)}</dd>
            </div>
          ))}
        </dl>
        <h3 id="keys">{o.keys}</h3>
        <table class="keys">
          <tbody>
            {o.keyList.map(([key, what]) => (
              <tr key={key}>
                <th scope="row">
                  <kbd>{key}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
