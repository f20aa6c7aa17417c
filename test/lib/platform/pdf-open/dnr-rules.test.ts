import { describe, expect, it } from 'vitest';
import { bypassRule, pdfRedirectRules, portalDomains, refererRule, REDIRECT_RULE_IDS, type DnrRule, type HeaderInfo } from '../../../../lib/platform/pdf-open/dnr-rules';
import { isPdfResponse } from '../../../../lib/platform/pdf-open/is-pdf-response';
import { fileOfViewerUrl } from '../../../../lib/platform/pdf-open/viewer-url';

const VIEWER = 'chrome-extension://abc/viewer.html';

/** A small model of Chrome's matching (header patterns: case-insensitive, `*` wildcard), enough to compare the rules with the predicate. */
function headerMatches(info: HeaderInfo, headers: Record<string, string>): boolean {
  const value = headers[info.header];
  if (value === undefined) return false;
  const pattern = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  if (info.values && !info.values.some((p) => pattern(p).test(value))) return false;
  if (info.excludedValues && info.excludedValues.some((p) => pattern(p).test(value))) return false;
  return true;
}

function redirects(rules: DnrRule[], method: string, url: string, headers: Record<string, string>): string | null {
  for (const rule of rules) {
    const c = rule.condition;
    const host = new URL(url).hostname;
    if (c.requestDomains && !c.requestDomains.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    if (c.requestMethods && !c.requestMethods.includes(method.toLowerCase())) continue;
    const re = new RegExp(c.regexFilter!, c.isUrlFilterCaseSensitive === false ? 'i' : '');
    const m = re.exec(url);
    if (!m) continue;
    if (c.responseHeaders && !c.responseHeaders.some((h) => headerMatches(h, headers))) continue;
    if (c.excludedResponseHeaders?.some((h) => headerMatches(h, headers))) continue;
    if (rule.action.type === 'redirect') return rule.action.redirect.regexSubstitution.replace('\\0', m[0]);
  }
  return null;
}

const CASES: [string, string, Record<string, string>][] = [
  ['GET', 'http://www.hetang.gov.cn/x/report.pdf', { 'content-type': 'application/pdf' }],
  ['GET', 'http://www.hetang.gov.cn/download.do?id=7', { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="2024年预算.pdf"' }],
  ['GET', 'http://www.hetang.gov.cn/download.do?id=7', { 'content-type': 'application/octet-stream', 'content-disposition': "attachment; filename*=UTF-8''%E9%A2%84%E7%AE%97%2Epdf" }],
  ['GET', 'http://www.hetang.gov.cn/download.do?id=7', { 'content-type': 'application/octet-stream' }],
  ['GET', 'http://www.hetang.gov.cn/a/B.PDF', { 'content-type': 'application/octet-stream' }],
  ['GET', 'http://www.hetang.gov.cn/a/b.pdf?v=2', {}],
  ['GET', 'http://www.hetang.gov.cn/a.pdf', { 'content-type': 'text/html' }],
  ['GET', 'http://www.hetang.gov.cn/q?name=a.pdf', { 'content-type': 'application/octet-stream' }],
  ['GET', 'http://www.hetang.gov.cn/x', { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename=a.pdf' }],
  ['GET', 'http://www.hetang.gov.cn/x', { 'content-type': 'binary/octet-stream', 'content-disposition': 'attachment; filename=a.pdf' }],
  ['POST', 'http://www.hetang.gov.cn/x/report.pdf', { 'content-type': 'application/pdf' }],
];

describe('pdfRedirectRules', () => {
  const rules = pdfRedirectRules(VIEWER, ['czj.example.org']);

  it('agrees with isPdfResponse on every case', () => {
    for (const [method, url, headers] of CASES) {
      const expected = isPdfResponse({ method, status: 200, url, headers: Object.entries(headers).map(([name, value]) => ({ name, value })) });
      const target = redirects(rules, method, url, headers);
      expect(target !== null, `${method} ${url} ${JSON.stringify(headers)}`).toBe(expected);
      if (target) expect(fileOfViewerUrl(target)).toBe(url);
    }
  });

  it('redirects only GET main-frame navigations on portal hosts', () => {
    expect(rules.map((r) => r.id)).toEqual([...REDIRECT_RULE_IDS]);
    for (const rule of rules) {
      expect(rule.condition.resourceTypes).toEqual(['main_frame']);
      expect(rule.condition.requestMethods).toEqual(['get']);
      expect(rule.condition.requestDomains).toEqual(['gov.cn', 'czj.example.org']);
    }
    expect(redirects(rules, 'GET', 'http://news.example.com/a.pdf', { 'content-type': 'application/pdf' })).toBeNull();
    expect(redirects(rules, 'GET', 'https://sub.czj.example.org/a.pdf', { 'content-type': 'application/pdf' })).not.toBeNull();
  });

  it('cleans user hosts', () => {
    expect(portalDomains(['*.Foo.org', ' bar.com ', 'gov.cn', 'bad host', 'localhost'])).toEqual(['gov.cn', 'foo.org', 'bar.com']);
  });
});

describe('session rules', () => {
  it('lets one tab load one URL as it is', () => {
    const rule = bypassRule(5, 12, 'http://www.hetang.gov.cn/download.do?id=7');
    expect(rule).toMatchObject({ id: 5, action: { type: 'allow' }, condition: { tabIds: [12], resourceTypes: ['main_frame'], urlFilter: '|http://www.hetang.gov.cn/download.do?id=7|' } });
    expect(rule.priority).toBeGreaterThan(pdfRedirectRules(VIEWER, [])[0]!.priority);
  });

  it('sets the Referer only on the extension’s own requests from the viewer tab', () => {
    const rule = refererRule(6, 'abc', 12, 'http://www.hetang.gov.cn/download.do?id=7', 'http://www.hetang.gov.cn/');
    expect(rule.condition).toMatchObject({ requestDomains: ['www.hetang.gov.cn'], initiatorDomains: ['abc'], tabIds: [12] });
    expect(rule.condition.resourceTypes).not.toContain('main_frame');
  });
});
