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
const inTables = (r: Report): Finding[] => r.findings.filter((f) => 'tableId' in f.location);
const isAlarming = (f: Finding): boolean => f.severity === 'error' || (f.severity === 'warning' && f.category !== 'structure');
const describeFindings = (findings: Finding[]): string => findings.map((f) => `${f.severity} ${f.rule} ${f.actual}/${f.expected}: ${f.message}`).join('\n');

describe.each(styles)('seed pages in the "%s" markup', (style) => {
  it('finds 000-01 as errors: the 一般公共预算支出表 with no 公用经费 column (元, exact)', () => {
    const errors = bySeverity(report('000', style), 'error');
    expect(has(errors, '2068839.67', '1873991.42'), describeFindings(errors)).toBe(true);
    expect(has(errors, '1648839.67', '1423687.92'), describeFindings(errors)).toBe(true);
    expect(has(errors, '225151.75', '645151.75'), describeFindings(errors)).toBe(true);
    // (e) the 项目支出 column total against the 支出总表's 项目支出, linked to the other table's cell.
    const cross = errors.find((f) => f.rule === 'cross.columns' && f.actual === '225151.75' && f.expected === '420000');
    expect(cross, describeFindings(errors)).toBeDefined();
    expect(cross!.related).toHaveLength(1);
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
    // 002-18 (ambiguous): 2080505 133.19 in 公开03 vs 30108 109.19 in 公开06, a soft cross-table warning.
    expect(r.findings.some((f) => f.rule === 'cross.item-economic' && f.severity === 'warning' && f.actual === '133.19' && f.expected === '109.19' && f.related.length === 1)).toBe(true);
    const alarming = inTables(r).filter((f) => f.severity !== 'info' && f.rule !== 'perf.rate' && f.rule !== 'cross.item-economic');
    expect(alarming, describeFindings(alarming)).toEqual([]);
  });

  it('finds the narrative and self-evaluation items of seed 002 with the key\'s severities (002-01…05 errors, 002-06 warning, 002-07/08/09/12/13 info)', () => {
    const r = report('002', style);
    const text = r.findings.filter((f) => !('tableId' in f.location));
    const errors = text.filter((f) => f.severity === 'error');
    expect(has(errors, '1104.49', '1025.5'), describeFindings(text)).toBe(true); // 002-01
    expect(has(errors, '246.52', '325.52'), describeFindings(text)).toBe(true); // 002-02
    expect(errors.some((f) => f.rule === 'text.direction' && f.actual === '26.65'), describeFindings(text)).toBe(true); // 002-03
    expect(errors.some((f) => f.rule === 'text.share-sum' && f.actual === '99.87' && f.message.includes('8.05')), describeFindings(text)).toBe(true); // 002-04
    expect(text.some((f) => f.severity === 'warning' && f.category === 'label' && f.message.includes('住房改革支出')), describeFindings(text)).toBe(true); // 002-06
    expect(r.findings.some((f) => f.rule === 'perf.rate' && f.severity === 'error' && f.actual === '100.00' && f.expected === '93.48')).toBe(true); // 002-05
    const info = text.filter((f) => f.severity === 'info');
    expect(has(info, '133.18', '133.19'), describeFindings(info)).toBe(true); // 002-07
    expect(has(info, '26.65', '26.66'), describeFindings(info)).toBe(true); // 002-08
    expect(info.some((f) => f.actual === '99.87' && f.rule === 'text.completion'), describeFindings(info)).toBe(true); // 002-09
    expect(has(info, '514.47', '514.46'), describeFindings(info)).toBe(true); // 002-12
    expect(has(info, '2113.82', '2113.81'), describeFindings(info)).toBe(true); // 002-13
    expect(r.findings.some((f) => f.rule === 'text.repeated' && f.severity === 'info' && f.actual === '1796.95')).toBe(true); // 002-14
  });

  it('finds no error in seed 003, whose arithmetic is consistent; 003-01 and 003-05 (ambiguous) are warnings at most', () => {
    const r = report('003', style);
    expect(r.findings.some((f) => f.rule === 'perf.cost-cap' && f.severity === 'warning' && f.actual === '20.4')).toBe(true); // 003-05
    // 003-08 (ambiguous, label): the 财政拨款收支总体情况表 still lists 医疗卫生与计划生育支出.
    expect(r.findings.some((f) => f.rule === 'label.stale-name' && f.severity === 'warning' && f.message.includes('财政拨款收支总体情况表') && f.message.includes('医疗卫生与计划生育支出'))).toBe(true);
    const alarming = r.findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && f.category !== 'structure' && f.rule !== 'perf.cost-cap' && f.rule !== 'label.stale-name'));
    expect(alarming, describeFindings(alarming)).toEqual([]);
    expect(r.stats.checksRun).toBeGreaterThan(100);
    expect(r.changes.filter((c) => c.basis === 'stated').length).toBeGreaterThanOrEqual(4);
  });

  it('finds nothing alarming in seed 004 (元 tables balance exactly), only rounding in its text (004-01…03)', () => {
    const r = report('004', style);
    expect(r.findings.some((f) => f.rule === 'text.label' && f.severity === 'warning' && f.message.includes('2101506'))).toBe(true); // 004-05
    expect(r.findings.some((f) => f.rule === 'label.name' && f.severity === 'warning' && f.message.includes('社会福利和救助（509）') && f.message.includes('50901'))).toBe(true); // 004-04
    // 004-06 (ambiguous, structure): 表2, 表3 and 表12 are listed as not empty in the 目录 but absent.
    const missing = r.findings.filter((f) => f.rule === 'doc.required' && f.severity === 'warning');
    expect(missing.map((f) => f.location.anchor !== undefined && f.message.match(/《(.+?)》/)?.[1]).sort()).toEqual(['一般公共预算“三公”经费支出表', '支出总表', '收入总表']);
    const alarming = r.findings.filter((f) => f.severity !== 'info' && f.category !== 'label' && f.rule !== 'doc.required');
    expect(alarming, describeFindings(alarming)).toEqual([]);
    const info = r.findings.filter((f) => f.rule === 'text.amount');
    expect(has(info, '15.95', '15.955'), describeFindings(info)).toBe(true); // 004-01
    expect(has(info, '123.96', '123.9664'), describeFindings(info)).toBe(true); // 004-02
    expect(has(info, '10.95', '10.955'), describeFindings(info)).toBe(true); // 004-03
  });

  it('finds the narrative errors of 000 and 001 (001-01, 001-02, 001-03), 000-05 as an error and 000-02 as info', () => {
    const r001 = report('001', style);
    const errors = r001.findings.filter((f) => f.severity === 'error' && !('tableId' in f.location));
    expect(has(errors, '1641.88', '0'), describeFindings(errors)).toBe(true); // 001-01
    expect(has(errors, '0', '1641.88'), describeFindings(errors)).toBe(true); // 001-02
    expect(errors.some((f) => f.rule === 'text.unit'), describeFindings(errors)).toBe(true); // 001-03
    expect(r001.findings.some((f) => f.rule === 'text.repeated' && f.severity === 'error' && f.actual === '1461.88' && f.expected === '1641.88')).toBe(true); // 001-10
    expect(r001.findings.some((f) => f.rule === 'label.code' && f.severity === 'warning' && f.message.includes('21 15 01'))).toBe(true); // 001-09
    const r000 = report('000', style);
    expect(r000.findings.some((f) => f.rule === 'perf.unit' && f.severity === 'error' && f.message.includes('住院报销金额'))).toBe(true); // 000-05
    const info000 = r000.findings.filter((f) => f.severity === 'info');
    expect(has(info000, '12.71', '12.71706'), describeFindings(info000)).toBe(true); // 000-02
  });

  it('raises no error on the identities verified consistent in 000 and 001 (structural warnings aside)', () => {
    const r000 = report('000', style);
    const outside000 = r000.findings.filter(
      (f) => isAlarming(f) && f.rule !== 'perf.unit' && !/一般公共预算支出表/.test(r000.tables.find((t) => 'tableId' in f.location && t.id === f.location.tableId)?.title ?? ''),
    );
    expect(outside000, describeFindings(outside000)).toEqual([]);
    const r001 = report('001', style);
    const known = new Set(['33.81', '19.99', '117.65', '128.27', '1641.88', '0', '1454.24', '0.2', '1461.88']);
    // text.unit is 001-03, label.code is 001-09 and label.stale-name 001-15 (2018 names in a 2020 budget), all expected.
    expect(r001.findings.some((f) => f.rule === 'label.stale-name' && f.severity === 'warning' && f.message.includes('医疗卫生与计划生育支出'))).toBe(true);
    const expectedRules = new Set(['text.unit', 'label.code', 'label.stale-name']);
    const unexpected = r001.findings.filter((f) => isAlarming(f) && !expectedRules.has(f.rule) && !known.has(f.actual ?? '') && !known.has(f.expected ?? ''));
    expect(unexpected, describeFindings(unexpected)).toEqual([]);
  });

  it('finds the cross-table items 001-04 (class 209 vs 210) and 001-07 (维修(护)费 0.20 vs 0.30) as errors', () => {
    const cross = report('001', style).findings.filter((f) => f.rule.startsWith('cross.') && f.severity === 'error');
    expect(has(cross, '1641.88', '187.64'), describeFindings(cross)).toBe(true);
    expect(has(cross, '1454.24', '0'), describeFindings(cross)).toBe(true);
    expect(has(cross, '0.2', '0.3'), describeFindings(cross)).toBe(true);
    for (const seed of ['000', '002', '003', '004']) {
      // 000-01 (e), 000-03 (a blank twin line, structural) and 002-18 are expected; everything else across tables must hold.
      const alarming = report(seed, style).findings.filter((f) => f.rule.startsWith('cross.') && f.rule !== 'cross.blank-line' && f.severity !== 'info' && !(f.actual === '225151.75' && f.expected === '420000') && !(f.actual === '133.19' && f.expected === '109.19'));
      expect(alarming, `${seed}: ${describeFindings(alarming)}`).toEqual([]);
    }
  });

  it('reads every table with a unit and a title', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const r = report(seed, style);
      expect(r.tables.length).toBeGreaterThan(5);
      const untitled = r.tables.filter((t) => !t.title);
      expect(untitled.map((t) => t.id), `${seed}: untitled tables`).toEqual([]);
    }
  });

  it('knows which required tables each seed publishes (002-15 and 004-06 missing, 000-04 empty against the 收支总表, 000-03 a blank twin line)', () => {
    const summary = (seed: string): string => report(seed, style).document.completeness?.summary ?? '';
    expect(summary('000')).toBe('9 张必需表格：齐全（其中 1 张为空表，已说明）');
    expect(summary('001')).toBe('8 张必需表格：齐全（其中 1 张为空表，已说明）');
    expect(summary('002')).toBe('9 张必需表格：缺 2 张（收入决算表、一般公共预算财政拨款支出决算表）');
    expect(summary('003')).toBe('9 张必需表格：齐全（其中 1 张为空表，已说明）');
    expect(summary('004')).toBe('8 张必需表格：缺 3 张（收入总表、支出总表、一般公共预算“三公”经费支出表）');
    const r000 = report('000', style);
    // 000-03 (ambiguous, structure): 经费拨款 blank in the 财政拨款收支总表, 2,068,839.67 in the 收支总表.
    expect(r000.findings.some((f) => f.rule === 'cross.blank-line' && f.severity === 'warning' && f.category === 'structure' && f.message.includes('经费拨款') && f.related.length === 1)).toBe(true);
    expect(r000.findings.some((f) => f.rule === 'doc.empty-table' && f.severity === 'warning' && f.message.includes('收入总表'))).toBe(true);
    for (const seed of ['001', '003']) {
      const noisy = report(seed, style).findings.filter((f) => f.rule.startsWith('doc.') && f.severity !== 'info');
      expect(noisy, `${seed}: ${describeFindings(noisy)}`).toEqual([]);
    }
  });
});
