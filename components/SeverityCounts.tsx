import type { SeverityCounts as Counts } from '../lib/present/page/marks';
import { SEVERITY_GLYPH, SEVERITY_LABEL } from '../lib/present/page/labels';

/** Three counters; each carries its glyph so severity does not depend on colour. */
export function SeverityCounts({ counts }: { counts: Counts }) {
  return (
    <ul class="counts" aria-label="发现的问题数量">
      {(['error', 'warning', 'info'] as const).map((severity) => (
        <li key={severity} class={`count ${severity}${counts[severity] ? '' : ' zero'}`} data-severity={severity}>
          <span class="glyph" aria-hidden="true">
            {SEVERITY_GLYPH[severity]}
          </span>
          <span class="n">{counts[severity]}</span>
          <span class="what">{SEVERITY_LABEL[severity]}</span>
        </li>
      ))}
    </ul>
  );
}
