import type { Finding, Location } from '../../engine/report/schema';
import { extraFigures, GROUP_LABEL, groupOf, isReading, READING_GLYPH, READING_LABEL, SEVERITY_GLYPH, SEVERITY_LABEL } from './labels';
import { locationLabel, type Mark } from './marks';

/** The ✕ ! i badge of a mark, named for screen readers; its listeners are the caller's. */
export function markBadge(doc: Document, mark: Mark): HTMLButtonElement {
  const badge = doc.createElement('button');
  badge.type = 'button';
  badge.className = `badge ${mark.severity}${mark.reading ? ' reading' : ''}`;
  badge.textContent = mark.reading ? READING_GLYPH : SEVERITY_GLYPH[mark.severity];
  const first = mark.findings[0]!;
  const symptoms = (first.consequences ?? []).slice(0, 3).map((c) => c.message);
  badge.setAttribute('aria-label', `${SEVERITY_LABEL[mark.severity]}${mark.reading ? `（${READING_LABEL}）` : ''}：${first.message}${symptoms.length ? `；同一处问题还导致：${symptoms.join('；')}` : ''}`);
  badge.dataset.anchor = mark.anchor;
  badge.dataset.findings = mark.findings.map((f) => f.id).join(' ');
  return badge;
}

/**
 * One finding as the tooltip shows it (severity, group, message, figures, related cells), shared
 * by the HTML page overlay and the PDF viewer. Text only ever goes in through textContent.
 * `showsValue` says whether a related cell shows anything: blank operands add nothing to read.
 */
export function findingNode(doc: Document, finding: Finding, showsValue: (location: Location) => boolean): HTMLElement {
  const item = doc.createElement('div');
  const reading = isReading(finding);
  item.className = `item ${finding.severity}${reading ? ' reading' : ''}`;
  const head = doc.createElement('div');
  head.className = 'head';
  const sev = doc.createElement('span');
  sev.className = 'sev';
  sev.textContent = reading ? READING_GLYPH : SEVERITY_GLYPH[finding.severity];
  const title = doc.createElement('span');
  title.textContent = `${SEVERITY_LABEL[finding.severity]}${reading ? `（${READING_LABEL}）` : ''} · ${GROUP_LABEL[groupOf(finding)]}`;
  head.append(sev, title);
  const msg = doc.createElement('div');
  msg.className = 'msg';
  msg.textContent = finding.message;
  item.append(head, msg);
  const figures = extraFigures(finding);
  if (figures) {
    const line = doc.createElement('div');
    line.className = 'figures';
    line.textContent = figures;
    item.append(line);
  }
  const related = finding.related.filter(showsValue);
  if (related.length) {
    const rel = doc.createElement('div');
    rel.className = 'rel';
    const label = doc.createElement('b');
    label.textContent = '相关单元格：';
    const shown = related.slice(0, 8).map(locationLabel).join('；');
    rel.append(label, doc.createTextNode(related.length > 8 ? `${shown} 等 ${related.length} 处` : shown));
    item.append(rel);
  }
  if (finding.consequences?.length) {
    const more = doc.createElement('div');
    more.className = 'rel consequences';
    const label = doc.createElement('b');
    label.textContent = '同一处问题还导致：';
    more.append(label, doc.createTextNode(finding.consequences.slice(0, 4).map((c) => c.message).join('；') + (finding.consequences.length > 4 ? ` 等 ${finding.consequences.length} 处` : '')));
    item.append(more);
  }
  return item;
}
