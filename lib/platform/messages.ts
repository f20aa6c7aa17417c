import { z } from 'zod';
import { browser } from 'wxt/browser';
import { reportSchema, type Report } from '../engine/report/schema';
import type { SourceDocument } from '../engine/source';
import { tabSummarySchema } from './storage';

/**
 * The typed messaging protocol between the extension's contexts: for every message its zod
 * schema, the schema of its reply, and who may send it. Messages are validated when sent and when
 * received, replies when they come back. A content script runs next to an untrusted page (and in a
 * renderer the page may have compromised), so the background answers a message only from the
 * senders it is meant for: the popup's and the viewer's requests only from extension pages.
 */

/** content → background: the report of the page, after every (re)check. */
export const summaryMessage = z.object({
  type: z.literal('summary'),
  url: z.string(),
  report: reportSchema,
});

/** content/viewer → background: checking failed (the popup says "检查失败" with the reason). */
export const failedMessage = z.object({ type: z.literal('failed'), url: z.string(), reason: z.string().max(500) });

/** content → background: the page was checked and found to hold nothing to check, or was switched off. */
export const clearMessage = z.object({ type: z.literal('clear'), url: z.string() });

const sourceCellSchema = z.object({
  text: z.string(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  headerMarkup: z.boolean(),
  anchor: z.string(),
  exact: z.string().optional(),
});
const pageNumber = z.number().int().positive().optional();
export const sourceDocumentSchema: z.ZodType<SourceDocument> = z.object({
  source: z.string(),
  title: z.string(),
  tables: z.array(
    z.object({
      anchor: z.string(),
      rows: z.array(z.array(sourceCellSchema)),
      caption: z.string(),
      before: z.array(z.string()),
      after: z.array(z.string()),
      seq: z.number().int(),
      page: pageNumber,
      sheet: z.string().optional(),
      // Dropping these would lose which readings are doubtful, and the cautions with them.
      seams: z.array(z.object({ row: z.number().int().nonnegative(), page: pageNumber, certain: z.boolean(), doubt: z.string().optional() })).optional(),
      doubts: z.array(z.object({ row: z.number().int().nonnegative().optional(), col: z.number().int().nonnegative().optional(), reason: z.string() })).optional(),
    }),
  ),
  blocks: z.array(z.object({ anchor: z.string(), text: z.string(), kind: z.enum(['heading', 'paragraph']), seq: z.number().int(), page: pageNumber })),
  pages: pageNumber,
});

/** content/viewer → background: analyse this (large) document off the page's thread; the reply is a Report. */
export const analyseMessage = z.object({
  type: z.literal('analyse'),
  doc: sourceDocumentSchema,
  extractMillis: z.number().nonnegative(),
});

/** popup → content: check this page now, even if it does not look like a disclosure. */
export const checkPageMessage = z.object({ type: z.literal('check-page') });

/** popup → content: scroll to a finding's cell and flash it. */
export const scrollToFindingMessage = z.object({ type: z.literal('scroll-to-finding'), findingId: z.string().max(100) });

/** popup → content: the site was switched off — remove everything. */
export const stopMessage = z.object({ type: z.literal('stop') });

/** popup → background: the stored summary of a tab. */
export const getSummaryMessage = z.object({ type: z.literal('get-summary'), tabId: z.number().int() });

/** popup → background: switch the checker on or off for a host. */
export const setSiteEnabledMessage = z.object({
  type: z.literal('set-site-enabled'),
  host: z.string().min(1).max(253),
  enabled: z.boolean(),
});

/** viewer → background: let this tab load the original PDF address without being redirected back. */
export const openOriginalMessage = z.object({ type: z.literal('open-original'), url: z.string().url() });

/**
 * viewer → background: the viewer is about to fetch this PDF. The background sets the Referer
 * itself, from what it recorded when it opened the tab: the viewer's address carries no referer.
 */
export const prepareFetchMessage = z.object({ type: z.literal('prepare-fetch'), url: z.string().url() });

export const okReply = z.object({ ok: z.boolean(), reason: z.string().optional() });

/** What the content script (or the viewer) answers to check-page, scroll-to-finding and stop. */
export const contentReply = z.object({
  ok: z.boolean(),
  findings: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
});

/** Who may send a background-bound message. */
export type SenderKind = 'extension-page' | 'tab';

/** The background's half of the protocol: request, reply and the senders it accepts. */
export const backgroundProtocol = {
  analyse: { request: analyseMessage, reply: reportSchema, from: ['tab', 'extension-page'] },
  summary: { request: summaryMessage, reply: okReply, from: ['tab'] },
  failed: { request: failedMessage, reply: okReply, from: ['tab'] },
  clear: { request: clearMessage, reply: okReply, from: ['tab'] },
  'get-summary': { request: getSummaryMessage, reply: tabSummarySchema.nullable(), from: ['extension-page'] },
  'set-site-enabled': { request: setSiteEnabledMessage, reply: okReply, from: ['extension-page'] },
  'open-original': { request: openOriginalMessage, reply: okReply, from: ['extension-page'] },
  'prepare-fetch': { request: prepareFetchMessage, reply: okReply, from: ['extension-page'] },
} as const satisfies Record<string, { request: z.ZodType; reply: z.ZodType; from: readonly SenderKind[] }>;

type BackgroundProtocol = typeof backgroundProtocol;
export type BackgroundMessageType = keyof BackgroundProtocol;
export type BackgroundRequest<T extends BackgroundMessageType> = z.infer<BackgroundProtocol[T]['request']>;
export type BackgroundReply<T extends BackgroundMessageType> = z.infer<BackgroundProtocol[T]['reply']>;

export const contentBoundMessage = z.discriminatedUnion('type', [checkPageMessage, scrollToFindingMessage, stopMessage]);
export const backgroundBoundMessage = z.discriminatedUnion('type', [
  analyseMessage,
  summaryMessage,
  failedMessage,
  clearMessage,
  getSummaryMessage,
  setSiteEnabledMessage,
  openOriginalMessage,
  prepareFetchMessage,
]);

/**
 * popup → viewer tab. tabs.sendMessage reaches content scripts only, not an extension page
 * shown in a tab, so messages for the viewer go by runtime messaging with the tab they are for.
 */
export const viewerEnvelope = z.object({ type: z.literal('to-viewer'), tabId: z.number().int(), message: contentBoundMessage });

/**
 * popup → viewer tab: "are you the viewer, and of which PDF?" Without the "tabs" permission an
 * extension cannot read the address of its own pages in tabs, so the popup asks the page.
 */
export const viewerInfoMessage = z.object({ type: z.literal('viewer-info'), tabId: z.number().int() });
export const viewerInfoReply = z.object({ viewer: z.literal(true), file: z.string().nullable(), title: z.string() });
export type ViewerInfo = z.infer<typeof viewerInfoReply>;

export type ContentBoundMessage = z.infer<typeof contentBoundMessage>;
export type BackgroundBoundMessage = z.infer<typeof backgroundBoundMessage>;
export type ContentReply = z.infer<typeof contentReply>;

export interface Sender {
  tabId?: number;
  url?: string;
  /** An extension page of ours (popup, viewer), never a content script or another extension. */
  extensionPage: boolean;
}

interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

/** Pure, for tests: an extension page of ours has our id and an address under our own origin. */
export function senderOf(raw: RawSender, ownId: string, ownOrigin: string): Sender {
  const url = raw.url ?? '';
  const extensionPage = raw.id === ownId && url.startsWith(ownOrigin) && (raw.origin === undefined || `${raw.origin}/` === ownOrigin || raw.origin === ownOrigin);
  return { tabId: raw.tab?.id, url: raw.tab?.url ?? raw.url, extensionPage };
}

function describeSender(raw: RawSender): Sender {
  return senderOf(raw, browser.runtime.id, browser.runtime.getURL('/'));
}

export function senderAllowed(sender: Sender, from: readonly SenderKind[]): boolean {
  if (sender.extensionPage && from.includes('extension-page')) return true;
  // A tab's own script (content script or the viewer page in it): the message concerns that tab only.
  return from.includes('tab') && sender.tabId !== undefined;
}

/** Sends to the background; resolves with its reply, validated against the protocol. */
export async function sendToBackground<T extends BackgroundMessageType>(message: BackgroundRequest<T> & { type: T }): Promise<BackgroundReply<T>> {
  const entry = backgroundProtocol[message.type];
  const reply: unknown = await browser.runtime.sendMessage(entry.request.parse(message));
  return entry.reply.parse(reply) as BackgroundReply<T>;
}

type BackgroundHandlers = { [T in BackgroundMessageType]: (message: BackgroundRequest<T>, sender: Sender) => Promise<BackgroundReply<T>> | BackgroundReply<T> };

/**
 * The background's listener: one handler per message type, each called only for a sender the
 * protocol allows; anything else is ignored (another listener, e.g. a viewer, may want it).
 */
export function listenInBackground(handlers: BackgroundHandlers): () => void {
  const listener = (raw: unknown, rawSender: RawSender) => {
    const parsed = backgroundBoundMessage.safeParse(raw);
    if (!parsed.success) return undefined;
    const type = parsed.data.type;
    const sender = describeSender(rawSender);
    if (!senderAllowed(sender, backgroundProtocol[type].from)) {
      console.warn('[预算透镜] refused', type, 'from', sender.url);
      return Promise.resolve({ ok: false, reason: 'not allowed' });
    }
    const handler = handlers[type] as (message: unknown, sender: Sender) => unknown;
    // Returning a promise keeps the channel open for an async reply (Chrome ≥ 99 and Firefox).
    return Promise.resolve(handler(parsed.data, sender)).catch((error: unknown) => {
      console.warn('[预算透镜]', error);
      return { ok: false, reason: String(error) };
    });
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * Sends to a tab's content script, or to the viewer when the tab shows it; null when nothing
 * listens there (no content script injected yet).
 */
export async function sendToTab(tabId: number, message: ContentBoundMessage): Promise<ContentReply | null> {
  const checked = contentBoundMessage.parse(message);
  try {
    const parsed = contentReply.safeParse(await browser.tabs.sendMessage(tabId, checked, { frameId: 0 }));
    if (parsed.success) return parsed.data;
  } catch {
    // No content script: perhaps the viewer.
  }
  try {
    const parsed = contentReply.safeParse(await browser.runtime.sendMessage(viewerEnvelope.parse({ type: 'to-viewer', tabId, message: checked })));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The viewer's answer when `tabId` shows it; null for any other page. */
export async function askViewer(tabId: number): Promise<ViewerInfo | null> {
  try {
    const parsed = viewerInfoReply.safeParse(await browser.runtime.sendMessage(viewerInfoMessage.parse({ type: 'viewer-info', tabId })));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The viewer's side of sendToTab and askViewer: answers only messages for its own tab, and only
 * from extension pages (a content script must not drive another tab's viewer).
 */
export function listenAsViewer(tabId: number, info: () => ViewerInfo, handler: (message: ContentBoundMessage) => Promise<ContentReply> | ContentReply): () => void {
  const listener = (raw: unknown, rawSender: RawSender) => {
    if (!describeSender(rawSender).extensionPage) return undefined;
    const asked = viewerInfoMessage.safeParse(raw);
    if (asked.success) return asked.data.tabId === tabId ? Promise.resolve(info()) : undefined;
    const parsed = viewerEnvelope.safeParse(raw);
    if (!parsed.success || parsed.data.tabId !== tabId) return undefined;
    return Promise.resolve(handler(parsed.data.message)).catch((error: unknown) => ({ ok: false, reason: String(error) }));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * The content script's side: messages from the extension through tabs.sendMessage only (the
 * sender is the extension itself, never a page).
 */
export function listenInContent(handler: (message: ContentBoundMessage) => Promise<ContentReply> | ContentReply): () => void {
  const listener = (raw: unknown, rawSender: RawSender) => {
    if (rawSender.id !== browser.runtime.id) return undefined;
    const parsed = contentBoundMessage.safeParse(raw);
    if (!parsed.success) return undefined;
    return Promise.resolve(handler(parsed.data)).catch((error: unknown) => ({ ok: false, reason: String(error) }));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Asks the background to analyse a document; rejects when it cannot (the caller analyses locally). */
export async function analyseInBackground(doc: SourceDocument, extractMillis: number): Promise<Report> {
  return sendToBackground({ type: 'analyse', doc, extractMillis });
}
