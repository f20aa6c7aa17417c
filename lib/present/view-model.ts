import type { Finding, Location, Report, Severity } from '../engine/report/schema';
import { isCellRef, SEVERITIES } from '../engine/report/schema';
import { groupOf, type CategoryGroup } from '../engine/report/groups';
import { arithmeticOf, headlineOf, tidyMessage } from './headline';
import { t, type Lang } from './i18n';
import { ruleTitle } from './rules';

/**
 * A finding as every presenter shows it — popup list, page tooltip, PDF viewer, exports — built
 * once, here, from the report: pure data, no DOM. The components draw it; they decide nothing.
 */

export type Basis = 'document' | 'reading';
export type FindingAction = 'copy' | 'link' | 'dismiss' | 'misread';

export interface RelatedView {
  label: string;
  /** The anchor to scroll to, when the location has one. */
  anchor?: string;
  location: Location;
}

export interface FindingView {
  id: string;
  /** Stable across re-checks of the same document: rule and place (dismissals and links use it). */
  key: string;
  severity: Severity;
  /** 'reading': the finding may come from misreading the table (drawn differently). */
  basis: Basis;
  group: CategoryGroup;
  headline: string;
  /** "合计 19.99 · 各项相加 19.89 · 相差 0.10 · 尾数误差上限 0.07（万元）", or ''. */
  arithmetic: string;
  /** The check's own explanation, tidied (one tolerance, document precision, no empty labels). */
  detail: string;
  /** Where, in words: "《单位运转经费》「医保局」行 ·「总计」列（第 3 页）". */
  where: string;
  tableId?: string;
  tableTitle?: string;
  page?: number;
  anchor?: string;
  related: RelatedView[];
  rule: { id: string; title: string };
  /** Other symptoms of the same fault, listed under it rather than counted again. */
  consequences: number;
  actions: FindingAction[];
  finding: Finding;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The basis a finding carries (engine-core adds the field; older reports are about the document). */
export function basisOf(finding: Finding): Basis {
  const basis = (finding as Finding & { basis?: unknown }).basis;
  return basis === 'reading' ? 'reading' : 'document';
}

/** The key of a finding: its rule and the place it points at, independent of numbering. */
export function findingKey(finding: Finding): string {
  const loc = finding.location;
  const place = isCellRef(loc) ? (loc.anchor ?? `${loc.tableId}.r${loc.row}.c${loc.col}`) : `${loc.anchor ?? ''}@${loc.start ?? ''}-${loc.end ?? ''}:${loc.text.slice(0, 24)}`;
  return `${finding.rule}|${place}`;
}

/** A cell label's row and column parts ("医保局 单位运转经费·总计"); an empty row is named by its position. */
export function cellParts(location: Location, lang: Lang = 'zh'): { row: string; col: string } | null {
  if (!isCellRef(location)) return null;
  const label = (location.label ?? '').trim();
  const dot = label.lastIndexOf('·');
  const row = (dot >= 0 ? label.slice(0, dot) : label).trim();
  const col = dot >= 0 ? label.slice(dot + 1).trim() : '';
  return { row: row || t(lang).row(location.row + 1), col: col || (dot >= 0 ? t(lang).col(location.col + 1) : '') };
}

function tableTitleOf(report: Report, tableId: string): string {
  return report.tables.find((table) => table.id === tableId)?.title.trim() ?? '';
}

/** A row named by its position ("第 7 行", "row 7") because it has no label. */
function positional(row: string): boolean {
  return /^(第 \d+ 行|row \d+)$/.test(row);
}

export function describeWhere(report: Report, location: Location, lang: Lang = 'zh'): string {
  const dict = t(lang);
  const page = location.page ? (lang === 'zh' ? `（${dict.page(location.page)}）` : ` (${dict.page(location.page)})`) : '';
  if (!isCellRef(location)) {
    const quote = location.text.length > 40 ? `${location.text.slice(0, 40)}…` : location.text;
    return lang === 'zh' ? `文字「${quote}」${page}` : `text “${quote}”${page}`;
  }
  const title = tableTitleOf(report, location.tableId);
  const parts = cellParts(location, lang)!;
  if (lang === 'zh') {
    const table = title ? `《${title}》` : `表 ${location.tableId} `;
    return `${table}${positional(parts.row) ? parts.row : `「${parts.row}」行`}${parts.col ? ` ·「${parts.col}」` : ''}${page}`;
  }
  const table = title ? `“${title}”` : `table ${location.tableId}`;
  return `${table}, ${/^row \d+$/.test(parts.row) ? parts.row : `row “${parts.row}”`}${parts.col ? `, “${parts.col}”` : ''}${page}`;
}

export function relatedLabel(location: Location, lang: Lang = 'zh'): string {
  if (!isCellRef(location)) return location.text.length > 40 ? `${location.text.slice(0, 40)}…` : location.text;
  const parts = cellParts(location, lang)!;
  return parts.col ? `${parts.row} / ${parts.col}` : parts.row;
}

export function findingView(finding: Finding, report: Report, lang: Lang = 'zh'): FindingView {
  const loc = finding.location;
  const cell = isCellRef(loc) ? loc : null;
  const rowName = cell ? (cellParts(cell, lang)?.row ?? t(lang).row(cell.row + 1)) : '';
  const basis = basisOf(finding);
  return {
    id: finding.id,
    key: findingKey(finding),
    severity: finding.severity,
    basis,
    group: groupOf(finding),
    headline: headlineOf(finding, lang),
    arithmetic: arithmeticOf(finding, lang),
    detail: tidyMessage(finding, cell ? (positional(rowName) ? rowName : `「${rowName}」行`) : ''),
    where: describeWhere(report, loc, lang),
    ...(cell ? { tableId: cell.tableId, tableTitle: tableTitleOf(report, cell.tableId) } : {}),
    ...(loc.page ? { page: loc.page } : {}),
    ...(loc.anchor ? { anchor: loc.anchor } : {}),
    related: finding.related.map((location) => ({ label: relatedLabel(location, lang), ...(location.anchor ? { anchor: location.anchor } : {}), location })),
    rule: { id: finding.rule, title: ruleTitle(finding.rule, lang) },
    consequences: (finding as Finding & { consequences?: unknown[] }).consequences?.length ?? 0,
    actions: ['copy', 'link', 'dismiss', 'misread'],
    finding,
  };
}

/** Errors first, then warnings, then notes; the analysis (document) order within each. */
export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].map((item, index) => ({ item, index })).sort((a, b) => RANK[a.item.severity] - RANK[b.item.severity] || a.index - b.index).map((x) => x.item);
}

