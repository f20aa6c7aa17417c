import type { Change, Finding, Location, Report, Severity, TableSummary } from './schema';
import { SEVERITIES, isCellRef } from './schema';
import { GROUP_LABEL, GROUP_ORDER, groupOf } from './groups';

/**
 * The report as plain Chinese text for a terminal. Page text is untrusted: control characters
 * (terminal escapes) and bidi overrides are removed from everything that came from the page.
 * The helpers are shared with the Markdown format so both say the same things in the same order.
 */

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const KIND_NAMES: Record<Report['document']['kind'], string> = { budget: '预算', final: '决算', unknown: '未识别' };
const BASIS_NAMES: Record<Change['basis'], string> = { stated: '文中所述', history: '与上年文件比对', table: '表中数字' };
const UNIT_SOURCE_NAMES: Record<NonNullable<TableSummary['unitSource']>, string> = {
  caption: '表题',
  header: '表头',
  default: '沿用全文单位',
  none: '未标明',
};
const MAX_RELATED = 8;
const MAX_QUOTE = 60;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/** Page-derived text made safe to print: no control characters, no bidi overrides, one line. */
export function clean(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Errors first, then warnings, then rounding notes; the analysis order within each. */
export function orderedFindings(findings: Finding[]): Finding[] {
  return SEVERITIES.flatMap((severity) => findings.filter((f) => f.severity === severity));
}

export function severityCounts(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Findings by reader group (表内勾稽 / 文字与表格 / 同比), then by severity, worst first. */
export function findingGroups(findings: Finding[]): Array<{ label: string; counts: string; bySeverity: Array<[Severity, Finding[]]> }> {
  return GROUP_ORDER.map((kind) => findings.filter((f) => groupOf(f) === kind))
    .map((inGroup, i) => ({
      label: GROUP_LABEL[GROUP_ORDER[i]!],
      counts: countsLine(inGroup),
      bySeverity: SEVERITIES.map((severity): [Severity, Finding[]] => [severity, inGroup.filter((f) => f.severity === severity)]).filter(([, group]) => group.length > 0),
    }))
    .filter((group) => group.bySeverity.length > 0);
}

export function countsLine(findings: Finding[]): string {
  const counts = severityCounts(findings);
  return SEVERITIES.map((s) => `${SEVERITY_NAMES[s]} ${counts[s]}`).join(' · ');
}

export function documentKindName(kind: Report['document']['kind']): string {
  return KIND_NAMES[kind];
}

export function basisName(basis: Change['basis']): string {
  return BASIS_NAMES[basis];
}

export function tableName(report: Report, tableId: string): string {
  const table = report.tables.find((t) => t.id === tableId);
  const title = table ? clean(table.title) : '';
  return title ? `表 ${tableId}《${title}》` : `表 ${tableId}`;
}

export function quote(text: string): string {
  const safe = clean(text);
  return safe.length > MAX_QUOTE ? `${safe.slice(0, MAX_QUOTE)}…` : safe;
}

/**
 * Where something is, in words: "表 t3《支出总表》第 5 行「行政运行」·「基本支出」列". Labels
 * from the checks read "行·列" when they name both; rows and columns are counted from 1.
 */
export function describeLocation(report: Report, location: Location): string {
  const page = location.page ? `（第 ${location.page} 页）` : '';
  if (!isCellRef(location)) return `文字「${quote(location.text)}」${page}`;
  const name = tableName(report, location.tableId);
  const where = `${name}${name.endsWith('》') ? '' : ' '}第 ${location.row + 1} 行`;
  const label = location.label ? clean(location.label) : '';
  const parts = label.split('·').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${where}「${parts[0]}」·「${parts[1]}」列${page}`;
  if (label) return `${where}第 ${location.col + 1} 列「${label}」${page}`;
  return `${where}第 ${location.col + 1} 列${page}`;
}

/** "应为 19.89 · 实为 19.99 · 相差 0.10 · 允许误差 0.07（万元）", or '' when the finding has no amounts. */
export function amountsLine(finding: Finding): string {
  const parts: string[] = [];
  if (finding.expected !== undefined) parts.push(`应为 ${finding.expected}`);
  if (finding.actual !== undefined) parts.push(`实为 ${finding.actual}`);
  if (finding.difference !== undefined) parts.push(`相差 ${finding.difference}`);
  if (finding.tolerance !== undefined) parts.push(`允许误差 ${finding.tolerance}`);
  if (parts.length === 0) return '';
  return parts.join(' · ') + (finding.unit ? `（${clean(finding.unit)}）` : '');
}

export function relatedLine(report: Report, finding: Finding): string {
  if (finding.related.length === 0) return '';
  const shown = finding.related.slice(0, MAX_RELATED).map((loc) => describeLocation(report, loc));
  const more = finding.related.length - shown.length;
  return shown.join('；') + (more > 0 ? `；等另 ${more} 处` : '');
}

export function changeLine(change: Change): string {
  const code = change.code ? `（${clean(change.code)}）` : '';
  const negative = change.delta.startsWith('-');
  const size = negative ? change.delta.slice(1) : change.delta;
  const direction = /^0(\.0+)?$/.test(size) ? '持平' : `${negative ? '减少' : '增加'} ${size}`;
  const percent = change.percent !== undefined ? `（${change.percent}%）` : '';
  return `${clean(change.label)}${code}：${change.previous} → ${change.current} ${clean(change.unit)}，${direction}${percent}〔${basisName(change.basis)}〕`;
}

export function tableLine(table: TableSummary): string {
  const title = clean(table.title);
  const name = title ? `${table.id}《${title}》` : `${table.id}（无标题）`;
  const kind = table.kind && table.kind !== 'unknown' ? table.kind : '未识别';
  const source = table.unitSource && table.unitSource !== 'none' ? `（${UNIT_SOURCE_NAMES[table.unitSource]}）` : '';
  const page = table.page ? ` · 第 ${table.page} 页` : '';
  const checks = table.checksRun !== undefined ? ` · 核对 ${table.checksRun} 项` : '';
  return `${name} 类型 ${kind} · 单位 ${clean(table.unit)}${source} · ${table.rows} 行 × ${table.cols} 列${page}${checks}`;
}

export function identityFields(report: Report): Array<[string, string]> {
  const doc = report.document;
  const fields: Array<[string, string]> = [
    ['来源', clean(report.source)],
    ['标题', clean(doc.title) || '（无标题）'],
  ];
  if (doc.department) fields.push(['部门', clean(doc.department)]);
  if (doc.year !== undefined) fields.push(['年度', String(doc.year)]);
  fields.push(['类型', documentKindName(doc.kind)]);
  if (doc.unitLevel) fields.push(['公开主体', doc.unitLevel === 'unit' ? '单位' : '部门']);
  if (doc.completeness) fields.push(['表格齐全', clean(doc.completeness.summary)]);
  fields.push(['金额单位', doc.units.length ? doc.units.map(clean).join('、') : '未标明']);
  if (doc.pages !== undefined) fields.push(['页数', String(doc.pages)]);
  return fields;
}

export function statsLine(report: Report): string {
  const { checksRun, passed, claims, millis, crossTableChecks } = report.stats;
  const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
  const cross = crossTableChecks ? `（其中跨表 ${crossTableChecks} 项）` : '';
  return `核对 ${checksRun} 项${cross}，通过 ${passed} 项；文字中的数字 ${claims} 处；用时 提取 ${ms(millis.extract)} ms、分析 ${ms(millis.analyse)} ms`;
}

/** The other symptoms of the same fault, one line each: "[sum.columns] 表 t1 第 3 行… ：message". */
export function consequenceLines(report: Report, finding: Finding): string[] {
  return (finding.consequences ?? []).map((c) => `[${c.rule}] ${describeLocation(report, c.location)}：${clean(c.message)}`);
}

export function formatReportText(report: Report): string {
  const out: string[] = ['预算透镜检查报告', ''];
  for (const [name, value] of identityFields(report)) out.push(`${name}：${value}`);

  out.push('', `表格（${report.tables.length} 张）`);
  if (report.tables.length === 0) out.push('  未找到数据表格。');
  for (const table of report.tables) out.push(`  ${tableLine(table)}`);

  out.push('', statsLine(report), `结果：${countsLine(report.findings)}`);
  const findings = orderedFindings(report.findings);
  if (findings.length === 0) out.push('未发现不一致。');
  let number = 0;
  for (const { label, counts, bySeverity } of findingGroups(findings)) {
    out.push('', `【${label}】${counts}`);
    for (const [severity, group] of bySeverity) {
      out.push('', `${SEVERITY_NAMES[severity]}（${group.length}）`);
      for (const finding of group) {
        number += 1;
        out.push(`  ${number}. [${finding.rule}] ${describeLocation(report, finding.location)}`);
        out.push(`     ${clean(finding.message)}`);
        const amounts = amountsLine(finding);
        if (amounts) out.push(`     ${amounts}`);
        const related = relatedLine(report, finding);
        if (related) out.push(`     相关：${related}`);
        for (const line of consequenceLines(report, finding)) out.push(`     连带：${line}`);
      }
    }
  }

  if (report.changes.length > 0) {
    out.push('', `同比变化（${report.changes.length}）`);
    for (const change of report.changes) out.push(`  ${changeLine(change)}`);
  }

  const notChecked = report.stats.notChecked ?? [];
  if (notChecked.length > 0) {
    out.push('', `未核对（${notChecked.length}）`);
    for (const item of notChecked) out.push(`  ${clean(item.what) || '（未命名）'}：${clean(item.reason)}`);
  }
  return `${out.join('\n')}\n`;
}
