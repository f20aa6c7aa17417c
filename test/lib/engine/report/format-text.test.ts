import { describe, expect, it } from 'vitest';
import { describeLocation, formatReportText, orderedFindings } from '../../../../lib/engine/report/format-text';
import { emptyReport, sampleReport } from './sample-report';

describe('formatReportText', () => {
  const text = formatReportText(sampleReport());

  it('starts with the document identity', () => {
    expect(text).toContain('标题：荷塘区财政局2024年部门预算');
    expect(text).toContain('部门：荷塘区财政局');
    expect(text).toContain('年度：2024');
    expect(text).toContain('类型：预算');
    expect(text).toContain('金额单位：万元、元');
  });

  it('shows the completeness line and how many checks spanned tables, when the report has them', () => {
    const base = sampleReport();
    const report = {
      ...base,
      document: { ...base.document, unitLevel: 'unit' as const, completeness: { family: 'budget' as const, summary: '8 张必需表格：缺 1 张（收入总表）', tables: [] } },
      stats: { ...base.stats, crossTableChecks: 7 },
    };
    const out = formatReportText(report);
    expect(out).toContain('公开主体：单位');
    expect(out).toContain('表格齐全：8 张必需表格：缺 1 张（收入总表）');
    expect(out).toMatch(/核对 \d+ 项（其中跨表 7 项），通过/);
  });

  it('lists the tables with kinds, units and where the unit came from', () => {
    expect(text).toContain('t0《部门收支总表》 类型 income-expense-summary · 单位 万元（表题） · 12 行 × 4 列');
    expect(text).toContain('t3《支出总表》 类型 expense-summary · 单位 万元（沿用全文单位）');
    expect(text).toContain('t5（无标题） 类型 未识别 · 单位 未标明 · 3 行 × 2 列');
  });

  it('counts by severity and groups findings (表内勾稽, 文字与表格, 同比), errors first within each', () => {
    expect(text).toContain('结果：错误 2 · 警告 1 · 提示 1');
    const positions = ['【表内勾稽】', '错误（2）', '1. [sum.columns]', '2. [sum.code-hierarchy]', '提示（1）', '3. [sum.rows]', '【文字与表格】', '警告（1）', '4. [text.amount]'].map((s) =>
      text.indexOf(s),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(orderedFindings(sampleReport().findings).map((f) => f.id)).toEqual(['f2', 'f4', 'f3', 'f1']);
  });

  it('gives each finding its message, amounts, location in words and related cells', () => {
    expect(text).toContain('表 t3《支出总表》第 5 行「行政运行」·「基本支出」列（第 4 页）');
    expect(text).toContain('「行政运行」行的合计 19.99 ≠ 基本支出 9.89 + 项目支出 10.00 = 19.89，差 0.10。');
    expect(text).toContain('应为 19.89 · 实为 19.99 · 相差 0.10 · 允许误差 0.07（万元）');
    expect(text).toContain('相关：表 t3《支出总表》第 5 行「行政运行」·「项目支出」列（第 4 页）；表 t3《支出总表》第 5 行第 8 列');
    expect(text).toContain('文字「2024年支出预算1,234.00万元，比上年增加12.00万元」（第 2 页）');
    expect(text).toContain('表 t9 第 1 行第 1 列');
  });

  it('shows year-over-year changes and what was not checked', () => {
    expect(text).toContain('卫生健康支出（210）：1830.15 → 1803.70 万元，减少 26.45（-1.45%）〔文中所述〕');
    expect(text).toContain('教育支出：10.00 → 10.00 万元，持平〔与上年文件比对〕');
    expect(text).toContain('未核对（1）\n  政府采购预算表：表格没有数据行（空表）');
  });

  it('says so when there is nothing to report', () => {
    const empty = formatReportText(emptyReport());
    expect(empty).toContain('未找到数据表格。');
    expect(empty).toContain('未发现不一致。');
    expect(empty).not.toContain('同比变化');
    expect(empty).not.toContain('未核对');
  });

  it('is stable: the same report gives the same text', () => {
    expect(formatReportText(sampleReport())).toBe(text);
  });

  it('never prints terminal escapes or bidi overrides from the page', () => {
    const report = sampleReport();
    report.document.title = '恶意\u001b[2J\u001b]0;pwned\u0007标题\u202e';
    report.findings[0]!.message = '第一行\r\n\u001b[31m第二行';
    const out = formatReportText(report);
    const unsafe = [...out].filter((ch) => ch !== '\n' && (ch < ' ' || ch === '\u007f' || ch === '\u202e'));
    expect(unsafe).toEqual([]);
    expect(out).toContain('第一行 [31m第二行');
  });

  it('truncates long quotes and caps related cells', () => {
    const report = sampleReport();
    report.findings[2]!.location = { text: '很长'.repeat(100) };
    report.findings[3]!.related = Array.from({ length: 20 }, (_, i) => ({ tableId: 't9', row: i, col: 1 }));
    const out = formatReportText(report);
    expect(out).toContain(`文字「${'很长'.repeat(30)}…」`);
    expect(out).toContain('等另 12 处');
    expect(describeLocation(report, { tableId: 't0', row: 0, col: 0 })).toBe('表 t0《部门收支总表》第 1 行第 1 列');
  });
});
