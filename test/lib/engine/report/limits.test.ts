import { describe, expect, it } from 'vitest';
import { finaliseReport, REPORT_LIMITS } from '../../../../lib/engine/report/limits';
import { reportSchema, type Finding, type Report } from '../../../../lib/engine/report/schema';
import { sampleReport } from './sample-report';

const finding = (id: string, over: Partial<Finding> = {}): Finding => ({
  id,
  rule: 'sum.rows',
  severity: 'error',
  category: 'sum',
  message: '合计 3 ≠ 2',
  expected: '2',
  actual: '3',
  location: { tableId: 't0', row: 1, col: 1 },
  related: [],
  ...over,
});

describe('finaliseReport', () => {
  it('drops only the finding that fails the schema (an amount printed as 1e+21) and says so', () => {
    const report: Report = { ...sampleReport(), findings: [finding('f1'), finding('f2', { rule: 'cross.economic', expected: '1e+21' }), finding('f3')] };
    const out = finaliseReport(report);
    expect(out.findings.map((f) => f.id)).toEqual(['f1', 'f3']);
    expect(out.stats.notChecked?.some((n) => n.what.includes('cross.economic'))).toBe(true);
    expect(reportSchema.safeParse(out).success).toBe(true);
  });

  it('caps findings per table and names the rest', () => {
    const many = Array.from({ length: REPORT_LIMITS.findingsPerTable + 30 }, (_, i) => finding(`f${i}`));
    const out = finaliseReport({ ...sampleReport(), findings: many });
    expect(out.findings).toHaveLength(REPORT_LIMITS.findingsPerTable);
    expect(out.stats.notChecked?.some((n) => n.reason === '问题过多，另有 30 处未列出')).toBe(true);
  });

  it('cuts page-derived strings', () => {
    const out = finaliseReport({ ...sampleReport(), findings: [finding('f1', { message: 'x'.repeat(100_000), location: { text: 'y'.repeat(100_000) } })] });
    expect(out.findings[0]!.message.length).toBeLessThanOrEqual(REPORT_LIMITS.messageChars + 1);
    expect(JSON.stringify(out).length).toBeLessThan(20_000);
  });
});
