/**
 * Issue 15: hostile documents reach analysis whole (a 10 MB cell, span bombs, 25-digit amounts,
 * bidi controls, 300,000-character labels). Each must end in a valid, small report that says
 * what it left out — never a crash, a hang or a schema failure.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../lib/engine/analyse';
import { boundSourceDocument, boundText, SOURCE_LIMITS } from '../../../lib/engine/bound-source';
import { reportSchema } from '../../../lib/engine/report/schema';
import { gridAreaBound, expandGrid } from '../../../lib/engine/table/grid';
import type { SourceCell, SourceTable } from '../../../lib/engine/source';
import { documentOf, table } from '../../helpers/tables';

const UNIT = { before: ['部门收支总表', '单位：万元'] };

describe('bounded input', () => {
  it('a 10 MB digit cell no longer overflows the regex stack: the cell is cut and read as text', () => {
    const huge = '9'.repeat(10 * 1024 * 1024);
    const report = analyse(documentOf([table([['项目', '金额'], ['合计', huge], ['甲', '1.00'], ['乙', '2.00']], UNIT)]));
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(JSON.stringify(report).length).toBeLessThan(100_000);
  });

  it('cut text carries a mark that is never part of a number', () => {
    expect(boundText('1'.repeat(5000), 1000)).toMatch(/^1{1000}…$/);
    const doc = boundSourceDocument(documentOf([table([['a', '1'.repeat(5000)], ['b', '2']])]));
    expect(doc.tables[0]!.rows[0]![1]!.text).toHaveLength(SOURCE_LIMITS.cellChars + 1);
  });

  it('bidi controls from the page never reach a finding (U+202E would reverse the verdict text)', () => {
    const report = analyse(documentOf([table([['项目', '金额'], ['合计', '30.00'], ['甲\u202e（反）', '10.00'], ['乙\u2066', '10.00']], UNIT)]));
    expect(report.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });

  it('300,000-character labels make a report of bounded size, not 72 MB', () => {
    const label = '项'.repeat(300_000);
    const rows = [['项目', '本年', '上年'], ['合计', '999.00', '999.00'], ...Array.from({ length: 40 }, (_, i) => [`${label}${i}`, '1.00', '1.00'])];
    const report = analyse(documentOf([table(rows, UNIT), table(rows, UNIT)]));
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(JSON.stringify(report).length).toBeLessThan(2_000_000);
  });
});

describe('span bombs', () => {
  const bomb = (rows: number, perRow: number): SourceTable => ({
    anchor: 't0',
    caption: '',
    before: ['单位：万元'],
    after: [],
    seq: 0,
    rows: Array.from({ length: rows }, (_, r) => Array.from({ length: perRow }, (_, c): SourceCell => ({ text: '1', rowSpan: 5000, colSpan: 200, headerMarkup: false, anchor: `t0.r${r}.c${c}` }))),
  });

  it('the area bound is an upper bound of the real grid', () => {
    for (const t of [table([['a@r2', 'b', 'c'], ['d', 'e'], ['f', 'g', 'h']]), table([['a@r3c2', 'b'], ['c'], ['d', 'e@c4']]), table([['x@c3'], ['y', 'z']])]) {
      const grid = expandGrid(t.rows);
      expect(gridAreaBound(t.rows)).toBeGreaterThanOrEqual(grid.width * grid.height);
    }
  });

  it('a table of 10⁸ positions is refused before it is expanded and reported as not checked', () => {
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const report = analyse(documentOf([bomb(500, 100)]));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(300 * 1024 * 1024);
    expect(report.tables).toHaveLength(0);
    expect(report.stats.notChecked?.some((n) => n.reason.includes('表格过大'))).toBe(true);
  });
});

describe('amounts of 21+ digits', () => {
  it('print in full (never 1e+21) and add up exactly', () => {
    expect(new Decimal('1000000000000000000000').plus(1).toString()).toBe('1000000000000000000001');
    const report = analyse(documentOf([table([['项目', '金额'], ['合计', '3000000000000000000000000.01'], ['甲', '1000000000000000000000000.00'], ['乙', '2000000000000000000000000.00']], UNIT)]));
    expect(reportSchema.safeParse(report).success).toBe(true);
    const finding = report.findings.find((f) => f.rule.startsWith('sum'));
    expect(finding?.actual).toBe('3000000000000000000000000.01');
    expect(finding?.expected).toBe('3000000000000000000000000.00');
    expect(JSON.stringify(report)).not.toContain('e+');
  });
});
