import { describe, expect, it } from 'vitest';
import { backgroundBoundMessage, contentBoundMessage, contentReply, summaryMessage } from '../../../lib/platform/messages';
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
import { sessionRuleId } from '../../../lib/platform/pdf-open/intercept';

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

  it('session rule ids come from the tab, so concurrent viewers never collide (defect 9)', () => {
    const ids = [1, 2, 3, 4, 5, 6].flatMap((tab) => [sessionRuleId(tab, 'allow'), sessionRuleId(tab, 'modifyHeaders')]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
