import type { SourceDocument } from '../../engine/source';
import { extractHtml } from '../../extract/html';
import { flattenDeepNesting } from '../../extract/html-depth';
import { parseHtmlDocument } from '../../extract/html-node';

/**
 * An HTML page → SourceDocument, on a standard-conforming parse (lib/extract/html-node.ts: the
 * tree Chromium builds), hostile nesting flattened first as browsers do (depth 512). Loaded only
 * for HTML inputs.
 */
export function parseHtmlPage(html: string): Document {
  return parseHtmlDocument(flattenDeepNesting(html));
}

export function extractHtmlSource(source: string, html: string): SourceDocument {
  return extractHtml(parseHtmlPage(html), { source }).doc;
}
