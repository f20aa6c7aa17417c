import { describe, expect, it } from 'vitest';
import { chipText, chipsOf, countBySeverity, locationLabel, marksOf, passedRanges, relatedAnchors, tableAnchorMap, trendsOf, worstOf } from '../../../lib/present/marks';
import { groupOf } from '../../../lib/engine/report/groups';
import { finding, report } from './page/report-fixture';
import type { Report } from '../../../lib/engine/report/schema';

describe('marks from a report', () => {
  it('one mark per cell, with its worst severity first', () => {
    const r = report([
      finding({ id: 'f1', severity: 'info' }),
      finding({ id: 'f2', severity: 'error' }),
      finding({ id: 'f3', severity: 'warning', location: { tableId: 't1', row: 2, col: 4, anchor: 't1.r2.c4' } }),
    ]);
    const marks = marksOf(r, { showInfo: true });
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ anchor: 't1.r2.c2', severity: 'error' });
    expect(marks[0]!.findings.map((f) => f.id)).toEqual(['f2', 'f1']);
  });

  it('claims in one paragraph get a mark each', () => {
    const r = report([
      finding({ id: 'f1', severity: 'error', location: { text: '一般公共服务 1641.88万元', anchor: 'b7', start: 10, end: 28 } }),
      finding({ id: 'f2', severity: 'warning', location: { text: '卫生健康支出 0万元', anchor: 'b7', start: 40, end: 50 } }),
      finding({ id: 'f3', severity: 'info', location: { text: '整段', anchor: 'b7' } }),
    ]);
    const marks = marksOf(r, { showInfo: true });
    expect(marks.map((m) => m.key)).toEqual(['b7@10-28', 'b7@40-50', 'b7']);
    expect(marks[0]!.text).toEqual({ start: 10, end: 28 });
  });

  it('hides rounding notes when asked', () => {
    const r = report([finding({ id: 'f1', severity: 'info' })]);
    expect(marksOf(r, { showInfo: false })).toEqual([]);
    expect(chipsOf(r, { showInfo: false })[1]!.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('falls back to the table when a cell has no anchor, and skips text without one', () => {
    const r = report([
      finding({ id: 'f1', severity: 'error', location: { tableId: 't0', row: 1, col: 1 } }),
      finding({ id: 'f2', severity: 'error', location: { text: '增长 5%' } }),
    ]);
    expect(marksOf(r, { showInfo: true }).map((m) => m.anchor)).toEqual(['t0']);
  });

  it('chips count per table and read in Chinese', () => {
    const r = report([finding({ id: 'f1', severity: 'error' }), finding({ id: 'f2', severity: 'error' }), finding({ id: 'f3', severity: 'info' })]);
    const chips = chipsOf(r, { showInfo: true });
    expect(chips.map((c) => chipText(c.counts))).toEqual(['预算透镜：已核对', '预算透镜：2 处错误 · 1 条提示']);
    expect(worstOf(chips[1]!.counts)).toBe('error');
    expect(worstOf(chips[0]!.counts)).toBeNull();
    expect(countBySeverity(r.findings)).toEqual({ error: 2, warning: 0, info: 1 });
  });

  it('related anchors and labels', () => {
    const f = finding({ id: 'f1', severity: 'error', related: [{ tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3' }, { tableId: 't0', row: 0, col: 0 }] });
    expect(relatedAnchors(f, tableAnchorMap(report([f])))).toEqual(['t1.r2.c3']);
    expect(locationLabel({ tableId: 't1', row: 2, col: 3 })).toBe('第 3 行第 4 列');
    expect(locationLabel({ tableId: 't1', row: 2, col: 3, label: '合计' })).toBe('合计');
    expect(locationLabel({ text: '很'.repeat(50) })).toHaveLength(41);
  });

  it('groups findings for readers by their rule, from the catalogue', () => {
    // perf.rate is a share inside a table, text.change a year-over-year claim whatever its category.
    expect(groupOf({ rule: 'sum.rows', category: 'sum' })).toBe('table');
    expect(groupOf({ rule: 'perf.rate', category: 'share' })).toBe('table');
    expect(groupOf({ rule: 'text.share', category: 'share' })).toBe('text');
    expect(groupOf({ rule: 'text.change', category: 'direction' })).toBe('yoy');
    // A rule the catalogue does not know (an older report) falls back to its category.
    expect(groupOf({ rule: 'old.rule', category: 'share' })).toBe('text');
  });

  it('outlines the cells of a fault’s consequences with its operands', () => {
    const f = finding({ id: 'f1', severity: 'error', consequences: [{ rule: 'sum.columns', severity: 'error', message: '…', location: { tableId: 't1', row: 2, col: 2, anchor: 't1.r2.c2' } }] });
    expect(relatedAnchors(f, tableAnchorMap(report([f])))).toEqual(['t1.r2.c3', 't1.r2.c2']);
  });
});

describe('trends beside the rows', () => {
  it('draws ▲/▼ for table and bound stated changes, once per cell, with what was compared', () => {
    const base = { schema: 'budget-lens/report@1' as const, source: 's', document: { title: 't', kind: 'final' as const, units: ['万元'] }, tables: [], stats: { checksRun: 0, passed: 0, claims: 0, millis: { extract: 0, analyse: 0 } }, findings: [] };
    const trends = trendsOf({
      ...base,
      changes: [
        { label: '合计', previous: '8.05', current: '8.04', delta: '-0.01', percent: '-0.12', unit: '万元', basis: 'table', location: { tableId: 't4', row: 3, col: 6, anchor: 't4.r3.c6', label: '预算数 → 决算数' } },
        { label: '合计', previous: '8.05', current: '8.04', delta: '-0.01', unit: '万元', basis: 'table', location: { tableId: 't4', row: 3, col: 6, anchor: 't4.r3.c6' } },
        { label: '接待费', previous: '0.70', current: '1.20', delta: '0.50', percent: '71.43', unit: '万元', basis: 'stated', location: { text: '…', anchor: 'b3' }, cell: { tableId: 't5', row: 2, col: 3, anchor: 't5.r2.c3' } },
        { label: '无处可放', previous: '1', current: '1', delta: '0', unit: '万元', basis: 'stated', location: { text: '…', anchor: 'b4' } },
      ],
    });
    expect(trends.map((t) => [t.anchor, t.direction, t.text])).toEqual([
      ['t4.r3.c6', 'down', '▼0.01 -0.12%'],
      ['t5.r2.c3', 'up', '▲0.50 +71.43%'],
    ]);
    expect(trends[0]!.title).toContain('预算数 → 决算数');
  });
});

describe('claims that checked out', () => {
  it('gives the text ranges to underline, leaving cells and unanchored claims out', () => {
    const r: Report = {
      ...report([]),
      confirmed: [
        { rule: 'text.completion', message: '完成率 98.20% = …', location: { text: '完成年初预算的98.20%', anchor: 'b4', start: 10, end: 24 } },
        { rule: 'text.amount', message: '…', location: { tableId: 't1', row: 2, col: 3, anchor: 't1.r2.c3' } },
        { rule: 'text.amount', message: '…', location: { text: '12.50万元' } },
      ],
    };
    expect(passedRanges(r)).toEqual([{ anchor: 'b4', start: 10, end: 24 }]);
  });
});
