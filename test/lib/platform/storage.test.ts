import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor } from '../../../lib/platform/action';
import { matchPatternsFor } from '../../../lib/platform/scripting';
import { clearTabSummary, loadSettings, loadTabSummary, saveTabSummary, siteEnabled, updateSettings } from '../../../lib/platform/storage';
import { finding, report } from '../present/page/report-fixture';

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a summary per tab and drops it on request', async () => {
    const r = report([finding({ id: 'f1', severity: 'error' })]);
    await saveTabSummary({ tabId: 3, url: 'http://a.gov.cn/', checkedAt: 1, report: r });
    expect((await loadTabSummary(3))?.report.findings).toHaveLength(1);
    expect(await loadTabSummary(4)).toBeNull();
    await clearTabSummary(3);
    expect(await loadTabSummary(3)).toBeNull();
  });

  it('ignores a stored summary that no longer fits the schema', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { tabId: 5, report: { schema: 'old' } } });
    expect(await loadTabSummary(5)).toBeNull();
  });

  it('settings default sensibly and switch sites off', async () => {
    const defaults = await loadSettings();
    expect(defaults).toEqual({ sites: {}, userHosts: [], showInfo: true, showPassed: false, autoOpenPdf: true });
    expect(siteEnabled(defaults, 'www.hetang.gov.cn')).toBe(true);
    const next = await updateSettings((s) => ({ ...s, sites: { ...s.sites, 'www.hetang.gov.cn': false } }));
    expect(siteEnabled(next, 'www.hetang.gov.cn')).toBe(false);
    expect(siteEnabled(await loadSettings(), 'www.hetang.gov.cn')).toBe(false);
    await fakeBrowser.storage.local.set({ settings: { sites: 'garbage' } });
    expect(await loadSettings()).toEqual(defaults);
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
