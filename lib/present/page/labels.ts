import type { Finding, Severity } from '../../engine/report/schema';

/** Chinese wording shared by the page overlay and the popup. */

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '尾数提示' };
/** Glyphs make severity readable without colour: ✕ error, ! warning, i rounding note. */
export const SEVERITY_GLYPH: Record<Severity, string> = { error: '✕', warning: '!', info: 'i' };

/** Findings that rest on a doubtful reading (basis 'reading') are drawn apart from document errors. */
export const READING_LABEL = '可能为读取问题';
export const READING_GLYPH = '?';

export function isReading(finding: Pick<Finding, 'basis'>): boolean {
  return finding.basis === 'reading';
}

export { GROUP_LABEL, GROUP_ORDER, groupOf } from '../../engine/report/groups';
export type { CategoryGroup } from '../../engine/report/groups';

/** "应为 19.89，实际 19.99，相差 0.10（允许尾差 0.07）万元" — the figures behind a message. */
export function figuresLine(finding: Finding): string {
  const parts: string[] = [];
  if (finding.expected !== undefined) parts.push(`应为 ${finding.expected}`);
  if (finding.actual !== undefined) parts.push(`实际 ${finding.actual}`);
  if (finding.difference !== undefined) parts.push(`相差 ${finding.difference}`);
  let line = parts.join('，');
  if (line && finding.tolerance !== undefined) line += `（允许尾差 ${finding.tolerance}）`;
  if (line && finding.unit) line += ` ${finding.unit}`;
  return line;
}

/** The figures line only when the message does not already spell them out (most messages do). */
export function extraFigures(finding: Finding): string {
  const spelled = [finding.expected, finding.actual].every((v) => v === undefined || finding.message.includes(v));
  return spelled ? '' : figuresLine(finding);
}
