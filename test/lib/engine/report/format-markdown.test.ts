import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatReportMarkdown } from '../../../../lib/engine/report/format-markdown';
import { emptyReport, sampleReport } from './sample-report';

describe('formatReportMarkdown', () => {
  const md = formatReportMarkdown(sampleReport());

  it('has a title, the identity as a list and one section per part', () => {
    expect(md.startsWith('# 预算透镜检查报告：荷塘区财政局2024年部门预算\n')).toBe(true);
    expect(md).toContain('- **来源**：`https://www.hetang.gov.cn/zwgk/2024/yusuan.html`');
    expect(md).toContain('- **年度**：2024');
    for (const heading of ['## 表格（3 张）', '## 结果：错误 2 · 警告 1 · 提示 1', '### 表内勾稽：错误 2 · 警告 0 · 提示 1', '#### 错误（2）', '### 文字与表格：错误 0 · 警告 1 · 提示 0', '#### 警告（1）', '#### 提示（1）', '## 同比变化（2）', '## 未核对（1）']) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md.indexOf('#### 错误')).toBeLessThan(md.indexOf('#### 提示'));
    expect(md.indexOf('### 表内勾稽')).toBeLessThan(md.indexOf('### 文字与表格'));
  });

  it('numbers findings across sections, with the rule as code and amounts on their own line', () => {
    expect(md).toContain('1. **表 t3《支出总表》第 5 行「行政运行」·「基本支出」列（第 4 页）** `sum.columns`  \n');
    expect(md).toContain('\n   应为 19.89 · 实为 19.99 · 相差 0.10 · 允许误差 0.07（万元）\n');
    expect(md).toContain('\n3. **表 t0《部门收支总表》第 5 行第 2 列「合计」** `sum.rows`');
    expect(md).toContain('   - 相关：表 t0《部门收支总表》第 12 行第 4 列「支出总计」');
  });

  it('escapes page text so it cannot inject links, HTML or code', () => {
    expect(escapeMarkdown('[点此](javascript:alert(1)) <img src=x onerror=y> *粗* `码` a|b &lt;')).toBe(
      '\\[点此\\](javascript:alert(1)) \\<img src=x onerror=y\\> \\*粗\\* \\`码\\` a\\|b &amp;lt;',
    );
    const report = sampleReport();
    report.document.title = '<script>alert(1)</script>';
    report.tables[0]!.title = '表](http://evil)';
    report.source = 'a`b';
    const out = formatReportMarkdown(report);
    expect(out).not.toContain('<script>');
    expect(out).not.toMatch(/[^\\]\]\(http/);
    expect(out).toContain('表\\](http://evil)');
    expect(out).toContain('``a`b``');
  });

  it('renders an empty report', () => {
    const out = formatReportMarkdown(emptyReport());
    expect(out).toContain('未找到数据表格。');
    expect(out).toContain('未发现不一致。');
    expect(out).toContain('**标题**：（无标题）');
  });
});