export type Counts = Record<Severity, number>;

export function countsOf(items: ReadonlyArray<{ severity: Severity }>): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const item of items) counts[item.severity] += 1;
  return counts;
}

/** "发现 3 处确定错误、2 处需核对" — the one line at the top of the popup and the export. */
export function verdictOf(counts: Counts, checksRun: number, lang: Lang = 'zh'): string {
  const dict = t(lang);
  if (!counts.error && !counts.warning && !counts.info) return dict.verdictClean(checksRun);
  const parts = SEVERITIES.filter((s) => counts[s] > 0 && s !== 'info').map((s) => dict.severityCount[s](counts[s]));
  if (!parts.length) parts.push(dict.severityCount.info(counts.info));
  return dict.verdict(parts);
}

export type Grouping = 'severity' | 'table' | 'kind';

export interface FindingGroup {
  key: string;
  title: string;
  items: FindingView[];
}

/** Findings grouped for the list: by severity (the default), by table (or the text), or by kind. */
export function groupFindings(views: readonly FindingView[], grouping: Grouping, lang: Lang = 'zh'): FindingGroup[] {
  const dict = t(lang);
  const ordered = bySeverity(views);
  const groups = new Map<string, FindingGroup>();
  const add = (key: string, title: string, view: FindingView) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title, items: [] }));
    group.items.push(view);
  };
  for (const view of ordered) {
    if (grouping === 'severity') add(view.severity, dict.severity[view.severity], view);
    else if (grouping === 'kind') add(view.group, dict.group[view.group], view);
    else if (view.tableId) add(`t:${view.tableId}`, view.tableTitle ? (lang === 'zh' ? `《${view.tableTitle}》` : `“${view.tableTitle}”`) : `${lang === 'zh' ? '表' : 'Table'} ${view.tableId}`, view);
    else add('text', lang === 'zh' ? '文字说明' : 'Text', view);
  }
  const list = [...groups.values()];
  // Groups in the order of their worst finding, so the first screen shows errors.
  return list.sort((a, b) => RANK[a.items[0]!.severity] - RANK[b.items[0]!.severity]);
}

export interface ReportView {
  verdict: string;
  counts: Counts;
  findings: FindingView[];
}

/** The report as the popup and exports see it: findings ordered worst first, dismissed ones left out. */
export function reportView(report: Report, options: { lang?: Lang; hidden?: ReadonlySet<string> } = {}): ReportView {
  const lang = options.lang ?? 'zh';
  const views = bySeverity(report.findings.map((f) => findingView(f, report, lang))).filter((v) => !options.hidden?.has(v.key));
  const counts = countsOf(views);
  return { verdict: verdictOf(counts, report.stats.checksRun, lang), counts, findings: views };
}

/** A finding as plain text for the clipboard: the headline, the arithmetic, where, and the address. */
export function findingText(view: FindingView, source: string, lang: Lang = 'zh'): string {
  const dict = t(lang);
  const lines = [`[${dict.severity[view.severity]}] ${view.headline}`];
  if (view.arithmetic) lines.push(`${dict.arithmetic}：${view.arithmetic}`.replace('：', lang === 'zh' ? '：' : ': '));
  lines.push(view.detail);
  lines.push(`${dict.where}${lang === 'zh' ? '：' : ': '}${view.where}`);
  lines.push(findingLink(source, view.key));
  return lines.join('\n');
}

const LINK_PARAM = 'budget-lens';

/** The document's address that opens it at this finding (the content script and the viewer read it). */
export function findingLink(source: string, key: string): string {
  const base = source.split('#')[0]!;
  return `${base}#${LINK_PARAM}=${encodeURIComponent(key)}`;
}

/** The finding key a link asks for, or null. */
export function linkedKey(url: string): string | null {
  const hash = url.split('#')[1];
  if (!hash) return null;
  const match = new RegExp(`(?:^|&)${LINK_PARAM}=([^&]+)`).exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
