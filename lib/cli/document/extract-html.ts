import { parseHTML } from 'linkedom';
import type { SourceDocument } from '../../engine/source';
import { extractHtml } from '../../extract/html';

/** An HTML page parsed by linkedom (loaded only for HTML inputs; the extension uses the browser's DOM). */
export function parseHtmlPage(html: string): Document {
  return parseHTML(asDocument(html)).document as unknown as Document;
}

export function extractHtmlSource(source: string, html: string): SourceDocument {
  return extractHtml(parseHtmlPage(html), { source }).doc;
}

/** linkedom parses a fragment into loose top-level nodes; give it the document browsers would build. */
function asDocument(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}
