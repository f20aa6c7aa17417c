import { describe, expect, it } from 'vitest';
import { analyseMessage, backgroundBoundMessage, contentBoundMessage, contentReply, summaryMessage } from '../../../lib/platform/messages';
import { report, finding } from '../present/page/report-fixture';

describe('message schemas', () => {
  it('accepts the messages the contexts send', () => {
    expect(contentBoundMessage.parse({ type: 'check-page' })).toEqual({ type: 'check-page' });
    expect(contentBoundMessage.parse({ type: 'scroll-to-finding', findingId: 'f3' })).toMatchObject({ findingId: 'f3' });
    expect(backgroundBoundMessage.parse({ type: 'get-summary', tabId: 7 })).toMatchObject({ tabId: 7 });
    expect(backgroundBoundMessage.parse({ type: 'set-site-enabled', host: 'www.hetang.gov.cn', enabled: false })).toMatchObject({ enabled: false });
    const summary = { type: 'summary', url: 'http://www.hetang.gov.cn/a.html', report: report([finding({ id: 'f1', severity: 'error' })]) };
    expect(summaryMessage.parse(summary).report.findings).toHaveLength(1);
  });

  it('rejects malformed and foreign messages', () => {
    expect(contentBoundMessage.safeParse({ type: 'scroll-to-finding' }).success).toBe(false);
    expect(contentBoundMessage.safeParse({ type: 'summary' }).success).toBe(false);
    expect(backgroundBoundMessage.safeParse({ type: 'get-summary', tabId: '7' }).success).toBe(false);
    expect(backgroundBoundMessage.safeParse({ type: 'set-site-enabled', host: '', enabled: true }).success).toBe(false);
    expect(backgroundBoundMessage.safeParse('wxt:content-script-started').success).toBe(false);
    const bad = report([finding({ id: 'f1', severity: 'error', expected: '1e3' })]);
    expect(summaryMessage.safeParse({ type: 'summary', url: 'x', report: bad }).success).toBe(false);
  });

  it('carries the seams and doubtful readings of a table to the background analysis', () => {
    const table = { anchor: 't0', rows: [], caption: '', before: [], after: [], seq: 0, page: 3, seams: [{ row: 4, page: 4, certain: false, doubt: '续表的列与上页未能对齐' }], doubts: [{ row: 5, reason: '可能丢失一行' }] };
    const parsed = analyseMessage.parse({ type: 'analyse', doc: { source: 'x.pdf', title: '', tables: [table], blocks: [] }, extractMillis: 0 });
    expect(parsed.doc.tables[0]).toMatchObject({ seams: table.seams, doubts: table.doubts });
  });

  it('replies', () => {
    expect(contentReply.parse({ ok: true, findings: 3 })).toEqual({ ok: true, findings: 3 });
    expect(contentReply.safeParse({ ok: 'yes' }).success).toBe(false);
  });
});

describe('analyse message', () => {
  it('carries a SourceDocument and rejects a malformed one', () => {
    const doc = {
      source: 'http://a.gov.cn/',
      title: '部门预算',
      tables: [{ anchor: 't0', rows: [[{ text: '合计', rowSpan: 1, colSpan: 1, headerMarkup: false, anchor: 't0.r0.c0' }]], caption: '', before: [], after: [], seq: 0 }],
      blocks: [{ anchor: 'b0', text: '说明', kind: 'paragraph', seq: 1 }],
    };
    expect(backgroundBoundMessage.parse({ type: 'analyse', doc, extractMillis: 3 })).toMatchObject({ type: 'analyse' });
    const bad = { ...doc, tables: [{ ...doc.tables[0], rows: [[{ text: 1 }]] }] };
    expect(backgroundBoundMessage.safeParse({ type: 'analyse', doc: bad, extractMillis: 3 }).success).toBe(false);
  });
});

