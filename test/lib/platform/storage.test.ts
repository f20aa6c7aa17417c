import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor } from '../../../lib/platform/action';
import { matchPatternsFor } from '../../../lib/platform/scripting';
import { normaliseHost, repairSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION } from '../../../lib/platform/settings';
import {
  addBypass,
  clearTabSummary,
  forgetTabState,
  loadBypasses,
  loadSettings,
  loadTabSummary,
  MAX_SUMMARY_CHARS,
  refererFromPage,
  rememberViewerOpen,
  saveTabSummary,
  siteEnabled,
  updateSettings,
  viewerReferer,
} from '../../../lib/platform/storage';
import { finding, report } from '../present/page/report-fixture';

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a summary per tab and drops it on request', async () => {
    const r = report([finding({ id: 'f1', severity: 'error' })]);
    await saveTabSummary({ tabId: 3, url: 'http://a.gov.cn/', checkedAt: 1, report: r });
    expect((await loadTabSummary(3))?.report?.findings).toHaveLength(1);
    expect(await loadTabSummary(4)).toBeNull();
    await clearTabSummary(3);
    expect(await loadTabSummary(3)).toBeNull();
  });

  it('ignores a stored summary that no longer fits the schema', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { tabId: 5, report: { schema: 'old' } } });
    expect(await loadTabSummary(5)).toBeNull();
  });

  it('a report too large for storage is shrunk and the summary says so (issue 15, defect 8)', async () => {
    const label = '项'.repeat(20_000);
    const many = Array.from({ length: 400 }, (_, i) => finding({ id: `f${i}`, severity: 'error', message: `「${label}」 3 ≠ 2` }));
    const stored = await saveTabSummary({ tabId: 6, url: 'http://a.gov.cn/', checkedAt: 1, report: report(many) });
    expect(JSON.stringify(stored).length).toBeLessThan(MAX_SUMMARY_CHARS + 10_000);
    expect(stored.problem).toMatch(/结果过大，只保存了前 \d+ 条问题/);
    expect((await loadTabSummary(6))?.problem).toBe(stored.problem);
  });

  it('a failed check is stored without a report, with its reason', async () => {
    await saveTabSummary({ tabId: 7, url: 'http://a.gov.cn/', checkedAt: 1, report: null, problem: '检查失败：RangeError' });
    expect(await loadTabSummary(7)).toMatchObject({ report: null, problem: '检查失败：RangeError' });
  });

  it('the linking page is kept per viewer tab, without its query, and only for the file it linked', async () => {
    expect(refererFromPage('http://a.gov.cn/list.html?session=secret#x')).toBe('http://a.gov.cn/list.html');
    expect(refererFromPage('javascript:alert(1)')).toBeNull();
    await rememberViewerOpen(9, { file: 'http://a.gov.cn/x.pdf', referer: 'http://a.gov.cn/list.html' });
    expect(await viewerReferer(9, 'http://a.gov.cn/x.pdf')).toBe('http://a.gov.cn/list.html');
    expect(await viewerReferer(9, 'http://a.gov.cn/other.pdf')).toBeNull();
    expect(await viewerReferer(10, 'http://a.gov.cn/x.pdf')).toBeNull();
  });

  it('Firefox bypasses live in storage.session, so a sleeping event page keeps them', async () => {
    await addBypass(3, 'http://a.gov.cn/x.pdf');
    await addBypass(4, 'http://a.gov.cn/y.pdf');
    expect(await loadBypasses()).toEqual(new Set(['3 http://a.gov.cn/x.pdf', '4 http://a.gov.cn/y.pdf']));
    await forgetTabState(3);
    expect(await loadBypasses()).toEqual(new Set(['4 http://a.gov.cn/y.pdf']));
  });

  it('badge: errors in red, else warnings, else nothing', () => {
    expect(badgeFor(report([finding({ id: 'f1', severity: 'error' }), finding({ id: 'f2', severity: 'warning' })]))).toEqual({ text: '1', color: '#c62828' });
    expect(badgeFor(report([finding({ id: 'f2', severity: 'warning' })])).text).toBe('1');
    expect(badgeFor(report([finding({ id: 'f2', severity: 'info' })])).text).toBe('');
    expect(badgeFor(null).text).toBe('');
  });

  it('match patterns for a user host cover its subdomains', () => {
    expect(matchPatternsFor(' *.Example.org ')).toEqual(['*://example.org/*', '*://*.example.org/*']);
  });
});

describe('settings (WXT storage item, version and migrations)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('default sensibly and switch sites off', async () => {
    const defaults = await loadSettings();
    expect(defaults).toEqual({ sites: {}, userHosts: [], showInfo: true, showPassed: false, autoOpenPdf: true });
    expect(siteEnabled(defaults, 'www.hetang.gov.cn')).toBe(true);
    const next = await updateSettings((s) => ({ ...s, sites: { ...s.sites, 'www.hetang.gov.cn': false } }));
    expect(siteEnabled(next, 'www.hetang.gov.cn')).toBe(false);
    expect(siteEnabled(await loadSettings(), 'www.hetang.gov.cn')).toBe(false);
  });

  it('an invalid field is repaired alone: the user’s sites survive (issue 13)', async () => {
    await fakeBrowser.storage.local.set({ settings: { sites: { 'www.hetang.gov.cn': false, 'bad host!': false, 'x.gov.cn': 'no' }, userHosts: 'garbage', showInfo: 3, autoOpenPdf: false } });
    expect(await loadSettings()).toEqual({ sites: { 'www.hetang.gov.cn': false }, userHosts: [], showInfo: true, showPassed: false, autoOpenPdf: false });
    await fakeBrowser.storage.local.set({ settings: { sites: 'garbage', userHosts: ['czj.example.org'] } });
    expect((await loadSettings()).userHosts).toEqual(['czj.example.org']);
    await fakeBrowser.storage.local.set({ settings: 'not even an object' });
    expect(await loadSettings()).toEqual(repairSettings({}));
  });

  it('migration v1 → v2 normalises hosts and keeps every valid field', () => {
    expect(SETTINGS_VERSION).toBe(2);
    const v1 = { sites: { 'WWW.Hetang.GOV.CN': false, 'czj.example.org:8080': true }, userHosts: ['HTTPS://Czj.Example.org/path', '*.foo.org', 'czj.example.org', 'nohost'], showInfo: false, showPassed: 'yes' };
    expect(SETTINGS_MIGRATIONS[2]!(v1)).toEqual({
      sites: { 'www.hetang.gov.cn': false, 'czj.example.org': true },
      userHosts: ['czj.example.org', 'foo.org'],
      showInfo: false,
      showPassed: false,
      autoOpenPdf: true,
    });
    expect(SETTINGS_MIGRATIONS[2]!(null)).toEqual(repairSettings({}));
  });

  it('writes the version next to the settings', async () => {
    await updateSettings((s) => ({ ...s, showInfo: false }));
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings).toMatchObject({ showInfo: false });
    expect(stored['settings$']).toEqual({ v: SETTINGS_VERSION });
  });

  it('host names are normalised one way everywhere', () => {
    expect(normaliseHost(' https://WWW.Hetang.gov.cn:8080/a?b ')).toBe('www.hetang.gov.cn');
    expect(normaliseHost('*.example.org')).toBe('example.org');
    expect(normaliseHost('a b.org')).toBeNull();
    expect(normaliseHost(42)).toBeNull();
  });
});
