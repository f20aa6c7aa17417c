/**
 * Acceptance against docs/seed-answer-key.md: the table-internal items of the five seeds are
 * found with the right severity on every generated rendering of the seed pages, and the
 * identities the key lists as verified consistent produce nothing above info.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../lib/extract/html';
import { analyse } from '../../lib/analyse';
import type { Finding, Report } from '../../lib/report/schema';

const pagesDir = join(new URL('.', import.meta.url).pathname, '../fixtures/pages');
const pages = readdirSync(pagesDir).filter((name) => /^\d{3}-[a-z]+\.html$/.test(name)).sort();
const styles = [...new Set(pages.map((name) => name.slice(4, -5)))];

function reportOf(page: string): Report {
  const { document } = parseHTML(readFileSync(join(pagesDir, page), 'utf8'));
  return analyse(extractHtml(document, { source: page }).doc);
}

const cache = new Map<string, Report>();
function report(seed: string, style: string): Report {
  const page = `${seed}-${style}.html`;
  if (!cache.has(page)) cache.set(page, reportOf(page));
  return cache.get(page)!;
}

const bySeverity = (r: Report, severity: Finding['severity']): Finding[] => r.findings.filter((f) => f.severity === severity);
const has = (findings: Finding[], actual: string, expected?: string): boolean =>
  findings.some((f) => f.actual === actual && (expected === undefined || f.expected === expected));
const describeFindings = (findings: Finding[]): string => findings.map((f) => `${f.severity} ${f.rule} ${f.actual}/${f.expected}: ${f.message}`).join('\n');

describe.each(styles)('seed pages in the "%s" markup', (style) => {
  it('finds 000-01 as errors: the 一般公共预算支出表 with no 公用经费 column (元, exact)', () => {
    const errors = bySeverity(report('000', style), 'error');
    expect(has(errors, '2068839.67', '1873991.42'), describeFindings(errors)).toBe(true);
    expect(has(errors, '1648839.67', '1423687.92'), describeFindings(errors)).toBe(true);
    expect(has(errors, '225151.75', '645151.75'), describeFindings(errors)).toBe(true);
  });

  it('finds 001-05, 001-06 and 001-08 as errors', () => {
    const errors = bySeverity(report('001', style), 'error');
    expect(has(errors, '33.81', '23.19'), describeFindings(errors)).toBe(true);
    expect(has(errors, '19.99', '19.89'), describeFindings(errors)).toBe(true);
    expect(errors.find((f) => f.actual === '19.99' && f.expected === '19.89')?.tolerance).toBe('0.07');
    expect(has(errors, '117.65', '137.64'), describeFindings(errors)).toBe(true);
  });

  it('reports 002-10 and 002-11 as info (rounding), and nothing in 002 tables above info', () => {
    const r = report('002', style);
    const info = bySeverity(r, 'info');
    expect(has(info, '2113.81', '2113.82'), describeFindings(info)).toBe(true);
    expect(has(info, '1434.27', '1434.26'), describeFindings(info)).toBe(true);
    expect(has(info, '1154.16', '1154.17'), describeFindings(info)).toBe(true);
    expect(has(info, '1701.48', '1701.49'), describeFindings(info)).toBe(true);
    expect(has(info, '248.05', '248.06'), describeFindings(info)).toBe(true);
    const alarming = r.findings.filter((f) => f.severity !== 'info');
    expect(alarming, describeFindings(alarming)).toEqual([]);
  });

  it('finds no error and no warning in seed 003, whose arithmetic is consistent', () => {
    const r = report('003', style);
    const alarming = r.findings.filter((f) => f.severity !== 'info');
    expect(alarming, describeFindings(alarming)).toEqual([]);
    expect(r.stats.checksRun).toBeGreaterThan(100);
  });

  it('finds nothing alarming in seed 004 (元 tables balance exactly)', () => {
    const r = report('004', style);
    const alarming = r.findings.filter((f) => f.severity !== 'info');
    expect(alarming, describeFindings(alarming)).toEqual([]);
    expect(r.tables.every((t) => t.unit === '元' || t.unitSource === 'default' || t.rows <= 3)).toBe(true);
  });

  it('raises no warning or error on the identities verified consistent in 000 and 001', () => {
    const r000 = report('000', style);
    const outside000 = r000.findings.filter((f) => f.severity !== 'info' && !/一般公共预算支出表/.test(r000.tables.find((t) => 'tableId' in f.location && t.id === f.location.tableId)?.title ?? ''));
    expect(outside000, describeFindings(outside000)).toEqual([]);
    const r001 = report('001', style);
    const known = new Set(['33.81', '19.99', '117.65', '128.27']);
    const unexpected = r001.findings.filter((f) => f.severity !== 'info' && !known.has(f.actual ?? '') && !known.has(f.expected ?? ''));
    expect(unexpected, describeFindings(unexpected)).toEqual([]);
  });

  it('reads every table with a unit and a title', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const r = report(seed, style);
      expect(r.tables.length).toBeGreaterThan(5);
      const untitled = r.tables.filter((t) => !t.title);
      expect(untitled.map((t) => t.id), `${seed}: untitled tables`).toEqual([]);
    }
  });
});
