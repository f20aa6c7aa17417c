import type { SourceDocument } from '../../engine/source';
import { extractHtml } from '../../extract/html';
import { parseHtmlDocument } from '../../extract/html-node';

/**
 * An HTML page → SourceDocument, on a standard-conforming parse (lib/extract/html-node.ts: the
 * tree Chromium builds). Loaded only for HTML inputs.
 */
export function extractHtmlSource(source: string, html: string): SourceDocument {
  return extractHtml(parseHtmlDocument(html), { source }).doc;
}
