import { analyse } from '../../engine/analyse';
import type { Report } from '../../engine/report/schema';
import { extractHtml } from '../../extract/html';
import { parseHtmlPage } from '../document/extract-html';

/** An HTML page → report; the extraction time recorded excludes parsing, as in the extension. */
export function checkHtml(source: string, html: string): Report {
  const document = parseHtmlPage(html);
  const started = performance.now();
  const { doc } = extractHtml(document, { source });
  return analyse(doc, { extractMillis: performance.now() - started });
}
