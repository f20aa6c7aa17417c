import type { Report } from './schema';
import {
  SEVERITY_NAMES,
  clean,
  amountsLine,
  changeLine,
  countsLine,
  describeLocation,
  findingGroups,
  identityFields,
  orderedFindings,
  relatedLine,
  statsLine,
  tableLine,
  consequenceLines,
} from './format-text';

/**
 * The report as Markdown (for issues, mail, wikis). Everything page-derived is escaped, so a
 * hostile title cannot inject links, HTML or table columns into the rendered Markdown.
 */

// Page text never starts a line here (every line has our own prefix), so only inline syntax
// needs escaping: emphasis, code, links/images, HTML, table pipes, strikethrough, entities.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~]/g;

/** Escapes inline Markdown and HTML syntax, after removing control characters. */
export function escapeMarkdown(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(MARKDOWN_SPECIAL, '\\$&');
}

export function formatReportMarkdown(report: Report): string {
  const title = identityFields(report).find(([name]) => name === '标题')?.[1] ?? '';
  const out: string[] = [`# 预算透镜检查报告：${escapeMarkdown(title)}`, ''];
  for (const [name, value] of identityFields(report)) {
    out.push(`- **${name}**：${name === '来源' ? code(value) : escapeMarkdown(value)}`);
  }

  out.push('', `## 表格（${report.tables.length} 张）`, '');
  if (report.tables.length === 0) out.push('未找到数据表格。');
  for (const table of report.tables) out.push(`- ${escapeMarkdown(tableLine(table))}`);

  out.push('', `## 结果：${countsLine(report.findings)}`, '', escapeMarkdown(statsLine(report)));
  const findings = orderedFindings(report.findings);
  if (findings.length === 0) out.push('', '未发现不一致。');
  let number = 0;
  for (const { label, counts, bySeverity } of findingGroups(findings)) {
    out.push('', `### ${label}：${counts}`);
    for (const [severity, group] of bySeverity) {
      out.push('', `#### ${SEVERITY_NAMES[severity]}（${group.length}）`, '');
      for (const finding of group) {
        number += 1;
        const lines = [`**${escapeMarkdown(describeLocation(report, finding.location))}** ${code(finding.rule)}`];
        lines.push(escapeMarkdown(finding.message));
        const amounts = amountsLine(finding);
        if (amounts) lines.push(escapeMarkdown(amounts));
        // Two trailing spaces: a hard line break inside the list item.
        out.push(`${number}. ${lines.join('  \n   ')}`);
        const related = relatedLine(report, finding);
        if (related) out.push(`   - 相关：${escapeMarkdown(related)}`);
        for (const line of consequenceLines(report, finding)) out.push(`   - 连带：${escapeMarkdown(line)}`);
      }
    }
  }

  if (report.changes.length > 0) {
    out.push('', `## 同比变化（${report.changes.length}）`, '');
    for (const change of report.changes) out.push(`- ${escapeMarkdown(changeLine(change))}`);
  }

  const notChecked = report.stats.notChecked ?? [];
  if (notChecked.length > 0) {
    out.push('', `## 未核对（${notChecked.length}）`, '');
    for (const item of notChecked) {
      out.push(`- ${escapeMarkdown(`${item.what || '（未命名）'}：${item.reason}`)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Inline code that survives backticks in the content (CommonMark: a longer fence). */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const body = clean(text);
  // A space keeps a backtick at either end from joining the fence; CommonMark strips it again.
  const pad = /^`|`$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
