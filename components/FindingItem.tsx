import type { Finding } from '../lib/engine/report/schema';
import { extraFigures, isReading, READING_GLYPH, READING_LABEL, SEVERITY_GLYPH, SEVERITY_LABEL } from '../lib/present/page/labels';
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
  const reading = isReading(finding);
  const more = finding.consequences?.length ?? 0;
  return (
    <li>
      <button type="button" class={`finding ${finding.severity}${reading ? ' reading' : ''}`} data-finding={finding.id} onClick={() => onSelect(finding)}>
        <span class="glyph" aria-label={`${SEVERITY_LABEL[finding.severity]}${reading ? `（${READING_LABEL}）` : ''}`} role="img">
          {reading ? READING_GLYPH : SEVERITY_GLYPH[finding.severity]}
        </span>
        <span class="body">
          {reading && <span class="basis">{READING_LABEL}</span>}
          <span class="msg">{finding.message}</span>
          {more > 0 && <span class="consequences">同一处问题还导致另外 {more} 处不符</span>}
          {figures && <span class="figures">{figures}</span>}
          {where && <span class="where">{where}</span>}
        </span>
      </button>
    </li>
  );
}
