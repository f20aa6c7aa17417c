import type { Finding } from '../lib/engine/report/schema';
import { extraFigures, SEVERITY_GLYPH, SEVERITY_LABEL } from '../lib/present/page/labels';
import { locationLabel } from '../lib/present/page/marks';

interface Props {
  finding: Finding;
  tableTitle?: string;
  onSelect: (finding: Finding) => void;
}

/** One finding: a button, so it is reachable and activatable by keyboard. */
export function FindingItem({ finding, tableTitle, onSelect }: Props) {
  const where = [tableTitle, locationLabel(finding.location)].filter(Boolean).join(' · ');
  const figures = extraFigures(finding);
  return (
    <li>
      <button type="button" class={`finding ${finding.severity}`} data-finding={finding.id} onClick={() => onSelect(finding)}>
        <span class="glyph" aria-label={SEVERITY_LABEL[finding.severity]} role="img">
          {SEVERITY_GLYPH[finding.severity]}
        </span>
        <span class="body">
          <span class="msg">{finding.message}</span>
          {figures && <span class="figures">{figures}</span>}
          {/* Page-derived (table titles, labels): isolated so no bidi text of theirs reorders ours. */}
          {where && <bdi class="where">{where}</bdi>}
        </span>
      </button>
    </li>
  );
}
