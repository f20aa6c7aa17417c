/**
 * Acceptance against ../shared/docs/seed-answer-key.md: the table-internal items of the five seeds are
 * found with the right severity on every generated rendering of the seed pages, and the
 * identities the key lists as verified consistent produce nothing above info. The expectations
 * themselves live in test/helpers/answer-key.ts (shared with the HTML↔PDF parity test).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../lib/extract/html';
import { parseHtmlDocument } from '../../lib/extract/html-node';
import { analyse } from '../../lib/engine/analyse';
import type { Report } from '../../lib/engine/report/schema';
import { answerKey } from '../helpers/answer-key';

const pagesDir = join(new URL('.', import.meta.url).pathname, '../fixtures/pages');
const pages = readdirSync(pagesDir).filter((name) => /^\d{3}-[a-z]+\.html$/.test(name)).sort();
const styles = [...new Set(pages.map((name) => name.slice(4, -5)))];

function reportOf(page: string): Report {
  return analyse(extractHtml(parseHtmlDocument(readFileSync(join(pagesDir, page), 'utf8')), { source: page }).doc);
}

const cache = new Map<string, Report>();
function report(seed: string, style: string): Report {
  const page = `${seed}-${style}.html`;
  if (!cache.has(page)) cache.set(page, reportOf(page));
  return cache.get(page)!;
}

describe.each(styles)('seed pages in the "%s" markup', (style) => {
  it.each(answerKey)('$id: $title', (expectation) => {
    expect(expectation.problems(report(expectation.seed, style))).toEqual([]);
  });
});