describe('viewer messages', () => {
  it('carries popup messages to one viewer tab, and the viewer’s own requests', async () => {
    const { viewerEnvelope } = await import('../../../lib/platform/messages');
    expect(viewerEnvelope.parse({ type: 'to-viewer', tabId: 4, message: { type: 'scroll-to-finding', findingId: 'f2' } }).message).toEqual({ type: 'scroll-to-finding', findingId: 'f2' });
    expect(viewerEnvelope.safeParse({ type: 'to-viewer', tabId: 4, message: { type: 'summary' } }).success).toBe(false);
    expect(backgroundBoundMessage.parse({ type: 'open-original', url: 'http://www.hetang.gov.cn/download.do?id=7' })).toMatchObject({ type: 'open-original' });
    expect(backgroundBoundMessage.safeParse({ type: 'prepare-fetch', url: 'not a url' }).success).toBe(false);
  });
});

import { backgroundProtocol, senderAllowed, senderOf } from '../../../lib/platform/messages';
import { pickSessionRuleId, serialised } from '../../../lib/platform/pdf-open/intercept';
import type { DnrRule } from '../../../lib/platform/pdf-open/dnr-rules';

describe('who may send what (issue 15, defect 10)', () => {
  const ID = 'abcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  const popup = senderOf({ id: ID, url: `${ORIGIN}popup.html`, origin: `chrome-extension://${ID}` }, ID, ORIGIN);
  const viewer = senderOf({ id: ID, url: `${ORIGIN}viewer.html?file=x`, tab: { id: 4 } }, ID, ORIGIN);
  const content = senderOf({ id: ID, url: 'http://www.hetang.gov.cn/a.html', origin: 'http://www.hetang.gov.cn', tab: { id: 5, url: 'http://www.hetang.gov.cn/a.html' } }, ID, ORIGIN);
  const other = senderOf({ id: 'someoneelse', url: `chrome-extension://someoneelse/x.html` }, ID, ORIGIN);

  it('tells extension pages from content scripts', () => {
    expect(popup.extensionPage).toBe(true);
    expect(viewer.extensionPage).toBe(true);
    expect(content.extensionPage).toBe(false);
    expect(other.extensionPage).toBe(false);
  });

  it('a content script cannot read another tab’s summary, switch sites off or steer the viewer’s fetch', () => {
    for (const type of ['get-summary', 'set-site-enabled', 'open-original', 'prepare-fetch'] as const) {
      expect(senderAllowed(content, backgroundProtocol[type].from), type).toBe(false);
      expect(senderAllowed(popup, backgroundProtocol[type].from), type).toBe(true);
    }
    for (const type of ['summary', 'failed', 'clear', 'analyse'] as const) expect(senderAllowed(content, backgroundProtocol[type].from), type).toBe(true);
    // A summary needs a tab: the popup has none.
    expect(senderAllowed(popup, backgroundProtocol.summary.from)).toBe(false);
  });

  it('session rules are updated one at a time: six viewers opened at once get six ids (defect 9)', async () => {
    const rules: DnrRule[] = [];
    const api = {
      getSessionRules: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return [...rules];
      },
      updateSessionRules: async ({ removeRuleIds, addRules }: { removeRuleIds: number[]; addRules: DnrRule[] }) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        for (const rule of addRules) if (rules.some((r) => r.id === rule.id && !removeRuleIds.includes(r.id))) throw new Error(`Rule with id ${rule.id} does not have a unique ID`);
        for (const id of removeRuleIds) rules.splice(rules.findIndex((r) => r.id === id), 1);
        rules.push(...addRules);
      },
    };
    const referer = (id: number, tabId: number): DnrRule => ({ id, priority: 10, action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: 'x' }] }, condition: { resourceTypes: ['xmlhttprequest'], tabIds: [tabId] } });
    await Promise.all(
      [1, 2, 3, 4, 5, 6].map((tabId) =>
        serialised(async () => {
          const { id, stale } = pickSessionRuleId(await api.getSessionRules(), tabId, 'modifyHeaders');
          await api.updateSessionRules({ removeRuleIds: stale, addRules: [referer(id, tabId)] });
        }),
      ),
    );
    expect(rules.map((r) => r.condition.tabIds![0]).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(rules.map((r) => r.id)).size).toBe(6);
    // The same tab again keeps its id.
    expect(pickSessionRuleId(rules, 3, 'modifyHeaders')).toEqual({ id: rules.find((r) => r.condition.tabIds![0] === 3)!.id, stale: [rules.find((r) => r.condition.tabIds![0] === 3)!.id] });
  });
});
