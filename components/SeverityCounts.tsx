import type { Severity } from '../lib/engine/report/schema';
import { t, type Lang } from '../lib/present/i18n';
import { SEVERITY_ICON } from '../lib/present/icons';
import type { Counts } from '../lib/present/view-model';
import { Icon } from './Icon';

interface Props {
  counts: Counts;
  lang?: Lang;
  /** The severity the list is filtered to, or null for all. */
  filter?: Severity | null;
  onFilter?: (severity: Severity | null) => void;
}

/** Three counters that filter the list (toggle buttons); each carries its icon so severity does not depend on colour. */
export function SeverityCounts({ counts, lang = 'zh', filter = null, onFilter }: Props) {
  const dict = t(lang);
  return (
    <div class="counts" role="group" aria-label={dict.popup.filterBy}>
      {(['error', 'warning', 'info'] as const).map((severity) => (
        <button
          type="button"
          key={severity}
          class={`count ${severity}${counts[severity] ? '' : ' zero'}${filter === severity ? ' active' : ''}`}
          data-severity={severity}
          aria-pressed={filter === severity}
          title={filter === severity ? dict.popup.showAll : `${dict.popup.filterOn(dict.severity[severity])} — ${dict.severityHelp[severity]}`}
          disabled={!onFilter || (!counts[severity] && filter !== severity)}
          onClick={() => onFilter?.(filter === severity ? null : severity)}
        >
          <span class="glyph">
            <Icon name={SEVERITY_ICON[severity]} />
          </span>
          <span class="n">{counts[severity]}</span>
          <span class="what">{dict.severity[severity]}</span>
        </button>
      ))}
    </div>
  );
}
