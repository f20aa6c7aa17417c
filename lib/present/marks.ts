import type { Finding, Location, Report, Severity } from '../engine/report/schema';
import { isCellRef } from '../engine/report/schema';
import { t, type Lang } from './i18n';

/**
 * What the overlay draws, derived from a report without touching the DOM: one mark per
 * anchored cell or text block (its worst severity and all its findings), and one count per
 * checked table for its summary chip.
 */

/**
 * Text claims that checked out, as anchor and character range, for "显示核对无误的内容": the page
 * underlines them in green. Claims in table cells are left out: a cell already shows its own mark.
 */
export function passedRanges(report: Report): Array<{ anchor: string; start: number; end: number }> {
  const out: Array<{ anchor: string; start: number; end: number }> = [];
  for (const item of report.confirmed ?? []) {
    const loc = item.location;
    if (isCellRef(loc) || !loc.anchor || loc.start === undefined || loc.end === undefined || loc.end <= loc.start) continue;
    out.push({ anchor: loc.anchor, start: loc.start, end: loc.end });
  }
  return out;
}

export interface Mark {
  /** Unique per mark: the anchor, plus the character range for findings inside a text block. */
  key: string;
  anchor: string;
  /** Characters [start, end) of the anchored text block, for narrative findings. */
  text?: { start: number; end: number };
  severity: Severity;
  findings: Finding[];
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface TableChip {
  anchor: string;
  tableId: string;
  title: string;
  counts: SeverityCounts;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = emptyCounts();
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The anchor a location points at: the cell (or text block) itself, else its table. */
export function anchorOf(location: Location, tableAnchors: ReadonlyMap<string, string>): string | undefined {
  if (location.anchor) return location.anchor;
  if ('tableId' in location) return tableAnchors.get(location.tableId);
  return undefined;
}

export function tableAnchorMap(report: Report): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of report.tables) map.set(table.id, table.anchor ?? table.id);
  return map;
}

export interface MarkOptions {
  /** Rounding notes drawn on the page (the popup lists them regardless). */
  showInfo: boolean;
}

export function marksOf(report: Report, options: MarkOptions): Mark[] {
  const tables = tableAnchorMap(report);
  const byAnchor = new Map<string, Mark>();
  for (const finding of report.findings) {
    if (finding.severity === 'info' && !options.showInfo) continue;
    const loc = finding.location;
    const anchor = anchorOf(loc, tables);
    if (!anchor) continue;
    // Several claims in one paragraph are separate marks; several findings on one cell share one.
    const text = !('tableId' in loc) && loc.start !== undefined && loc.end !== undefined ? { start: loc.start, end: loc.end } : undefined;
    const key = text ? `${anchor}@${text.start}-${text.end}` : anchor;
    const mark = byAnchor.get(key);
    if (mark) {
      mark.severity = worse(mark.severity, finding.severity);
      mark.findings.push(finding);
    } else {
      byAnchor.set(key, { key, anchor, ...(text ? { text } : {}), severity: finding.severity, findings: [finding] });
    }
  }
  // Worst first, so a cell's badge tooltip leads with what matters most.
  for (const mark of byAnchor.values()) mark.findings.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  return [...byAnchor.values()];
}

export function chipsOf(report: Report, options: MarkOptions): TableChip[] {
  const counts = new Map<string, SeverityCounts>();
  for (const finding of report.findings) {
    if (finding.severity === 'info' && !options.showInfo) continue;
    const tableId = 'tableId' in finding.location ? finding.location.tableId : undefined;
    if (!tableId) continue;
    const c = counts.get(tableId) ?? emptyCounts();
    c[finding.severity]++;
    counts.set(tableId, c);
  }
  return report.tables.map((table) => ({
    anchor: table.anchor ?? table.id,
    tableId: table.id,
    title: table.title,
    counts: counts.get(table.id) ?? emptyCounts(),
  }));
}

/** "预算透镜：2 处错误 · 1 条提示", or "预算透镜：已核对" when the table holds nothing to mark. */
export function chipText(counts: SeverityCounts, lang: Lang = 'zh'): string {
  const dict = t(lang);
  return dict.chip((['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => dict.chipCount[s](counts[s])));
}

export function worstOf(counts: SeverityCounts): Severity | null {
  if (counts.error) return 'error';
  if (counts.warning) return 'warning';
  if (counts.info) return 'info';
  return null;
}

/** Anchors of the cells a finding relates to (its operands), for hover highlighting. */
export function relatedAnchors(finding: Finding, tableAnchors: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  // The cells of the symptoms listed under a fault are outlined with its operands.
  for (const loc of [...finding.related, ...(finding.consequences ?? []).map((c) => c.location)]) {
    if (!loc.anchor && 'tableId' in loc) continue; // a whole table is not a useful highlight
    const anchor = anchorOf(loc, tableAnchors);
    if (anchor) out.push(anchor);
  }
  return out;
}

export function locationLabel(location: Location): string {
  if ('tableId' in location) return location.label ?? `第 ${location.row + 1} 行第 ${location.col + 1} 列`;
  return location.text.length > 40 ? `${location.text.slice(0, 40)}…` : location.text;
}

/** A year-over-year (or budget → final) change drawn beside the cell it concerns: ▲ / ▼ / ＝. */
export interface Trend {
  anchor: string;
  direction: 'up' | 'down' | 'flat';
  /** "▲0.50 +71.43%" */
  text: string;
  /** Tooltip: what was compared with what. */
  title: string;
}

export const MAX_TRENDS = 300;

export function trendsOf(report: Report): Trend[] {
  const trends: Trend[] = [];
  const seen = new Set<string>();
  for (const change of report.changes) {
    const cell = change.cell ?? (change.location && 'tableId' in change.location ? change.location : undefined);
    if (!cell?.anchor || seen.has(cell.anchor)) continue;
    seen.add(cell.anchor);
    const delta = Number(change.delta);
    const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
    const glyph = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝';
    const magnitude = change.delta.replace(/^-/, '');
    const percent = change.percent !== undefined ? ` ${Number(change.percent) > 0 ? '+' : ''}${change.percent}%` : '';
    const stage = change.basis === 'table' && change.location && 'label' in change.location && change.location.label ? change.location.label : change.basis === 'stated' ? '文中所述同比' : '同比';
    trends.push({
      anchor: cell.anchor,
      direction,
      text: direction === 'flat' ? `${glyph}持平` : `${glyph}${magnitude}${percent}`,
      title: `${change.label}（${stage}）：${change.previous} → ${change.current}${change.unit}，${direction === 'flat' ? '持平' : `${direction === 'up' ? '增加' : '减少'} ${magnitude}${change.unit}${percent ? `，${percent.trim()}` : ''}`}`,
    });
    if (trends.length >= MAX_TRENDS) break;
  }
  return trends;
}
