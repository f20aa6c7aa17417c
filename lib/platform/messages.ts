import { z } from 'zod';
import { browser } from 'wxt/browser';
import { reportSchema, type Report } from '../engine/report/schema';
import type { SourceDocument } from '../engine/source';

/**
 * Every message between the extension's contexts, as zod schemas. Messages are validated when
 * sent and when received: a content script runs next to untrusted pages, and a stale build of
 * one context must fail loudly, not half-work.
 */

/** content → background: the report of the page, after every (re)check. */
export const summaryMessage = z.object({
  type: z.literal('summary'),
  url: z.string(),
  report: reportSchema,
});

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
    }),
  ),
  blocks: z.array(z.object({ anchor: z.string(), text: z.string(), kind: z.enum(['heading', 'paragraph']), seq: z.number().int(), page: pageNumber })),
  pages: pageNumber,
});

/** content → background: analyse this (large) document off the page's thread; the reply is a Report. */
export const analyseMessage = z.object({
  type: z.literal('analyse'),
  doc: sourceDocumentSchema,
  extractMillis: z.number().nonnegative(),
});

/** popup → content: check this page now, even if it does not look like a disclosure. */
export const checkPageMessage = z.object({ type: z.literal('check-page') });

/** popup → content: scroll to a finding's cell and flash it. */
export const scrollToFindingMessage = z.object({ type: z.literal('scroll-to-finding'), findingId: z.string() });

/** popup → content: the site was switched off — remove everything. */
export const stopMessage = z.object({ type: z.literal('stop') });

/** popup → background: the stored summary of a tab. */
export const getSummaryMessage = z.object({ type: z.literal('get-summary'), tabId: z.number().int() });

/** popup → background: switch the checker on or off for a host. */
export const setSiteEnabledMessage = z.object({
  type: z.literal('set-site-enabled'),
  host: z.string().min(1),
  enabled: z.boolean(),
});

/** viewer → background: let this tab load the original PDF address without being redirected back. */
export const openOriginalMessage = z.object({ type: z.literal('open-original'), url: z.string().url() });

/** viewer → background: the viewer is about to fetch this PDF (the portal goes along as Referer). */
export const prepareFetchMessage = z.object({ type: z.literal('prepare-fetch'), url: z.string().url(), referer: z.string().url().optional() });

export const contentBoundMessage = z.discriminatedUnion('type', [checkPageMessage, scrollToFindingMessage, stopMessage]);
export const backgroundBoundMessage = z.discriminatedUnion('type', [
  analyseMessage,
  summaryMessage,
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

/** What the content script answers to check-page and scroll-to-finding. */
export const contentReply = z.object({
  ok: z.boolean(),
  findings: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
});

export type ContentBoundMessage = z.infer<typeof contentBoundMessage>;
export type BackgroundBoundMessage = z.infer<typeof backgroundBoundMessage>;
export type ContentReply = z.infer<typeof contentReply>;

export interface Sender {
  tabId?: number;
  url?: string;
}

/** Sends to the background; resolves with its (unvalidated, caller-validated) reply. */
export async function sendToBackground(message: BackgroundBoundMessage): Promise<unknown> {
  return browser.runtime.sendMessage(backgroundBoundMessage.parse(message));
}

/**
 * Sends to a tab's content script, or to the viewer when the tab shows it; null when nothing
 * listens there (no content script injected yet).
 */
export async function sendToTab(tabId: number, message: ContentBoundMessage): Promise<ContentReply | null> {
  const checked = contentBoundMessage.parse(message);
  try {
    const parsed = contentReply.safeParse(await browser.tabs.sendMessage(tabId, checked));
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
 * The viewer's side of sendToTab and askViewer: answers only messages for its own tab. Other
 * viewers (and the background) must stay silent, so the listener returns a promise only for its tab.
 */
export function listenAsViewer(tabId: number, info: () => ViewerInfo, handler: (message: ContentBoundMessage) => Promise<ContentReply> | ContentReply): () => void {
  const listener = (raw: unknown) => {
    const asked = viewerInfoMessage.safeParse(raw);
    if (asked.success) return asked.data.tabId === tabId ? Promise.resolve(info()) : undefined;
    const parsed = viewerEnvelope.safeParse(raw);
    if (!parsed.success || parsed.data.tabId !== tabId) return undefined;
    return Promise.resolve(handler(parsed.data.message)).catch((error: unknown) => ({ ok: false, reason: String(error) }));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Asks the background to analyse a document; rejects when it cannot (the caller analyses locally). */
export async function analyseInBackground(doc: SourceDocument, extractMillis: number): Promise<Report> {
  const reply = await browser.runtime.sendMessage({ type: 'analyse', doc, extractMillis });
  return reportSchema.parse(reply);
}

type Handler<M> = (message: M, sender: Sender) => Promise<unknown> | unknown;

/**
 * Listens for messages of one schema; others are ignored (another listener may want them).
 * Returns the function that removes the listener.
 */
export function listen<M>(schema: z.ZodType<M>, handler: Handler<M>): () => void {
  const listener = (raw: unknown, sender: { tab?: { id?: number; url?: string }; url?: string }) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return undefined;
    const from: Sender = { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url };
    // Returning a promise keeps the channel open for an async reply (Chrome ≥ 99 and Firefox).
    return Promise.resolve(handler(parsed.data, from)).catch((error: unknown) => {
      console.warn('[预算透镜]', error);
      return { ok: false, reason: String(error) };
    });
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
